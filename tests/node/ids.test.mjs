// Node tests of the built package (pkg/): parseId and the id predicates.
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  dtsOf,
  parseId,
  isPhoneNumberId,
  isBusinessProfileId,
  isAppId,
  isMetaId,
  isSecretKey,
} from "./load-pkg.mjs";

const K = "2DbBs7GWhGvVNJGrDXr5RG0mBWI";

function thrown(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  assert.fail("expected a throw");
}

test("parseId returns { kind, test, ksuid, timestamp } as a plain object", () => {
  assert.deepEqual(parseId(`wapn_${K}`), {
    kind: "phone_number",
    test: false,
    ksuid: K,
    timestamp: 1660958107, // 2022-08-20T01:15:07Z
  });
  assert.deepEqual(parseId(`wapn_test_${K}`).test, true);
  assert.equal(parseId(`wabp_${K}`).kind, "business_profile");
  assert.equal(parseId(`app_test_${K}`).kind, "app");
  assert.equal(Object.getPrototypeOf(parseId(`app_${K}`)), Object.prototype);
  assert.equal(parseId("wapn_000000000000000000000000000").timestamp, 1400000000);
  assert.equal(parseId("wapn_aWgEPTl1tmebfsQzFP4bxwgy80V").timestamp, 1400000000 + 2 ** 32 - 1);
});

test("parseId throws WaSignupError with stable codes", () => {
  const cases = [
    ["", "UNKNOWN_PREFIX", undefined, undefined],
    [K, "UNKNOWN_PREFIX", undefined, undefined],
    [`WAPN_${K}`, "UNKNOWN_PREFIX", undefined, undefined],
    [`wapn_${K}0`, "INVALID_KSUID", "INVALID_LENGTH", undefined],
    ["wapn_2DbBs7GWhGvVNJGrDXr5RG0mBW!", "INVALID_KSUID", "INVALID_CHARACTER", 31],
    ["wapn_test_2DbBs7GWhGvVNJGrDXr5RG0mBW-", "INVALID_KSUID", "INVALID_CHARACTER", 36],
    ["wabp_aWgEPTl1tmebfsQzFP4bxwgy80W", "INVALID_KSUID", "OUT_OF_RANGE", undefined],
  ];
  for (const [input, code, reason, position] of cases) {
    const err = thrown(() => parseId(input));
    assert.ok(err instanceof Error, input);
    assert.equal(err.name, "WaSignupError", input);
    assert.equal(err.code, code, input);
    assert.equal(err.reason, reason, input);
    assert.equal(err.position, position, input);
    assert.ok(err.message.length > 0);
  }
  assert.ok(!thrown(() => parseId("sk_admin_topsecret")).message.includes("topsecret"));
});

test("parseId throws INVALID_TYPE for non-strings", () => {
  for (const value of [undefined, null, 42, {}, [`wapn_${K}`], 1n]) {
    const err = thrown(() => parseId(value));
    assert.equal(err.name, "WaSignupError");
    assert.equal(err.code, "INVALID_TYPE");
  }
});

test("predicates", () => {
  const table = [
    // input, phone, profile, app
    [`wapn_${K}`, true, false, false],
    [`wapn_test_${K}`, true, false, false],
    [`wabp_${K}`, false, true, false],
    [`app_${K}`, false, false, true],
    [`app_${K} `, false, false, false],
    ["wapn_aWgEPTl1tmebfsQzFP4bxwgy80W", false, false, false],
    [42, false, false, false],
    [undefined, false, false, false],
  ];
  for (const [input, phone, profile, app] of table) {
    assert.equal(isPhoneNumberId(input), phone, String(input));
    assert.equal(isBusinessProfileId(input), profile, String(input));
    assert.equal(isAppId(input), app, String(input));
  }
  for (const [input, ok] of [
    ["524126980791429", true],
    ["12345678901234567890", true],
    ["123456789012345678901", false],
    ["0123", false],
    ["-1", false],
    ["", false],
    [524126980791429, false],
  ]) {
    assert.equal(isMetaId(input), ok, String(input));
  }
  for (const [input, ok] of [
    ["sk_admin_abc", true],
    ["Bearer sk_admin_abc", true],
    ["https://x.test/?key=sk_admin_abc", true],
    ["sk_admin_", false],
    ["task_admin_users", false],
    [null, false],
  ]) {
    assert.equal(isSecretKey(input), ok, String(input));
  }
});

test(".d.ts declares PlatformId and typed signatures", () => {
  const dts = dtsOf("wa_signup");
  assert.match(dts, /export interface PlatformId \{/);
  assert.match(dts, /kind: "phone_number" \| "business_profile" \| "app";/);
  assert.match(dts, /export function parseId\(input: string\): PlatformId;/);
  for (const name of ["isPhoneNumberId", "isBusinessProfileId", "isAppId", "isMetaId", "isSecretKey"]) {
    assert.match(dts, new RegExp(`export function ${name}\\(input: unknown\\): boolean;`));
  }
});
