// Node tests of the built package (pkg/): the API model exports (seeds 000-004).
//
//   scripts/build-pkg.sh && node --test tests/node/api.test.mjs
import { describe, test } from "node:test";
import assert from "node:assert/strict";

import {
  dtsOf,
  buildAssignAppsRequest,
  buildCallbackRequest,
  buildKapsoPhoneNumberUpdate,
  buildMetaAddPhoneNumberParams,
  buildMetaAddPhoneNumberQuery,
  buildRegisterPhoneNumberRequest,
  parseBusinessProfile,
  parseGraphError,
  parseKapsoPhoneNumberResponse,
  parsePhoneNumberResource,
} from "./load-pkg.mjs";

const APP = "app_2DbBs7GWhGvVNJGrDXr5RG0mBWI";
const WAPN = "wapn_2DbBs7GWhGvVNJGrDXr5RG0mBWI";

// Seed 003's response example.
const BUSINESS_PROFILE = {
  id: "wabp_2DbBs7GWhGvVNJGrDXr5RG0mBWI",
  organizationId: "<string>",
  metaWabaId: "<string>",
  metaBusinessId: "<string>",
  businessName: "Acme Corp",
  tokenExpiresAt: "2023-11-07T05:31:56Z",
  onboardingCompletedAt: "2023-11-07T05:31:56Z",
  createdAt: "2023-11-07T05:31:56Z",
  phoneNumbers: [
    {
      id: "<string>",
      displayPhoneNumber: "+15551234567",
      metaPhoneNumberId: "<string>",
      verified: true,
      qualityRating: "GREEN",
    },
  ],
  isTestProfile: true,
};

// Seeds 000/001's response example.
const PHONE_NUMBER = {
  id: WAPN,
  displayPhoneNumber: "<string>",
  metaPhoneNumberId: "<string>",
  metaBusinessAccountId: "<string>",
  verified: true,
  qualityRating: "<string>",
  isTestNumber: true,
  cloudApiRegistered: true,
  businessProfile: { id: "<string>", metaWabaId: "<string>", businessName: "<string>" },
  apps: [{ appId: "<string>", appName: "<string>", appSlug: "<string>" }],
  createdAt: "2023-11-07T05:31:56Z",
  updatedAt: "2023-11-07T05:31:56Z",
};

// Seed 002's response example.
const KAPSO = {
  data: {
    id: "<string>",
    internal_id: "3c90c3cc-0d44-4b50-8888-8dd25736052a",
    phone_number_id: "<string>",
    name: "<string>",
    business_account_id: "<string>",
    is_coexistence: true,
    inbound_processing_enabled: true,
    calls_enabled: true,
    webhook_verified_at: "2023-11-07T05:31:56Z",
    created_at: "2023-11-07T05:31:56Z",
    updated_at: "2023-11-07T05:31:56Z",
    customer_id: "3c90c3cc-0d44-4b50-8888-8dd25736052a",
    display_name: "<string>",
    display_phone_number: "<string>",
    display_phone_number_normalized: "<string>",
    verified_name: "<string>",
    quality_rating: "<string>",
    code_verification_status: "<string>",
    name_status: "<string>",
    status: "<string>",
    throughput_tier: "<string>",
    whatsapp_business_manager_messaging_limit: 123,
    is_official_business_account: true,
    is_pin_enabled: true,
  },
};

/** The thrown WaSignupError, with its code and field checked. */
function throws(fn, code, field) {
  let err;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof Error, "throws an Error");
  assert.equal(err.name, "WaSignupError");
  assert.equal(err.code, code, err.message);
  assert.equal(err.field, field, `field of ${err.code}: ${err.message}`);
  assert.ok(typeof err.message === "string" && err.message.length > 0);
  return err;
}

const clone = (v) => JSON.parse(JSON.stringify(v));

