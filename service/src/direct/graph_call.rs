//! One Graph API call: headers, the per-upstream timeout, and the answer or
//! Graph error mapped to a [`ServiceError`].

use std::time::Duration;

use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use bytes::Bytes;
use serde_json::Value;
use wa_signup::api::{parse_graph_error, GraphError};

use super::DirectConfig;
use crate::client::{ClientError, ClientResponse, HttpClient};
use crate::error::{GraphStep, ServiceError};
use crate::secret::Secret;

/// `Ok` when Graph answered `{"success": true}`.
pub(super) fn require_success(answer: &Value) -> Result<(), ServiceError> {
    if answer.get("success") == Some(&Value::Bool(true)) {
        Ok(())
    } else {
        Err(ServiceError::UpstreamInvalidResponse(
            "Graph answered without success: true".into(),
        ))
    }
}

/// The Graph calls of one onboarding run.
pub(super) struct Graph<'a> {
    pub(super) config: &'a DirectConfig,
    pub(super) client: &'a HttpClient,
    pub(super) timeout: Duration,
    /// The code was exchanged: nothing may be retried any more.
    pub(super) spent: bool,
}

impl Graph<'_> {
    pub(super) async fn call(
        &self,
        step: GraphStep,
        method: Method,
        path_and_query: &str,
        token: Option<&Secret>,
        body: Option<Value>,
    ) -> Result<Value, ServiceError> {
        let mut headers = HeaderMap::new();
        if let Some(token) = token {
            let mut v =
                HeaderValue::from_str(&format!("Bearer {}", token.expose())).map_err(|_| {
                    ServiceError::UpstreamInvalidResponse("the token is not a header value".into())
                })?;
            v.set_sensitive(true);
            headers.insert(header::AUTHORIZATION, v);
        }
        headers.insert(header::ACCEPT, HeaderValue::from_static("application/json"));
        let body = match body {
            Some(v) => {
                headers.insert(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                );
                Bytes::from(v.to_string())
            }
            None => Bytes::new(),
        };
        let answer: ClientResponse = self
            .client
            .send(
                &self.config.graph,
                method,
                path_and_query,
                headers,
                body,
                self.timeout,
            )
            .await
            .map_err(|e| match e {
                ClientError::Timeout => ServiceError::UpstreamTimeout,
                ClientError::Unsent(why) if !self.spent => ServiceError::UpstreamUnreachable(why),
                ClientError::Unsent(why) | ClientError::Transport(why) => {
                    ServiceError::UpstreamUnavailable(why)
                }
            })?;
        let text = std::str::from_utf8(&answer.body)
            .map_err(|_| ServiceError::UpstreamInvalidResponse("not UTF-8".into()))?;
        if answer.status == StatusCode::OK {
            return serde_json::from_str(text).map_err(|_| {
                ServiceError::UpstreamInvalidResponse(format!("{} answered non-JSON", step.name()))
            });
        }
        match parse_graph_error(text) {
            Ok(error) => Err(graph_error(step, error)),
            Err(_) => Err(ServiceError::UpstreamInvalidResponse(format!(
                "{} answered {} without a Graph error",
                step.name(),
                answer.status.as_u16()
            ))),
        }
    }
}

fn graph_error(step: GraphStep, error: GraphError) -> ServiceError {
    ServiceError::Graph { step, error }
}
