// The sandbox's fixed assets (server/README.md) and the assertions every
// scenario makes about what the callback server received.

import assert from "node:assert/strict";
import { sleep } from "./suite.mjs";

export { APP_ID, CONFIG_ID } from "./host-server.mjs";

export const BUSINESS_ID = "2729063490586005";
export const BUSINESS_NAME = "Acme Corp";
export const WABA_ID = "102290129340398";
export const PHONE_NUMBER_ID = "106540352242922";
export const DISPLAY_PHONE_NUMBER = "+15551234567";
export const COEXISTENCE_DISPLAY_PHONE_NUMBER = "+5511987654321";

/** Seed 003's body after a popup FINISH with the sandbox's default choices (`code` added by the flow). */
export const FINISH_BODY = {
  wabaId: WABA_ID,
  phoneNumberId: PHONE_NUMBER_ID,
  businessId: BUSINESS_ID,
  isCoexistence: false,
};

/** The ids the attacker page forges by default (server/static/meta/forge.html). */
export const FORGED_IDS = ["999999999999999", "666666666666666", "777777777777777"];

/** How long to keep watching for a second POST after the first one. */
const SETTLE_MS = 300;

/**
 * Asserts that the callback endpoint received exactly one POST whose JSON body
 * is exactly `body` (keys and values; `code` stands for Meta's code), that the
 * server answered `status` and what it did with the code (`grant`: redeemed,
 * notRedeemed, …). Returns { logged, sent, code }.
 */
export async function assertOneCallback(demo, body, { status = 201, grant = "redeemed", settleMs = SETTLE_MS } = {}) {
  await demo.server.waitForCallbacks(1);
  await sleep(settleMs);
  const logged = await demo.server.callbacks();
  assert.equal(logged.length, 1, `exactly one POST reached the server, got ${logged.length}`);
  const [entry] = logged;
  assert.equal(entry.method, "POST");
  assert.equal(entry.path, "/api/signup/callback");
  assert.deepEqual(entry.body, { ...body, code: "[redacted]" }, "the body the server received");
  assert.equal(entry.status, status, `server answered ${entry.status}: ${JSON.stringify(entry.response)}`);
  assert.equal(entry.grant && entry.grant.result, grant, `grant: ${JSON.stringify(entry.grant)}`);
  assert.match(entry.headers["content-type"] ?? "", /^application\/json/);

  const posts = demo.callbackPosts();
  assert.equal(posts.length, 1, `the browser sent exactly one POST, sent ${posts.length}`);
  const [sent] = posts;
  assert.equal(typeof sent.body.code, "string");
  assert.ok(sent.body.code.length > 0, "a non-empty code");
  assert.deepEqual(sent.body, { ...body, code: sent.body.code }, "the body the browser sent");
  assert.equal(sent.url, demo.callbackUrl, "the browser posted to the configured callback");
  return { logged: entry, sent, code: sent.body.code };
}

/** Asserts that nothing reached the callback endpoint (waits `ms` first). */
export async function assertNoCallback(demo, ms = SETTLE_MS) {
  await sleep(ms);
  assert.deepEqual(await demo.server.callbacks(), [], "no POST reached the server");
  assert.deepEqual(demo.callbackPosts(), [], "the browser sent no POST");
}

/** Asserts that the run ended exactly once, with `name`. Returns its detail. */
export async function assertOneOutcome(demo, name) {
  const outcome = await demo.waitForOutcome();
  assert.equal(outcome.name, name, `outcome ${outcome.name}: ${JSON.stringify(outcome.detail)}`);
  await sleep(50);
  const all = await demo.outcomes();
  assert.equal(all.length, 1, `one outcome event, got ${all.map((e) => e.name).join(", ")}`);
  return outcome.detail;
}
