// Node, CommonJS: require() of the package, no init call.
const { isE164, parsePhoneNumber } = require("wa-signup");

const parsed = parsePhoneNumber("+44 20 7946 0958");
let error = null;
try {
  parsePhoneNumber("415 555 2671");
} catch (e) {
  error = { name: e.name, code: e.code };
}
console.log(JSON.stringify({ isE164: isE164(parsed.e164), e164: parsed.e164, regions: parsed.regions, error }));
