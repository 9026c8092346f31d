// Redirect mode: the widget sends this window to
// https://www.facebook.com/<v>/dialog/oauth, Meta comes back with
// ?code=…&state=…, and the widget checks state, removes the code from the
// address bar (history.replaceState) and POSTs it once with redirectUri.

import assert from "node:assert/strict";
import { test } from "node:test";
import { BUSINESS_NAME, assertNoCallback, assertOneCallback, assertOneOutcome } from "./harness/expect.mjs";
import { sleep, useE2e } from "./harness/suite.mjs";

const e2e = useE2e();

/** Clicks Connect and waits until Meta's dialog has sent the window back. */
async function roundTrip(demo, redirectUri) {
  // Read the dialog URL from the navigation request: the auto dialog may send
  // the window back before page.url() could be read.
  const toDialog = demo.page.waitForRequest(
    (r) => r.isNavigationRequest() && new URL(r.url()).origin === "https://www.facebook.com",
  );
  await demo.primaryButton.click();
  const dialogUrl = new URL((await toDialog).url());
  await demo.page.waitForURL((u) => u.href.startsWith(redirectUri.split("?")[0]));
  return dialogUrl;
}

test("redirect round trip: code POSTed once with redirectUri, gone from the URL and history", async (t) => {
  const demo = await e2e.open(t, { dialog: { auto: "finish" } });
  await demo.goto({ mode: "redirect" });
  const ready = await demo.status();
  assert.deepEqual(ready.details, ["Meta's signup opens in this window and brings you back here."]);
  const redirectUri = demo.url({ mode: "redirect" });

  const dialogUrl = await roundTrip(demo, redirectUri);
  const version = await e2e.server.graphApiVersion();
  assert.equal(dialogUrl.origin + dialogUrl.pathname, `https://www.facebook.com/${version}/dialog/oauth`);
  const q = dialogUrl.searchParams;
  assert.equal(q.get("client_id"), "1234567890");
  assert.equal(q.get("config_id"), "9876543210");
  assert.equal(q.get("redirect_uri"), redirectUri);
  assert.equal(q.get("response_type"), "code");
  assert.equal(q.get("override_default_response_type"), "true");
  const state = q.get("state");
  assert.match(state ?? "", /^[A-Za-z0-9_-]{16,}$/, `state ${state}`);

  await assertOneOutcome(demo, "wa-signup:success");
  // No session events in redirect mode: the code and the redirect URI only.
  const { logged, code } = await assertOneCallback(demo, { redirectUri });
  assert.equal((await demo.status()).title, `Connected: ${BUSINESS_NAME}`);

  // The address bar: back to the redirect URI, without code or state.
  const href = await demo.page.evaluate(() => location.href);
  assert.equal(href, redirectUri);
  assert.ok(!logged.headers.referer?.includes(code), "the POST's Referer carries the code");
  assert.equal(logged.headers.origin, e2e.server.app, "Origin header kept for CSRF checks");
  // The state was single-use.
  assert.equal(await demo.page.evaluate(() => sessionStorage.length), 0);
  await demo.assertCodeNotLeaked(code, { returnUrlAllowed: true });

  // replaceState, not pushState: no history entry holds the code (the
  // browser's own list, via CDP). Back leaves the return page; forward comes
  // back to the clean URL and does not POST again.
  const cdp = await demo.context.newCDPSession(demo.page);
  const { entries, currentIndex } = await cdp.send("Page.getNavigationHistory");
  assert.equal(entries[currentIndex].url, redirectUri);
  for (const entry of entries) assert.ok(!entry.url.includes(code), `history entry ${entry.url}`);
  await demo.page.goBack();
  assert.ok(!demo.page.url().includes(code));
  await demo.page.goForward();
  assert.equal(demo.page.url(), redirectUri);
  await demo.waitForReady();
  assert.equal((await demo.server.callbacks()).length, 1);
});

