//! JS export `parseSessionEvent(origin, data, allowedOrigins?)`.

use js_sys::Reflect;
use wasm_bindgen::prelude::*;

use crate::events::{self, SessionEvent, MAX_DATA_LEN};
use crate::js_json;

#[wasm_bindgen(typescript_custom_section)]
const TS_SESSION_EVENT: &'static str = r#"
/** The `event` names Meta documents; unknown future names come through as-is. */
export type SessionEventName =
  | "FINISH"
  | "FINISH_ONLY_WABA"
  | "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING"
  | "FINISH_OBO_MIGRATION"
  | "FINISH_GRANT_ONLY_API_ACCESS"
  | "CANCEL"
  | "ERROR"
  | (string & {});

/** A validated `WA_EMBEDDED_SIGNUP` session message. Absent fields are `undefined`. */
export interface SessionEvent {
  event: SessionEventName;
  /** Top-level `version` (e.g. 3). */
  version?: number;
  /** WhatsApp Business Account id (a valid Meta id). */
  wabaId?: string;
  /** Business phone number id (a valid Meta id). */
  phoneNumberId?: string;
  /** Business portfolio id (a valid Meta id). */
  businessId?: string;
  /** `true` for FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING. */
  isCoexistence: boolean;
  /** Screen an abandoned (CANCEL) flow was on, e.g. "PHONE_NUMBER_SETUP". */
  currentStep?: string;
  /** Error text shown to the user. */
  errorMessage?: string;
  /** `error_code` (or v3 `error_id`), as a string. */
  errorCode?: string;
  /** Meta's session id, for support. */
  sessionId?: string;
  /** Unix seconds of the error report, as a string. */
  timestamp?: string;
  /** Every WABA id of a multi-WABA flow. */
  wabaIds?: string[];
  /** Ad account ids shared in the flow. */
  adAccountIds?: string[];
  /** Facebook Page ids shared in the flow. */
  pageIds?: string[];
  /** Dataset ids shared in the flow. */
  datasetIds?: string[];
  /** Catalog ids shared in the flow. */
  catalogIds?: string[];
  /** Instagram account ids shared in the flow. */
  instagramAccountIds?: string[];
}
"#;

/// `parseSessionEvent(origin, data, allowedOrigins?)`: the validated event, or
/// `undefined` for anything else. `data` may be a JSON string or an object
/// (as `MessageEvent.data`). Never throws, whatever the arguments.
#[wasm_bindgen(js_name = parseSessionEvent, unchecked_return_type = "SessionEvent | undefined")]
pub fn parse_session_event(
    #[wasm_bindgen(unchecked_param_type = "string")] origin: JsValue,
    #[wasm_bindgen(unchecked_param_type = "unknown")] data: JsValue,
    #[wasm_bindgen(js_name = allowedOrigins, unchecked_optional_param_type = "readonly string[]")]
    allowed_origins: JsValue,
) -> JsValue {
    let Some(origin) = origin.as_string() else {
        return JsValue::UNDEFINED;
    };
    let extra = origins_from_js(&allowed_origins);
    parse_message_data(&origin, &data, &extra)
        .map_or(JsValue::UNDEFINED, |event| js_json::to_js(&event))
}

/// Parses a `MessageEvent`'s `origin` and `data`. The origin is checked before
/// `data` is touched, so messages from other origins cost nothing.
pub(crate) fn parse_message_data(
    origin: &str,
    data: &JsValue,
    extra_origins: &[String],
) -> Option<SessionEvent> {
    if !events::is_allowed_origin(origin, extra_origins) {
        return None;
    }
    // Text over MAX_DATA_LEN is refused before it is copied into wasm memory.
    let text = js_json::json_text(data, MAX_DATA_LEN).ok()?;
    events::parse_session_event(origin, &text, extra_origins)
}

/// The most extra origins read from `allowedOrigins`; later entries are
/// ignored (fewer allowed origins is the safe direction).
pub(crate) const MAX_EXTRA_ORIGINS: u32 = 32;

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`, which throws for a revoked Proxy: caught here.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}

/// Reads an optional `string[]` of extra origins; anything else (undefined,
/// non-arrays, non-string entries, throwing getters or proxies) contributes
/// nothing. Every JS access goes through a catching binding.
pub(crate) fn origins_from_js(value: &JsValue) -> Vec<String> {
    if !is_array(value).unwrap_or(false) {
        return Vec::new();
    }
    let len = Reflect::get(value, &JsValue::from_str("length"))
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    (0..MAX_EXTRA_ORIGINS)
        .take_while(|&i| f64::from(i) < len)
        .filter_map(|i| Reflect::get_u32(value, i).ok()?.as_string())
        .collect()
}
