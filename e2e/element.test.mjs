// Issue 11 item 1 and issue 14 item 2: `wa-signup/widget` (js/widget.js over
// web/pkg/, as the npm package lays it out) on a plain HTML page under the
// strict production CSP. The <wa-signup-connect> element connects through the
// sandbox dialog, remounts when an option changes, is destroyed with the
// element; mount() works before the wasm is ready; Meta's SDK is requested
// while the wasm is still downloading (the wasm response is held back until the
// SDK request was seen: an order, not a timing), and the SDK URL the module
// predicts is the one the wasm loads, per locale. A language other than English
// is a small texts module (widget-locale-<tag>.js), requested beside the wasm.

import assert from "node:assert/strict";
import { test } from "node:test";
import { BUSINESS_NAME, FINISH_BODY, assertNoCallback, assertOneCallback, assertOneOutcome } from "./harness/expect.mjs";
import { APP_ID, CALLBACK_PATH, CONFIG_ID } from "./harness/host-server.mjs";
import { useE2e } from "./harness/suite.mjs";
import { BUTTON, READY_TITLE } from "./harness/texts.mjs";
import { ElementPage } from "./pages/element-page.mjs";

const e2e = useE2e({ host: true });

const WASM = "**/wa_signup_web_bg.wasm";
const SDK = "https://connect.facebook.net/**";

/** Resets the sandbox and opens an element page in a fresh context, closed with `t`. */
async function open(t, control = {}, contextOptions = {}) {
  await e2e.server.reset();
  await e2e.server.control(control);
  const page = await ElementPage.open(e2e.browser, e2e.server, e2e.host, contextOptions);
  t.after(() => page.close());
  return page;
}

/**
 * Holds every response matching `pattern` until `release()` is called.
 * `requested` resolves once the first such request was made.
 */
async function hold(page, pattern) {
  let release;
  const released = new Promise((r) => (release = r));
  let requested;
  const seen = new Promise((r) => (requested = r));
  await page.context.route(pattern, async (route) => {
    requested(route.request().url());
    await released;
    await route.continue().catch(() => {});
  });
  return { release, requested: seen };
}

/** Mount options of the demo app for mount() (the host's same-origin callback). */
function options(page, extra = {}) {
  return { appId: APP_ID, configId: CONFIG_ID, callbackUrl: page.host.origin + CALLBACK_PATH, ...extra };
}

/** Runs the sandbox dialog to its end (every screen with its defaults). */
async function finishDialog(dialog) {
  await dialog.throughProfile();
  await dialog.continueFrom("PHONE_NUMBER_SETUP");
  await dialog.continueFrom("PERMISSIONS");
  await dialog.waitForClose();
}

test("<wa-signup-connect> from plain HTML connects end to end through the sandbox dialog; events bubble out of it", async (t) => {
  const page = await open(t);
  await page.gotoBody(page.elementHtml());
  await page.waitForReady();
  const shown = await page.status();
  assert.equal(shown.title, READY_TITLE);
  assert.deepEqual(shown.buttons, [BUTTON.connect()]);
  assert.equal(await page.roots(), 1);
  assert.equal(await page.page.evaluate(() => document.getElementById("signup").isMounted), true);
  // The widget renders in the element's light DOM: its root is the element's child.
  assert.equal(await page.page.evaluate(() => document.querySelector("#signup > .wa-signup") !== null), true);
  await page.page.evaluate(() => {
    const el = document.getElementById("signup");
    window.__seen = [];
    el.addEventListener("wa-signup:success", (e) =>
      window.__seen.push({
        target: e.target.className,
        current: e.currentTarget === el,
        bubbles: e.bubbles,
        composed: e.composed,
        type: e.detail.type,
      }),
    );
  });
  await page.screenshot("element-01-ready");

  await finishDialog(await page.connect());
  await assertOneOutcome(page, "wa-signup:success");
  await assertOneCallback(page, FINISH_BODY);
  assert.equal((await page.status()).title, `Connected: ${BUSINESS_NAME}`);
  assert.deepEqual(await page.page.evaluate(() => window.__seen), [
    { target: "wa-signup", current: true, bubbles: true, composed: true, type: "connected" },
  ]);
  assert.deepEqual(await page.cspViolations(), []);
  await page.screenshot("element-02-connected");
});

