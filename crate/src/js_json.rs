//! JSON across the JavaScript boundary (wasm32 only): one function per job,
//! called by every place that needs it — the npm modules (`js`), the flow's
//! browser glue and the widget (`wa-signup-web`, which builds this crate
//! without any `js-*` feature).
//!
//! | job | function |
//! | --- | --- |
//! | a Rust value → a plain JS object | [`to_js`]: serde_json's text, then `JSON.parse` |
//! | a JS value → JSON text | [`stringify()`] (`JSON.stringify`); [`json_text`] when a string already is the text |
//! | a JS value → a [`JsonValue`](crate::api::JsonValue) | [`to_value`]: [`stringify()`], then the crate's JSON reader |
//!
//! Why through text: serde_json (writing) and the crate's reader are in every
//! module anyway. A second converter — serde-wasm-bindgen, or a walk over the
//! JS object — would add its own copy of every `Serialize` impl, or of the
//! reader's number rules. (The flow's `Outcome` and `FlowState` are built
//! field by field instead, in `flow::browser`: measured smaller for those two
//! types.)

use js_sys::JsString;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

use crate::json::Value;

/// Why a JS value has no JSON text (or no [`Value`]); callers turn it into
/// their own coded error (`INVALID_JSON`, `INVALID_CONFIG`) or drop it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsJsonError {
    /// Neither JSON text (a string) nor an object.
    NotJson,
    /// `JSON.stringify` threw: a BigInt, a cycle, or a throwing `toJSON`.
    StringifyFailed,
    /// `JSON.stringify` returned `undefined`: a function, a symbol, or a
    /// `toJSON` that returns one of those.
    NoText,
    /// The text is longer than the caller's limit.
    TooLong,
    /// The text is not JSON the crate's reader takes: nesting deeper than
    /// 127 levels (`JSON.stringify` writes nothing else it refuses).
    Unreadable,
}

impl JsJsonError {
    /// The human message (a `&'static str`: no formatting code in the wasm).
    pub fn message(self) -> &'static str {
        match self {
            JsJsonError::NotJson => "expected a JSON string or an object",
            JsJsonError::StringifyFailed => {
                "JSON.stringify failed (a BigInt, a cycle, or a throwing toJSON)"
            }
            JsJsonError::NoText => "the object does not serialize to JSON",
            JsJsonError::TooLong => "the JSON text is longer than its limit",
            JsJsonError::Unreadable => "the JSON is nested more than 127 levels deep",
        }
    }
}

impl std::fmt::Display for JsJsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for JsJsonError {}

/// `value` as a plain JS object: serde_json's text through `JSON.parse`
/// (maps become objects, no `BigInt`s, fields the type's serde attributes
/// skip stay absent). `undefined` if it does not serialize (this crate's
/// types always do).
pub fn to_js(value: &impl Serialize) -> JsValue {
    serde_json::to_string(value)
        .ok()
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .unwrap_or(JsValue::UNDEFINED)
}

/// `JSON.stringify(value)`: [`StringifyFailed`](JsJsonError::StringifyFailed)
/// when it throws, [`NoText`](JsJsonError::NoText) when it gives `undefined`.
pub fn stringify(value: &JsValue) -> Result<String, JsJsonError> {
    stringify_js(value)?.as_string().ok_or(JsJsonError::NoText)
}

/// `JSON.stringify(value)`, still in JS memory.
fn stringify_js(value: &JsValue) -> Result<JsString, JsJsonError> {
    let text = js_sys::JSON::stringify(value).map_err(|_| JsJsonError::StringifyFailed)?;
    // Typed `JsString`, but `undefined` for some values: check before use.
    JsValue::from(text)
        .dyn_into::<JsString>()
        .map_err(|_| JsJsonError::NoText)
}

/// JSON text handed over from JavaScript, e.g. `MessageEvent.data`: a string
/// is the text itself, an object goes through `JSON.stringify`; anything else
/// is [`NotJson`](JsJsonError::NotJson). Text longer than `max_utf16_len`
/// UTF-16 units is [`TooLong`](JsJsonError::TooLong), refused before it is
/// copied into wasm memory (UTF-8 is never shorter, so a limit in UTF-8
/// bytes loses nothing under it); `usize::MAX` for no limit.
pub fn json_text(value: &JsValue, max_utf16_len: usize) -> Result<String, JsJsonError> {
    let text = if let Some(text) = value.dyn_ref::<JsString>() {
        text.clone()
    } else if value.is_object() {
        stringify_js(value)?
    } else {
        return Err(JsJsonError::NotJson);
    };
    if usize::try_from(text.length()).map_or(true, |len| len > max_utf16_len) {
        return Err(JsJsonError::TooLong);
    }
    text.as_string().ok_or(JsJsonError::NoText)
}

/// What reading `JSON.stringify(value)` gives, e.g. for an options object:
/// `undefined` members and functions left out, `toJSON` applied, integers
/// exact when the digits written fit `u64`/`i64` (the reader's rules, those
/// of serde_json). Errors as [`stringify()`], and
/// [`Unreadable`](JsJsonError::Unreadable) past 127 levels of nesting.
pub fn to_value(value: &JsValue) -> Result<Value, JsJsonError> {
    crate::json::parse(&stringify(value)?).map_err(|_| JsJsonError::Unreadable)
}

#[cfg(test)]
mod tests;
