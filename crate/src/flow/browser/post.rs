//! The one POST of the code to `callbackUrl` (`window.fetch`), with a hard timeout.
//!
//! No retry: a code is single-use, so a failed POST ends the run with a typed
//! error (status and body for non-2xx) and the UI offers a fresh start.
//! `fetch` is called directly through web-sys (no HTTP wrapper crate: this
//! is the only request, and the wrapper cost several kB of wasm).

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestCredentials, RequestInit, Response};

use crate::flow::body::CallbackBody;
use crate::flow::config::{Credentials, SignupConfig};
use crate::flow::response::{parse_callback_body, parse_error_body};
use crate::flow::{CallbackResponse, FlowError};

/// POSTs `body` as JSON with the configured headers and credentials; aborts
/// after `timeout_ms` (reading the body included).
pub(crate) async fn post_callback(
    config: &SignupConfig,
    body: &CallbackBody,
) -> Result<CallbackResponse, FlowError> {
    let controller = AbortController::new().ok();
    let timed_out = Rc::new(Cell::new(false));
    let _deadline = {
        let controller = controller.clone();
        let timed_out = timed_out.clone();
        Timeout::new(config.timeout_ms, move || {
            timed_out.set(true);
            if let Some(controller) = &controller {
                controller.abort();
            }
        })
    };
    let fail = |err: JsValue| {
        if timed_out.get() {
            FlowError::Timeout(config.timeout_ms)
        } else {
            FlowError::Network(error_text(&err))
        }
    };
    let promise = start(config, body, controller.as_ref()).map_err(fail)?;
    let response: Response = JsFuture::from(promise)
        .await
        .and_then(JsCast::dyn_into)
        .map_err(fail)?;
    let status = response.status();
    let text = JsFuture::from(response.text().map_err(fail)?)
        .await
        .map_err(fail)?
        .as_string()
        .unwrap_or_default();
    if (200..300).contains(&status) {
        Ok(parse_callback_body(&text))
    } else {
        Err(FlowError::CallbackHttp {
            status,
            body: parse_error_body(&text),
        })
    }
}

/// The `fetch(callbackUrl, { method, headers, credentials, signal, body })` call.
fn start(
    config: &SignupConfig,
    body: &CallbackBody,
    controller: Option<&AbortController>,
) -> Result<Promise, JsValue> {
    let headers = Headers::new()?;
    headers.set("Content-Type", "application/json")?;
    headers.set("Accept", "application/json")?;
    for (name, value) in config.headers.iter() {
        headers.set(name, value)?;
    }
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_credentials(match config.credentials {
        Credentials::Omit => RequestCredentials::Omit,
        Credentials::SameOrigin => RequestCredentials::SameOrigin,
        Credentials::Include => RequestCredentials::Include,
    });
    if let Some(controller) = controller {
        init.set_signal(Some(&controller.signal()));
    }
    init.set_body(&JsValue::from_str(&body.to_json()));
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    Ok(window.fetch_with_str_and_init(&config.callback_url, &init))
}

/// `"TypeError: Failed to fetch"`: a thrown error's `name: message`.
fn error_text(err: &JsValue) -> String {
    let field = |key: &str| {
        Reflect::get(err, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    };
    match (field("name"), field("message")) {
        (Some(name), Some(message)) => format!("{name}: {message}"),
        _ => super::sdk::js_message(err),
    }
}
