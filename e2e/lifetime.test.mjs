// Issue 9, lifetimes: a widget lives until handle.destroy() or until its
// element leaves the document, whether or not the page keeps the handle
// (checked after forced garbage collections: Chromium runs with
// --js-flags=--expose-gc); React StrictMode's mount, destroy, mount leaves
// one widget and one set of listeners; one appId per page.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  APP_ID,
  BUSINESS_NAME,
  FINISH_BODY,
  assertNoCallback,
  assertOneCallback,
  assertOneOutcome,
} from "./harness/expect.mjs";
import { useE2e } from "./harness/suite.mjs";
import { BUTTON, READY_TITLE } from "./harness/texts.mjs";

const e2e = useE2e({ host: true, browserArgs: ["--js-flags=--expose-gc"] });

const OTHER_APP_ID = "1111111111";

/**
 * Full garbage collections, with turns of the event loop for finalizers in
 * between. Returns how many control objects (registered in a
 * FinalizationRegistry, like wasm-bindgen's handles, and dropped) were
 * finalized: at least one, or the GCs proved nothing.
 */
function collectGarbage(page, rounds = 5) {
  return page.page.evaluate(async (rounds) => {
    if (typeof gc !== "function") throw new Error("gc() missing: Chromium needs --js-flags=--expose-gc");
    const control = (window.__e2eControl ??= { finalized: 0 });
    control.registry ??= new FinalizationRegistry(() => (control.finalized += 1));
    const before = control.finalized;
    (() => control.registry.register({ payload: new Array(1000).fill(0) }, "control"))();
    for (let i = 0; i < rounds; i += 1) {
      // Some garbage so the collector has work, then a full GC.
      let junk = [];
      for (let j = 0; j < 2000; j += 1) junk.push({ j, s: "x".repeat(64) });
      junk = null;
      gc();
      await new Promise((r) => setTimeout(r, 100));
    }
    gc();
    await new Promise((r) => setTimeout(r, 200));
    return control.finalized - before;
  }, rounds);
}

test("dropped MountHandle: after forced GCs the widget is still there and connects", async (t) => {
  const page = await e2e.openHost(t, { dialog: { auto: "finish" } });
  await page.goto(e2e.host.page({ title: "Handle dropped", widgets: [{ keepHandle: false }] }));
  assert.deepEqual(await page.page.evaluate(() => Object.keys(window.__host.handles)), [], "the page kept no handle");

  assert.ok((await collectGarbage(page)) >= 1, "the forced GCs ran finalizers");
  assert.equal(await page.roots(), 1, "the widget is still in the page");
  const shown = await page.status();
  assert.equal(shown.title, READY_TITLE);
  assert.deepEqual(shown.buttons, [BUTTON.connect()]);
  await page.screenshot("lifetime-01-after-gc-ready");

  await page.connect();
  // Collect again while the run is in flight.
  await collectGarbage(page, 2);
  await assertOneOutcome(page, "wa-signup:success");
  await assertOneCallback(page, FINISH_BODY);
  assert.equal((await page.status()).title, `Connected: ${BUSINESS_NAME}`);
  await page.screenshot("lifetime-02-after-gc-connected");
});

for (const keepHandle of [true, false]) {
  test(`mount element removed from the document (${keepHandle ? "handle kept" : "handle dropped"}): the widget is destroyed, its message listener removed, no POST`, async (t) => {
    const page = await e2e.openHost(t);
    await page.goto(e2e.host.page({ title: "Element removed", widgets: [{ keepHandle }] }));
    const dialog = await page.connect();
    await page.waitForState("waitingForMeta");
    assert.equal(await page.widgetMessageListeners(), 1, "the run listens for Meta's session events");

    await page.page.evaluate(() => document.getElementById("widget").remove());
    await page.page.waitForFunction(
      () => !window.__e2eListeners().some((l) => l.where === "window" && l.type === "message" && l.widget),
    );
    assert.equal(await page.widgetMessageListeners(), 0);

    // Meta's window, if still open, finishing now must not reach the server.
    if (!dialog.page.isClosed()) {
      try {
        await dialog.throughProfile();
        await dialog.continueFrom("PHONE_NUMBER_SETUP");
        await dialog.continueFrom("PERMISSIONS");
        await dialog.waitForClose();
      } catch (e) {
        if (!dialog.page.isClosed()) throw e;
      }
    }
    await assertNoCallback(page, 1000);
    const successes = (await page.events()).filter((e) => e.name === "wa-signup:success");
    assert.deepEqual(successes, []);
  });
}

