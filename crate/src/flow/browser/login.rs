//! Calling `FB.login` for Embedded Signup and reading its response.

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use super::sdk::js_message;
use crate::flow::body::AuthCode;
use crate::flow::config::SignupConfig;
use crate::flow::login_options::login_options;
use crate::flow::FlowError;

/// What `FB.login` called back with.
pub(crate) enum LoginResponse {
    /// `authResponse.code` was present.
    Code(AuthCode),
    /// No `authResponse` (or no code in it).
    NoAuthResponse,
}

/// Reads `response.authResponse.code`.
pub(crate) fn read_response(response: &JsValue) -> LoginResponse {
    let code = Reflect::get(response, &JsValue::from_str("authResponse"))
        .ok()
        .filter(|auth| auth.is_object())
        .and_then(|auth| Reflect::get(&auth, &JsValue::from_str("code")).ok())
        .and_then(|code| code.as_string())
        .and_then(AuthCode::new);
    match code {
        Some(code) => LoginResponse::Code(code),
        None => LoginResponse::NoAuthResponse,
    }
}

/// Calls `fb.login(callback, options)` synchronously (inside the user's click).
pub(crate) fn call_login(
    fb: &JsValue,
    config: &SignupConfig,
    callback: &JsValue,
) -> Result<(), FlowError> {
    let login = Reflect::get(fb, &JsValue::from_str("login"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or(FlowError::SdkNotReady)?;
    let options = crate::js_json::to_js(&login_options(config));
    login
        .call2(fb, callback, &options)
        .map(|_| ())
        .map_err(|e| FlowError::SdkLoadFailed(format!("FB.login threw: {}", js_message(&e))))
}
