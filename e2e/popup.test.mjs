// Popup mode, clicked through the simulated Meta dialog like a user would:
// success, coexistence, FINISH_ONLY_WABA, cancel at a step, cancel with error.

import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import {
  BUSINESS_ID,
  BUSINESS_NAME,
  COEXISTENCE_DISPLAY_PHONE_NUMBER,
  DISPLAY_PHONE_NUMBER,
  PHONE_NUMBER_ID,
  WABA_ID,
  assertNoCallback,
  assertOneCallback,
  assertOneOutcome,
} from "./harness/expect.mjs";
import { ROOT } from "./harness/paths.mjs";
import { useE2e } from "./harness/suite.mjs";

const e2e = useE2e();

test("success: FINISH then the code, one POST with the session ids, connected", async (t) => {
  const demo = await e2e.open(t);
  // Hold the SDK back a moment so the loading state can be photographed.
  let releaseSdk;
  const sdkHeld = new Promise((r) => (releaseSdk = r));
  await demo.context.route("https://connect.facebook.net/**", async (route) => {
    await sdkHeld;
    await route.continue();
  });
  await demo.goto({}, { waitReady: false });
  // The first state is not a change, so it has no event: read the DOM.
  await demo.page.locator("#widget .wa-signup-status-title", { hasText: "Loading Facebook sign-in…" }).waitFor();
  const loading = await demo.status();
  assert.equal(loading.tone, "busy");
  assert.equal(loading.busy, true);
  assert.deepEqual(loading.buttons, [{ label: "Connect WhatsApp", disabled: true }]);
  await demo.screenshot("01-sdk-loading");
  releaseSdk();
  await demo.waitForReady();

  // The widget runs with the production defaults: Meta's SDK URL, no extra origins.
  const config = await demo.page.evaluate(() => window.__demoConfig);
  assert.equal(config.metaMode, "facebook");
  assert.equal(config.widget.sdkUrl, undefined);
  assert.equal(config.widget.allowedOrigins, undefined);
  assert.ok(
    demo.requests.some((r) => r.url === "https://connect.facebook.net/en_US/sdk.js"),
    "the SDK came from https://connect.facebook.net",
  );

  const ready = await demo.status();
  assert.equal(ready.title, "Ready to connect your WhatsApp Business account.");
  assert.equal(ready.role, "status");
  assert.equal(ready.live, "polite");
  assert.deepEqual(ready.buttons, [{ label: "Connect WhatsApp", disabled: false }]);
  await demo.screenshot("02-ready");

  const dialog = await demo.connect();
  const url = dialog.url();
  assert.equal(url.origin, "https://www.facebook.com");
  assert.equal(url.pathname, `/${await e2e.server.graphApiVersion()}/dialog/oauth`);
  assert.equal(url.searchParams.get("response_type"), "code");
  assert.equal(url.searchParams.get("override_default_response_type"), "true");
  assert.equal(url.searchParams.get("config_id"), "9876543210");
  assert.deepEqual(JSON.parse(url.searchParams.get("extras")), { setup: {} });

  await demo.waitForState("waitingForMeta");
  const waiting = await demo.status();
  assert.equal(waiting.title, "Waiting for Meta…");
  assert.equal(waiting.busy, true);
  assert.deepEqual(waiting.buttons, [
    { label: "Connect WhatsApp", disabled: true },
    { label: "Cancel", disabled: false },
  ]);
  await demo.screenshot("03-waiting-for-meta");

  await dialog.throughProfile();
  await dialog.choosePhone(`existing:${PHONE_NUMBER_ID}`);
  await dialog.continueFrom("PHONE_NUMBER_SETUP");
  await dialog.continueFrom("PERMISSIONS");
  await dialog.waitForClose();

  const detail = await assertOneOutcome(demo, "wa-signup:success");
  const { logged, code } = await assertOneCallback(demo, {
    wabaId: WABA_ID,
    phoneNumberId: PHONE_NUMBER_ID,
    businessId: BUSINESS_ID,
    isCoexistence: false,
  });
  assert.match(logged.response.id, /^wabp_test_/);
  assert.equal(detail.profile.id, logged.response.id);
  assert.equal(detail.profile.businessName, BUSINESS_NAME);

  const shown = await demo.status();
  assert.equal(shown.tone, "success");
  assert.equal(shown.title, `Connected: ${BUSINESS_NAME}`);
  assert.deepEqual(shown.numbers, [DISPLAY_PHONE_NUMBER]);
  assert.deepEqual(shown.buttons, []);
  assert.deepEqual(await demo.stateTypes(), ["ready", "waitingForMeta", "sending", "connected"]);
  await demo.assertCodeNotLeaked(code);

  const shot = await demo.screenshot("05-connected");
  mkdirSync(join(ROOT, "docs"), { recursive: true });
  copyFileSync(shot, join(ROOT, "docs", "connected.png"));
  assert.ok(statSync(shot).size < 200_000, "the README screenshot stays small");
});

