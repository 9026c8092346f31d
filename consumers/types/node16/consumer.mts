// The package's types as a Node ES module sees them (module/moduleResolution
// nodenext: the "node" + "import" export condition). No init call: the Node
// entry points are ready at import.

import { isE164, parsePhoneNumber, WaSignupError } from "wa-signup";
import type { PhoneNumber } from "wa-signup";
import { buildRegisterPhoneNumberRequest } from "wa-signup/api";
import type { RegisterPhoneNumberRequest } from "wa-signup/api";

declare function notAny<T>(value: 0 extends 1 & T ? never : T): void;

const n: PhoneNumber = parsePhoneNumber("+44 20 7946 0958");
const ok: boolean = isE164(n.e164);
// @ts-expect-error a number is not a string to parse
parsePhoneNumber(4420);

try {
  buildRegisterPhoneNumberRequest({
    displayPhoneNumber: "+1 (555) 123-4567",
    metaPhoneNumberId: "106540352242922",
    metaBusinessAccountId: "524126980791429",
  });
} catch (err) {
  if (err instanceof WaSignupError) {
    notAny(err.code);
    if (err.code === "INVALID_PHONE_NUMBER") console.error(err.message);
    // @ts-expect-error not a code of any entry point
    if (err.code === "NO_SUCH_CODE") console.error(err.message);
  }
}
const body: RegisterPhoneNumberRequest = buildRegisterPhoneNumberRequest(JSON.stringify({}));
void [ok, body];
