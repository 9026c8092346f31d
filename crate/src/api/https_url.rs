//! The API builders' URL check (seed 003 `redirectUri`, seed 002
//! `webhook_destination_url`): an absolute `https://` URL, plain `http://`
//! only on a loopback host where a sandbox needs it. The parsing is the
//! crate's shared [`HttpUrl`] check.

use super::error::ApiError;
use crate::http_url::HttpUrl;
pub use crate::http_url::{UrlRule, MAX_URL_LEN};

/// Whether plain `http://` is accepted for loopback hosts (`localhost`,
/// `127.0.0.1`, `[::1]`), as a local sandbox needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Loopback {
    /// `http://` allowed on loopback hosts.
    AllowHttp,
    /// `https://` only.
    HttpsOnly,
}

/// Checks `url`; on failure the error names `field`.
pub(crate) fn check(url: &str, field: &str, loopback: Loopback) -> Result<(), ApiError> {
    rule_broken(url, loopback).map_or(Ok(()), |rule| {
        Err(ApiError::InvalidUrl {
            field: field.to_owned(),
            rule,
        })
    })
}

fn rule_broken(url: &str, loopback: Loopback) -> Option<UrlRule> {
    match HttpUrl::parse(url) {
        Err(rule) => Some(rule),
        Ok(u) if u.https || (loopback == Loopback::AllowHttp && u.is_loopback()) => None,
        Ok(_) => Some(UrlRule::NotHttps),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_only_on_loopback_and_only_where_allowed() {
        use Loopback::{AllowHttp, HttpsOnly};
        let cases: &[(&str, Loopback, Option<UrlRule>)] = &[
            ("https://yourapp.com/webhooks/whatsapp", HttpsOnly, None),
            ("HTTPS://Example.COM:8443/cb?x=1#f", HttpsOnly, None),
            ("https://127.0.0.1/cb", HttpsOnly, None),
            ("http://127.0.0.1:8080/cb", AllowHttp, None),
            ("http://localhost/cb", AllowHttp, None),
            ("http://[::1]:3000/", AllowHttp, None),
            (
                "http://127.0.0.1:8080/cb",
                HttpsOnly,
                Some(UrlRule::NotHttps),
            ),
            ("http://example.com/cb", AllowHttp, Some(UrlRule::NotHttps)),
            (
                "http://localhost.evil.test/",
                AllowHttp,
                Some(UrlRule::NotHttps),
            ),
            ("ftp://example.com/", AllowHttp, Some(UrlRule::NotHttps)),
            ("https://", HttpsOnly, Some(UrlRule::MissingHost)),
            ("https://a@b.test/", AllowHttp, Some(UrlRule::UserInfo)),
        ];
        for &(url, loopback, want) in cases {
            assert_eq!(rule_broken(url, loopback), want, "{url}");
        }
    }

    #[test]
    fn error_names_field_and_rule() {
        let err = check("http://x.test", "redirectUri", Loopback::HttpsOnly).unwrap_err();
        assert_eq!(
            err,
            ApiError::InvalidUrl {
                field: "redirectUri".into(),
                rule: UrlRule::NotHttps
            }
        );
        assert_eq!(err.reason(), Some("NOT_HTTPS"));
        assert!(err.to_string().contains("redirectUri"));
    }
}