test("an option changed after mount remounts the widget (once per task); an equal object does not; removing app-id unmounts", async (t) => {
  const page = await open(t);
  await page.gotoBody(page.elementHtml());
  await page.waitForReady();
  const mark = () =>
    page.page.evaluate(() => {
      const root = document.querySelector("#signup .wa-signup");
      if (root) root.dataset.generation ??= String((window.__generation = (window.__generation ?? 0) + 1));
      return root ? root.dataset.generation : null;
    });
  const first = await mark();
  assert.equal(await page.page.locator("#signup .wa-signup-input").count(), 0);

  // Two attributes and a property in one task: one remount with all three.
  await page.page.evaluate(() => {
    const el = document.getElementById("signup");
    el.setAttribute("phone-field", "");
    el.setAttribute("run-timeout-ms", "60000");
    el.extras = { setup: { business: { name: "Wind & Wool" } } };
  });
  await page.page.locator("#signup .wa-signup-input").waitFor();
  await page.waitForReady();
  assert.equal(await page.roots(), 1, "one widget after the remount");
  const second = await mark();
  assert.notEqual(second, first, "a new widget");

  // A new object with the same value, the same attribute again: no remount.
  await page.page.evaluate(() => {
    const el = document.getElementById("signup");
    el.extras = { setup: { business: { name: "Wind & Wool" } } };
    el.setAttribute("run-timeout-ms", "60000");
    el.phoneField = true;
  });
  await page.page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  assert.equal(await mark(), second, "the same widget");

  // The property reflects its attribute; phone-field="false" reads as false.
  assert.deepEqual(
    await page.page.evaluate(() => {
      const el = document.getElementById("signup");
      const seen = [el.phoneField, el.runTimeoutMs, el.getAttribute("run-timeout-ms")];
      el.setAttribute("phone-field", "false");
      seen.push(el.phoneField);
      return seen;
    }),
    [true, 60000, "60000", false],
  );
  await page.page.locator("#signup .wa-signup-input").waitFor({ state: "detached" });
  await page.waitForReady();

  // The remounted widget carries the new options: the business name reaches Meta's dialog.
  const dialog = await page.connect();
  await dialog.waitForStep("BUSINESS_ACCOUNT_SELECTION");
  const extras = JSON.parse(dialog.url().searchParams.get("extras"));
  assert.equal(extras.setup.business.name, "Wind & Wool");
  await dialog.cancelAt("BUSINESS_ACCOUNT_SELECTION");
  await assertOneOutcome(page, "wa-signup:cancel");

  // Without a required attribute there is nothing to mount (and nothing to report).
  await page.page.evaluate(() => document.getElementById("signup").removeAttribute("app-id"));
  await page.page.waitForFunction(() => !document.querySelector("#signup .wa-signup"));
  assert.equal(await page.page.evaluate(() => document.getElementById("signup").isMounted), false);
  const errors = (await page.events()).filter((e) => e.name === "wa-signup:error");
  assert.deepEqual(errors, []);
  await assertNoCallback(page, 100);
});

