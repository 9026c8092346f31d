#!/usr/bin/env node
// Time to `ready` (the Connect button enabled) on emulated phone networks, in
// real Chromium, against the physical lower bound of the same run (issue 14).
//
//   node bench/ready.mjs            # 5 samples per page and profile
//   node bench/ready.mjs --n 9      # more samples
//
// Needs the release demo server and web/pkg/ (e2e/run.sh builds both) and
// pkg/ (scripts/build-pkg.sh) for the flow page. Prints a table; never fails
// on a figure.
//
// Pages:
//   sdk     a page that only loads Meta's (sandbox) SDK and enables a plain
//           button in fbAsyncInit
//   flow    pkg/wa_signup_flow.js + its wasm, `new EmbeddedSignup(...)`, a plain
//           button enabled on the `wa-signup:state` ready event
//   widget  the demo server's own page (mount()); ready = `.wa-signup
//           .wa-signup-button` enabled
// `sdk` and `flow` are served by a node:http server on loopback (no
// compression, `cache-control: no-store`, like the demo server); the SDK comes
// from the demo server's TLS listener as https://connect.facebook.net.
//
// Each sample: a fresh browser context, CDP Network.emulateNetworkConditions
// and Network.setCacheDisabled before navigation. ready = performance.now()
// (relative to navigation start) when a MutationObserver first sees the
// button enabled. bytes = sum of encodedDataLength over Network.loadingFinished
// of that run (headers included). lower bound = 2 x RTT + bytes / downlink.
// Each sample times out at 30 s (reported as a failed sample).

import { createServer } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { join, normalize } from "node:path";
import { launchChromium } from "../e2e/harness/browser.mjs";
import { DemoServer } from "../e2e/harness/demo-server.mjs";
import { makeCertificate } from "../e2e/harness/tls.mjs";
import { ROOT, SERVER_BIN, WEB_PKG, CHROMIUM } from "../e2e/harness/paths.mjs";

const args = process.argv.slice(2);
const argValue = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : dflt;
};
const N = Math.max(1, Number(argValue("--n", 5)) | 0);
const SAMPLE_TIMEOUT_MS = 30000;
const PKG = join(ROOT, "pkg");

const PROFILES = [
  { name: "1.6M/750k/150ms", down: 1.6e6, up: 750e3, rtt: 150 },
  { name: "9M/1.5M/40ms", down: 9e6, up: 1.5e6, rtt: 40 },
];

const missing = [
  [SERVER_BIN, "cargo build --release -p wa-signup-demo"],
  [join(WEB_PKG, "wa_signup_web.js"), "web/build.sh"],
  [join(PKG, "wa_signup_flow.js"), "scripts/build-pkg.sh"],
  [CHROMIUM, "scripts/setup.sh (Debian chromium)"],
].filter(([p]) => !existsSync(p));
if (missing.length > 0) {
  console.error("bench/ready.mjs: build outputs missing (e2e/run.sh builds the first two):");
  for (const [p, how] of missing) console.error(`  ${p}  <- ${how}`);
  process.exit(2);
}

// Records the first moment `selector` is present and not disabled.
function watchReady(selector) {
  const check = () => {
    if (window.__readyAt !== undefined) return true;
    const el = document.querySelector(selector);
    if (el && !el.disabled && el.getAttribute("aria-disabled") !== "true") {
      window.__readyAt = performance.now();
      return true;
    }
    return false;
  };
  const obs = new MutationObserver(() => {
    if (check()) obs.disconnect();
  });
  obs.observe(document, { subtree: true, childList: true, attributes: true });
}

function sdkPage(cfg) {
  return `<!doctype html><meta charset="utf-8"><title>SDK only</title>
<button id="connect" disabled>Connect</button>
<script>
window.fbAsyncInit = function () {
  FB.init({ appId: ${JSON.stringify(cfg.appId)}, version: ${JSON.stringify(cfg.version)}, xfbml: false, cookie: false });
  document.getElementById("connect").disabled = false;
};
</script>
<script async defer crossorigin="anonymous" src="https://connect.facebook.net/en_US/sdk.js"></script>
`;
}

