//! Proxy mode: `POST /api/signup/callback` is checked locally, then forwarded
//! to the platform's seed 003 endpoint with `Authorization: Bearer <admin key>`
//! added here, so the `sk_admin_` key never reaches a browser.

use std::time::Duration;

use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use bytes::Bytes;
use serde_json::{json, Value};
use wa_signup::api::CallbackRequest;

use crate::config::Upstream;
use crate::http_client::{ClientError, HttpClient};
use crate::platform::error::PlatformError;
use crate::upstream_url::UpstreamUrl;

/// Forwards callbacks to one upstream.
#[derive(Debug)]
pub struct Proxy {
    url: UpstreamUrl,
    authorization: HeaderValue,
    timeout: Duration,
    client: HttpClient,
}

/// What the proxy answers the browser.
#[derive(Debug)]
pub struct ProxyAnswer {
    /// Upstream status, or 400/502/504 from the proxy itself.
    pub status: StatusCode,
    /// Body as JSON (a non-JSON upstream body is wrapped).
    pub body: Value,
}

impl Proxy {
    /// A proxy for `upstream`.
    pub fn new(upstream: &Upstream) -> Result<Self, String> {
        let mut authorization = HeaderValue::from_str(&format!("Bearer {}", upstream.admin_key))
            .map_err(|_| "the admin key is not a valid header value".to_owned())?;
        authorization.set_sensitive(true);
        Ok(Self {
            url: upstream.url.clone(),
            authorization,
            timeout: upstream.timeout,
            client: HttpClient::new().map_err(|e| e.to_string())?,
        })
    }

    /// The upstream's full callback URL (for the banner; carries no secret).
    pub fn callback_url(&self) -> String {
        self.url.url_of(CallbackRequest::PATH)
    }

    /// Checks `body` as a seed 003 request, then forwards it byte for byte.
    pub async fn forward_callback(&self, body: Bytes) -> ProxyAnswer {
        let checked = std::str::from_utf8(&body)
            .map_err(|_| wa_signup::api::ApiError::InvalidJson {
                reason: "the body is not UTF-8".into(),
            })
            .and_then(CallbackRequest::from_json);
        if let Err(e) = checked {
            let err = PlatformError::invalid_request(&e);
            return ProxyAnswer {
                status: err.status,
                body: err.body(),
            };
        }
        let mut headers = HeaderMap::new();
        headers.insert(header::AUTHORIZATION, self.authorization.clone());
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        headers.insert(header::ACCEPT, HeaderValue::from_static("application/json"));
        headers.insert(
            header::USER_AGENT,
            HeaderValue::from_static(concat!("wa-signup-demo/", env!("CARGO_PKG_VERSION"))),
        );
        let result = self
            .client
            .send(
                &self.url,
                Method::POST,
                CallbackRequest::PATH,
                headers,
                body,
                self.timeout,
            )
            .await;
        match result {
            Ok(response) => ProxyAnswer {
                status: response.status,
                body: serde_json::from_slice(&response.body).unwrap_or_else(|_| {
                    json!({ "error": {
                        "code": "UPSTREAM_NOT_JSON",
                        "message": "the platform answered with a body that is not JSON",
                        "status": response.status.as_u16(),
                        "upstreamBody": String::from_utf8_lossy(&response.body).chars().take(2000).collect::<String>(),
                    }})
                }),
            },
            Err(ClientError::Timeout) => {
                let err = PlatformError::new(
                    StatusCode::GATEWAY_TIMEOUT,
                    "UPSTREAM_TIMEOUT",
                    format!(
                        "the platform did not answer within {} ms",
                        self.timeout.as_millis()
                    ),
                );
                ProxyAnswer {
                    status: err.status,
                    body: err.body(),
                }
            }
            Err(e @ ClientError::Transport(_)) => {
                let err = PlatformError::new(StatusCode::BAD_GATEWAY, "UPSTREAM_UNAVAILABLE", e.to_string());
                ProxyAnswer {
                    status: err.status,
                    body: err.body(),
                }
            }
        }
    }
}
