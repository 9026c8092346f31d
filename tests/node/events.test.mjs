// Node tests of the built package (pkg/): parseSessionEvent.
import { test } from "node:test";
import assert from "node:assert/strict";

import { dtsOf, parseSessionEvent } from "./load-pkg.mjs";

const FB = "https://www.facebook.com";
const msg = (event, data, extra = {}) => ({ type: "WA_EMBEDDED_SIGNUP", event, data, ...extra });

test("Meta's documented payloads, as JSON text and as objects", () => {
  const cases = [
    [
      msg("FINISH", { phone_number_id: "106540352242922", waba_id: "524126980791429", business_id: "2729063490586005" }),
      { event: "FINISH", phoneNumberId: "106540352242922", wabaId: "524126980791429", businessId: "2729063490586005", isCoexistence: false },
    ],
    [
      msg("FINISH_ONLY_WABA", { waba_id: "524126980791429" }, { version: 3 }),
      { event: "FINISH_ONLY_WABA", version: 3, wabaId: "524126980791429", isCoexistence: false },
    ],
    [
      msg("FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING", { waba_id: "524126980791429" }, { version: 3 }),
      { event: "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING", version: 3, wabaId: "524126980791429", isCoexistence: true },
    ],
    [
      msg("FINISH_OBO_MIGRATION", { waba_ids: ["1", "2"] }),
      { event: "FINISH_OBO_MIGRATION", wabaIds: ["1", "2"], isCoexistence: false },
    ],
    [
      msg("FINISH_GRANT_ONLY_API_ACCESS", { phone_number_id: "1", waba_id: "2", business_id: "3" }),
      { event: "FINISH_GRANT_ONLY_API_ACCESS", phoneNumberId: "1", wabaId: "2", businessId: "3", isCoexistence: false },
    ],
    [msg("CANCEL", { current_step: "PHONE_NUMBER_SETUP" }), { event: "CANCEL", currentStep: "PHONE_NUMBER_SETUP", isCoexistence: false }],
    [
      msg("CANCEL", { error_message: "Your verified name violates WhatsApp guidelines.", error_code: "524126", session_id: "f34b51dab5e0498", timestamp: "1746041036" }),
      { event: "CANCEL", errorMessage: "Your verified name violates WhatsApp guidelines.", errorCode: "524126", sessionId: "f34b51dab5e0498", timestamp: "1746041036", isCoexistence: false },
    ],
    [
      msg("CANCEL", { error_message: "x", error_id: 524126, session_id: "s", timestamp: 1746041036 }),
      { event: "CANCEL", errorMessage: "x", errorCode: "524126", sessionId: "s", timestamp: "1746041036", isCoexistence: false },
    ],
    [msg("ERROR", { error_message: "oops" }), { event: "ERROR", errorMessage: "oops", isCoexistence: false }],
    [msg("SOMETHING_NEW", {}), { event: "SOMETHING_NEW", isCoexistence: false }],
  ];
  for (const [data, want] of cases) {
    assert.deepEqual(parseSessionEvent(FB, JSON.stringify(data)), want, JSON.stringify(data));
    assert.deepEqual(parseSessionEvent("https://web.facebook.com", data), want, JSON.stringify(data));
  }
  // Absent fields are undefined, not null, and not even keys.
  const out = parseSessionEvent(FB, msg("CANCEL", { current_step: "X" }));
  assert.equal(out.wabaId, undefined);
  assert.ok(!("wabaId" in out) && !("wabaIds" in out));
});

test("only exact origins", () => {
  const data = JSON.stringify(msg("CANCEL", {}));
  for (const origin of [
    "https://evilfacebook.com",
    "https://www.facebook.com.evil.test",
    "http://www.facebook.com",
    "https://www.facebook.com:8443",
    "https://www.facebook.com/",
    "HTTPS://WWW.FACEBOOK.COM",
    "https://facebook.com",
    "null",
    "",
  ]) {
    assert.equal(parseSessionEvent(origin, data), undefined, origin);
  }
  assert.equal(parseSessionEvent("http://127.0.0.1:4001", data), undefined);
  assert.equal(parseSessionEvent("http://127.0.0.1:4001", data, ["http://127.0.0.1:4001"]).event, "CANCEL");
  assert.equal(parseSessionEvent("http://127.0.0.1:4002", data, ["http://127.0.0.1:4001"]), undefined);
});

test("malformed ids drop the whole event", () => {
  for (const data of [
    msg("FINISH", { waba_id: "abc", phone_number_id: "1" }),
    msg("FINISH", { waba_id: "1", phone_number_id: "0123" }),
    msg("FINISH", { waba_id: "1", business_id: " 1" }),
    msg("FINISH", { waba_ids: ["1", "x"] }),
    msg("FINISH", { waba_id: 2 ** 53 }),
  ]) {
    assert.equal(parseSessionEvent(FB, data), undefined, JSON.stringify(data));
  }
});

test("never throws, whatever the arguments", () => {
  const cyclic = msg("FINISH", {});
  cyclic.self = cyclic;
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const revokedList = Proxy.revocable([], {});
  revokedList.revoke();
  const datas = [
    cyclic,
    msg("FINISH", { waba_id: 10n }),
    10n,
    Symbol("s"),
    () => 1,
    { toJSON() { throw new Error("boom"); } },
    { get type() { throw new Error("boom"); } },
    revoked.proxy,
    new Proxy({}, { ownKeys() { throw new Error("boom"); } }),
    "x".repeat(70_000),
    JSON.stringify({ ...msg("CANCEL", {}), pad: "x".repeat(70_000) }),
    "{",
    "null",
    "[]",
    undefined,
    null,
    0,
    new Uint8Array(4),
  ];
  for (const data of datas) {
    assert.equal(parseSessionEvent(FB, data), undefined);
  }
  const good = JSON.stringify(msg("CANCEL", {}));
  for (const origin of [undefined, null, 1, { toString: () => FB }, Symbol("o")]) {
    assert.equal(parseSessionEvent(origin, good), undefined);
  }
  for (const allowed of [revokedList.proxy, new Proxy(["x"], { get() { throw new Error("boom"); } }), "x", 5, {}, [1, null, {}]]) {
    assert.equal(parseSessionEvent(FB, good, allowed).event, "CANCEL");
    assert.equal(parseSessionEvent("x", good, allowed), undefined);
  }
});

test(".d.ts declares SessionEvent and the signature", () => {
  const dts = dtsOf("wa_signup");
  assert.match(dts, /export interface SessionEvent \{/);
  assert.match(dts, /isCoexistence: boolean;/);
  assert.match(dts, /wabaIds\?: string\[\];/);
  assert.match(
    dts,
    /export function parseSessionEvent\(origin: string, data: unknown, allowedOrigins\?: readonly string\[\]\): SessionEvent \| undefined;/,
  );
});
