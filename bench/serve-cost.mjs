#!/usr/bin/env node
// What the demo server sends for the widget's files and what it costs it per
// request: bytes on the wire and server CPU (user + system time of the server
// process, from /proc) for identity, gzip and Brotli, compressed on the fly
// (tower-http's CompressionLayer: Brotli quality 4, gzip level 6) and from
// precompressed siblings (Brotli quality 11 and gzip -9, written here with
// node's zlib the way a build would). Prints a table; asserts nothing.
//
//   node bench/serve-cost.mjs [--n 20] [--pkg web/pkg] [--bin target/release/wa-signup-demo]
//
// The files are copied to a temporary <dir>/web/pkg, so the package itself is
// never touched. Requests go one at a time over loopback.

import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { SERVER_BIN, WEB_PKG } from "../e2e/harness/paths.mjs";

const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : dflt;
};
const N = Math.max(1, Number(arg("--n", 20)) | 0);
const PKG = arg("--pkg", WEB_PKG);
const BIN = arg("--bin", SERVER_BIN);
const FILES = ["wa_signup_web_bg.wasm", "wa_signup_web.js", "wa-signup.css"];

for (const p of [BIN, ...FILES.map((f) => join(PKG, f))]) {
  if (!existsSync(p)) {
    console.error(`bench/serve-cost.mjs: missing ${p} (cargo build --release -p wa-signup-demo; web/build.sh)`);
    process.exit(2);
  }
}

const TICK_MS = 10; // USER_HZ = 100 on Linux
function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime
}

function get(origin, path, encoding) {
  return new Promise((resolve, reject) => {
    const headers = encoding === "identity" ? {} : { "accept-encoding": encoding };
    const req = request(origin + path, { headers }, (res) => {
      let bytes = 0;
      res.on("data", (c) => (bytes += c.length));
      res.on("end", () => resolve({ status: res.statusCode, bytes, encoding: res.headers["content-encoding"] ?? "identity" }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

async function startServer(webPkg) {
  const child = spawn(BIN, ["--port", "0", "--meta-port", "0", "--web-pkg", webPkg], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const app = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready:\n${out}`)), 15000);
    child.stdout.setEncoding("utf8").on("data", (c) => {
      out += c;
      const m = /WA_SIGNUP_DEMO_READY app=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr.on("data", (c) => (out += c));
    child.once("exit", (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
  return { child, app };
}

async function measure(server, file, encoding) {
  const path = `/web/pkg/${file}`;
  await get(server.app, path, encoding); // warm-up
  const cpu0 = cpuMs(server.child.pid);
  const t0 = performance.now();
  let last;
  for (let i = 0; i < N; i++) last = await get(server.app, path, encoding);
  const wall = (performance.now() - t0) / N;
  const cpu = (cpuMs(server.child.pid) - cpu0) / N;
  return { bytes: last.bytes, sent: last.encoding, wall, cpu };
}

const dir = mkdtempSync(join(tmpdir(), "wa-serve-cost-"));
const webPkg = join(dir, "web", "pkg");
mkdirSync(webPkg, { recursive: true });
for (const f of FILES) copyFileSync(join(PKG, f), join(webPkg, f));
const server = await startServer(webPkg);
const rows = [];
try {
  for (const f of FILES) {
    for (const enc of ["identity", "gzip", "br"]) rows.push({ f, how: enc === "identity" ? "identity" : "on the fly", ...(await measure(server, f, enc)) });
  }
  const build = {};
  for (const f of FILES) {
    const bytes = readFileSync(join(webPkg, f));
    let t = performance.now();
    writeFileSync(join(webPkg, `${f}.br`), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
    build[`${f} br`] = performance.now() - t;
    t = performance.now();
    writeFileSync(join(webPkg, `${f}.gz`), gzipSync(bytes, { level: 9 }));
    build[`${f} gzip`] = performance.now() - t;
  }
  for (const f of FILES) {
    for (const enc of ["gzip", "br"]) rows.push({ f, how: "precompressed", build: build[`${f} ${enc}`], ...(await measure(server, f, enc)) });
  }
} finally {
  server.child.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}

const f0 = (x) => Math.round(x).toLocaleString("en-US");
console.log(`bench/serve-cost.mjs: ${N} requests per row, ${BIN}, files from ${PKG}`);
console.log("");
console.log("| file | sent as | how | bytes | server CPU per request (ms) | time per request (ms) | build-time compression (ms, once) |");
console.log("| --- | --- | --- | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  console.log(`| ${r.f} | ${r.sent} | ${r.how} | ${f0(r.bytes)} | ${r.cpu.toFixed(1)} | ${r.wall.toFixed(1)} | ${r.build === undefined ? "" : f0(r.build)} |`);
}
console.log("");
console.log(`CPU from /proc/<pid>/stat (utime + stime, ${TICK_MS} ms ticks), divided by ${N}.`);
