//! Response helpers: every answer is `no-store` (a dev server must never serve
//! stale SDK or dialog code) except the package files, which are revalidated
//! or immutable by name ([`package_file`]); JSON answers carry
//! `application/json`.

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

/// A package file's answer from the file server, with its `content_type` (on
/// a 200 or 206; a 304 carries no body to type), `cache_control` (on those and
/// the 304; any other answer, such as a 416 for a bad range, is `no-store`), and
/// `Vary: Accept-Encoding` on every status: the same URL is sent as Brotli,
/// gzip or identity, so a cache must key on the request's `Accept-Encoding`.
pub fn package_file(
    mut response: Response,
    content_type: &'static str,
    cache_control: &'static str,
) -> Response {
    let status = response.status();
    let success = status.is_success();
    let cache_control = if success || status == StatusCode::NOT_MODIFIED {
        cache_control
    } else {
        "no-store"
    };
    let headers = response.headers_mut();
    if success {
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache_control),
    );
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
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
