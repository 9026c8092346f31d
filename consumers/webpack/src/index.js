// webpack 5: the core module for the number, the widget's mount() for the signup.
import init, { isE164, parsePhoneNumber, WaSignupError } from "wa-signup";
import { mount } from "wa-signup/widget";
import { checkPhone, outcomeSummary, show } from "../../shared/page.js";

const widget = document.getElementById("widget");
widget.addEventListener("wa-signup:success", (e) => show("outcome", outcomeSummary(e.detail)));
mount(widget, { appId: "1234567890", configId: "9876543210", callbackUrl: "/api/signup/callback" });

await init();
checkPhone({ isE164, parsePhoneNumber, WaSignupError });
