//! Turns this crate's errors into JavaScript `Error` objects with a `code`.

use wasm_bindgen::JsValue;

use crate::error::ErrorCode;

/// A JS `Error` named `WaSignupError` carrying `code` and the human `message`.
#[cfg(any(feature = "js-core", feature = "js-flow"))]
pub(crate) fn to_js_error(err: &impl ErrorCode) -> JsValue {
    to_js_error_with(err, &[])
}

/// Like [`to_js_error`], with extra properties (e.g. `position`) set on the error.
pub(crate) fn to_js_error_with(err: &impl ErrorCode, extra: &[(&str, JsValue)]) -> JsValue {
    let js = js_sys::Error::new(&err.message());
    js.set_name("WaSignupError");
    let obj: &JsValue = js.as_ref();
    // Setting a property on a fresh Error object cannot fail; ignore the Result
    // rather than unwrap so no panic path exists.
    let _ = js_sys::Reflect::set(
        obj,
        &JsValue::from_str("code"),
        &JsValue::from_str(err.code()),
    );
    for (key, value) in extra {
        let _ = js_sys::Reflect::set(obj, &JsValue::from_str(key), value);
    }
    js.into()
}

/// A JS argument of the wrong type: `INVALID_TYPE`, with a fixed message.
#[cfg(feature = "js-core")]
#[derive(Debug)]
pub(crate) struct InvalidType(pub(crate) &'static str);

/// The message of an [`InvalidType`] for a non-string where a string is required.
#[cfg(feature = "js-core")]
pub(crate) const EXPECTED_STRING: &str = "expected a string";

#[cfg(feature = "js-core")]
impl ErrorCode for InvalidType {
    fn code(&self) -> &'static str {
        "INVALID_TYPE"
    }

    fn message(&self) -> String {
        self.0.to_owned()
    }
}

#[cfg(feature = "js-core")]
impl std::fmt::Display for InvalidType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

#[cfg(feature = "js-core")]
impl std::error::Error for InvalidType {}
