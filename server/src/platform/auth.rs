//! Admin-key check of the sandbox platform endpoints (`/v1/...`): a
//! server-to-server `Authorization: Bearer sk_admin_…`, never from a browser.

use axum::http::{header, HeaderMap, StatusCode};

use super::error::PlatformError;

/// Accepts a request carrying a well-formed admin key and no browser headers.
pub fn check(headers: &HeaderMap) -> Result<(), PlatformError> {
    if headers.contains_key(header::ORIGIN) || headers.contains_key("sec-fetch-mode") {
        return Err(PlatformError::new(
            StatusCode::FORBIDDEN,
            "BROWSER_REQUEST_REFUSED",
            "admin endpoints are server-to-server only: a browser request means the sk_admin_ key is exposed; call POST /api/signup/callback (proxy mode) instead",
        ));
    }
    let key = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match key {
        Some(key)
            if key.starts_with(wa_signup::secret::ADMIN_KEY_PREFIX)
                && wa_signup::secret::is_secret_key(key) =>
        {
            Ok(())
        }
        _ => Err(PlatformError::new(
            StatusCode::UNAUTHORIZED,
            "UNAUTHORIZED",
            "missing or malformed admin API key: send Authorization: Bearer sk_admin_…",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn only_server_side_admin_keys_pass() {
        assert!(check(&headers(&[("authorization", "Bearer sk_admin_abc123")])).is_ok());
        let cases: [(&[(&str, &str)], &str); 5] = [
            (&[], "UNAUTHORIZED"),
            (&[("authorization", "sk_admin_abc123")], "UNAUTHORIZED"),
            (&[("authorization", "Bearer sk_live_abc")], "UNAUTHORIZED"),
            (&[("authorization", "Bearer sk_admin_")], "UNAUTHORIZED"),
            (
                &[
                    ("authorization", "Bearer sk_admin_abc123"),
                    ("origin", "http://127.0.0.1:8080"),
                ],
                "BROWSER_REQUEST_REFUSED",
            ),
        ];
        for (pairs, want) in cases {
            assert_eq!(
                check(&headers(pairs)).expect_err("refused").code,
                want,
                "{pairs:?}"
            );
        }
    }
}