function flowPage(cfg) {
  return `<!doctype html><meta charset="utf-8"><title>flow module</title>
<button id="connect" disabled>Connect</button>
<script type="module">
import init, { EmbeddedSignup } from "/pkg/wa_signup_flow.js";
const button = document.getElementById("connect");
await init();
const signup = new EmbeddedSignup(${JSON.stringify({ appId: cfg.appId, configId: cfg.configId, callbackUrl: cfg.callbackUrl })});
const show = (s) => { if (s && s.type === "ready") button.disabled = false; };
signup.addEventListener("wa-signup:state", (e) => show(e.detail));
show(signup.state);
window.__signup = signup;
</script>
`;
}

function startStatic(cfg) {
  const types = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html; charset=utf-8" };
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    let body;
    let type = types[".html"];
    if (url.pathname === "/sdk.html") body = sdkPage(cfg);
    else if (url.pathname === "/flow.html") body = flowPage(cfg);
    else if (url.pathname.startsWith("/pkg/")) {
      const rel = normalize(url.pathname.slice(5));
      const file = join(PKG, rel);
      if (rel.startsWith("..") || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      body = readFileSync(file);
      type = types[file.slice(file.lastIndexOf("."))] || "application/octet-stream";
    } else {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": type, "cache-control": "no-store", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` })),
  );
}

const withTimeout = (p, ms, what) =>
  Promise.race([p, new Promise((_, rej) => setTimeout(() => rej(new Error(`${what}: timeout after ${ms} ms`)), ms))]);

async function sample(browser, url, selector, profile) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  try {
    await context.addInitScript(watchReady, selector);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const reqs = new Map();
    cdp.on("Network.requestWillBeSent", (e) => {
      if (!reqs.has(e.requestId)) reqs.set(e.requestId, { url: e.request.url, start: e.timestamp });
    });
    cdp.on("Network.responseReceived", (e) => {
      const r = reqs.get(e.requestId);
      if (r) r.status = e.response.status;
    });
    cdp.on("Network.loadingFinished", (e) => {
      const r = reqs.get(e.requestId);
      if (r) Object.assign(r, { end: e.timestamp, bytes: e.encodedDataLength });
    });
    cdp.on("Network.loadingFailed", (e) => {
      const r = reqs.get(e.requestId);
      if (r) Object.assign(r, { end: e.timestamp, failed: e.errorText });
    });
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: profile.rtt,
      downloadThroughput: profile.down / 8,
      uploadThroughput: profile.up / 8,
    });
    const run = async () => {
      await page.goto(url, { waitUntil: "commit", timeout: SAMPLE_TIMEOUT_MS });
      await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: SAMPLE_TIMEOUT_MS, polling: 20 });
      const ready = await page.evaluate(() => window.__readyAt);
      // Let the requests in flight at ready finish (nothing more is fetched
      // by these pages), so the byte count is the whole run.
      const until = Date.now() + 3000;
      while ([...reqs.values()].some((r) => r.end === undefined) && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 25));
      }
      return ready;
    };
    const ready = await withTimeout(run(), SAMPLE_TIMEOUT_MS, url);
    const list = [...reqs.values()];
    const bytes = list.reduce((a, r) => a + (r.bytes || 0), 0);
    const t0 = Math.min(...list.map((r) => r.start));
    const ms = (t) => (t === undefined ? undefined : (t - t0) * 1000);
    const sdk = list.find((r) => /connect\.facebook\.net\/.*sdk\.js/.test(r.url));
    const wasm = list.find((r) => r.url.endsWith(".wasm"));
    const lower = 2 * profile.rtt + ((bytes * 8) / profile.down) * 1000;
    return {
      ready,
      bytes,
      lower,
      requests: list.length,
      sdkStart: ms(sdk?.start),
      sdkEnd: ms(sdk?.end),
      wasmStart: ms(wasm?.start),
      wasmEnd: ms(wasm?.end),
      wasmBytes: wasm?.bytes,
      sdkBytes: sdk?.bytes,
    };
  } finally {
    await context.close().catch(() => {});
  }
}

