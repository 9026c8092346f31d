// Runs one built browser fixture in Chromium against the sandbox Meta: the
// page validates a number (#phone), then a signup is clicked through Meta's
// simulated dialog to "connected" (#outcome), with exactly one callback POST.
// The e2e suite's server, browser, page objects and assertions are reused.

import assert from "node:assert/strict";
import { launchChromium } from "../../e2e/harness/browser.mjs";
import { DemoServer } from "../../e2e/harness/demo-server.mjs";
import {
  BUSINESS_NAME,
  DISPLAY_PHONE_NUMBER,
  FINISH_BODY,
  PHONE_NUMBER_ID,
  WABA_ID,
  assertOneCallback,
} from "../../e2e/harness/expect.mjs";
import { CALLBACK_PATH } from "../../e2e/harness/host-server.mjs";
import { makeCertificate } from "../../e2e/harness/tls.mjs";
import { DemoPage, newContext } from "../../e2e/pages/demo-page.mjs";
import { DialogPage } from "../../e2e/pages/dialog-page.mjs";
import { Site } from "./site.mjs";

/** What shared/page.js's checkPhone() must show. */
export const EXPECTED_PHONE = {
  isE164: true,
  e164: "+442079460958",
  regions: ["GB", "GG", "IM", "JE"],
  error: { name: "WaSignupError", code: "MISSING_PLUS", isWaSignupError: true },
};

/** What shared/page.js's outcomeSummary() must show after the sandbox signup. */
export const EXPECTED_OUTCOME = { type: "connected", businessName: BUSINESS_NAME, wabaId: WABA_ID };

/** The demo server (facebook mode: Meta's real origins, mapped by Chromium), and one Chromium. */
export async function startSandbox() {
  const cert = makeCertificate();
  let server;
  try {
    server = await DemoServer.start({ cert: cert.cert, key: cert.key });
    const browser = await launchChromium(server.tls);
    return {
      server,
      browser,
      async stop() {
        await browser.close();
        await server.stop();
        cert.remove();
      },
    };
  } catch (e) {
    await server?.stop();
    cert.remove();
    throw e;
  }
}

/**
 * The page's first failure: an uncaught error, or a request answered with an
 * error status (a module script or a .wasm that is not there: the page would
 * never get further). A rejected promise that is never unhandled.
 */
function firstFailure(page) {
  const failure = new Promise((_, reject) => {
    // The page's story, not Playwright's frames.
    const fail = (message) => {
      const e = new Error(message);
      e.stack = `Error: ${message}`;
      reject(e);
    };
    page.on("pageerror", (e) => fail(`the page threw: ${e.message}`));
    page.on("response", (r) => {
      if (r.status() >= 400) fail(`${r.status()} for ${r.request().method()} ${r.url()}`);
    });
  });
  failure.catch(() => {});
  return failure;
}

/** Waits for JSON in `selector`, or fails with the page's first failure. */
async function readJson(demo, selector, failure) {
  const shown = demo.page.waitForFunction((sel) => document.querySelector(sel)?.textContent || null, selector);
  shown.catch(() => {}); // a failure wins the race; the wait ends with the context
  const handle = await Promise.race([shown, failure]);
  return JSON.parse(await handle.jsonValue());
}

/**
 * Serves `mounts` (Site.start) and runs the fixture at `path` in a fresh
 * context. `widget`: the selector of a widget (`mount()` target or
 * `<wa-signup-connect>`) whose own Connect button starts the signup; without
 * it the page's `#connect` button (EmbeddedSignup) does. `console`: a line
 * the page must have logged by the end ("log: text").
 */
export async function runBrowserFixture(t, sandbox, mounts, { path = "/", widget = null, console = null } = {}) {
  const site = await Site.start(mounts, sandbox.server.app);
  t.after(() => site.stop());
  await sandbox.server.reset();
  const context = await newContext(sandbox.browser);
  const demo = new DemoPage(context, await context.newPage(), sandbox.server);
  t.after(() => demo.close());
  demo.callbackUrl = site.origin + CALLBACK_PATH;
  const failure = firstFailure(demo.page);
  try {
    await demo.page.goto(site.origin + path);
    assert.deepEqual(await readJson(demo, "#phone", failure), EXPECTED_PHONE, "the number checks on the page");
    const beforeInit = demo.page.locator("#before-init");
    if (await beforeInit.count()) {
      // The page called the module before init() (and wrote what it threw, before #phone).
      const text = await beforeInit.textContent();
      assert.ok(text, "a call before init() threw nothing");
      const { message, ...early } = JSON.parse(text);
      assert.deepEqual(early, { name: "WaSignupError", code: "NOT_INITIALIZED", isWaSignupError: true });
      assert.match(message, /\binit\(\)/, "the message says which call to make");
    }

    let dialog;
    if (widget) {
      demo.mountSelector = widget;
      await demo.waitForWidgetReady();
      // One widget however the framework mounted it (React's StrictMode mounts twice).
      assert.equal(await demo.page.locator(`${widget} .wa-signup`).count(), 1, "one widget root");
      dialog = await demo.connect();
    } else {
      await demo.page.locator("#connect:enabled").waitFor();
      const popup = demo.page.waitForEvent("popup", { timeout: 5000 });
      await demo.page.locator("#connect").click();
      dialog = new DialogPage(await popup);
    }
    await dialog.throughProfile();
    await dialog.choosePhone(`existing:${PHONE_NUMBER_ID}`);
    await dialog.continueFrom("PHONE_NUMBER_SETUP");
    await dialog.continueFrom("PERMISSIONS");
    await dialog.waitForClose();

    assert.deepEqual(await readJson(demo, "#outcome", failure), EXPECTED_OUTCOME, "the outcome the page got");
    const { code } = await assertOneCallback(demo, FINISH_BODY);
    await demo.assertCodeNotLeaked(code);
    if (widget) {
      const shown = await demo.status();
      assert.equal(shown.title, `Connected: ${BUSINESS_NAME}`);
      assert.deepEqual(shown.numbers, [DISPLAY_PHONE_NUMBER]);
    }
    if (console) assert.ok(demo.console.includes(console), `the page logged ${JSON.stringify(console)}`);
    const errors = demo.console.filter((line) => /^(pageerror|error):/.test(line));
    assert.deepEqual(errors, [], "no error in the console");
  } catch (e) {
    // Say what the page and the server saw: the first thing a reader needs.
    const seen =
      `\n  page ${site.origin}${path}` +
      `\n  console:\n${demo.console.map((l) => `    ${l}`).join("\n") || "    (nothing)"}` +
      `\n  failed requests:\n${site.failures().map((l) => `    ${l}`).join("\n") || "    (none)"}`;
    // The reporters print the stack (made with the error, message included).
    if (typeof e.stack === "string") e.stack += seen;
    else e.message += seen;
    throw e;
  }
}
