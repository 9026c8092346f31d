//! JS export: the `EmbeddedSignup` class over [`crate::flow::browser::EmbeddedSignup`].
//!
//! ```js
//! const signup = new EmbeddedSignup({ appId, configId, callbackUrl });   // preloads the SDK
//! signup.addEventListener("wa-signup:state", (e) => render(e.detail));
//! button.onclick = async () => show(await signup.launch());              // FB.login inside the click
//! // redirect mode, on the return page:
//! const outcome = await EmbeddedSignup.completeRedirect(options);
//! // or: const ready = await EmbeddedSignup.load(options);  // resolves once the SDK is ready
//! ```

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::future_to_promise;
use web_sys::EventTarget;

use super::error::to_js_error;
use crate::flow::browser::{outcome_to_js, page_config, state_to_js, EmbeddedSignup};
use crate::flow::{ConfigError, Mode, SignupConfig};
use crate::js_json;

/// `EmbeddedSignupExtras`, written once for this module and the widget's.
#[wasm_bindgen(typescript_custom_section)]
const TS_EXTRAS: &'static str = crate::flow::extras::EXTRAS_TS;

/// `EmbeddedSignupOptions`, written once for this module and the widget's.
#[wasm_bindgen(typescript_custom_section)]
const TS_OPTIONS: &'static str = crate::flow::options_ts::OPTIONS_TS;

#[wasm_bindgen(typescript_custom_section)]
const TS_EMBEDDED_SIGNUP: &'static str = r#"
import type { BusinessProfile } from "./wa_signup_api.js";
/** The seed-003 business profile (`outcome.profile` of a connected run), from "wa-signup/api". */
export type { BusinessProfile, BusinessProfilePhoneNumber } from "./wa_signup_api.js";

/** What Meta's FINISH* session event said. The callback got seed 003's part of it
 *  (wabaId, phoneNumberId, businessId, isCoexistence); the lists are for the page. */
export interface EmbeddedSignupSession {
  /** The finish event's name, e.g. "FINISH", "FINISH_ONLY_WABA", "FINISH_GRANT_ONLY_API_ACCESS". */
  event: string;
  /** `waba_id`, or the first of `waba_ids` when Meta sent only the list. */
  wabaId?: string;
  phoneNumberId?: string;
  businessId?: string;
  /** True for FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING (coexistence). */
  isCoexistence: boolean;
  /** Every WABA of a multi-WABA flow. */
  wabaIds?: string[];
  adAccountIds?: string[];
  pageIds?: string[];
  datasetIds?: string[];
  catalogIds?: string[];
  instagramAccountIds?: string[];
}

/** Meta's error from a CANCEL (with error_message) or ERROR session event. */
export interface EmbeddedSignupMetaError {
  message?: string;
  code?: string;
  sessionId?: string;
  timestamp?: string;
  currentStep?: string;
}

/** Stable codes of a failed run. */
export type EmbeddedSignupFailureKind =
  | "SDK_NOT_READY" | "SDK_LOAD_FAILED" | "ALREADY_RUNNING" | "CALLBACK_HTTP_ERROR"
  | "NETWORK_ERROR" | "TIMEOUT" | "NO_AUTH_RESPONSE" | "STATE_MISMATCH" | "MISSING_CODE"
  | "CODE_EXPIRED" | "META_ERROR" | "ABORTED" | "INVALID_CONFIG" | "POPUP_BLOCKED"
  | "POPUP_ISOLATED" | "RUN_TIMEOUT";

/** Why Meta's popup may not work on this page, known before the click. */
export interface EmbeddedSignupNotice {
  /** POPUP_ISOLATED: the page's Cross-Origin-Opener-Policy severs popups.
   *  IN_APP_BROWSER: an in-app browser and no redirectUri to fall back to. */
  kind: "POPUP_ISOLATED" | "IN_APP_BROWSER";
  message: string;
}

/** A cancelled run: `source` "meta" when the person cancelled or closed Meta's dialog,
 *  "page" when the page called `cancel()`. */
export interface EmbeddedSignupCancelled {
  type: "cancelled";
  currentStep?: string;
  source: "meta" | "page";
}

/** Any JSON value. */
export type EmbeddedSignupJson =
  | null | boolean | number | string | EmbeddedSignupJson[] | { [key: string]: EmbeddedSignupJson };

