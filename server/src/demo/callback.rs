//! `POST /api/signup/callback`: the integrator's backend endpoint the widget
//! posts the code to. In sandbox mode it runs the seed 003 logic in process,
//! with the test knobs (`callback.forceStatus`, `callback.delayMs`, or the
//! same names as query parameters). In proxy and direct modes it is
//! `wa-signup-service` (no knobs), logged as `proxy.callback` / `direct.callback`.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::Response;
use serde_json::json;

use crate::control::{CallbackControl, MAX_DELAY_MS};
use crate::platform;
use crate::received::Received;
use crate::request_log::GrantRef;
use crate::state::AppState;

/// Largest service answer kept for the log.
const MAX_ANSWER_BYTES: usize = 1024 * 1024;

/// The path the demo page gives the widget as `callbackUrl`.
pub const PATH: &str = "/api/signup/callback";

/// Knobs from the control document, overridden by `?forceStatus=&delayMs=`.
fn knobs(state: &AppState, query: Option<&str>) -> CallbackControl {
    let mut knobs = state.sandbox().control.callback.clone();
    for (key, value) in form_urlencoded::parse(query.unwrap_or("").as_bytes()) {
        match key.as_ref() {
            "forceStatus" => {
                knobs.force_status = value
                    .parse::<u16>()
                    .ok()
                    .filter(|s| (400..=599).contains(s));
            }
            "delayMs" => {
                if let Ok(ms) = value.parse::<u64>() {
                    knobs.delay_ms = ms.min(MAX_DELAY_MS);
                }
            }
            _ => {}
        }
    }
    knobs
}

/// The handler.
pub async fn handle(
    State(state): State<Arc<AppState>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Some(service) = &state.service {
        let answer = service
            .service
            .handle_callback(&method, &headers, axum::body::Body::from(body.clone()))
            .await;
        let received = Received::new(&state, method, &uri, headers, body);
        let status = answer.status();
        let bytes = axum::body::to_bytes(answer.into_body(), MAX_ANSWER_BYTES)
            .await
            .unwrap_or_default();
        let value = serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null);
        let endpoint = if service.mode == "direct" {
            "direct.callback"
        } else {
            "proxy.callback"
        };
        return received.answer(&state, endpoint, status, value, None, 0);
    }
    let received = Received::new(&state, method, &uri, headers, body);
    let knobs = knobs(&state, received.query());
    let (endpoint, status, body, grant) = if let Some(forced) = knobs.force_status {
        let status = StatusCode::from_u16(forced).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let code = serde_json::from_slice::<serde_json::Value>(received.body())
            .ok()
            .and_then(|v| v.get("code")?.as_str().map(str::to_owned));
        let grant = code.map(|c| GrantRef {
            id: state.sandbox().grants.peek_id(&c),
            result: "notRedeemed",
        });
        let body = json!({ "error": {
            "code": "SANDBOX_FORCED_ERROR",
            "message": format!("the sandbox was told to answer {forced} (callback.forceStatus)"),
            "status": forced,
        }});
        ("callback", status, body, grant)
    } else {
        let answer = platform::run_callback(&state, received.body());
        ("callback", answer.status, answer.body, answer.grant)
    };
    let delay = knobs.delay_ms;
    let response = received.answer(&state, endpoint, status, body, grant, delay);
    if delay > 0 {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    response
}
