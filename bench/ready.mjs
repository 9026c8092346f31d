#!/usr/bin/env node
// Time to `ready` (the Connect button enabled) on emulated phone networks, in
// real Chromium, against the physical lower bound of the same run (issue 14).
//
//   node bench/ready.mjs                        # every page, 5 samples per page and profile
//   node bench/ready.mjs --n 9                  # more samples
//   node bench/ready.mjs --pages widget,widget-hints --via demo --profiles slow
//
// Needs the release demo server and web/pkg/ (e2e/run.sh builds both) and
// pkg/ (scripts/build-pkg.sh: the flow module, the widget entry widget.js and
// the widget's files). Prints tables; never fails on a figure.
//
// Pages (--pages takes the ids):
//   sdk            a page that only loads Meta's (sandbox) SDK and enables a
//                  plain button in fbAsyncInit
//   flow           pkg/wa_signup_flow.js + its wasm, `await init()`, `new
//                  EmbeddedSignup(...)`, a plain button enabled on the
//                  `wa-signup:state` ready event
//   flow-hints     the same with <link rel=preload as=script crossorigin> of
//                  Meta's SDK, modulepreload of the glue, preload of the wasm
//   flow-preload   `flow` with `preloadSdk(options)` called before `await
//                  init()` (no hints): the SDK downloads beside the wasm
//   demo           the demo server's own page (demo.js -> demo-config.json ->
//                  the glue -> init() -> mount())
//   widget         `import { mount } from "pkg/widget.js"; mount(el, opts)`:
//                  the package's widget entry (the SDK is injected at mount(),
//                  before the wasm is ready)
//   widget-hints   the same page with the integrator's hints: modulepreload of
//                  the glue (and widget.js's two small imports), preload
//                  as=fetch of the .wasm, preconnect to connect.facebook.net
//   widget-hints-sdk  the same plus <link rel=preload as=script crossorigin> of
//                  Meta's SDK (its download starts with the page's)
//   element        <wa-signup-connect app-id config-id callback-url> +
//                  <script type=module src=pkg/widget.js>
//   element-hints  the same with the hints
// Every page but sdk and demo is served twice (--via): `demo`, its package files
// fetched from the demo server's /pkg/ (proxied, headers and bytes as the
// server sends them: Brotli from the build's precompressed .br siblings, else
// Brotli q4 on the fly; no-cache + Last-Modified), and `gzip9`, from a
// node:http server that sends gzip -9 (node's zlib) with no-store. The pages
// themselves come from that node:http server on loopback; the SDK from the
// demo server's TLS listener as https://connect.facebook.net.
//
// Each sample: a fresh browser context, CDP Network.emulateNetworkConditions
// and Network.setCacheDisabled before navigation. ready = performance.now()
// (relative to navigation start) when a MutationObserver first sees the
// button enabled. bytes = sum of encodedDataLength over Network.loadingFinished
// of that run (headers included). lower bound = 2 x RTT + bytes / downlink.
// Each sample times out at 30 s (reported as a failed sample).

import { createServer, request as httpRequest } from "node:http";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { launchChromium } from "../e2e/harness/browser.mjs";
import { DemoServer } from "../e2e/harness/demo-server.mjs";
import { makeCertificate } from "../e2e/harness/tls.mjs";
import { ROOT, SERVER_BIN, WEB_PKG, CHROMIUM } from "../e2e/harness/paths.mjs";

const args = process.argv.slice(2);
const argValue = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : dflt;
};
const listArg = (name) => argValue(name, undefined)?.split(",").filter(Boolean);
const N = Math.max(1, Number(argValue("--n", 5)) | 0);
const SAMPLE_TIMEOUT_MS = 30000;
// The packages are copied (timestamps kept, so the .br/.gz siblings stay
// fresh) into a snapshot at start: a rebuild of pkg/ during a run cannot mix
// two builds. The demo server serves the snapshot (--web-pkg <snap>/web/pkg,
// its /pkg/ is <snap>/pkg).
const SNAPSHOT = mkdtempSync(join(tmpdir(), "wa-ready-"));
const PKG = join(SNAPSHOT, "pkg");
const SNAP_WEB_PKG = join(SNAPSHOT, "web", "pkg");

const PROFILES = [
  { id: "slow", name: "1.6M/750k/150ms", down: 1.6e6, up: 750e3, rtt: 150 },
  { id: "fast", name: "9M/1.5M/40ms", down: 9e6, up: 1.5e6, rtt: 40 },
].filter((p) => !listArg("--profiles") || listArg("--profiles").includes(p.id));
const VIA = ["demo", "gzip9"].filter((v) => !listArg("--via") || listArg("--via").includes(v));

