//! JS errors in the core crate's convention: an `Error` named `WaSignupError`
//! with a stable `code` and the human `message`.

use wasm_bindgen::JsValue;

use wa_signup::ErrorCode;

/// The `WaSignupError` for a typed error of the core crate.
pub(crate) fn to_js_error(err: &impl ErrorCode) -> JsValue {
    js_error(err.code(), &err.to_string())
}

/// A `WaSignupError` with `code` and `message`.
pub(crate) fn js_error(code: &str, message: &str) -> JsValue {
    let js = js_sys::Error::new(message);
    js.set_name("WaSignupError");
    let obj: &JsValue = js.as_ref();
    // Setting a property on a fresh Error cannot fail; no unwrap, no panic path.
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str("code"), &JsValue::from_str(code));
    js.into()
}