test("StrictMode mount, destroy, mount on one element: one widget, one set of listeners, one POST", async (t) => {
  const page = await e2e.openHost(t, { dialog: { auto: "finish" } });
  // Reference: the listeners of one plain mount.
  await page.goto(e2e.host.page({ title: "Single mount" }));
  const single = await page.widgetListenerSet();

  await page.goto(e2e.host.page({ title: "StrictMode", widgets: [{ mount: false }] }), { waitReady: false });
  // What React 18 StrictMode does with an effect in development: run it,
  // clean it up, run it again, all in the same task.
  await page.page.evaluate(() => {
    const { options } = window.__host.config.widgets[0];
    const first = window.__host.mount("widget", options);
    first.destroy();
    window.__host.mount("widget", options);
  });
  await page.waitForReady();
  assert.equal(await page.roots(), 1, "exactly one .wa-signup root");
  assert.equal(await page.page.evaluate(() => document.getElementById("widget").children.length), 1);
  assert.deepEqual(await page.widgetListenerSet(), single, "the same listeners as one plain mount");
  await page.screenshot("lifetime-03-strict-mode-ready");

  await page.connect();
  await page.waitForState("waitingForMeta");
  await assertOneOutcome(page, "wa-signup:success");
  await assertOneCallback(page, FINISH_BODY);
  assert.equal((await page.status()).title, `Connected: ${BUSINESS_NAME}`);
});

test("StrictMode: while waiting for Meta there is exactly one message listener", async (t) => {
  const page = await e2e.openHost(t);
  await page.goto(e2e.host.page({ title: "StrictMode, waiting", widgets: [{ mount: false }] }), { waitReady: false });
  await page.page.evaluate(() => {
    const { options } = window.__host.config.widgets[0];
    window.__host.mount("widget", options).destroy();
    window.__host.mount("widget", options);
  });
  await page.waitForReady();
  const dialog = await page.connect();
  await page.waitForState("waitingForMeta");
  assert.equal(await page.widgetMessageListeners(), 1);
  await dialog.cancelAt("BUSINESS_ACCOUNT_SELECTION");
  const detail = await assertOneOutcome(page, "wa-signup:cancel");
  assert.equal(detail.source, "meta");
  assert.equal(await page.widgetMessageListeners(), 0);
  await assertNoCallback(page);
});

test("two appIds on one page: the second mount throws APP_ID_CONFLICT; after destroy() the other appId mounts", async (t) => {
  const page = await e2e.openHost(t);
  await page.goto(
    e2e.host.page({
      title: "Two appIds",
      widgets: [
        { id: "widget", options: { appId: APP_ID } },
        { id: "other", options: { appId: OTHER_APP_ID } },
      ],
    }),
  );
  const conflict = await page.mountResult("other");
  assert.equal(conflict.ok, false, "the second appId was refused");
  assert.equal(conflict.error.name, "WaSignupError");
  assert.equal(conflict.error.code, "APP_ID_CONFLICT");
  assert.equal(await page.roots("other"), 0);
  assert.match(await page.page.locator("#other-error").textContent(), /^APP_ID_CONFLICT: /);
  await page.screenshot("lifetime-04-app-id-conflict");

  // The first widget logs in with its own app.
  const dialog = await page.connect();
  assert.equal(dialog.url().searchParams.get("client_id"), APP_ID);
  await dialog.cancelAt("BUSINESS_ACCOUNT_SELECTION");
  await assertOneOutcome(page, "wa-signup:cancel");

  // Released on destroy(): the other app may now mount, and logs in as itself.
  assert.equal(await page.page.evaluate(() => window.__host.destroy("widget")), true);
  assert.equal(await page.roots("widget"), 0);
  await page.page.evaluate((appId) => {
    const { options } = window.__host.config.widgets[1];
    window.__host.mount("other", { ...options, appId });
  }, OTHER_APP_ID);
  assert.deepEqual(await page.mountResult("other"), { ok: true });
  await page.waitForWidgetReady("#other");
  const popup = page.page.waitForEvent("popup");
  await page.page.locator("#other .wa-signup-button").first().click();
  const other = await popup;
  assert.equal(new URL(other.url()).searchParams.get("client_id"), OTHER_APP_ID);
  await assertNoCallback(page);
});

test("the same appId twice: both mount and share the SDK; the second connects, one POST", async (t) => {
  const page = await e2e.openHost(t, { dialog: { auto: "finish" } });
  await page.goto(
    e2e.host.page({
      title: "Same appId twice",
      widgets: [
        { id: "widget", options: { appId: APP_ID } },
        { id: "second", options: { appId: APP_ID } },
      ],
    }),
  );
  assert.deepEqual(await page.mountResult("second"), { ok: true });
  await page.waitForWidgetReady("#second");
  const sdkLoads = page.requests.filter((r) => r.url === "https://connect.facebook.net/en_US/sdk.js");
  assert.equal(sdkLoads.length, 1, "one SDK for both");

  page.mountSelector = "#second";
  const dialog = await page.connect();
  assert.equal(dialog.url().searchParams.get("client_id"), APP_ID);
  await assertOneOutcome(page, "wa-signup:success");
  await assertOneCallback(page, FINISH_BODY);
  assert.equal((await page.status("#second")).title, `Connected: ${BUSINESS_NAME}`);
  assert.equal((await page.status("#widget")).title, READY_TITLE, "the first one is untouched");
  await page.screenshot("lifetime-05-same-app-id-twice");
});