test("removing the element destroys its widget (no POST after); moving it in one task keeps it", async (t) => {
  const page = await open(t);
  await page.gotoBody(`${page.elementHtml()}<div id="elsewhere"></div>`);
  await page.waitForReady();
  const root = await page.page.evaluateHandle(() => document.querySelector("#signup .wa-signup"));

  // Moved within one task: the same widget, still mounted.
  await page.page.evaluate(() => document.getElementById("elsewhere").append(document.getElementById("signup")));
  await page.page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  assert.equal(await page.page.evaluate((r) => r.isConnected && r.parentElement.id === "signup", root), true);
  assert.equal(await page.page.evaluate(() => document.getElementById("signup").isMounted), true);
  // moveBefore() (an atomic move, where the browser has it) keeps it too.
  const moved = await page.page.evaluate(() => {
    const el = document.getElementById("signup");
    if (typeof el.parentNode.moveBefore !== "function") return null;
    document.body.moveBefore(el, null);
    return new Promise((r) => setTimeout(() => r(el.isMounted && el.querySelector(".wa-signup") !== null), 50));
  });
  assert.notEqual(moved, false, "moveBefore() kept the widget");
  assert.equal(await page.page.evaluate((r) => r.isConnected, root), true);

  const dialog = await page.connect();
  await page.waitForState("waitingForMeta");
  assert.equal(await page.widgetMessageListeners(), 1, "the run listens for Meta's session events");
  await page.page.evaluate(() => {
    window.__removed = document.getElementById("signup");
    window.__removed.remove();
  });
  await page.page.waitForFunction(() => !window.__removed.isMounted);
  await page.page.waitForFunction(
    () => !window.__e2eListeners().some((l) => l.where === "window" && l.type === "message" && l.widget),
  );
  assert.equal(await page.page.evaluate(() => window.__removed.children.length), 0, "the widget's DOM is gone");
  if (!dialog.page.isClosed()) await finishDialog(dialog).catch(() => {});
  await assertNoCallback(page, 500);
  assert.deepEqual((await page.events()).filter((e) => e.name === "wa-signup:success"), []);

  // Inserted again later: a fresh widget.
  await page.page.evaluate(() => document.body.append(window.__removed));
  await page.waitForReady();
  assert.equal(await page.roots(), 1);
});

test("properties assigned before the element is defined are used when it upgrades (a framework rendering before the import)", async (t) => {
  const page = await open(t);
  await page.gotoBody(`<div id="holder"></div>`, { script: false });
  await page.page.evaluate((opts) => {
    const el = document.createElement("wa-signup-connect");
    el.id = "signup";
    // Own properties on the not-yet-upgraded element, as React or Vue would set them.
    Object.assign(el, opts, { phoneField: true, extras: { setup: { business: { name: "Wind & Wool" } } } });
    document.getElementById("holder").append(el);
  }, options(page));
  assert.equal(await page.roots(), 0);
  await page.page.evaluate(() => import("/pkg/widget.js"));
  await page.waitForReady();
  assert.equal(await page.page.locator("#signup .wa-signup-input").count(), 1, "phoneField reached the widget");
  assert.deepEqual(
    await page.page.evaluate(() => {
      const el = document.getElementById("signup");
      return [el.getAttribute("app-id"), el.getAttribute("phone-field"), Object.hasOwn(el, "extras"), el.extras];
    }),
    [APP_ID, "", false, { setup: { business: { name: "Wind & Wool" } } }],
  );
});

test("invalid options: the element dispatches wa-signup:error { type: invalidOptions, code }, logs one console error, shows nothing", async (t) => {
  const page = await open(t);
  await page.gotoBody(page.elementHtml({ "app-id": "not-digits" }));
  const error = await page.page.waitForFunction(() => window.__e2eEvents.find((e) => e.name === "wa-signup:error"));
  const { detail } = await error.jsonValue();
  assert.equal(detail.type, "invalidOptions");
  assert.equal(detail.code, "INVALID_APP_ID");
  assert.equal(typeof detail.message, "string");
  assert.equal(await page.roots(), 0, "no widget");
  const errors = page.console.filter((line) => line.startsWith("error:") || line.startsWith("pageerror:"));
  assert.equal(errors.length, 1, errors.join("\n"));
  assert.match(errors[0], /^error: <wa-signup-connect>: .*INVALID_APP_ID|^error: <wa-signup-connect>: WaSignupError/);

  // Corrected: it mounts.
  await page.page.evaluate((id) => document.getElementById("signup").setAttribute("app-id", id), APP_ID);
  await page.waitForReady();
  assert.equal(await page.roots(), 1);

  // A secret anywhere is refused with its own code, before anything else.
  await page.page.evaluate(() => (document.getElementById("signup").headers = { "X-Key": "sk_admin_abc123" }));
  const secret = await page.page.waitForFunction(() =>
    window.__e2eEvents.find((e) => e.name === "wa-signup:error" && e.detail.code === "SECRET_IN_BROWSER"),
  );
  assert.ok(!JSON.stringify(await secret.jsonValue()).includes("abc123"), "the key is never echoed");
  assert.equal(await page.roots(), 0);
});

