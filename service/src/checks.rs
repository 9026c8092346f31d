//! The request checks that run before anything is read or sent: `Host`,
//! `Origin`, `Content-Type`, the CSRF header.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;

use crate::error::ServiceError;

/// The `Host` names a server answers to (DNS-rebinding defence): exact
/// `host[:port]` values, compared without regard to ASCII case.
#[derive(Debug, Clone, Default)]
pub struct HostAllowlist(Vec<String>);

impl HostAllowlist {
    /// An allowlist of `hosts` (e.g. `app.example.com`, `127.0.0.1:8080`).
    pub fn new<I, S>(hosts: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self(
            hosts
                .into_iter()
                .map(|h| h.into().to_ascii_lowercase())
                .collect(),
        )
    }

    /// Whether `host` is allowed.
    pub fn allows(&self, host: &str) -> bool {
        self.0.iter().any(|h| h.eq_ignore_ascii_case(host))
    }

    /// `Ok` when the request's `Host` header is one of the allowed names.
    pub fn check(&self, headers: &HeaderMap) -> Result<(), ServiceError> {
        let host = headers
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .ok_or(ServiceError::HostNotAllowed)?;
        if self.allows(host) {
            Ok(())
        } else {
            Err(ServiceError::HostNotAllowed)
        }
    }

    /// `router` answering `421 HOST_NOT_ALLOWED` to any other `Host`.
    pub fn apply<S: Clone + Send + Sync + 'static>(self, router: Router<S>) -> Router<S> {
        router.layer(axum::middleware::from_fn_with_state(
            Arc::new(self),
            enforce_host,
        ))
    }
}

async fn enforce_host(
    State(allow): State<Arc<HostAllowlist>>,
    request: Request,
    next: Next,
) -> Response {
    match allow.check(request.headers()) {
        Ok(()) => next.run(request).await,
        Err(e) => e.into_response(),
    }
}

/// `Ok` when `Origin` is present and exactly one of `allowed`.
pub fn check_origin(headers: &HeaderMap, allowed: &[String]) -> Result<(), ServiceError> {
    let origin = headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .ok_or(ServiceError::OriginNotAllowed)?;
    if allowed.iter().any(|a| a == origin) {
        Ok(())
    } else {
        Err(ServiceError::OriginNotAllowed)
    }
}

/// `Ok` for `application/json` (parameters such as `charset=utf-8` allowed).
/// Anything else, `text/plain` included (the type a cross-site form or a
/// "simple" `fetch` may send without a preflight), is refused.
pub fn check_json(headers: &HeaderMap) -> Result<(), ServiceError> {
    let value = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .ok_or(ServiceError::UnsupportedMediaType)?;
    let essence = value.split(';').next().unwrap_or("").trim();
    if essence.eq_ignore_ascii_case("application/json") {
        Ok(())
    } else {
        Err(ServiceError::UnsupportedMediaType)
    }
}

/// `Ok` when the header `name` is present and not empty. A custom header
/// cannot be sent cross-site without a CORS preflight, which this service
/// never answers; its value can be checked in the authorisation hook.
pub fn check_csrf(headers: &HeaderMap, name: &HeaderName) -> Result<(), ServiceError> {
    match headers.get(name) {
        Some(v) if !v.as_bytes().iter().all(u8::is_ascii_whitespace) => Ok(()),
        _ => Err(ServiceError::CsrfHeaderMissing),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn content_type_must_be_json() {
        assert!(check_json(&headers(&[("content-type", "application/json")])).is_ok());
        assert!(check_json(&headers(&[(
            "content-type",
            "Application/JSON; charset=utf-8"
        )]))
        .is_ok());
        for bad in [
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "application/jsonp",
            "",
        ] {
            assert_eq!(
                check_json(&headers(&[("content-type", bad)])),
                Err(ServiceError::UnsupportedMediaType),
                "{bad}"
            );
        }
        assert!(check_json(&HeaderMap::new()).is_err());
    }

    #[test]
    fn origin_is_exact() {
        let allowed = vec!["https://app.example.com".to_owned()];
        assert!(check_origin(&headers(&[("origin", "https://app.example.com")]), &allowed).is_ok());
        for bad in [
            "https://evil.example",
            "https://app.example.com.evil.example",
            "null",
            "http://app.example.com",
        ] {
            assert!(
                check_origin(&headers(&[("origin", bad)]), &allowed).is_err(),
                "{bad}"
            );
        }
        assert!(check_origin(&HeaderMap::new(), &allowed).is_err());
    }

    #[test]
    fn hosts_and_csrf() {
        let hosts = HostAllowlist::new(["App.Example.com", "127.0.0.1:8080"]);
        assert!(hosts
            .check(&headers(&[("host", "app.example.com")]))
            .is_ok());
        assert!(hosts.check(&headers(&[("host", "127.0.0.1:8080")])).is_ok());
        assert!(hosts
            .check(&headers(&[("host", "rebound.evil.example:8080")]))
            .is_err());
        assert!(hosts.check(&HeaderMap::new()).is_err());
        let name = HeaderName::from_static("x-csrf-token");
        assert!(check_csrf(&headers(&[("x-csrf-token", "abc")]), &name).is_ok());
        assert!(check_csrf(&headers(&[("x-csrf-token", " ")]), &name).is_err());
        assert!(check_csrf(&HeaderMap::new(), &name).is_err());
    }
}