const missing = [
  [SERVER_BIN, "cargo build --release -p wa-signup-demo"],
  [join(WEB_PKG, "wa_signup_web.js"), "web/build.sh"],
  [join(ROOT, "pkg", "wa_signup_flow.js"), "scripts/build-pkg.sh"],
  [join(ROOT, "pkg", "widget.js"), "scripts/build-pkg.sh (the widget entry)"],
  [CHROMIUM, "scripts/setup.sh (Debian chromium)"],
].filter(([p]) => !existsSync(p));
if (missing.length > 0) {
  console.error("bench/ready.mjs: build outputs missing (e2e/run.sh builds the first two):");
  for (const [p, how] of missing) console.error(`  ${p}  <- ${how}`);
  rmSync(SNAPSHOT, { recursive: true, force: true });
  process.exit(2);
}
cpSync(join(ROOT, "pkg"), PKG, { recursive: true, preserveTimestamps: true });
cpSync(WEB_PKG, SNAP_WEB_PKG, { recursive: true, preserveTimestamps: true });

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

function flowPage(cfg, base, withHints, preload) {
  const head = withHints
    ? `<link rel="preload" as="script" crossorigin href="https://connect.facebook.net/en_US/sdk.js">
<link rel="modulepreload" href="${base}/wa_signup_flow.js">
<link rel="preload" as="fetch" type="application/wasm" crossorigin href="${base}/wa_signup_flow_bg.wasm">
`
    : "";
  return `<!doctype html><meta charset="utf-8"><title>flow module</title>
${head}<button id="connect" disabled>Connect</button>
<script type="module">
import init, { EmbeddedSignup${preload ? ", preloadSdk" : ""} } from "${base}/wa_signup_flow.js";
const button = document.getElementById("connect");
const options = ${JSON.stringify({ appId: cfg.appId, configId: cfg.configId, callbackUrl: cfg.callbackUrl })};
${preload ? "preloadSdk(options);\n" : ""}await init();
const signup = new EmbeddedSignup(options);
const show = (s) => { if (s && s.type === "ready") button.disabled = false; };
signup.addEventListener("wa-signup:state", (e) => show(e.detail));
show(signup.state);
window.__signup = signup;
</script>
`;
}

/**
 * The hints an integrator adds to the page's <head> (README, "Serving the
 * widget's .wasm"): the modules widget.js imports, the wasm, Meta's origin.
 */
function hints(base, sdk) {
  const preloadSdk = sdk ? `<link rel="preload" as="script" crossorigin href="https://connect.facebook.net/en_US/sdk.js">\n` : "";
  return `${preloadSdk}<link rel="modulepreload" href="${base}/wa_signup_web.js">
<link rel="modulepreload" href="${base}/error.js">
<link rel="modulepreload" href="${base}/widget-sdk.js">
<link rel="preload" as="fetch" type="application/wasm" crossorigin href="${base}/wa_signup_web_bg.wasm">
<link rel="preconnect" href="https://connect.facebook.net">
`;
}

function widgetPage(cfg, base, withHints, sdk) {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>widget mount()</title>
${withHints ? hints(base, sdk) : ""}<div id="widget"></div>
<script type="module">
import { mount } from "${base}/widget.js";
window.__handle = mount(document.getElementById("widget"), ${JSON.stringify({ appId: cfg.appId, configId: cfg.configId, callbackUrl: cfg.callbackUrl })});
</script>
`;
}

function elementPage(cfg, base, withHints) {
  const attr = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>wa-signup-connect</title>
${withHints ? hints(base) : ""}<wa-signup-connect app-id="${attr(cfg.appId)}" config-id="${attr(cfg.configId)}" callback-url="${attr(cfg.callbackUrl)}"></wa-signup-connect>
<script type="module" src="${base}/widget.js"></script>
`;
}

/** The page for `id` with its package files under `base`. */
function page(id, cfg, base) {
  switch (id) {
    case "flow":
    case "flow-hints":
    case "flow-preload":
      return flowPage(cfg, base, id === "flow-hints", id === "flow-preload");
    case "widget":
    case "widget-hints":
    case "widget-hints-sdk":
      return widgetPage(cfg, base, id !== "widget", id.endsWith("-sdk"));
    case "element":
    case "element-hints":
      return elementPage(cfg, base, id.endsWith("-hints"));
    default:
      return undefined;
  }
}

const TYPES = { ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".html": "text/html; charset=utf-8" };
const gzipped = new Map();

