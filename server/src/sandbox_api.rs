//! `/__sandbox/*`: introspection and knobs for tests.
//!
//! | method | path | what |
//! | --- | --- | --- |
//! | GET | `/__sandbox/requests[?endpoint=callback]` | received requests, oldest first |
//! | GET | `/__sandbox/grants` | minted codes (ids and state, never the code) |
//! | GET | `/__sandbox/state` | business profiles, phone numbers, clock offset |
//! | GET/POST | `/__sandbox/control` | read / replace the knobs ([`Control`]) |
//! | POST | `/__sandbox/clock` | `{ "advanceMs": n }` moves the sandbox clock |
//! | POST | `/__sandbox/reset` | fresh sandbox, wall time |
//! | GET | `/__sandbox/forge` | the forged-events page, on the app origin |
//!
//! POSTs must be `Content-Type: application/json`, which a cross-site page
//! cannot send without a CORS preflight (that this server never grants).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::control::Control;
use crate::meta::facebook;
use crate::responses;
use crate::rfc3339;
use crate::state::AppState;

/// The routes.
pub fn router() -> Router<Arc<AppState>> {
    Router::new()
        .route("/__sandbox/requests", get(requests))
        .route("/__sandbox/grants", get(grants))
        .route("/__sandbox/state", get(snapshot))
        .route("/__sandbox/control", get(get_control).post(set_control))
        .route("/__sandbox/clock", post(advance_clock))
        .route("/__sandbox/reset", post(reset))
        .route("/__sandbox/forge", get(facebook::forge))
}

fn bad_request(message: impl Into<String>) -> Response {
    responses::json(
        StatusCode::BAD_REQUEST,
        &json!({ "error": { "code": "INVALID_REQUEST", "message": message.into(), "status": 400 } }),
    )
}

/// `None` when the request is JSON, else the 415 answer.
fn refuse_non_json(headers: &HeaderMap) -> Option<Response> {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().starts_with("application/json"));
    if is_json {
        None
    } else {
        Some(responses::json(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            &json!({ "error": { "code": "JSON_REQUIRED", "message": "send Content-Type: application/json", "status": 415 } }),
        ))
    }
}

#[derive(Deserialize)]
struct RequestsQuery {
    endpoint: Option<String>,
}

async fn requests(
    State(state): State<Arc<AppState>>,
    Query(query): Query<RequestsQuery>,
) -> Response {
    let list = state.sandbox().log.list(query.endpoint.as_deref());
    responses::json(
        StatusCode::OK,
        &json!({ "count": list.len(), "requests": list }),
    )
}

async fn grants(State(state): State<Arc<AppState>>) -> Response {
    let now = state.clock.now_ms();
    let list = state.sandbox().grants.summaries(now);
    responses::json(
        StatusCode::OK,
        &json!({ "count": list.len(), "grants": list }),
    )
}

async fn snapshot(State(state): State<Arc<AppState>>) -> Response {
    let mut body = state.sandbox().platform.snapshot();
    body["clock"] = json!({
        "offsetMs": state.clock.offset_ms(),
        "now": rfc3339::format_millis(state.clock.now_ms()),
    });
    responses::json(StatusCode::OK, &body)
}

async fn get_control(State(state): State<Arc<AppState>>) -> Response {
    let control = state.sandbox().control.clone();
    responses::json(
        StatusCode::OK,
        &serde_json::to_value(control).unwrap_or(Value::Null),
    )
}

async fn set_control(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Some(refused) = refuse_non_json(&headers) {
        return refused;
    }
    let control: Control = match serde_json::from_slice(&body) {
        Ok(c) => c,
        Err(e) => return bad_request(format!("not a control document: {e}")),
    };
    if let Err(field) = control.validate() {
        return bad_request(format!("{field} is out of range"));
    }
    state.sandbox().control = control.clone();
    responses::json(
        StatusCode::OK,
        &serde_json::to_value(control).unwrap_or(Value::Null),
    )
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ClockAdvance {
    advance_ms: u64,
}

async fn advance_clock(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Some(refused) = refuse_non_json(&headers) {
        return refused;
    }
    let advance: ClockAdvance = match serde_json::from_slice(&body) {
        Ok(a) => a,
        Err(e) => return bad_request(format!("expected {{\"advanceMs\": n}}: {e}")),
    };
    let offset = state.clock.advance(advance.advance_ms);
    responses::json(
        StatusCode::OK,
        &json!({ "offsetMs": offset, "now": rfc3339::format_millis(state.clock.now_ms()) }),
    )
}

async fn reset(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    if let Some(refused) = refuse_non_json(&headers) {
        return refused;
    }
    state.reset();
    responses::json(StatusCode::OK, &json!({ "reset": true }))
}
