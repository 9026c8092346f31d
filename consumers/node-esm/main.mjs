// Node, ES modules: the package as a Node user imports it, no init call.
import { isE164, parsePhoneNumber } from "wa-signup";

const parsed = parsePhoneNumber("+44 20 7946 0958");
let error = null;
try {
  parsePhoneNumber("415 555 2671");
} catch (e) {
  error = { name: e.name, code: e.code };
}
console.log(JSON.stringify({ isE164: isE164(parsed.e164), e164: parsed.e164, regions: parsed.regions, error }));
