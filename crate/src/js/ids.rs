//! JS exports for ids: `parseId`, `isPhoneNumberId`, `isBusinessProfileId`,
//! `isAppId`, `isMetaId`, `isSecretKey`.

use wasm_bindgen::prelude::*;

use super::error::{to_js_error, to_js_error_with, InvalidType, EXPECTED_STRING};
use crate::ids::{self, IdError};

#[wasm_bindgen(typescript_custom_section)]
const TS_PLATFORM_ID: &'static str = r#"
/** A parsed platform id: `wapn_[test_]{ksuid}`, `wabp_…` or `app_…`. */
export interface PlatformId {
  /** What the id names (`wapn_` / `wabp_` / `app_`). */
  kind: "phone_number" | "business_profile" | "app";
  /** `true` for a test-mode id (`wapn_test_…`). */
  test: boolean;
  /** The 27-character KSUID part. */
  ksuid: string;
  /** Creation time embedded in the KSUID, Unix seconds. */
  timestamp: number;
}
"#;

/// `parseId(input)`: `{ kind, test, ksuid, timestamp }`, or throws a
/// `WaSignupError` with `code` `UNKNOWN_PREFIX` or `INVALID_KSUID` (then also
/// `reason`, the KSUID error code, and `position` for a bad character), or
/// `INVALID_TYPE` for a non-string.
#[wasm_bindgen(js_name = parseId, unchecked_return_type = "PlatformId")]
pub fn parse_id(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input = input
        .as_string()
        .ok_or_else(|| to_js_error(&InvalidType(EXPECTED_STRING)))?;
    // Serialized with the KSUID text taken from the input, not re-encoded.
    let id = ids::parse_borrowed(&input).map_err(|e| id_error(&e))?;
    Ok(crate::js_json::to_js(&id))
}

fn id_error(err: &IdError) -> JsValue {
    let mut extra: Vec<(&str, JsValue)> = Vec::new();
    if let Some(reason) = err.reason() {
        extra.push(("reason", JsValue::from_str(reason)));
    }
    if let Some(position) = err.position().and_then(|p| u32::try_from(p).ok()) {
        extra.push(("position", JsValue::from(position)));
    }
    to_js_error_with(err, &extra)
}

/// `isPhoneNumberId(input)`: `true` for a valid `wapn_[test_]{ksuid}`.
#[wasm_bindgen(js_name = isPhoneNumberId)]
pub fn is_phone_number_id(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
) -> bool {
    input
        .as_string()
        .is_some_and(|s| ids::is_phone_number_id(&s))
}

/// `isBusinessProfileId(input)`: `true` for a valid `wabp_[test_]{ksuid}`.
#[wasm_bindgen(js_name = isBusinessProfileId)]
pub fn is_business_profile_id(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
) -> bool {
    input
        .as_string()
        .is_some_and(|s| ids::is_business_profile_id(&s))
}

/// `isAppId(input)`: `true` for a valid `app_[test_]{ksuid}`.
#[wasm_bindgen(js_name = isAppId)]
pub fn is_app_id(#[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue) -> bool {
    input.as_string().is_some_and(|s| ids::is_app_id(&s))
}

/// `isMetaId(input)`: `true` for a Meta numeric id string (1–20 ASCII digits,
/// no sign, no leading zero). Numbers are not accepted: ids past 2^53 lose
/// digits as JS numbers.
#[wasm_bindgen(js_name = isMetaId)]
pub fn is_meta_id(#[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue) -> bool {
    input
        .as_string()
        .is_some_and(|s| crate::meta_id::is_meta_id(&s))
}

/// `isSecretKey(input)`: `true` when the string is or carries an `sk_admin_…`
/// admin key (bare, `Bearer sk_admin_…`, or inside a URL).
#[wasm_bindgen(js_name = isSecretKey)]
pub fn is_secret_key(#[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue) -> bool {
    input
        .as_string()
        .is_some_and(|s| crate::secret::is_secret_key(&s))
}