const median = (xs) => {
  const s = xs.filter((x) => x !== undefined && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return undefined;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const f0 = (x) => (x === undefined ? "-" : Math.round(x).toLocaleString("en-US"));

async function main() {
  const tls = makeCertificate();
  let server;
  let browser;
  let local;
  try {
    server = await DemoServer.start({ cert: tls.cert, key: tls.key });
    const pc = await server.pageConfig();
    const w = pc.widget || {};
    const cfg = {
      appId: w.appId ?? "1234567890",
      configId: w.configId ?? "9876543210",
      version: w.graphApiVersion ?? "v23.0",
      callbackUrl: server.app + "/api/signup/callback",
    };
    local = await startStatic(cfg);
    browser = await launchChromium(server.tls);
    const pages = [
      { name: "sdk only", url: local.origin + "/sdk.html", selector: "#connect" },
      { name: "flow + button", url: local.origin + "/flow.html", selector: "#connect" },
      { name: "widget mount()", url: server.app + "/", selector: ".wa-signup .wa-signup-button" },
    ];
    // One unthrottled warm-up per page (Chromium's own first-run work).
    for (const p of pages) {
      await sample(browser, p.url, p.selector, { rtt: 0, down: -8, up: -8 }).catch((e) =>
        console.error(`warm-up ${p.name}: ${e.message}`),
      );
    }
    console.log(`bench/ready.mjs: N=${N} samples per cell, Chromium ${browser.version()}, ${new Date().toISOString()}`);
    const rows = [];
    const waterfalls = [];
    for (const profile of PROFILES) {
      for (const p of pages) {
        const samples = [];
        let failed = 0;
        for (let i = 0; i < N; i++) {
          try {
            samples.push(await sample(browser, p.url, p.selector, profile));
          } catch (e) {
            failed++;
            console.error(`${profile.name} ${p.name} sample ${i + 1}: ${e.message.split("\n")[0]}`);
          }
        }
        const ready = median(samples.map((s) => s.ready));
        const bytes = median(samples.map((s) => s.bytes));
        const lower = median(samples.map((s) => s.lower));
        const ratio = median(samples.map((s) => s.ready / s.lower));
        rows.push({ profile: profile.name, page: p.name, ready, bytes, lower, ratio, ok: samples.length, failed, samples });
        if (p.name !== "sdk only") {
          waterfalls.push({
            profile: profile.name,
            page: p.name,
            wasmStart: median(samples.map((s) => s.wasmStart)),
            wasmEnd: median(samples.map((s) => s.wasmEnd)),
            sdkStart: median(samples.map((s) => s.sdkStart)),
            sdkEnd: median(samples.map((s) => s.sdkEnd)),
            ready,
            wasmBytes: median(samples.map((s) => s.wasmBytes)),
            sdkBytes: median(samples.map((s) => s.sdkBytes)),
            overlap: samples.filter((s) => s.sdkStart !== undefined && s.wasmEnd !== undefined && s.sdkStart < s.wasmEnd).length,
            n: samples.length,
          });
        }
      }
    }
    console.log("");
    console.log("| profile | page | median ready (ms) | bytes | lower bound (ms) | ready / lower | samples (ms) |");
    console.log("| --- | --- | ---: | ---: | ---: | ---: | --- |");
    for (const r of rows) {
      const all = r.samples.map((s) => f0(s.ready)).join(", ") + (r.failed ? ` (${r.failed} failed)` : "");
      const ratio = r.ratio === undefined ? "-" : r.ratio.toFixed(2) + "x";
      console.log(`| ${r.profile} | ${r.page} | ${f0(r.ready)} | ${f0(r.bytes)} | ${f0(r.lower)} | ${ratio} | ${all} |`);
    }
    console.log("");
    console.log("waterfall (medians, ms from the page request's start):");
    for (const w of waterfalls) {
      console.log(
        `  ${w.profile} ${w.page}: wasm ${f0(w.wasmStart)} -> ${f0(w.wasmEnd)} (${f0(w.wasmBytes)} B), SDK ${f0(w.sdkStart)} -> ${f0(w.sdkEnd)} (${f0(w.sdkBytes)} B), ready ${f0(w.ready)}; ` +
          `SDK request started before the wasm response ended in ${w.overlap}/${w.n} samples`,
      );
    }
    console.log("");
    console.log("ready / lower: median over samples of (ready / (2 x RTT + bytes x 8 / downlink)) of the same run.");
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (local) local.server.close();
    if (server) await server.stop();
    tls.remove();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
