// Issue 9, the host page itself: the strict production CSP (the widget is
// styled, nothing is reported), a relative callbackUrl, the page's own
// ?code&state left alone, and allowedOrigins limited to loopback unless the
// page opts in. Fixture pages come from the host server (real headers).

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  BUSINESS_NAME,
  FINISH_BODY,
  assertNoCallback,
  assertOneCallback,
  assertOneOutcome,
} from "./harness/expect.mjs";
import { STRICT_CSP } from "./harness/host-server.mjs";
import { sleep, useE2e } from "./harness/suite.mjs";
import { BUTTON, READY_TITLE } from "./harness/texts.mjs";

const e2e = useE2e({ host: true });

/** The accent colour (#008069) and text colour of the widget's stylesheet. */
const ACCENT = "rgb(0, 128, 105)";
const ACCENT_TEXT = "rgb(255, 255, 255)";

/** Computed styles that only the widget's stylesheet can produce. */
function widgetLook(page) {
  return page.page.evaluate(() => {
    const button = document.querySelector("#widget .wa-signup .wa-signup-button");
    const root = document.querySelector("#widget .wa-signup");
    const b = getComputedStyle(button);
    return {
      background: b.backgroundColor,
      color: b.color,
      radius: b.borderTopLeftRadius,
      borderStyle: b.borderTopStyle,
      rootFont: getComputedStyle(root).fontFamily,
      hostFont: getComputedStyle(document.body).fontFamily,
      adopted: document.adoptedStyleSheets.length,
      styleElements: document.querySelectorAll("style").length,
    };
  });
}

/** CSP complaints: securitypolicyviolation events and console lines. */
async function assertNoCspViolation(page) {
  assert.deepEqual(await page.cspViolations(), [], "securitypolicyviolation events");
  const lines = page.console.filter((l) => /Content Security Policy|Refused to/i.test(l));
  assert.deepEqual(lines, [], "CSP messages in the console");
}

// ---- strict CSP -------------------------------------------------------------

test("strict CSP: the widget is styled (constructable sheet), no violation, and the signup connects", async (t) => {
  const page = await e2e.openHost(t, { dialog: { auto: "finish" } });
  const fixture = e2e.host.page({ title: "Strict CSP" });
  const response = await page.page.goto(fixture.url);
  assert.equal((await response.allHeaders())["content-security-policy"], STRICT_CSP);
  await page.waitForMounted();
  await page.waitForReady();
  assert.ok(
    page.requests.some((r) => r.url === "https://connect.facebook.net/en_US/sdk.js"),
    "Meta's SDK loaded from https://connect.facebook.net under the CSP",
  );

  const look = await widgetLook(page);
  assert.equal(look.background, ACCENT, "the button has the accent, not the UA grey");
  assert.equal(look.color, ACCENT_TEXT);
  assert.equal(look.radius, "8px");
  assert.notEqual(look.rootFont, look.hostFont, "the widget's own font stack, not the host's serif");
  assert.ok(look.adopted >= 1, "styles adopted as a constructable stylesheet");
  assert.equal(look.styleElements, 0, "no <style> element (style-src 'self' would block it)");
  await page.screenshot("host-page-01-strict-csp-ready");

  await page.connect();
  await assertOneOutcome(page, "wa-signup:success");
  await assertOneCallback(page, FINISH_BODY);
  assert.equal((await page.status()).title, `Connected: ${BUSINESS_NAME}`);
  await page.screenshot("host-page-02-strict-csp-connected");
  await assertNoCspViolation(page);
});

test("strict CSP with styles: 'none' and the shipped wa-signup.css linked: styled, nothing injected", async (t) => {
  const page = await e2e.openHost(t);
  const fixture = e2e.host.page({
    title: "styles: none + wa-signup.css",
    linkStylesheet: true,
    widgets: [{ options: { styles: "none" } }],
  });
  await page.goto(fixture);
  const look = await widgetLook(page);
  assert.equal(look.background, ACCENT);
  assert.equal(look.color, ACCENT_TEXT);
  assert.equal(look.adopted, 0, "styles: none adopts nothing");
  assert.equal(look.styleElements, 0, "styles: none injects nothing");
  await page.screenshot("host-page-03-styles-none-linked-css");
  await assertNoCspViolation(page);
});

