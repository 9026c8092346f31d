// The callback server answering badly: 4xx, 5xx, too slowly (timeout), and a
// real platform refusal (code already used). One POST each, never retried.

import assert from "node:assert/strict";
import { test } from "node:test";
import { BUSINESS_ID, PHONE_NUMBER_ID, WABA_ID, assertOneCallback, assertOneOutcome } from "./harness/expect.mjs";
import { sleep, useE2e } from "./harness/suite.mjs";

const e2e = useE2e();

const FINISH_BODY = { wabaId: WABA_ID, phoneNumberId: PHONE_NUMBER_ID, businessId: BUSINESS_ID, isCoexistence: false };

for (const status of [400, 503]) {
  test(`callback answers ${status}: one POST, failure with the status and body, offers try again`, async (t) => {
    const demo = await e2e.open(t, { dialog: { auto: "finish" }, callback: { forceStatus: status } });
    await demo.goto();
    await demo.connect();
    const detail = await assertOneOutcome(demo, "wa-signup:error");
    assert.equal(detail.kind, "CALLBACK_HTTP_ERROR");
    assert.equal(detail.status, status);
    assert.equal(detail.body.error.code, "SANDBOX_FORCED_ERROR");
    const { code } = await assertOneCallback(demo, FINISH_BODY, { status, grant: "notRedeemed", settleMs: 500 });
    const shown = await demo.status();
    assert.equal(shown.tone, "error");
    assert.deepEqual(shown.details, [`The server did not accept the signup (HTTP ${status}).`]);
    assert.equal(shown.errorCode, "Error code: CALLBACK_HTTP_ERROR");
    assert.deepEqual(shown.buttons, [{ label: "Try again", disabled: false }]);
    await demo.screenshot(`09-failed-http-${status}`);
    await demo.assertCodeNotLeaked(code);
  });
}

test("callback too slow: aborted at timeoutMs, one POST, no retry", async (t) => {
  const TIMEOUT = 800;
  const demo = await e2e.open(t, { dialog: { auto: "finish" }, callback: { delayMs: 2500 } });
  await demo.goto({ timeout: String(TIMEOUT) });
  await demo.connect();
  await demo.waitForState("sending");
  const sending = await demo.status();
  assert.equal(sending.title, "Connecting your account…");
  assert.equal(sending.busy, true);
  assert.deepEqual(sending.buttons, [{ label: "Connect WhatsApp", disabled: true }]);
  await demo.screenshot("04-sending");

  const detail = await assertOneOutcome(demo, "wa-signup:error");
  assert.equal(detail.kind, "TIMEOUT");
  const events = await demo.events();
  const sentAt = events.find((e) => e.name === "wa-signup:state" && e.detail.type === "sending").at;
  const failedAt = events.find((e) => e.name === "wa-signup:error").at;
  assert.ok(failedAt - sentAt >= TIMEOUT - 20, `gave up after ${failedAt - sentAt} ms`);
  assert.ok(failedAt - sentAt < TIMEOUT + 1000, `gave up after ${failedAt - sentAt} ms`);
  assert.deepEqual((await demo.status()).details, ["The server took too long to answer."]);
  await demo.screenshot("10-failed-timeout");
  // The server still answers (late); nothing is sent again meanwhile.
  await assertOneCallback(demo, FINISH_BODY, { settleMs: 2000 });
});

test("code already used (a real platform refusal): 400 CODE_ALREADY_USED shown, one POST", async (t) => {
  const demo = await e2e.open(t, { dialog: { auto: "finish" } });
  // Redeem every code the sandbox mints once before the widget can:
  // intercept the widget's POST, replay it from the test, then let it go.
  await demo.context.route("**/api/signup/callback", async (route) => {
    const res = await fetch(route.request().url(), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: route.request().postData(),
    });
    assert.equal(res.status, 201);
    await route.continue();
  });
  await demo.goto();
  await demo.connect();
  const detail = await assertOneOutcome(demo, "wa-signup:error");
  assert.equal(detail.kind, "CALLBACK_HTTP_ERROR");
  assert.equal(detail.status, 400);
  assert.equal(detail.body.error.code, "CODE_ALREADY_USED");
  await sleep(200);
  const logged = await demo.server.callbacks();
  assert.equal(logged.length, 2, "the replay and the widget's own POST");
  assert.deepEqual(
    logged.map((r) => [r.status, r.grant.result]),
    [
      [201, "redeemed"],
      [400, "used"],
    ],
  );
  assert.equal(demo.callbackPosts().length, 1, "the widget posted once");
});
