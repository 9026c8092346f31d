// Issue 14 item 2 for `wa-signup/flow`: a page that calls `preloadSdk(options)`
// before `await init()` has Meta's SDK requested while the flow's wasm is still
// downloading (the wasm response is held back until the SDK request was seen:
// an order, not a timing), and `new EmbeddedSignup(options)` afterwards uses
// that script (one SDK request, one script) and connects through the sandbox
// dialog with one POST. The flow module is the built package's
// (pkg/wa_signup_flow.js, scripts/build-pkg.sh), served as /pkg/ by the host
// server, its ./error.js and ./widget-sdk.js from js/.

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { FINISH_BODY, assertOneCallback } from "./harness/expect.mjs";
import { APP_ID, CONFIG_ID } from "./harness/host-server.mjs";
import { ROOT } from "./harness/paths.mjs";
import { useE2e } from "./harness/suite.mjs";
import { ElementPage } from "./pages/element-page.mjs";

const e2e = useE2e({ host: true });

const WASM = "**/wa_signup_flow_bg.wasm";
const SDK_URL = "https://connect.facebook.net/en_US/sdk.js";

test("flow: preloadSdk(options) before init() requests Meta's SDK while the wasm response is held back; EmbeddedSignup uses that script and connects", async (t) => {
  assert.ok(existsSync(join(ROOT, "pkg", "wa_signup_flow.js")), "pkg/ is not built: run scripts/build-pkg.sh");
  await e2e.server.reset();
  await e2e.server.control({ dialog: { auto: "finish" } });
  const page = await ElementPage.open(e2e.browser, e2e.server, e2e.host);
  t.after(() => page.close());

  // The flow's wasm response waits until `release()`.
  let release;
  const released = new Promise((r) => (release = r));
  let wasmRequested;
  const wasmSeen = new Promise((r) => (wasmRequested = r));
  await page.context.route(WASM, async (route) => {
    wasmRequested();
    await released;
    await route.continue().catch(() => {});
  });
  const sdkRequests = [];
  page.context.on("request", (r) => {
    if (r.url().startsWith("https://connect.facebook.net/")) sdkRequests.push(r.url());
  });
  const sdkRequested = page.page.waitForRequest((r) => r.url().startsWith("https://connect.facebook.net/"));

  await page.gotoBody(`<button id="connect" disabled>Connect</button>`, { script: false });
  const options = { appId: APP_ID, configId: CONFIG_ID, callbackUrl: page.callbackUrl };
  // What the README's flow quick start does: preloadSdk, then init, then the
  // flow; Connect enabled on `ready` and launching in the click.
  await page.page.evaluate((options) => {
    window.__flow = (async () => {
      const flow = await import("/pkg/wa_signup_flow.js");
      window.__preloaded = flow.preloadSdk(options);
      await flow.default();
      const signup = new flow.EmbeddedSignup(options);
      const button = document.getElementById("connect");
      window.__outcomes = [];
      const show = (s) => {
        if (s?.type === "ready") button.disabled = false;
      };
      signup.addEventListener("wa-signup:state", (e) => show(e.detail));
      show(signup.state);
      button.addEventListener("click", () => {
        signup.launch().then((o) => window.__outcomes.push(o.type), (e) => window.__outcomes.push(`error ${e.code}`));
      });
    })();
  }, options);

  await wasmSeen;
  // The wasm is requested and not answered yet; the SDK request must come anyway.
  assert.equal((await sdkRequested).url(), SDK_URL);
  assert.equal(await page.page.evaluate(() => window.__preloaded), true, "preloadSdk says it injected the script");
  assert.deepEqual(await page.sdkScripts(), [SDK_URL]);
  release();

  await page.page.evaluate(() => window.__flow);
  await page.page.waitForSelector("#connect:not([disabled])", { timeout: 8000 });
  await page.page.click("#connect");
  await page.page.waitForFunction(() => window.__outcomes.length > 0, null, { timeout: 8000 });
  assert.deepEqual(await page.page.evaluate(() => window.__outcomes), ["connected"]);
  await assertOneCallback(page, FINISH_BODY);
  assert.deepEqual(sdkRequests, [SDK_URL], "the SDK was fetched once");
  assert.deepEqual(await page.sdkScripts(), [SDK_URL], "the flow added no second script");
  assert.equal(await page.page.evaluate(() => document.getElementById("facebook-jssdk").hasAttribute("data-wa-signup-failed")), false);
  assert.deepEqual(await page.cspViolations(), []);
});