// ---- relative callbackUrl ---------------------------------------------------

test("relative callbackUrl '/api/signup/callback': resolved against the page, the POST reaches the callback", async (t) => {
  const page = await e2e.openHost(t, { dialog: { auto: "finish" } });
  const fixture = e2e.host.page({
    title: "Relative callbackUrl",
    widgets: [{ options: { callbackUrl: "/api/signup/callback" } }],
  });
  await page.goto(fixture);
  await page.connect();
  await assertOneOutcome(page, "wa-signup:success");
  const { logged, code } = await assertOneCallback(page, FINISH_BODY);
  assert.equal(logged.headers.origin, e2e.host.origin, "posted from the host page, same-origin");
  assert.equal((await page.status()).title, `Connected: ${BUSINESS_NAME}`);
  await page.screenshot("host-page-04-relative-callback-connected");
  await page.assertCodeNotLeaked(code);
});

// ---- the page's own ?code&state ---------------------------------------------

for (const { name, mode, query } of [
  {
    name: "popup mode with redirectUri, another provider's ?code&state",
    mode: "popup",
    query: "code=AQforeignProviderCode0123456789abcdef&state=their-own-state&tab=billing",
  },
  {
    name: "redirect mode, another provider's ?error&state",
    mode: "redirect",
    query: "error=access_denied&error_reason=user_denied&state=their-own-state",
  },
]) {
  test(`foreign parameters (${name}): URL untouched, no outcome, no POST, ready`, async (t) => {
    const page = await e2e.openHost(t);
    const fixture = e2e.host.page({
      title: `Foreign parameters, ${mode}`,
      widgets: [{ options: ({ url }) => ({ mode, redirectUri: url }) }],
    });
    const href = `${fixture.urlWith(query)}#section-2`;
    await page.page.goto(href);
    await page.waitForMounted();
    await page.waitForReady();
    const historyLength = await page.page.evaluate(() => history.length);
    await sleep(500);
    assert.equal(await page.page.evaluate(() => location.href), href, "the address bar is exactly as loaded");
    assert.equal(await page.page.evaluate(() => history.length), historyLength);
    assert.deepEqual(await page.outcomes(), [], "no outcome");
    const shown = await page.status();
    assert.equal(shown.tone, "neutral");
    assert.equal(shown.title, READY_TITLE);
    assert.deepEqual(shown.buttons, [BUTTON.connect()]);
    assert.equal(await page.page.evaluate(() => sessionStorage.length), 0);
    await page.screenshot(`host-page-05-foreign-params-${mode}`);
    await assertNoCallback(page);
  });
}

// ---- allowedOrigins ---------------------------------------------------------

test("allowedOrigins: a non-loopback origin is refused (INVALID_ALLOWED_ORIGIN) unless dangerouslyAllowOrigins", async (t) => {
  const page = await e2e.openHost(t);
  const fixture = e2e.host.page({
    title: "allowedOrigins",
    widgets: [
      { id: "widget", options: { allowedOrigins: ["https://anything.example"] } },
      { id: "opted-in", options: { allowedOrigins: ["https://anything.example"], dangerouslyAllowOrigins: true } },
      { id: "loopback", options: { allowedOrigins: ["http://127.0.0.1:9", "http://localhost:3000"] } },
    ],
  });
  await page.goto(fixture, { waitReady: false });

  const refused = await page.mountResult("widget");
  assert.equal(refused.ok, false, "mount() threw");
  assert.equal(refused.error.name, "WaSignupError");
  assert.equal(refused.error.code, "INVALID_ALLOWED_ORIGIN");
  assert.equal(await page.roots("widget"), 0, "nothing mounted");
  assert.match(await page.page.locator("#widget-error").textContent(), /^INVALID_ALLOWED_ORIGIN: /);

  assert.deepEqual(await page.mountResult("opted-in"), { ok: true });
  await page.waitForWidgetReady("#opted-in");
  assert.deepEqual(await page.mountResult("loopback"), { ok: true });
  await page.waitForWidgetReady("#loopback");
  await page.screenshot("host-page-06-allowed-origins");
});