/** pkg/<rel> as gzip -9 (node's zlib), cached per modification time. */
function gzip9(file) {
  const mtime = statSync(file).mtimeMs;
  const hit = gzipped.get(file);
  if (hit && hit.mtime === mtime) return hit.body;
  const body = gzipSync(readFileSync(file), { level: 9 });
  gzipped.set(file, { mtime, body });
  return body;
}

/**
 * Pages at /sdk.html and /{demo,gzip9}/<id>.html; package files at
 * /demo/pkg/* (proxied to the demo server's /pkg/*) and /gzip9/pkg/* (gzip -9
 * from pkg/ on disk).
 */
function startStatic(cfg, demoOrigin) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const html = (body) => {
      res.writeHead(200, { "content-type": TYPES[".html"], "cache-control": "no-store", "content-length": Buffer.byteLength(body) });
      res.end(body);
    };
    if (url.pathname === "/sdk.html") return html(sdkPage(cfg));
    const m = /^\/(demo|gzip9)\/(?:([a-z-]+)\.html|pkg\/(.+))$/.exec(url.pathname);
    if (!m) return res.writeHead(404).end();
    const [, via, id, rest] = m;
    if (id !== undefined) {
      const body = page(id, cfg, `/${via}/pkg`);
      return body === undefined ? res.writeHead(404).end() : html(body);
    }
    if (via === "demo") {
      const upstream = httpRequest(`${demoOrigin}/pkg/${rest}`, { headers: { "accept-encoding": req.headers["accept-encoding"] ?? "" } }, (up) => {
        const keep = ["content-type", "content-encoding", "content-length", "cache-control", "vary", "last-modified", "transfer-encoding"];
        const headers = Object.fromEntries(keep.filter((k) => up.headers[k] !== undefined).map((k) => [k, up.headers[k]]));
        res.writeHead(up.statusCode, headers);
        up.pipe(res);
      });
      upstream.on("error", () => res.writeHead(502).end());
      return upstream.end();
    }
    const rel = normalize(rest);
    const file = join(PKG, rel);
    if (rel.startsWith("..") || !existsSync(file)) return res.writeHead(404).end();
    const type = TYPES[file.slice(file.lastIndexOf("."))] || "application/octet-stream";
    const accepts = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
    const body = accepts ? gzip9(file) : readFileSync(file);
    const headers = { "content-type": type, "cache-control": "no-store", vary: "accept-encoding", "content-length": body.length };
    if (accepts) headers["content-encoding"] = "gzip";
    res.writeHead(200, headers);
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

const PAGE_IDS = ["sdk", "flow", "flow-hints", "flow-preload", "demo", "widget", "widget-hints", "widget-hints-sdk", "element", "element-hints"];