test("coexistence: FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING posts isCoexistence true", async (t) => {
  const demo = await e2e.open(t);
  await demo.goto({ featureType: "whatsapp_business_app_onboarding" });
  const dialog = await demo.connect();
  assert.equal(JSON.parse(dialog.url().searchParams.get("extras")).featureType, "whatsapp_business_app_onboarding");
  await dialog.throughProfile();
  await dialog.choosePhone("coexistence");
  await dialog.continueFrom("PHONE_NUMBER_SETUP");
  await dialog.continueFrom("PHONE_NUMBER_VERIFICATION");
  await dialog.continueFrom("PERMISSIONS");

  await assertOneOutcome(demo, "wa-signup:success");
  // Meta's coexistence event carries the WABA id only.
  const { code } = await assertOneCallback(demo, { wabaId: WABA_ID, isCoexistence: true });
  const shown = await demo.status();
  assert.equal(shown.title, `Connected: ${BUSINESS_NAME}`);
  assert.deepEqual(shown.numbers, [COEXISTENCE_DISPLAY_PHONE_NUMBER]);
  await demo.assertCodeNotLeaked(code);
});

test("FINISH_ONLY_WABA (only_waba_sharing): WABA id only, no number attached", async (t) => {
  const demo = await e2e.open(t);
  await demo.goto({ featureType: "only_waba_sharing" });
  const dialog = await demo.connect();
  await dialog.throughProfile();
  await dialog.continueFrom("PERMISSIONS");

  await assertOneOutcome(demo, "wa-signup:success");
  const { code } = await assertOneCallback(demo, { wabaId: WABA_ID, isCoexistence: false });
  const shown = await demo.status();
  assert.equal(shown.tone, "success");
  assert.equal(shown.title, `Connected: ${BUSINESS_NAME}`);
  assert.deepEqual(shown.numbers, []);
  assert.deepEqual(shown.details, ["No phone number is attached yet."]);
  await demo.assertCodeNotLeaked(code);
});

test("cancel at a step: CANCEL with current_step, no POST, 'try again' starts afresh", async (t) => {
  const demo = await e2e.open(t);
  await demo.goto();
  const dialog = await demo.connect();
  await dialog.throughProfile();
  await dialog.cancelAt("PHONE_NUMBER_SETUP");

  const detail = await assertOneOutcome(demo, "wa-signup:cancel");
  assert.equal(detail.currentStep, "PHONE_NUMBER_SETUP");
  assert.equal(detail.source, "meta", "cancelled in Meta's dialog, not by the page");
  await assertNoCallback(demo);
  const shown = await demo.status();
  assert.equal(shown.tone, "error");
  assert.equal(shown.title, "Signup cancelled.");
  assert.deepEqual(shown.details, ["You left at the step “Phone number setup”."]);
  assert.deepEqual(shown.buttons, [{ label: "Try again", disabled: false }]);
  await demo.screenshot("06-cancelled");

  // Try again: a fresh flow that opens Meta's window in the same click, and
  // a second run works end to end.
  const again = await demo.connect();
  await again.throughProfile();
  await again.continueFrom("PHONE_NUMBER_SETUP");
  await again.continueFrom("PERMISSIONS");
  await demo.page.waitForFunction(() => window.__e2eEvents.some((e) => e.name === "wa-signup:success"));
  await assertOneCallback(demo, {
    wabaId: WABA_ID,
    phoneNumberId: PHONE_NUMBER_ID,
    businessId: BUSINESS_ID,
    isCoexistence: false,
  });
});

test("cancel with error: Meta's error CANCEL is shown with its message, no POST", async (t) => {
  const demo = await e2e.open(t);
  await demo.goto();
  const dialog = await demo.connect();
  await dialog.continueFrom("BUSINESS_ACCOUNT_SELECTION");
  await dialog.errorAt("WABA_PHONE_PROFILE_PICKER");

  const detail = await assertOneOutcome(demo, "wa-signup:error");
  assert.equal(detail.kind, "META_ERROR");
  assert.equal(
    detail.metaError.message,
    "Your verified name violates WhatsApp guidelines. Please edit your verified name and try again.",
  );
  assert.equal(detail.metaError.code, "524126");
  assert.match(detail.metaError.sessionId, /^[0-9a-f]{15}$/);
  await assertNoCallback(demo);
  const shown = await demo.status();
  assert.equal(shown.tone, "error");
  assert.equal(shown.title, "Couldn't connect WhatsApp.");
  assert.deepEqual(shown.details, [
    "Meta reported an error: Your verified name violates WhatsApp guidelines. Please edit your verified name and try again.",
  ]);
  assert.equal(shown.errorCode, "Error code: META_ERROR");
  assert.deepEqual(shown.buttons, [{ label: "Try again", disabled: false }]);
  await demo.screenshot("07-failed-meta-error");
});
