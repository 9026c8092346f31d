//! A light check that a URL is absolute `https://` (seed 003 `redirectUri`,
//! seed 002 `webhook_destination_url`). Not a full URL parser: it rejects what
//! a request builder should never send, and leaves the rest to the server.

use std::fmt;

use super::error::ApiError;

/// Longest URL accepted, in bytes (what browsers and most servers handle).
pub const MAX_URL_LEN: usize = 2048;

/// Which rule a URL broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum UrlRule {
    /// Longer than [`MAX_URL_LEN`] bytes.
    TooLong,
    /// Contains whitespace, a control character or a backslash.
    InvalidCharacter,
    /// The scheme is not `https` (or `http` on a loopback host, where allowed).
    NotHttps,
    /// Nothing between `https://` and the path.
    MissingHost,
    /// The host has characters a host name or IP literal cannot have.
    InvalidHost,
    /// Has `user:password@` before the host, which can disguise the real host.
    UserInfo,
    /// The port is not 1 to 65535.
    InvalidPort,
}

impl UrlRule {
    /// Stable code of the rule, e.g. `NOT_HTTPS`.
    pub fn code(self) -> &'static str {
        match self {
            Self::TooLong => "TOO_LONG",
            Self::InvalidCharacter => "INVALID_CHARACTER",
            Self::NotHttps => "NOT_HTTPS",
            Self::MissingHost => "MISSING_HOST",
            Self::InvalidHost => "INVALID_HOST",
            Self::UserInfo => "USER_INFO",
            Self::InvalidPort => "INVALID_PORT",
        }
    }
}

impl fmt::Display for UrlRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::TooLong => "longer than 2048 bytes",
            Self::InvalidCharacter => "contains whitespace, a control character or a backslash",
            Self::NotHttps => "the scheme is not https",
            Self::MissingHost => "the host is missing",
            Self::InvalidHost => "the host is not a host name or IP address",
            Self::UserInfo => "user info (`user@`) before the host is not allowed",
            Self::InvalidPort => "the port is not 1 to 65535",
        })
    }
}

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
    if url.len() > MAX_URL_LEN {
        return Some(UrlRule::TooLong);
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return Some(UrlRule::InvalidCharacter);
    }
    let Some((scheme, rest)) = url.split_once("://") else {
        return Some(UrlRule::NotHttps);
    };
    let http = scheme.eq_ignore_ascii_case("http");
    if !scheme.eq_ignore_ascii_case("https") && !http {
        return Some(UrlRule::NotHttps);
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.is_empty() {
        return Some(UrlRule::MissingHost);
    }
    if authority.contains('@') {
        return Some(UrlRule::UserInfo);
    }
    let (host, port) = split_port(authority);
    if host.is_empty() {
        return Some(UrlRule::MissingHost);
    }
    if !is_host(host) {
        return Some(UrlRule::InvalidHost);
    }
    if let Some(port) = port {
        if !port.bytes().all(|b| b.is_ascii_digit()) || !matches!(port.parse::<u16>(), Ok(1..)) {
            return Some(UrlRule::InvalidPort);
        }
    }
    if http && !(loopback == Loopback::AllowHttp && is_loopback(host)) {
        return Some(UrlRule::NotHttps);
    }
    None
}

/// Splits `host[:port]` / `[v6][:port]`.
fn split_port(authority: &str) -> (&str, Option<&str>) {
    if authority.starts_with('[') {
        return match authority.split_once(']') {
            Some((v6, after)) => {
                let host = authority.get(..v6.len() + 1).unwrap_or(authority);
                (
                    host,
                    after
                        .strip_prefix(':')
                        .or((!after.is_empty()).then_some(after)),
                )
            }
            None => (authority, None),
        };
    }
    match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    }
}

fn is_host(host: &str) -> bool {
    match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        Some(v6) => {
            !v6.is_empty()
                && v6
                    .bytes()
                    .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
        }
        None => {
            !host.starts_with(['.', '-'])
                && !host.contains("..")
                && host
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_')
        }
    }
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost") || host == "127.0.0.1" || host == "[::1]"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_table() {
        use Loopback::{AllowHttp, HttpsOnly};
        let cases: &[(&str, Loopback, Option<UrlRule>)] = &[
            ("https://yourapp.com/webhooks/whatsapp", HttpsOnly, None),
            ("https://example.com", HttpsOnly, None),
            ("HTTPS://Example.COM:8443/cb?x=1#f", HttpsOnly, None),
            ("https://[2001:db8::1]:443/cb", HttpsOnly, None),
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
            ("ftp://example.com/", HttpsOnly, Some(UrlRule::NotHttps)),
            (
                "javascript://example.com/%0aalert(1)",
                HttpsOnly,
                Some(UrlRule::NotHttps),
            ),
            ("/relative/path", HttpsOnly, Some(UrlRule::NotHttps)),
            ("example.com", HttpsOnly, Some(UrlRule::NotHttps)),
            ("", HttpsOnly, Some(UrlRule::NotHttps)),
            ("https://", HttpsOnly, Some(UrlRule::MissingHost)),
            ("https:///path", HttpsOnly, Some(UrlRule::MissingHost)),
            ("https://:443/", HttpsOnly, Some(UrlRule::MissingHost)),
            (
                "https://www.facebook.com@evil.test/",
                HttpsOnly,
                Some(UrlRule::UserInfo),
            ),
            (
                "https://exa mple.com/",
                HttpsOnly,
                Some(UrlRule::InvalidCharacter),
            ),
            (
                "https://example.com/\n",
                HttpsOnly,
                Some(UrlRule::InvalidCharacter),
            ),
            (
                "https://example.com\\@evil.test/",
                HttpsOnly,
                Some(UrlRule::InvalidCharacter),
            ),
            (
                "https://exa<mple.com/",
                HttpsOnly,
                Some(UrlRule::InvalidHost),
            ),
            (
                "https://.example.com/",
                HttpsOnly,
                Some(UrlRule::InvalidHost),
            ),
            (
                "https://example..com/",
                HttpsOnly,
                Some(UrlRule::InvalidHost),
            ),
            ("https://[zz::1]/", HttpsOnly, Some(UrlRule::InvalidHost)),
            (
                "https://example.com:0/",
                HttpsOnly,
                Some(UrlRule::InvalidPort),
            ),
            (
                "https://example.com:65536/",
                HttpsOnly,
                Some(UrlRule::InvalidPort),
            ),
            (
                "https://example.com:+1/",
                HttpsOnly,
                Some(UrlRule::InvalidPort),
            ),
            (
                "https://example.com:/",
                HttpsOnly,
                Some(UrlRule::InvalidPort),
            ),
            ("https://[::1]x/", HttpsOnly, Some(UrlRule::InvalidPort)),
        ];
        for &(url, loopback, want) in cases {
            assert_eq!(rule_broken(url, loopback), want, "{url}");
        }
        let long = format!("https://example.com/{}", "a".repeat(MAX_URL_LEN));
        assert_eq!(
            rule_broken(&long, Loopback::HttpsOnly),
            Some(UrlRule::TooLong)
        );
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

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,60}") {
            let _ = rule_broken(&s, Loopback::AllowHttp);
        }
    }
}