describe("request builders", () => {
  test("buildCallbackRequest: seed 003 keys in seed order, absent options left out", () => {
    const body = buildCallbackRequest({
      isCoexistence: true,
      businessId: "123456789012345",
      phoneNumberId: "106540352242922",
      wabaId: "524126980791429",
      redirectUri: "https://app.example.com/done",
      code: "AQB-code",
    });
    assert.deepEqual(Object.keys(body),
      ["code", "redirectUri", "wabaId", "phoneNumberId", "businessId", "isCoexistence"]);
    const minimal = buildCallbackRequest({ code: "c", wabaId: undefined, businessId: null });
    assert.deepEqual(minimal, { code: "c" });
    assert.equal(Object.getPrototypeOf(minimal), Object.prototype);
    assert.equal(JSON.stringify(buildCallbackRequest('{"code":"c","isCoexistence":false}')),
      '{"code":"c","isCoexistence":false}');
  });

  test("buildCallbackRequest errors", () => {
    throws(() => buildCallbackRequest({ code: "" }), "EMPTY_CODE", "code");
    throws(() => buildCallbackRequest({}), "MISSING_FIELD", "code");
    throws(() => buildCallbackRequest({ code: "c", wabaID: "1" }), "UNKNOWN_FIELD", "wabaID");
    throws(() => buildCallbackRequest({ code: "c", wabaId: 524126980791429 }), "INVALID_FIELD", "wabaId");
    throws(() => buildCallbackRequest({ code: "c", businessId: "0x1" }), "INVALID_META_ID", "businessId");
    const err = throws(() => buildCallbackRequest({ code: "c", redirectUri: "http://app.example.com/" }),
      "INVALID_URL", "redirectUri");
    assert.equal(err.reason, "NOT_HTTPS");
    assert.deepEqual(buildCallbackRequest({ code: "c", redirectUri: "http://127.0.0.1:8787/cb" }),
      { code: "c", redirectUri: "http://127.0.0.1:8787/cb" }, "loopback http for a sandbox");
    for (const bad of [undefined, null, 5, "not json", "[]", [], { code: "c", isCoexistence: 1n }]) {
      throws(() => buildCallbackRequest(bad), "INVALID_JSON", undefined);
    }
    const secret = throws(() => buildCallbackRequest({ code: "SECRET-123", wabaId: "x" }),
      "INVALID_META_ID", "wabaId");
    assert.ok(!secret.message.includes("SECRET-123"), "the code never appears in messages");
  });

  test("buildRegisterPhoneNumberRequest: exactly the seed 001 curl body, number normalized", () => {
    const body = buildRegisterPhoneNumberRequest({
      displayPhoneNumber: "+1 (555) 123-4567",
      metaPhoneNumberId: "123456789012345",
      metaBusinessAccountId: "987654321098765",
      appIds: [APP],
    });
    assert.equal(JSON.stringify(body),
      '{"displayPhoneNumber":"+15551234567","metaPhoneNumberId":"123456789012345",' +
      '"metaBusinessAccountId":"987654321098765","appIds":["app_2DbBs7GWhGvVNJGrDXr5RG0mBWI"]}');
    const err = throws(() => buildRegisterPhoneNumberRequest({
      displayPhoneNumber: "5551234567", metaPhoneNumberId: "1", metaBusinessAccountId: "2",
    }), "INVALID_PHONE_NUMBER", "displayPhoneNumber");
    assert.equal(err.reason, "MISSING_PLUS");
    throws(() => buildRegisterPhoneNumberRequest({
      displayPhoneNumber: "+15551234567", metaPhoneNumberId: "1", metaBusinessAccountId: "2",
      appIds: [APP, WAPN],
    }), "INVALID_APP_ID", "appIds[1]");
  });

  test("buildAssignAppsRequest: seed 000 body", () => {
    assert.deepEqual(buildAssignAppsRequest(WAPN, [APP]), { appIds: [APP] });
    assert.deepEqual(buildAssignAppsRequest(`wapn_test_${WAPN.slice(5)}`, []), { appIds: [] });
    throws(() => buildAssignAppsRequest(APP, [APP]), "INVALID_PHONE_NUMBER_ID", "phoneNumberId");
    throws(() => buildAssignAppsRequest(WAPN, ["nope"]), "INVALID_APP_ID", "appIds[0]");
    throws(() => buildAssignAppsRequest(WAPN, APP), "INVALID_FIELD", "appIds");
    throws(() => buildAssignAppsRequest(WAPN), "MISSING_FIELD", "appIds");
  });

  test("buildKapsoPhoneNumberUpdate: seed 002 body", () => {
    assert.equal(
      JSON.stringify(buildKapsoPhoneNumberUpdate({
        access_token: "EAABsbCS...new-token",
        webhook_destination_url: "https://yourapp.com/webhooks/whatsapp",
      })),
      '{"whatsapp_phone_number":{"access_token":"EAABsbCS...new-token",' +
      '"webhook_destination_url":"https://yourapp.com/webhooks/whatsapp"}}');
    assert.deepEqual(buildKapsoPhoneNumberUpdate({ access_token: "t" }),
      { whatsapp_phone_number: { access_token: "t" } });
    throws(() => buildKapsoPhoneNumberUpdate({}), "EMPTY_UPDATE", undefined);
    throws(() => buildKapsoPhoneNumberUpdate({ access_token: " " }), "EMPTY_FIELD", "access_token");
    throws(() => buildKapsoPhoneNumberUpdate({ webhook_destination_url: "http://yourapp.com/h" }),
      "INVALID_URL", "webhook_destination_url");
  });

  test("buildMetaAddPhoneNumberParams / Query: seed 004 parameters", () => {
    const input = { phone_number: "+15551234567", migrate_phone_number: true };
    assert.deepEqual(buildMetaAddPhoneNumberParams(input),
      { cc: "1", phone_number: "5551234567", migrate_phone_number: true });
    assert.equal(buildMetaAddPhoneNumberQuery(input),
      "cc=1&phone_number=5551234567&migrate_phone_number=true");
    const full = { phone_number: "+44 7911 123456", verified_name: "Acme & Sons", preverified_id: "1234" };
    assert.equal(buildMetaAddPhoneNumberQuery(full),
      new URLSearchParams({ cc: "44", phone_number: "7911123456", preverified_id: "1234",
        verified_name: "Acme & Sons" }).toString(), "same encoding as URLSearchParams");
    throws(() => buildMetaAddPhoneNumberParams({ phone_number: "+1" }), "INVALID_PHONE_NUMBER", "phone_number");
    throws(() => buildMetaAddPhoneNumberParams({ phone_number: "+15551234567", preverified_id: "pv" }),
      "INVALID_META_ID", "preverified_id");
    throws(() => buildMetaAddPhoneNumberParams({ phone_number: "+15551234567", cc: "1" }),
      "UNKNOWN_FIELD", "cc");
  });
});

