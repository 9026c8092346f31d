//! Response helpers: every answer is `no-store` (a dev server must never serve
//! stale SDK or dialog code) and JSON answers carry `application/json`.

use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

/// `status` with a JSON body.
pub fn json(status: StatusCode, body: &Value) -> Response {
    let mut response = (status, body.to_string()).into_response();
    set(&mut response, "application/json");
    response
}

/// A text asset with `content_type`.
pub fn asset(content_type: &'static str, body: impl Into<Body>) -> Response {
    let mut response = Response::new(body.into());
    set(&mut response, content_type);
    response
}

/// 404 with a JSON error naming the path.
pub fn not_found(what: &str) -> Response {
    json(
        StatusCode::NOT_FOUND,
        &serde_json::json!({ "error": { "code": "NOT_FOUND", "message": format!("no such resource: {what}"), "status": 404 } }),
    )
}

fn set(response: &mut Response, content_type: &'static str) {
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
}
