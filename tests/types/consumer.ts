// The package's declarations as a strict browser app compiles them (tsc --strict,
// skipLibCheck: false, moduleResolution bundler, lib ES2022 + DOM: no
// esnext.disposable). Each `@ts-expect-error` is a misuse the types must catch:
// if one compiled, tsc would report the directive as unused. Run by
// tests/types/check.mjs against the packed tarball (scripts/test.d/72-pack.sh).

import init, { initSync, isE164, parsePhoneNumber, WaSignupError } from "wa-signup";
import type { WaSignupErrorCode } from "wa-signup";
import initFlow, { EmbeddedSignup, isBusinessProfile, preloadSdk, WaSignupError as FlowError } from "wa-signup/flow";
import type {
  BusinessProfile,
  EmbeddedSignupFailureKind,
  EmbeddedSignupJson,
  EmbeddedSignupOutcome,
  EmbeddedSignupState,
  WaSignupErrorCode as FlowErrorCode,
} from "wa-signup/flow";
import initApi, { buildCallbackRequest } from "wa-signup/api";
import type { WaSignupErrorCode as ApiErrorCode } from "wa-signup/api";
import type { EmbeddedSignupOptions } from "wa-signup/flow";
import type { WidgetOptions } from "wa-signup/widget";

/** Compiles only when `value` is not `any`. */
declare function notAny<T>(value: 0 extends 1 & T ? never : T): void;
/** Compiles only when A and B are the same type. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const yes = <T extends true>(): T | void => undefined;

// ---- init: each entry point's own; the result is not `any` ----------------
notAny(await init());
notAny(await initFlow());
notAny(await initApi({ module_or_path: new URL("/wa_signup_api_bg.wasm", location.href) }));
notAny(initSync({ module: new Uint8Array() }));

// ---- WaSignupError: a class, its codes per entry point ----------------------
yes<Same<WaSignupError["code"], WaSignupErrorCode>>();
try {
  parsePhoneNumber("415 555 2671");
} catch (err) {
  if (err instanceof WaSignupError) {
    notAny(err.code);
    const name: "WaSignupError" = err.name;
    const position: number | undefined = err.position;
    switch (err.code) {
      case "MISSING_PLUS":
      case "NOT_INITIALIZED":
        break;
      case "APP_ID_CONFLICT": // instanceof recognises the errors of every entry point
        break;
      // @ts-expect-error not a code of any entry point
      case "NOPE":
        break;
    }
    void [name, position];
  }
}
const mine = new WaSignupError("TOO_SHORT", "too short");
// @ts-expect-error not a code of "wa-signup"
new WaSignupError("NOPE", "nope");
const flowCode: FlowErrorCode = "EXTRAS_INVALID_PHONE";
const apiCode: ApiErrorCode = "INVALID_META_ID";
// @ts-expect-error the api entry point does not throw flow codes
const wrongApiCode: ApiErrorCode = "APP_ID_CONFLICT";
void [mine, flowCode, apiCode, wrongApiCode, isE164("+14155552671")];

// ---- options: the flow's, and the widget's built on them (one declaration) --
const flowOptions: EmbeddedSignupOptions = { appId: "1", configId: "2", callbackUrl: "/c", locale: "pt-BR" };
const widgetOptions: WidgetOptions = { ...flowOptions, phoneField: true, styles: "none" };
const widgetOnly = (({ phoneField, styles, nonce, ...rest }: WidgetOptions) => rest)(widgetOptions);
yes<Same<keyof typeof widgetOnly, keyof EmbeddedSignupOptions>>();
// @ts-expect-error the widget's switches are not flow options
const notFlow: EmbeddedSignupOptions = { ...flowOptions, phoneField: true };
void [notFlow];

// ---- wa-signup/flow: outcome.profile and typed events -----------------------
// preloadSdk takes the flow's options and says whether it injected Meta's SDK (before init()).
const injected: boolean = preloadSdk({ appId: "1", configId: "2", callbackUrl: "/callback" });
void injected;
// @ts-expect-error: the options are required
preloadSdk();
const signup = new EmbeddedSignup({ appId: "1", configId: "2", callbackUrl: "/callback" });
const outcome: EmbeddedSignupOutcome = await signup.launch();
if (outcome.type === "connected") {
  notAny(outcome.profile);
  yes<Same<typeof outcome.profile, BusinessProfile | EmbeddedSignupJson>>();
  // @ts-expect-error may be the callback's own JSON: narrow before reading fields
  outcome.profile.id;
  if (isBusinessProfile(outcome.profile)) {
    const id: string = outcome.profile.id;
    const business: string | null = outcome.profile.businessName;
    void [id, business];
  }
}
signup.addEventListener("wa-signup:success", (e) => {
  notAny(e.detail);
  const type: "connected" = e.detail.type;
  notAny(e.detail.profile);
  void type;
});
signup.addEventListener("wa-signup:error", (e) => {
  const kind: EmbeddedSignupFailureKind = e.detail.kind;
  // @ts-expect-error a failed run has no profile
  e.detail.profile;
  void kind;
});
signup.addEventListener("wa-signup:state", (e) => {
  const state: EmbeddedSignupState = e.detail;
  void state;
});
// @ts-expect-error not an event of EmbeddedSignup
signup.addEventListener("wa-signup:nope", () => {});
signup.removeEventListener("wa-signup:cancel", (e) => void e.detail.source);
signup.destroy();
try {
  signup.launch();
} catch (err) {
  if (err instanceof FlowError && err.code === "APP_ID_CONFLICT") void err.message;
}

// ---- wa-signup/api ---------------------------------------------------------
notAny(buildCallbackRequest({ code: "AQB" }));
// @ts-expect-error code is required
buildCallbackRequest({});