test("nonce: the element's CSP nonce reaches the widget although the header CSP hides the attribute", async (t) => {
  const page = await open(t);
  await page.gotoBody(page.elementHtml({ nonce: "rAnd0m+/Base64==" }));
  await page.waitForReady();
  assert.deepEqual(
    await page.page.evaluate(() => {
      const el = document.getElementById("signup");
      return [el.getAttribute("nonce"), el.nonce];
    }),
    ["", "rAnd0m+/Base64=="],
    "the browser hid the attribute (nonce hiding), the property keeps it",
  );
  assert.deepEqual((await page.events()).filter((e) => e.name === "wa-signup:error"), []);
  // An invalid nonce set as the property is refused like the option.
  await page.page.evaluate(() => (document.getElementById("signup").nonce = "not a nonce"));
  const error = await page.page.waitForFunction(() => window.__e2eEvents.find((e) => e.name === "wa-signup:error"));
  assert.equal((await error.jsonValue()).detail.code, "INVALID_CONFIG");
});

test("mount() before the wasm is ready: a handle at once, ready settles mounted; destroy() before ready leaves nothing; after init() mount is synchronous", async (t) => {
  const page = await open(t);
  await page.gotoBody(`<div id="a"></div><div id="b"></div><div id="c"></div>`);
  const result = await page.page.evaluate(async (opts) => {
    const widget = await import("/pkg/widget.js");
    const a = widget.mount(document.getElementById("a"), opts);
    const b = widget.mount(document.getElementById("b"), opts);
    // Invalid options before the wasm is ready: no throw, `ready` rejects.
    const bad = widget.mount(document.getElementById("c"), { ...opts, appId: "x" });
    const early = { a: a.isMounted, b: b.isMounted, rootsA: document.querySelectorAll("#a .wa-signup").length };
    b.destroy();
    const [readyA, readyB] = await Promise.all([a.ready, b.ready]);
    let invalid = null;
    await bad.ready.catch((e) => (invalid = { name: e.name, code: e.code, isError: e instanceof widget.WaSignupError }));
    // Wait a while longer: nothing may appear in #b.
    await new Promise((r) => setTimeout(r, 200));
    // The wasm is ready now: mount() is the wasm's, synchronous, and throws.
    let thrown = null;
    try {
      widget.mount(document.getElementById("c"), { ...opts, configId: "y" });
    } catch (e) {
      thrown = { name: e.name, code: e.code };
    }
    // A second copy of the module (another URL: another instance) leaves the first element class.
    const defined = customElements.get("wa-signup-connect");
    await import("/pkg/widget.js?second-copy");
    const secondCopy = customElements.get("wa-signup-connect") === defined;
    const c = widget.mount(document.getElementById("c"), opts);
    const sync = { isMounted: c.isMounted, roots: document.querySelectorAll("#c .wa-signup").length, ready: await c.ready };
    c.destroy();
    return {
      early,
      readyA,
      readyB,
      a: a.isMounted,
      b: b.isMounted,
      rootsB: document.querySelectorAll("#b .wa-signup").length,
      childrenB: document.getElementById("b").childNodes.length,
      invalid,
      thrown,
      secondCopy,
      sync,
      rootsC: document.querySelectorAll("#c .wa-signup").length,
    };
  }, options(page));
  assert.deepEqual(result, {
    early: { a: false, b: false, rootsA: 0 },
    readyA: true,
    readyB: false,
    a: true,
    b: false,
    rootsB: 0,
    childrenB: 0,
    invalid: { name: "WaSignupError", code: "INVALID_APP_ID", isError: true },
    thrown: { name: "WaSignupError", code: "INVALID_CONFIG_ID" },
    secondCopy: true,
    sync: { isMounted: true, roots: 1, ready: true },
    rootsC: 0,
  });
  await page.waitForWidgetReady("#a");
  assert.equal((await page.sdkScripts()).length, 1, "one SDK script for the page");
});

