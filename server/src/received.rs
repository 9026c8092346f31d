//! A received request as the log records it, and the logging of its answer.

use std::time::Instant;

use axum::body::Bytes;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::Response;
use serde_json::Value;

use crate::request_log::{self, GrantRef, LoggedRequest};
use crate::responses;
use crate::rfc3339;
use crate::state::AppState;

/// What arrived, captured before handling.
#[derive(Debug)]
pub struct Received {
    method: Method,
    path: String,
    query: Option<String>,
    headers: HeaderMap,
    body: Bytes,
    received_at_us: u64,
    received_at: String,
    started: Instant,
}

impl Received {
    /// Captures a request.
    pub fn new(
        state: &AppState,
        method: Method,
        uri: &Uri,
        headers: HeaderMap,
        body: Bytes,
    ) -> Self {
        Self {
            method,
            path: uri.path().to_owned(),
            query: uri.query().map(str::to_owned),
            headers,
            body,
            received_at_us: request_log::wall_clock_us(),
            received_at: rfc3339::format_millis(state.clock.now_ms()),
            started: Instant::now(),
        }
    }

    /// The body.
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// The headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The query string.
    pub fn query(&self) -> Option<&str> {
        self.query.as_deref()
    }

    /// Logs the answer under `endpoint` and builds the response.
    pub fn answer(
        self,
        state: &AppState,
        endpoint: &'static str,
        status: StatusCode,
        body: Value,
        grant: Option<GrantRef>,
        delay_ms: u64,
    ) -> Response {
        let (json, body_text, _code) = request_log::redact_body(&self.body);
        let entry = LoggedRequest {
            seq: 0,
            endpoint,
            method: self.method.to_string(),
            path: self.path,
            query: self.query.as_deref().map(request_log::redact_query),
            headers: request_log::loggable_headers(&self.headers),
            body: json,
            body_text,
            grant,
            status: status.as_u16(),
            response: body.clone(),
            received_at_us: self.received_at_us,
            received_at: self.received_at,
            duration_ms: u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX),
            delay_ms,
        };
        state.sandbox().log.push(entry);
        responses::json(status, &body)
    }
}