/** How a run ended (`launch()`, `completeRedirect()`, and the `detail` of the final DOM event). */
export type EmbeddedSignupOutcome =
  | {
      type: "connected";
      /**
       * The callback's 2xx answer: the seed-003 business profile, or its JSON as-is;
       * `isBusinessProfile(outcome.profile)` tells which (and narrows the type).
       */
      profile: BusinessProfile | EmbeddedSignupJson;
      session?: EmbeddedSignupSession;
    }
  | EmbeddedSignupCancelled
  | {
      type: "failed";
      kind: EmbeddedSignupFailureKind;
      metaError?: EmbeddedSignupMetaError;
      /** The callback's HTTP status (CALLBACK_HTTP_ERROR). */
      status?: number;
      /** The callback's response body: JSON, or the text as a string. */
      body?: EmbeddedSignupJson;
      message: string;
    };

/** What the UI should show (`state`, and the `detail` of `wa-signup:state`). */
export type EmbeddedSignupState =
  | { type: "sdkLoading" }
  | { type: "ready"; notice?: EmbeddedSignupNotice }
  | { type: "waitingForMeta" }
  | { type: "sending" }
  | { type: "connected"; profile: BusinessProfile | EmbeddedSignupJson; session?: EmbeddedSignupSession }
  | EmbeddedSignupCancelled
  | {
      type: "failed";
      kind: EmbeddedSignupFailureKind;
      metaError?: EmbeddedSignupMetaError;
      status?: number;
      message: string;
    };

/** Events dispatched on an `EmbeddedSignup` instance. */
export interface EmbeddedSignupEventMap {
  "wa-signup:state": CustomEvent<EmbeddedSignupState>;
  "wa-signup:success": CustomEvent<EmbeddedSignupOutcome & { type: "connected" }>;
  "wa-signup:cancel": CustomEvent<EmbeddedSignupOutcome & { type: "cancelled" }>;
  "wa-signup:error": CustomEvent<EmbeddedSignupOutcome & { type: "failed" }>;
}

export interface EmbeddedSignup {
  /**
   * Listens for `wa-signup:state | success | cancel | error`; `event.detail` is typed
   * by `EmbeddedSignupEventMap`.
   */
  addEventListener<K extends keyof EmbeddedSignupEventMap>(
    kind: K,
    listener: (event: EmbeddedSignupEventMap[K]) => void,
  ): void;
  /** Stops listening. */
  removeEventListener<K extends keyof EmbeddedSignupEventMap>(
    kind: K,
    listener: (event: EmbeddedSignupEventMap[K]) => void,
  ): void;
}
"#;

/// `EmbeddedSignup`: WhatsApp Embedded Signup for one button.
///
/// Events `wa-signup:state | success | cancel | error` are dispatched on the
/// instance (`addEventListener`). The Meta code never appears in any of them.
#[wasm_bindgen(js_name = EmbeddedSignup)]
pub struct JsEmbeddedSignup {
    flow: EmbeddedSignup,
    target: EventTarget,
}

/// Options (any JS value) → validated config for this page ([`page_config`]).
/// Read as `JSON.stringify` writes them (functions and `undefined` dropped);
/// the raw JSON is what the secret check walks. A non-object, or one without
/// JSON, is read as `null` (refused by the config's own check).
fn config_from_js(options: &JsValue) -> Result<SignupConfig, JsValue> {
    let raw = Some(options)
        .filter(|options| options.is_object())
        .and_then(|options| js_json::to_value(options).ok())
        .unwrap_or(crate::json::Value::Null);
    page_config(&raw).map_err(|e| to_js_error(&e))
}

fn build(options: &JsValue) -> Result<JsEmbeddedSignup, JsValue> {
    let config = config_from_js(options)?;
    let flow = EmbeddedSignup::new(config).map_err(|e: ConfigError| to_js_error(&e))?;
    let target = EventTarget::new()?;
    flow.set_event_target(Some(target.clone()));
    Ok(JsEmbeddedSignup { flow, target })
}