describe("response parsers", () => {
  test("parseBusinessProfile: the seed 003 example, from a string or an object", () => {
    assert.deepEqual(parseBusinessProfile(JSON.stringify(BUSINESS_PROFILE)), BUSINESS_PROFILE);
    const p = parseBusinessProfile(BUSINESS_PROFILE);
    assert.equal(JSON.stringify(p), JSON.stringify(BUSINESS_PROFILE), "seed key order kept");
    assert.equal(Object.getPrototypeOf(p), Object.prototype);
  });

  test("parseBusinessProfile: nullable fields are null, missing fields are errors", () => {
    for (const key of ["metaBusinessId", "businessName", "tokenExpiresAt", "onboardingCompletedAt"]) {
      const doc = clone(BUSINESS_PROFILE);
      doc[key] = null;
      assert.equal(parseBusinessProfile(doc)[key], null, `${key} may be null`);
      delete doc[key];
      throws(() => parseBusinessProfile(doc), "MISSING_FIELD", key);
    }
    for (const key of Object.keys(BUSINESS_PROFILE)) {
      const doc = clone(BUSINESS_PROFILE);
      delete doc[key];
      throws(() => parseBusinessProfile(doc), "MISSING_FIELD", key);
    }
    const doc = clone(BUSINESS_PROFILE);
    doc.phoneNumbers[0].verified = "yes";
    throws(() => parseBusinessProfile(doc), "INVALID_FIELD", "phoneNumbers[0].verified");
    throws(() => parseBusinessProfile({ ...BUSINESS_PROFILE, id: WAPN }), "INVALID_BUSINESS_PROFILE_ID", "id");
    throws(() => parseBusinessProfile({ ...BUSINESS_PROFILE, createdAt: "yesterday" }),
      "INVALID_TIMESTAMP", "createdAt");
    throws(() => parseBusinessProfile("{"), "INVALID_JSON", undefined);
  });

  test("parsePhoneNumberResource: the seeds 000/001 example; unknown keys dropped", () => {
    assert.deepEqual(parsePhoneNumberResource(PHONE_NUMBER), PHONE_NUMBER);
    const extra = { ...clone(PHONE_NUMBER), somethingNew: 1 };
    assert.deepEqual(parsePhoneNumberResource(extra), PHONE_NUMBER);
    const doc = clone(PHONE_NUMBER);
    delete doc.apps[0].appSlug;
    throws(() => parsePhoneNumberResource(doc), "MISSING_FIELD", "apps[0].appSlug");
    throws(() => parsePhoneNumberResource({ ...PHONE_NUMBER, qualityRating: undefined }),
      "MISSING_FIELD", "qualityRating");
    assert.equal(parsePhoneNumberResource({ ...PHONE_NUMBER, qualityRating: null }).qualityRating, null);
  });

  test("parseKapsoPhoneNumberResponse: the seed 002 example; optional fields may be absent", () => {
    assert.deepEqual(parseKapsoPhoneNumberResponse(KAPSO), KAPSO);
    const doc = clone(KAPSO);
    doc.data.verified_name = null;
    delete doc.data.quality_rating;
    const out = parseKapsoPhoneNumberResponse(doc).data;
    assert.equal("verified_name" in out, false, "null optional -> absent");
    assert.equal(out.quality_rating, undefined);
    for (const key of ["id", "internal_id", "phone_number_id", "business_account_id", "is_coexistence",
      "inbound_processing_enabled", "calls_enabled", "created_at", "updated_at"]) {
      const d = clone(KAPSO);
      delete d.data[key];
      throws(() => parseKapsoPhoneNumberResponse(d), "MISSING_FIELD", `data.${key}`);
    }
  });

  test("parseGraphError: envelope, seed 004 codes described", () => {
    const seedCodes = {
      100: "Invalid parameter",
      104: "Incorrect signature",
      200: "Permissions error",
      102: "Session key invalid or no longer valid",
      300: "Edit failure",
      200000: "Cannot add phone number to WhatsApp Business Account",
      190: "Invalid OAuth 2.0 Access Token",
    };
    for (const [code, description] of Object.entries(seedCodes)) {
      const e = parseGraphError({ error: { message: "m", type: "OAuthException", code: Number(code),
        error_subcode: 33, fbtrace_id: "Ab" } });
      assert.deepEqual(e, { message: "m", type: "OAuthException", code: Number(code), error_subcode: 33,
        fbtrace_id: "Ab", description });
    }
    assert.deepEqual(parseGraphError('{"error":{"message":"m","type":"t","code":131000}}'),
      { message: "m", type: "t", code: 131000 });
    throws(() => parseGraphError({ id: "1" }), "MISSING_FIELD", "error");
    throws(() => parseGraphError({ error: { message: "m", type: "t", code: "190" } }),
      "INVALID_FIELD", "error.code");
  });
});