test("redirect return page: its own requests do not carry the code in Referer", async (t) => {
  // The return page loads its scripts and styles before the widget can clean
  // the address bar; with the default policy (strict-origin-when-cross-origin)
  // same-origin requests send the full URL, code included, as Referer, which
  // ends up in access logs. The page must set a referrer policy.
  const demo = await e2e.open(t, { dialog: { auto: "finish" } });
  await demo.goto({ mode: "redirect" });
  await roundTrip(demo, demo.url({ mode: "redirect" }));
  await assertOneOutcome(demo, "wa-signup:success");
  const { code } = await assertOneCallback(demo, { redirectUri: demo.url({ mode: "redirect" }) });
  const leaks = demo.requests.filter((r) => (r.headers.referer ?? "").includes(code)).map((r) => r.url);
  assert.deepEqual(leaks, [], "requests sent with the code in their Referer");
});

test("redirect cancelled: error=access_denied comes back, no POST, URL cleaned", async (t) => {
  const demo = await e2e.open(t, { dialog: { auto: "cancel" } });
  await demo.goto({ mode: "redirect" });
  const redirectUri = demo.url({ mode: "redirect" });
  await roundTrip(demo, redirectUri);
  const outcome = await demo.waitForOutcome();
  assert.ok(["wa-signup:cancel", "wa-signup:error"].includes(outcome.name), outcome.name);
  await assertNoCallback(demo);
  const href = await demo.page.evaluate(() => location.href);
  for (const p of ["error=", "error_reason", "state="]) assert.ok(!href.includes(p), `${p} left in ${href}`);
  assert.equal((await demo.status()).tone, "error");
});

test("foreign ?code&state with no redirect of ours pending: left in the URL, no outcome, no POST", async (t) => {
  // Another provider's OAuth return on the same page (issue 9): nothing of
  // ours is pending in sessionStorage, so the widget must not touch it.
  const demo = await e2e.open(t);
  const code = "AQforeignProviderCode0123456789abcdef";
  const redirectUri = demo.url({ mode: "redirect" });
  const href = `${redirectUri}&code=${code}&state=their-own-state#_=_`;
  await demo.page.goto(href);
  await demo.waitForReady();
  await sleep(500);
  assert.equal(await demo.page.evaluate(() => location.href), href, "the address bar is untouched");
  assert.deepEqual(await demo.outcomes(), [], "no outcome");
  await assertNoCallback(demo);
  const shown = await demo.status();
  assert.equal(shown.tone, "neutral");
  assert.equal(shown.errorCode, null);
});

test("redirect return with a state that is not the pending one: STATE_MISMATCH, no POST, code removed", async (t) => {
  const demo = await e2e.open(t);
  await demo.goto({ mode: "redirect" });
  const redirectUri = demo.url({ mode: "redirect" });
  const code = "AQforgedCodeForStateMismatch0123456789";
  // Our run is pending (its state in sessionStorage); "Meta" comes back with
  // another state.
  await demo.context.route(
    (u) => u.hostname === "www.facebook.com" && u.pathname.endsWith("/dialog/oauth"),
    (route) =>
      route.fulfill({ status: 302, headers: { location: `${redirectUri}&code=${code}&state=not-the-stored-state#_=_` } }),
  );
  const back = demo.page.waitForRequest((r) => r.isNavigationRequest() && r.url().includes(`code=${code}`));
  await demo.primaryButton.click();
  await back;
  const detail = await assertOneOutcome(demo, "wa-signup:error");
  assert.equal(detail.kind, "STATE_MISMATCH");
  await assertNoCallback(demo);
  assert.ok(!(await demo.page.evaluate(() => location.href)).includes(code));
  assert.equal(await demo.page.evaluate(() => sessionStorage.length), 0, "the pending state was single-use");
  assert.equal((await demo.status()).errorCode, "Error code: STATE_MISMATCH");
});