#[wasm_bindgen(js_class = EmbeddedSignup)]
impl JsEmbeddedSignup {
    /// Validates `options` (throws a `WaSignupError` with a `code` such as
    /// `INVALID_CALLBACK_URL`, `SECRET_IN_BROWSER` or `APP_ID_CONFLICT` when
    /// another live instance on the page uses another `appId`) and, in popup mode,
    /// starts loading the SDK in the background.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "EmbeddedSignupOptions")] options: JsValue,
    ) -> Result<JsEmbeddedSignup, JsValue> {
        let this = build(&options)?;
        if this.flow.config().mode == Mode::Popup {
            let load = this.flow.load();
            wasm_bindgen_futures::spawn_local(async move {
                // The outcome is published as state (`wa-signup:state`); `load()`
                // reports it to callers that await it.
                let _ = load.await;
            });
        }
        Ok(this)
    }

    /// `EmbeddedSignup.load(options)`: constructs and resolves once the SDK is ready.
    #[wasm_bindgen(js_name = load, unchecked_return_type = "Promise<EmbeddedSignup>")]
    pub fn load_with(
        #[wasm_bindgen(unchecked_param_type = "EmbeddedSignupOptions")] options: JsValue,
    ) -> Promise {
        let this = match build(&options) {
            Ok(this) => this,
            Err(err) => return Promise::reject(&err),
        };
        let load = this.flow.load();
        future_to_promise(async move {
            load.await.map_err(|e| to_js_error(&e))?;
            Ok(JsValue::from(this))
        })
    }

    /// Resolves once the SDK is loaded and initialised (the constructor already
    /// started loading; idempotent). Rejects with `SDK_LOAD_FAILED`.
    /// (Named `ready` because `EmbeddedSignup.load(options)` is the static one.)
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn ready(&self) -> Promise {
        let load = self.flow.load();
        future_to_promise(async move {
            load.await.map_err(|e| to_js_error(&e))?;
            Ok(JsValue::UNDEFINED)
        })
    }

    /// Starts the signup. Call it directly in a click handler: `FB.login` runs
    /// before this returns. Resolves (never rejects) with the outcome; an SDK
    /// that is not loaded yet gives `{ type: "failed", kind: "SDK_NOT_READY" }`.
    /// In redirect mode the page navigates to Meta's dialog.
    #[wasm_bindgen(unchecked_return_type = "Promise<EmbeddedSignupOutcome>")]
    pub fn launch(&self) -> Promise {
        let outcome = self.flow.launch();
        future_to_promise(async move { Ok(outcome_to_js(&outcome.await)) })
    }

    /// `EmbeddedSignup.completeRedirect(options)`, on the redirect return page:
    /// checks `state`, removes `code` from the URL, POSTs `{ code, redirectUri }`
    /// once. Resolves `undefined` when the URL is not a return from Meta.
    #[wasm_bindgen(js_name = completeRedirect, unchecked_return_type = "Promise<EmbeddedSignupOutcome | undefined>")]
    pub fn complete_redirect(
        #[wasm_bindgen(unchecked_param_type = "EmbeddedSignupOptions")] options: JsValue,
    ) -> Promise {
        let this = match build(&options) {
            Ok(this) => this,
            Err(err) => return Promise::reject(&err),
        };
        let outcome = this.flow.complete_redirect();
        future_to_promise(async move {
            Ok(match outcome.await {
                Some(outcome) => outcome_to_js(&outcome),
                None => JsValue::UNDEFINED,
            })
        })
    }

    /// The current state.
    #[wasm_bindgen(getter, unchecked_return_type = "EmbeddedSignupState")]
    pub fn state(&self) -> JsValue {
        state_to_js(&self.flow.state())
    }

    /// True while a run is in progress.
    #[wasm_bindgen(getter)]
    pub fn running(&self) -> bool {
        self.flow.is_running()
    }

    /// Listens for `wa-signup:state | success | cancel | error`.
    /// (Typed in `TS_EMBEDDED_SIGNUP`: a generic over `EmbeddedSignupEventMap`.)
    #[wasm_bindgen(js_name = addEventListener, skip_typescript)]
    pub fn add_event_listener(&self, kind: &str, listener: &JsValue) -> Result<(), JsValue> {
        let f = listener
            .dyn_ref::<js_sys::Function>()
            .ok_or_else(|| js_sys::TypeError::new("listener must be a function"))?;
        self.target.add_event_listener_with_callback(kind, f)
    }

    /// Stops listening.
    /// (Typed in `TS_EMBEDDED_SIGNUP`: a generic over `EmbeddedSignupEventMap`.)
    #[wasm_bindgen(js_name = removeEventListener, skip_typescript)]
    pub fn remove_event_listener(&self, kind: &str, listener: &JsValue) -> Result<(), JsValue> {
        let f = listener
            .dyn_ref::<js_sys::Function>()
            .ok_or_else(|| js_sys::TypeError::new("listener must be a function"))?;
        self.target.remove_event_listener_with_callback(kind, f)
    }

    /// Ends the run that is waiting for Meta: `launch()` resolves
    /// `{ type: "cancelled", source: "page" }`, Meta's window is closed, and no
    /// POST follows even if a code arrives. Returns false (nothing done) when no
    /// run is waiting for Meta, e.g. while the code is being sent.
    pub fn cancel(&self) -> bool {
        self.flow.cancel()
    }

    /// Ends any run (`{ type: "failed", kind: "ABORTED" }`), removes the message
    /// listener and timers; later launches fail with `ABORTED`.
    pub fn destroy(&self) {
        self.flow.destroy();
    }
}
