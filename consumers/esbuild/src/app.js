// esbuild, with the recipe README.md gives: the core module for the number, the flow module for the signup.
import init, { isE164, parsePhoneNumber, WaSignupError } from "wa-signup";
import initFlow, { EmbeddedSignup } from "wa-signup/flow";
import { checkPhone, outcomeSummary, show } from "../../shared/page.js";

await init();
checkPhone({ isE164, parsePhoneNumber, WaSignupError });

await initFlow();
const signup = await EmbeddedSignup.load({
  appId: "1234567890",
  configId: "9876543210",
  callbackUrl: "/api/signup/callback",
});
const button = document.getElementById("connect");
button.addEventListener("click", async () => {
  const outcome = await signup.launch();
  show("outcome", outcomeSummary(outcome));
});
button.disabled = false;
