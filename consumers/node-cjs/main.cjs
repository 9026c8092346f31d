// Node, CommonJS: require() of the package (README.md's quick start names it
// in a comment), no init call; the same checks as node-esm/main.mjs.
const { parsePhoneNumber, isE164, isE164Batch, parseSessionEvent, WaSignupError } = require("wa-signup");
const { buildRegisterPhoneNumberRequest } = require("wa-signup/api");

const parsed = parsePhoneNumber("+44 20 7946 0958");
let error = null;
try {
  parsePhoneNumber("415 555 2671");
} catch (e) {
  error = { name: e.name, code: e.code, isWaSignupError: e instanceof WaSignupError };
}
const body = buildRegisterPhoneNumberRequest({
  displayPhoneNumber: "+1 (555) 123-4567",
  metaPhoneNumberId: "106540352242922",
  metaBusinessAccountId: "524126980791429",
});
const phone = { isE164: isE164(parsed.e164), e164: parsed.e164, regions: parsed.regions, error };
const batch = [...isE164Batch("+14155552671\nnope")];
const finish = { type: "WA_EMBEDDED_SIGNUP", event: "FINISH", data: { waba_id: "102290129340398" } };
const session = [parseSessionEvent("https://www.facebook.com", finish)?.wabaId, parseSessionEvent("https://evil.example", finish) ?? null];
console.log(JSON.stringify({ phone, api: body.displayPhoneNumber, batch, session }));