test("not ready yet: Meta's SDK is requested while the wasm response is still held back, and the wasm's loader uses that script", async (t) => {
  const page = await open(t, { dialog: { auto: "finish" } });
  const wasm = await hold(page, WASM);
  const sdkRequests = [];
  page.context.on("request", (r) => {
    if (r.url().startsWith("https://connect.facebook.net/")) sdkRequests.push(r.url());
  });
  const sdkRequested = page.page.waitForRequest((r) => r.url().startsWith("https://connect.facebook.net/"));
  await page.gotoBody(page.elementHtml());
  await wasm.requested;
  // The wasm is requested and not answered yet; the SDK request must come anyway.
  assert.equal(await (await sdkRequested).url(), "https://connect.facebook.net/en_US/sdk.js");
  assert.deepEqual(await page.sdkScripts(), ["https://connect.facebook.net/en_US/sdk.js"]);
  assert.equal(await page.roots(), 0, "the widget is not mounted yet");
  wasm.release();

  await page.waitForReady();
  await page.connect();
  await assertOneOutcome(page, "wa-signup:success");
  await assertOneCallback(page, FINISH_BODY);
  assert.deepEqual(sdkRequests, ["https://connect.facebook.net/en_US/sdk.js"], "the SDK was fetched once");
  assert.equal((await page.sdkScripts()).length, 1, "the wasm added no second script");
});

test('locale="ar": the Arabic texts module is requested while the wasm response is still held back; the widget is Arabic, right to left, from its first frame, and connects', async (t) => {
  const page = await open(t, { dialog: { auto: "finish" } });
  const wasm = await hold(page, WASM);
  const requests = [];
  page.context.on("request", (r) => requests.push(r.url()));
  // The first widget root the page shows: its lang, dir and button text as inserted.
  await page.context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const root = document.querySelector("#signup .wa-signup");
      if (!root) return;
      const button = root.querySelector(".wa-signup-button");
      window.__first = { lang: root.lang, dir: root.dir, button: button?.textContent ?? null };
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  const texts = page.page.waitForRequest((r) => r.url().endsWith("/widget-locale-ar.js"));
  await page.gotoBody(page.elementHtml({ locale: "ar" }));
  await wasm.requested;
  // The wasm is requested and not answered yet; the texts and Meta's Arabic SDK come anyway.
  await texts;
  assert.equal(await page.roots(), 0, "the widget is not mounted yet");
  assert.deepEqual(await page.sdkScripts(), ["https://connect.facebook.net/ar_AR/sdk.js"]);
  wasm.release();

  await page.waitForReady();
  assert.deepEqual(await page.page.evaluate(() => window.__first), { lang: "ar", dir: "rtl", button: "ربط WhatsApp" });
  const shown = await page.status();
  assert.equal(shown.title, "كل شيء جاهز لربط حساب WhatsApp Business الخاص بك.");
  assert.deepEqual(shown.buttons, [{ label: "ربط WhatsApp", disabled: false }]);
  // Only the Arabic texts were fetched, once.
  const modules = requests.filter((u) => /widget-locale-/.test(u)).map((u) => new URL(u).pathname);
  assert.deepEqual(modules, ["/pkg/widget-locale-ar.js"]);
  await page.connect();
  await assertOneOutcome(page, "wa-signup:success");
  await assertOneCallback(page, FINISH_BODY);
  assert.equal((await page.status()).title, `تم الربط: \u2068${BUSINESS_NAME}\u2069`);
  assert.deepEqual(await page.cspViolations(), []);
});

test("an English page fetches no texts module; mount() after init() is synchronous in the page's language, and a widget in another language waits for its texts", async (t) => {
  const page = await open(t);
  const requests = [];
  page.context.on("request", (r) => requests.push(r.url()));
  await page.gotoBody(page.elementHtml());
  await page.waitForReady();
  assert.deepEqual(requests.filter((u) => /widget-locale-/.test(u)), [], "English is in the wasm");

  const tab = await page.context.newPage();
  t.after(() => tab.close());
  await tab.goto(page.fixture.url);
  const seen = await tab.evaluate(async (opts) => {
    document.documentElement.lang = "de";
    const widget = await import("/pkg/widget.js");
    await widget.init();
    const root = (id) => document.querySelector(`#${id} .wa-signup`);
    const box = (id) => document.body.appendChild(Object.assign(document.createElement("div"), { id }));
    // The page's language: init() loaded German, so the mount is synchronous.
    const de = widget.mount(box("de"), opts);
    const sync = { lang: root("de")?.lang ?? null, isMounted: de.isMounted };
    // Another language: the handle comes back at once, the widget mounts with its texts.
    const fr = widget.mount(box("fr"), { ...opts, locale: "fr" });
    const before = { root: root("fr") !== null, isMounted: fr.isMounted };
    const ready = await fr.ready;
    const after = { lang: root("fr")?.lang, button: root("fr")?.querySelector(".wa-signup-button")?.textContent };
    // Invalid options on that path reject `ready` with the wasm's error.
    const bad = await widget.mount(box("bad"), { ...opts, locale: "hi", appId: "x" }).ready.catch((e) => e.code);
    return { sync, before, ready, after, bad };
  }, options(page));
  assert.deepEqual(seen, {
    sync: { lang: "de", isMounted: true },
    before: { root: false, isMounted: false },
    ready: true,
    after: { lang: "fr", button: "Connecter WhatsApp" },
    bad: "INVALID_APP_ID",
  });
});