async function main() {
  const tls = makeCertificate();
  let server;
  let browser;
  let local;
  try {
    server = await DemoServer.start({ cert: tls.cert, key: tls.key, args: ["--web-pkg", SNAP_WEB_PKG] });
    const pc = await server.pageConfig();
    const w = pc.widget || {};
    const cfg = {
      appId: w.appId ?? "1234567890",
      configId: w.configId ?? "9876543210",
      version: w.graphApiVersion ?? "v23.0",
      callbackUrl: server.app + "/api/signup/callback",
    };
    local = await startStatic(cfg, server.app);
    browser = await launchChromium(server.tls);
    const wanted = listArg("--pages") ?? PAGE_IDS;
    const pages = [];
    for (const id of PAGE_IDS.filter((i) => wanted.includes(i))) {
      if (id === "sdk") pages.push({ id, via: "-", url: local.origin + "/sdk.html", selector: "#connect" });
      else if (id === "demo") pages.push({ id, via: "demo", url: server.app + "/", selector: ".wa-signup .wa-signup-button" });
      else {
        const selector = id.startsWith("flow") ? "#connect" : id.startsWith("element") ? "wa-signup-connect .wa-signup-button" : "#widget .wa-signup-button";
        for (const via of VIA) pages.push({ id, via, url: `${local.origin}/${via}/${id}.html`, selector });
      }
    }
    // One unthrottled warm-up per page (Chromium's own first-run work).
    for (const p of pages) {
      await sample(browser, p.url, p.selector, { rtt: 0, down: -8, up: -8 }).catch((e) =>
        console.error(`warm-up ${p.id} (${p.via}): ${e.message.split("\n")[0]}`),
      );
    }
    const siblings = existsSync(join(PKG, "wa_signup_web_bg.wasm.br")) ? "present" : "absent";
    console.log(
      `bench/ready.mjs: N=${N} samples per cell, Chromium ${browser.version()}, ${new Date().toISOString()}; ` +
        `pkg/*.br siblings ${siblings} (demo server: ${siblings === "present" ? "Brotli 11 precompressed" : "Brotli q4 on the fly"}); ` +
        `widget wasm ${statSync(join(PKG, "wa_signup_web_bg.wasm")).size} B raw; server ${SERVER_BIN}`,
    );
    const rows = [];
    for (const profile of PROFILES) {
      for (const p of pages) {
        const samples = [];
        let failed = 0;
        for (let i = 0; i < N; i++) {
          try {
            samples.push(await sample(browser, p.url, p.selector, profile));
          } catch (e) {
            failed++;
            console.error(`${profile.name} ${p.id} (${p.via}) sample ${i + 1}: ${e.message.split("\n")[0]}`);
          }
        }
        const med = (k) => median(samples.map((s) => s[k]));
        rows.push({
          profile: profile.name,
          page: p.id,
          via: p.via,
          ready: med("ready"),
          bytes: med("bytes"),
          lower: med("lower"),
          ratio: median(samples.map((s) => s.ready / s.lower)),
          wasmStart: med("wasmStart"),
          wasmEnd: med("wasmEnd"),
          sdkStart: med("sdkStart"),
          sdkEnd: med("sdkEnd"),
          wasmBytes: med("wasmBytes"),
          sdkBytes: med("sdkBytes"),
          overlap: samples.filter((s) => s.sdkStart !== undefined && s.wasmEnd !== undefined && s.sdkStart < s.wasmEnd).length,
          n: samples.length,
          failed,
          samples,
        });
      }
    }
    console.log("");
    console.log("| profile | page | via | median ready (ms) | bytes | lower bound (ms) | ready / lower | samples (ms) |");
    console.log("| --- | --- | --- | ---: | ---: | ---: | ---: | --- |");
    for (const r of rows) {
      const all = r.samples.map((s) => f0(s.ready)).join(", ") + (r.failed ? ` (${r.failed} failed)` : "");
      const ratio = r.ratio === undefined ? "-" : r.ratio.toFixed(2) + "x";
      console.log(`| ${r.profile} | ${r.page} | ${r.via} | ${f0(r.ready)} | ${f0(r.bytes)} | ${f0(r.lower)} | ${ratio} | ${all} |`);
    }
    console.log("");
    console.log("Waterfall (medians, ms from the page request's start):");
    console.log("");
    console.log("| profile | page | via | wasm request -> response end | SDK request -> end | ready | SDK started before the wasm ended |");
    console.log("| --- | --- | --- | --- | --- | ---: | --- |");
    for (const r of rows.filter((r) => r.page !== "sdk")) {
      console.log(
        `| ${r.profile} | ${r.page} | ${r.via} | ${f0(r.wasmStart)} -> ${f0(r.wasmEnd)} (${f0(r.wasmBytes)} B) | ` +
          `${f0(r.sdkStart)} -> ${f0(r.sdkEnd)} (${f0(r.sdkBytes)} B) | ${f0(r.ready)} | ${r.overlap} / ${r.n} |`,
      );
    }
    const gains = [];
    for (const r of rows.filter((r) => r.page.includes("-hints"))) {
      const base = rows.find((b) => b.profile === r.profile && b.via === r.via && b.page === r.page.replace(/-hints.*$/, ""));
      if (base && base.ready !== undefined && r.ready !== undefined) gains.push({ r, base });
    }
    if (gains.length > 0) {
      console.log("");
      console.log("What the hints give (median ready without -> with; wasm request start without -> with):");
      console.log("");
      console.log("| profile | page | via | ready (ms) | change | wasm request starts (ms) |");
      console.log("| --- | --- | --- | --- | ---: | --- |");
      for (const { r, base } of gains) {
        const d = r.ready - base.ready;
        console.log(
          `| ${r.profile} | ${r.page} | ${r.via} | ${f0(base.ready)} -> ${f0(r.ready)} | ${d > 0 ? "+" : ""}${f0(d)} (${((100 * d) / base.ready).toFixed(0)} %) | ${f0(base.wasmStart)} -> ${f0(r.wasmStart)} |`,
        );
      }
    }
    console.log("");
    console.log("ready / lower: median over samples of (ready / (2 x RTT + bytes x 8 / downlink)) of the same run.");
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (local) local.server.close();
    if (server) await server.stop();
    tls.remove();
    rmSync(SNAPSHOT, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
