// Vite + TypeScript: README.md's browser quick start word for word (it also
// logs Meta's session events during the signup below), the number, then the
// flow module's EmbeddedSignup behind a button.
import { parsePhoneNumber, WaSignupError } from "wa-signup";
import initFlow, { EmbeddedSignup } from "wa-signup/flow";
import { checkPhone, outcomeSummary, show } from "../../shared/page.js";

import init, { isE164, parseSessionEvent } from "wa-signup";

await init(); // fetches wa_signup_bg.wasm next to the module

window.addEventListener("message", (e) => {
  const ev = parseSessionEvent(e.origin, e.data); // undefined unless it is Meta's, from facebook.com
  if (ev) console.log(ev.event, ev.wabaId);
});

checkPhone({ isE164, parsePhoneNumber, WaSignupError });

await initFlow();
const signup = await EmbeddedSignup.load({
  appId: "1234567890",
  configId: "9876543210",
  callbackUrl: "/api/signup/callback",
});
const button = document.querySelector<HTMLButtonElement>("#connect")!;
button.addEventListener("click", async () => {
  const outcome = await signup.launch();
  show("outcome", outcomeSummary(outcome));
});
button.disabled = false;
