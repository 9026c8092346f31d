//! Serde types as plain JS objects, through JSON text.
//!
//! One serializer for the whole wasm: `serde_json` is needed anyway (JSON
//! inputs, request bodies), so values cross as JSON text and `JSON.parse`
//! builds the object. A second serializer (serde-wasm-bindgen) would add its
//! own copy of every `Serialize` impl; measured, the JSON route is smaller
//! and, for these few-field objects, as fast.

use serde::Serialize;
use wasm_bindgen::JsValue;

/// `value` as a plain JS object (absent `Option`s skipped by the type's serde
/// attributes stay absent, i.e. `undefined`); `undefined` if it does not
/// serialize (it always does for this crate's types).
pub(crate) fn to_plain(value: &impl Serialize) -> JsValue {
    serde_json::to_string(value)
        .ok()
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .unwrap_or(JsValue::UNDEFINED)
}
