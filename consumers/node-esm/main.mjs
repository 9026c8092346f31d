// Node, ES modules: README.md's quick start, word for word (the Node block,
// then the API models block), then what it computed, for the test to check.
import { parsePhoneNumber, isE164, isE164Batch, parseSessionEvent, WaSignupError } from "wa-signup";
// CommonJS: const { parsePhoneNumber, isE164 } = require("wa-signup");

parsePhoneNumber("+44 20 7946 0958");
// { e164: "+442079460958", callingCode: 44, nationalNumber: "2079460958", regions: ["GB", "GG", "IM", "JE"] }

try {
  parsePhoneNumber("415 555 2671");
} catch (err) {
  err instanceof WaSignupError; // true (also for errors of wa-signup/api and /flow)
  err.code;    // "MISSING_PLUS"  <- match on this
  err.message; // human text, may be reworded
}

isE164Batch("+14155552671\nnope"); // Uint8Array [1, 0]: one boundary crossing for many lines

import { buildRegisterPhoneNumberRequest } from "wa-signup/api";

const body = buildRegisterPhoneNumberRequest({
  displayPhoneNumber: "+1 (555) 123-4567", // normalized to "+15551234567"
  metaPhoneNumberId: "106540352242922", metaBusinessAccountId: "524126980791429",
}); // throws WaSignupError (INVALID_PHONE_NUMBER, INVALID_META_ID, …) before anything is sent

// ---- what the quick start computed -----------------------------------------
const parsed = parsePhoneNumber("+44 20 7946 0958");
let error = null;
try {
  parsePhoneNumber("415 555 2671");
} catch (e) {
  error = { name: e.name, code: e.code, isWaSignupError: e instanceof WaSignupError };
}
const phone = { isE164: isE164(parsed.e164), e164: parsed.e164, regions: parsed.regions, error };
const batch = [...isE164Batch("+14155552671\nnope")];
const finish = { type: "WA_EMBEDDED_SIGNUP", event: "FINISH", data: { waba_id: "102290129340398" } };
const session = [parseSessionEvent("https://www.facebook.com", finish)?.wabaId, parseSessionEvent("https://evil.example", finish) ?? null];
console.log(JSON.stringify({ phone, api: body.displayPhoneNumber, batch, session }));