test("the SDK finished loading before the wasm started: the widget uses window.FB and connects", async (t) => {
  const page = await open(t, { dialog: { auto: "finish" } });
  const wasm = await hold(page, WASM);
  await page.gotoBody(page.elementHtml());
  await wasm.requested;
  await page.page.waitForFunction(() => typeof window.FB?.login === "function");
  wasm.release();
  await page.waitForReady();
  await page.connect();
  await assertOneOutcome(page, "wa-signup:success");
  await assertOneCallback(page, FINISH_BODY);
  assert.equal((await page.sdkScripts()).length, 1);
});

test("the SDK blocked (an ad blocker) before the wasm started: the widget shows the SDK failure; Try again loads it and connects", async (t) => {
  const page = await open(t, { dialog: { auto: "finish" } });
  const wasm = await hold(page, WASM);
  let blocked = 0;
  await page.context.route(SDK, (route) => {
    blocked += 1;
    return route.abort("blockedbyclient");
  });
  // Resource errors do not bubble, but a capturing listener on window sees them.
  await page.context.addInitScript(() =>
    window.addEventListener("error", (e) => e.target?.id === "facebook-jssdk" && (window.__sdkFailed = true), true),
  );
  await page.gotoBody(page.elementHtml());
  await wasm.requested;
  await page.page.waitForFunction(() => window.__sdkFailed === true);
  wasm.release();

  const failed = await page.waitForState("failed");
  assert.equal(failed.kind, "SDK_LOAD_FAILED");
  await page.page.locator("#signup .wa-signup-status-code", { hasText: "SDK_LOAD_FAILED" }).waitFor();
  assert.deepEqual((await page.status()).buttons, [BUTTON.tryAgain()]);
  assert.ok(blocked >= 1);

  await page.context.unroute(SDK);
  await page.primaryButton.click();
  await page.waitForReady();
  assert.equal((await page.sdkScripts()).length, 1, "the failed script was replaced, not duplicated");
  await page.connect();
  await assertOneOutcome(page, "wa-signup:success");
  await assertOneCallback(page, FINISH_BODY);
});

/**
 * [locale option, <html lang>, the browser's language, Meta's locale]: js/widget-sdk.js
 * must predict the SDK URL the wasm loads (crate/src/flow/locale.rs, web/src/i18n/page.rs).
 */
const LOCALE_CASES = [
  [undefined, "en", "en-US", "en_US"],
  [undefined, "pt-BR", "en-US", "pt_BR"],
  [undefined, "es-ES", "fr-FR", "es_ES"],
  [undefined, "", "id-ID", "id_ID"],
  [undefined, "ja", "hi-IN", "hi_IN"],
  [undefined, "ja", "ko-KR", "en_US"],
  [undefined, "AR-eg", "en-US", "ar_AR"],
  ["ar", "de", "fr-FR", "ar_AR"],
  ["es-MX", "en", "en-US", "es_LA"],
  ["es_es", "en", "en-US", "es_ES"],
  ["pt-PT", "en", "en-US", "pt_BR"],
  ["de_AT", "en", "en-US", "de_DE"],
  ["fr-CA", "en", "en-US", "fr_FR"],
  // A tag without a catalogue is English, not the page's language.
  ["ja", "de", "de-DE", "en_US"],
  ["zh-Hant-TW", "fr", "fr-FR", "en_US"],
];

