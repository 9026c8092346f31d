//! Base URLs of the upstreams (the platform, Meta's Graph API), parsed with
//! `http::Uri`: `https://` anywhere, plain `http://` only on loopback (a
//! secret travels with every request).

use std::fmt;

use axum::http::Uri;

/// Longest accepted URL.
const MAX_URL_LEN: usize = 2048;

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
        if text.len() > MAX_URL_LEN {
            return Err(InvalidUrl("longer than 2048 characters"));
        }
        let uri: Uri = text.parse().map_err(|_| InvalidUrl("not a URL"))?;
        let https = match uri.scheme_str() {
            Some("https") => true,
            Some("http") => false,
            _ => {
                return Err(InvalidUrl(
                    "must start with https:// (or http:// on loopback)",
                ))
            }
        };
        let authority = uri.authority().ok_or(InvalidUrl("has no host"))?;
        if authority.as_str().contains('@') {
            return Err(InvalidUrl("must not carry credentials"));
        }
        if uri.query().is_some() || text.contains('#') {
            return Err(InvalidUrl("must not carry a query or fragment"));
        }
        let host = authority
            .host()
            .trim_start_matches('[')
            .trim_end_matches(']');
        if host.is_empty() {
            return Err(InvalidUrl("has no host"));
        }
        let written_port = authority
            .as_str()
            .rsplit_once(':')
            .filter(|(_, p)| !p.contains(']'))
            .map(|(_, p)| p);
        let port = match written_port {
            Some(p) => p
                .parse::<u16>()
                .ok()
                .filter(|p| *p != 0)
                .ok_or(InvalidUrl("has an invalid port"))?,
            None if https => 443,
            None => 80,
        };
        if !https && !is_loopback_host(host) {
            return Err(InvalidUrl(
                "plain http is only allowed for localhost/127.0.0.1/[::1]: the secret would travel in clear",
            ));
        }
        Ok(Self {
            https,
            host: host.to_owned(),
            port,
            base_path: uri.path().trim_end_matches('/').to_owned(),
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

/// `localhost`, `127.0.0.0/8` or `::1`.
pub fn is_loopback_host(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
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
            "",
        ] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad}");
        }
    }
}
