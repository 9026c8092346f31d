// Node, ES modules: the package as a Node user imports it, no init call.
import { isE164, parsePhoneNumber, WaSignupError } from "wa-signup";
import { buildRegisterPhoneNumberRequest } from "wa-signup/api";

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
console.log(JSON.stringify({ phone, api: body.displayPhoneNumber }));