/** The widget's language (its catalogue, `lang` of its root) for each Meta locale of LOCALE_CASES. */
const LANGUAGE = { en_US: "en", pt_BR: "pt-BR", es_ES: "es", es_LA: "es", id_ID: "id", hi_IN: "hi", ar_AR: "ar", de_DE: "de", fr_FR: "fr" };

/**
 * The SDK script src on a fresh page of `page`'s context after mount(), or the mount's error
 * code when the options are refused, and the `lang` of the widget's root once mounted.
 * `js`: widget.js's mount() before the wasm is ready (it injects the script and picks the texts
 * to load); `wasm`: the glue used directly, as web/README.md shows (init(), then
 * registerCatalogue() with the texts of `language`, then the wasm's mount(), whose loader
 * injects the script).
 */
async function injectedSdk(page, lang, opts, by, language = "en") {
  const tab = await page.context.newPage();
  try {
    await tab.goto(page.fixture.url);
    await tab.evaluate((lang) => document.documentElement.setAttribute("lang", lang), lang);
    return await tab.evaluate(
      async ({ opts, by, language }) => {
        const holder = document.getElementById("holder");
        const script = () => document.getElementById("facebook-jssdk");
        const root = () => holder.querySelector(".wa-signup")?.lang ?? null;
        if (by === "wasm") {
          const glue = await import("/pkg/wa_signup_web.js");
          await glue.default();
          if (language !== "en") glue.registerCatalogue(language, (await import(`/pkg/widget-locale-${language}.js`)).default);
          try {
            glue.mount(holder, opts);
          } catch (e) {
            return { src: script()?.src ?? null, error: e.code, lang: root() };
          }
          for (let i = 0; i < 100 && !script(); i += 1) await new Promise((r) => setTimeout(r, 10));
          return { src: script()?.src ?? null, error: null, lang: root() };
        }
        const widget = await import("/pkg/widget.js");
        const handle = widget.mount(holder, opts);
        const src = script()?.src ?? null;
        const error = await handle.ready.then(
          () => null,
          (e) => e.code,
        );
        return { src, error, lang: root() };
      },
      { opts, by, language },
    );
  } finally {
    await tab.close();
  }
}

test("the SDK URL and the texts widget.js picks before the wasm is ready are the ones the wasm uses, for every locale source", async (t) => {
  for (const [locale, lang, browserLocale, facebook] of LOCALE_CASES) {
    const page = await open(t, {}, { locale: browserLocale });
    await page.gotoBody(`<div id="holder"></div>`, { script: false });
    const opts = options(page, locale === undefined ? {} : { locale });
    const language = LANGUAGE[facebook];
    const expected = { src: `https://connect.facebook.net/${facebook}/sdk.js`, error: null, lang: language };
    const js = await injectedSdk(page, lang, opts, "js");
    const wasm = await injectedSdk(page, lang, opts, "wasm", language);
    const label = JSON.stringify({ locale, lang, browserLocale });
    assert.deepEqual(wasm, expected, `the wasm, ${label}`);
    assert.deepEqual(js, expected, `widget.js, ${label}`);
    await page.close();
  }
  // sdkUrl wins over the locale, both ways; an invalid locale or sdkUrl: no script, the wasm's error.
  const page = await open(t);
  await page.gotoBody(`<div id="holder"></div>`, { script: false });
  const cases = [
    [{ locale: "ar", sdkUrl: "https://connect.facebook.net/en_US/sdk.js?debug=1" }, { src: "https://connect.facebook.net/en_US/sdk.js?debug=1", error: null }],
    [{ locale: "pt BR" }, { src: null, error: "INVALID_CONFIG" }],
    [{ locale: 3 }, { src: null, error: "INVALID_CONFIG" }],
    [{ sdkUrl: "http://connect.facebook.net/en_US/sdk.js" }, { src: null, error: "INVALID_SDK_URL" }],
    [{ mode: "redirect", redirectUri: page.host.origin + "/return" }, { src: null, error: null }],
  ];
  for (const [extra, expected] of cases) {
    for (const by of ["js", "wasm"]) {
      const { src, error } = await injectedSdk(page, "en", options(page, extra), by, extra.locale === "ar" ? "ar" : "en");
      assert.deepEqual({ src, error }, expected, `${by}: ${JSON.stringify(extra)}`);
    }
  }
});
