//! The one POST of the code to `callbackUrl` (gloo-net), with a hard timeout.
//!
//! No retry: a code is single-use, so a failed POST ends the run with a typed
//! error (status and body for non-2xx) and the UI offers a fresh start.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::Request;
use gloo_timers::callback::Timeout;
use web_sys::{AbortController, RequestCredentials};

use crate::flow::body::CallbackBody;
use crate::flow::config::{Credentials, SignupConfig};
use crate::flow::outcome::{CallbackResponse, FlowError};
use crate::flow::response::{parse_callback_body, parse_error_body};

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
    let signal = controller.as_ref().map(|c| c.signal());
    let mut builder = Request::post(&config.callback_url)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .credentials(match config.credentials {
            Credentials::Omit => RequestCredentials::Omit,
            Credentials::SameOrigin => RequestCredentials::SameOrigin,
            Credentials::Include => RequestCredentials::Include,
        })
        .abort_signal(signal.as_ref());
    for (name, value) in &config.headers {
        builder = builder.header(name, value);
    }
    let fail = |err: gloo_net::Error| {
        if timed_out.get() {
            FlowError::Timeout(config.timeout_ms)
        } else {
            FlowError::Network(err.to_string())
        }
    };
    let request = builder.body(body.to_json()).map_err(fail)?;
    let response = request.send().await.map_err(fail)?;
    let status = response.status();
    let text = response.text().await.map_err(fail)?;
    if (200..300).contains(&status) {
        Ok(parse_callback_body(&text))
    } else {
        Err(FlowError::CallbackHttp {
            status,
            body: parse_error_body(&text),
        })
    }
}
