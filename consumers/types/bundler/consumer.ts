// The package's public types as a browser app compiled by a bundler sees them
// (tsc --strict, skipLibCheck: false, moduleResolution: bundler). Every
// `@ts-expect-error` line is a misuse the types must catch: if one compiles,
// tsc reports the directive as unused and the fixture fails.

import init, { isE164, parsePhoneNumber, parseSessionEvent, WaSignupError } from "wa-signup";
import type { PhoneNumber, SessionEvent } from "wa-signup";
import initFlow, { EmbeddedSignup, isBusinessProfile } from "wa-signup/flow";
import type { EmbeddedSignupOutcome, EmbeddedSignupState } from "wa-signup/flow";
import { buildRegisterPhoneNumberRequest } from "wa-signup/api";
import { mount } from "wa-signup/widget";
import type { WaSignupConnectElement, WidgetHandle } from "wa-signup/widget";

/** Compiles only when `value` is not `any` (nothing is assignable to `never` but `never`). */
declare function notAny<T>(value: 0 extends 1 & T ? never : T): void;

await init();
await initFlow();

// ---- wa-signup: numbers --------------------------------------------------
const n: PhoneNumber = parsePhoneNumber("+44 20 7946 0958");
const e164: string = n.e164;
const code: number = n.callingCode;
const regions: readonly string[] = n.regions;
const ok: boolean = isE164(e164);
// @ts-expect-error a number is not a string to parse
parsePhoneNumber(4420);
// @ts-expect-error regions are read-only
n.regions.push("FR");
void [code, regions, ok];

// ---- WaSignupError and its codes ------------------------------------------
try {
  parsePhoneNumber("415 555 2671");
} catch (err) {
  if (err instanceof WaSignupError) {
    notAny(err.code);
    const name: "WaSignupError" = err.name;
    const message: string = err.message;
    switch (err.code) {
      case "MISSING_PLUS":
      case "TOO_SHORT":
      case "NOT_INITIALIZED":
        break;
      // @ts-expect-error not a code of the core entry point
      case "NO_SUCH_CODE":
        break;
    }
    void [name, message];
  }
}

// ---- session events --------------------------------------------------------
window.addEventListener("message", (e) => {
  const ev: SessionEvent | undefined = parseSessionEvent(e.origin, e.data);
  if (ev) {
    const wabaId: string | undefined = ev.wabaId;
    void wabaId;
  }
});

// ---- wa-signup/flow: options, outcome, events -----------------------------
const options = { appId: "1234567890", configId: "9876543210", callbackUrl: "/api/signup/callback" };
const signup = new EmbeddedSignup(options);
// @ts-expect-error callbackUrl is required
new EmbeddedSignup({ appId: "1234567890", configId: "9876543210" });
// @ts-expect-error mode is "popup" or "redirect"
new EmbeddedSignup({ ...options, mode: "tab" });

const outcome: EmbeddedSignupOutcome = await signup.launch();
if (outcome.type === "connected") {
  notAny(outcome.profile);
  // @ts-expect-error the callback may answer any JSON: a seed-003 profile only once checked
  outcome.profile.businessName;
  if (isBusinessProfile(outcome.profile)) {
    const id: string = outcome.profile.id;
    const business: string | null = outcome.profile.businessName;
    const number: string | undefined = outcome.profile.phoneNumbers[0]?.displayPhoneNumber;
    // @ts-expect-error not a field of the business profile
    outcome.profile.nope;
    void [id, business, number];
  }
} else if (outcome.type === "failed") {
  const kind: string = outcome.kind;
  // @ts-expect-error a failed outcome has no profile
  outcome.profile;
  void kind;
}

signup.addEventListener("wa-signup:success", (e) => {
  notAny(e.detail);
  const type: "connected" = e.detail.type;
  const id: string | undefined = isBusinessProfile(e.detail.profile) ? e.detail.profile.id : undefined;
  void [type, id];
});
signup.addEventListener("wa-signup:state", (e) => {
  notAny(e.detail);
  const state: EmbeddedSignupState = e.detail;
  void state;
});
signup.addEventListener("wa-signup:error", (e) => {
  notAny(e.detail);
  // @ts-expect-error an error's detail is a failed outcome, never "connected"
  const wrong: "connected" = e.detail.type;
  void wrong;
});
// @ts-expect-error not an event of EmbeddedSignup
signup.addEventListener("wa-signup:nope", () => {});

// ---- wa-signup/api ----------------------------------------------------------
const body = buildRegisterPhoneNumberRequest({
  displayPhoneNumber: "+1 (555) 123-4567",
  metaPhoneNumberId: "106540352242922",
  metaBusinessAccountId: "524126980791429",
});
const normalized: string = body.displayPhoneNumber;
// @ts-expect-error metaPhoneNumberId is required
buildRegisterPhoneNumberRequest({ displayPhoneNumber: "+15551234567", metaBusinessAccountId: "1" });
void normalized;

// ---- wa-signup/widget: mount() and <wa-signup-connect> -------------------
const host = document.createElement("div");
const handle: WidgetHandle = mount(host, options);
const mounted: boolean = await handle.ready;
handle.destroy();
// @ts-expect-error the widget needs its options
mount(host, {});
void mounted;

const el: WaSignupConnectElement = document.createElement("wa-signup-connect");
const found: WaSignupConnectElement | null = document.querySelector("wa-signup-connect");
el.appId = "1234567890";
el.configId = "9876543210";
el.callbackUrl = "/api/signup/callback";
el.extras = { setup: { business: { name: "Wind & Wool" } } };
el.headers = { "x-csrf-token": "t" };
// @ts-expect-error extras is an object, not a string
el.extras = "{}";
// @ts-expect-error isMounted is read-only
el.isMounted = true;
el.addEventListener("wa-signup:success", (e) => {
  notAny(e.detail);
  const { profile } = e.detail;
  const business: string | null = isBusinessProfile(profile) ? profile.businessName : null;
  void business;
});
el.addEventListener("wa-signup:state", (e) => {
  notAny(e.detail);
  const type: EmbeddedSignupState["type"] = e.detail.type;
  void type;
});
// Ordinary DOM events keep their own types.
el.addEventListener("click", (e) => {
  const x: number = e.clientX;
  void x;
});
void found;
