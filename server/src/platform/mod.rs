//! The sandbox platform API (seeds 000, 001, 003) at the paths the seeds
//! document, behind an admin key, with in-memory state.

mod auth;
pub mod callback;
pub mod error;
pub mod store;

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::Response;
use axum::routing::{post, put};
use axum::Router;
use serde_json::Value;
use wa_signup::api::{AssignAppsRequest, CallbackRequest, RegisterPhoneNumberRequest};

use self::error::PlatformError;
use crate::received::Received;
use crate::state::{AppState, Sandbox};

/// Seed 001 path.
pub const REGISTER_PATH: &str = "/v1/organization/whatsapp/phone-numbers";

/// `/v1/organization/whatsapp/...` routes.
pub fn router() -> Router<Arc<AppState>> {
    Router::new()
        .route(CallbackRequest::PATH, post(platform_callback))
        .route(REGISTER_PATH, post(register))
        .route(
            "/v1/organization/whatsapp/phone-numbers/{phone_number_id}/apps",
            put(assign_apps),
        )
}

/// Runs the seed 003 logic against the sandbox state.
pub fn run_callback(state: &AppState, body: &[u8]) -> callback::Answer {
    let now = state.clock.now_ms();
    let mut sandbox = state.sandbox();
    let Sandbox {
        grants, platform, ..
    } = &mut *sandbox;
    callback::process(grants, platform, body, now)
}

async fn platform_callback(
    State(state): State<Arc<AppState>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let received = Received::new(&state, method, &uri, headers, body);
    let answer = match auth::check(received.headers()) {
        Err(e) => callback::Answer {
            status: e.status,
            body: e.body(),
            grant: None,
        },
        Ok(()) => run_callback(&state, received.body()),
    };
    received.answer(
        &state,
        "platform.callback",
        answer.status,
        answer.body,
        answer.grant,
        0,
    )
}

fn result_body<T: serde::Serialize>(
    result: Result<T, PlatformError>,
    ok: StatusCode,
) -> (StatusCode, Value) {
    match result {
        Ok(value) => (ok, serde_json::to_value(value).unwrap_or(Value::Null)),
        Err(e) => (e.status, e.body()),
    }
}

fn utf8(body: &[u8]) -> Result<&str, PlatformError> {
    std::str::from_utf8(body).map_err(|_| {
        PlatformError::invalid_request(&wa_signup::api::ApiError::InvalidJson {
            reason: "the body is not UTF-8".into(),
        })
    })
}

async fn register(
    State(state): State<Arc<AppState>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let received = Received::new(&state, method, &uri, headers, body);
    let result = auth::check(received.headers()).and_then(|()| {
        let req = RegisterPhoneNumberRequest::from_json(utf8(received.body())?)
            .map_err(|e| PlatformError::invalid_request(&e))?;
        let now = state.clock.now_ms();
        state.sandbox().platform.register(&req, now)
    });
    let (status, body) = result_body(result, StatusCode::CREATED);
    received.answer(
        &state,
        "platform.registerPhoneNumber",
        status,
        body,
        None,
        0,
    )
}

async fn assign_apps(
    State(state): State<Arc<AppState>>,
    Path(phone_number_id): Path<String>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let received = Received::new(&state, method, &uri, headers, body);
    let result = auth::check(received.headers()).and_then(|()| {
        let req = AssignAppsRequest::from_json(&phone_number_id, utf8(received.body())?)
            .map_err(|e| PlatformError::invalid_request(&e))?;
        let now = state.clock.now_ms();
        state.sandbox().platform.assign_apps(&req, now)
    });
    let (status, body) = result_body(result, StatusCode::OK);
    received.answer(&state, "platform.assignApps", status, body, None, 0)
}
