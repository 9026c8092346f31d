//! JS export of the flow module: `isBusinessProfile`, the type guard for
//! `outcome.profile` (the seed-003 business profile, or the callback's own JSON).

use wasm_bindgen::prelude::*;

/// `isBusinessProfile(value)`: true when `value` is a seed-003 business
/// profile, e.g. `outcome.profile` of a connected run when the callback
/// answered with one (the demo server and proxy mode do); false for any other
/// JSON the callback answered with. Narrows the type in TypeScript.
#[wasm_bindgen(js_name = isBusinessProfile, unchecked_return_type = "value is BusinessProfile")]
pub fn is_business_profile(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: &JsValue,
) -> bool {
    value.is_object()
        && crate::js_json::stringify(value)
            .is_ok_and(|text| crate::api::parse_business_profile(&text).is_ok())
}