test(".d.ts declares every API shape and typed signatures (no any)", () => {
  const dts = dtsOf("wa_signup_api");
  for (const name of ["CallbackRequest", "RegisterPhoneNumberRequest", "AssignAppsRequest",
    "KapsoPhoneNumberFields", "KapsoPhoneNumberUpdate", "MetaAddPhoneNumberInput",
    "MetaAddPhoneNumberParams", "PhoneNumberResource", "PhoneNumberBusinessProfile", "PhoneNumberApp",
    "BusinessProfile", "BusinessProfilePhoneNumber", "KapsoPhoneNumberResponse", "KapsoPhoneNumber",
    "GraphError"]) {
    assert.match(dts, new RegExp(`export interface ${name} \\{`), name);
  }
  assert.match(dts, /qualityRating: string \| null;/);
  assert.match(dts, /tokenExpiresAt: string \| null;/);
  const signatures = {
    buildCallbackRequest: "(input: CallbackRequest | string): CallbackRequest",
    buildRegisterPhoneNumberRequest:
      "(input: RegisterPhoneNumberRequest | string): RegisterPhoneNumberRequest",
    buildAssignAppsRequest: "(phoneNumberId: string, appIds: readonly string[]): AssignAppsRequest",
    buildKapsoPhoneNumberUpdate: "(input: KapsoPhoneNumberFields | string): KapsoPhoneNumberUpdate",
    buildMetaAddPhoneNumberParams: "(input: MetaAddPhoneNumberInput | string): MetaAddPhoneNumberParams",
    buildMetaAddPhoneNumberQuery: "(input: MetaAddPhoneNumberInput | string): string",
    parseBusinessProfile: "(json: string | object): BusinessProfile",
    parsePhoneNumberResource: "(json: string | object): PhoneNumberResource",
    parseKapsoPhoneNumberResponse: "(json: string | object): KapsoPhoneNumberResponse",
    parseGraphError: "(json: string | object): GraphError",
  };
  for (const [name, sig] of Object.entries(signatures)) {
    assert.ok(dts.includes(`export function ${name}${sig};`), `${name}${sig}`);
  }
});
