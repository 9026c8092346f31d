// esbuild app.js --bundle --format=esm --loader:.wasm=file --outdir=dist
import init, { isE164 } from "wa-signup";
import wasm from "wa-signup/wa_signup_bg.wasm";
await init({ module_or_path: new URL(wasm, import.meta.url) });

// Above: README.md's esbuild recipe word for word (the test runs the command
// on its first line). Below: the number, and the flow module the same way.
import { parsePhoneNumber, WaSignupError } from "wa-signup";
import initFlow, { EmbeddedSignup } from "wa-signup/flow";
import flowWasm from "wa-signup/wa_signup_flow_bg.wasm";
import { checkPhone, outcomeSummary, show } from "../shared/page.js";

checkPhone({ isE164, parsePhoneNumber, WaSignupError });

await initFlow({ module_or_path: new URL(flowWasm, import.meta.url) });
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
