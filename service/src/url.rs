//! Base URLs of the upstreams (the platform, Meta's Graph API), checked by
//! the core crate's one URL check ([`wa_signup::http_url`]): `https://`
//! anywhere, plain `http://` only on loopback (a secret travels with every
//! request), no user info, no query or fragment.

use std::fmt;

pub use wa_signup::http_url::is_loopback_host;
use wa_signup::http_url::{HttpUrl, Loopback, UrlRule};

/// A checked base URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// `https` (else plain `http`, loopback only).
    pub https: bool,
    /// Host name or IP literal (IPv6 without brackets).
    pub host: String,
    /// Port (default 443 / 80).
    pub port: u16,
    /// Base path without trailing slash (`""` for the root).
    pub base_path: String,
}

/// Why a URL was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidUrl(pub &'static str);

impl fmt::Display for InvalidUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid upstream URL: {}", self.0)
    }
}

impl std::error::Error for InvalidUrl {}

impl BaseUrl {
    /// Parses and checks `text`.
    pub fn parse(text: &str) -> Result<Self, InvalidUrl> {
        let url = HttpUrl::parse_secure(text, Loopback::AllowHttp).map_err(|rule| {
            InvalidUrl(match rule {
                UrlRule::TooLong => "longer than 2048 characters",
                UrlRule::NotHttps if text.get(..7).is_some_and(|s| s.eq_ignore_ascii_case("http://")) => {
                    "plain http is only allowed for localhost/127.0.0.1/[::1]: the secret would travel in clear"
                }
                UrlRule::NotHttps => "must start with https:// (or http:// on loopback)",
                UrlRule::MissingHost => "has no host",
                UrlRule::UserInfo => "must not carry credentials",
                UrlRule::InvalidPort => "has an invalid port",
                _ => "not a URL",
            })
        })?;
        let path = url.rest;
        if path.contains(['?', '#']) {
            return Err(InvalidUrl("must not carry a query or fragment"));
        }
        // What the HTTP client will put in the request line.
        if !path.is_empty() && path.parse::<axum::http::uri::PathAndQuery>().is_err() {
            return Err(InvalidUrl("not a URL"));
        }
        let host = url.host.strip_prefix('[').and_then(|h| h.strip_suffix(']'));
        Ok(Self {
            https: url.https,
            host: host.unwrap_or(url.host).to_owned(),
            port: url.port.unwrap_or(if url.https { 443 } else { 80 }),
            base_path: path.trim_end_matches('/').to_owned(),
        })
    }

    /// `host[:port]` for the `Host` header (port omitted when default).
    pub fn authority(&self) -> String {
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        let default = if self.https { 443 } else { 80 };
        if self.port == default {
            host
        } else {
            format!("{host}:{}", self.port)
        }
    }

    /// The full URL of `path` (which starts with `/`).
    pub fn url_of(&self, path: &str) -> String {
        let scheme = if self.https { "https" } else { "http" };
        format!("{scheme}://{}{}{path}", self.authority(), self.base_path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_https_anywhere_and_http_on_loopback() {
        let u = BaseUrl::parse("https://api.example.com/base/").expect("ok");
        assert_eq!(
            (u.https, u.host.as_str(), u.port, u.base_path.as_str()),
            (true, "api.example.com", 443, "/base")
        );
        assert_eq!(u.url_of("/v1/x"), "https://api.example.com/base/v1/x");
        let u = BaseUrl::parse("http://127.0.0.1:9090").expect("ok");
        assert_eq!((u.port, u.authority()), (9090, "127.0.0.1:9090".to_owned()));
        let u = BaseUrl::parse("http://[::1]:8080").expect("ok");
        assert_eq!(
            (u.host.as_str(), u.authority()),
            ("::1", "[::1]:8080".to_owned())
        );
        assert!(BaseUrl::parse("http://localhost").is_ok());
        assert_eq!(
            BaseUrl::parse("https://graph.facebook.com")
                .expect("ok")
                .base_path,
            ""
        );
    }

    #[test]
    fn refuses_what_would_leak_or_confuse() {
        for bad in [
            "ftp://x",
            "api.example.com",
            "http://api.example.com",
            "https://user:pw@api.example.com",
            "https://api.example.com?x=1",
            "https://api.example.com/#x",
            "https://api.example.com:0",
            "https://api.example.com:99999",
            "https://",
            "https://[::1",
            "https://exa mple.com",
            "https://api.example.com/a<b",
            // The core's loopback rule: 127.0.0.1 only, not all of 127/8.
            "http://127.0.0.2:8080",
            "",
        ] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad}");
        }
    }
}
