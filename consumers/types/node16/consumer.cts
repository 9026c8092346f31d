// The package's types as a CommonJS module sees them (nodenext: the "node" +
// "require" export condition, the .d.cts types).

import wa = require("wa-signup");

const n: wa.PhoneNumber = wa.parsePhoneNumber("+44 20 7946 0958");
const ok: boolean = wa.isE164(n.e164);
// @ts-expect-error a number is not a string to parse
wa.parsePhoneNumber(4420);
try {
  wa.parsePhoneNumber("415 555 2671");
} catch (err) {
  if (err instanceof wa.WaSignupError && err.code === "MISSING_PLUS") console.error(err.message);
}
void ok;
