//! The `--upstream` URL of proxy mode: a platform base URL such as
//! `https://api.example.com` (plain `http` only on loopback, since the admin
//! key travels with every request).

use std::fmt;

/// Longest accepted URL.
const MAX_URL_LEN: usize = 2048;

/// A parsed upstream base URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpstreamUrl {
    /// `https` (else plain `http`).
    pub https: bool,
    /// Host name or IP literal (IPv6 without brackets).
    pub host: String,
    /// Port (default 443 / 80).
    pub port: u16,
    /// Base path without trailing slash (`""` for the root).
    pub base_path: String,
}

/// Why an upstream URL was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidUpstream(pub &'static str);

impl fmt::Display for InvalidUpstream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid --upstream URL: {}", self.0)
    }
}

impl std::error::Error for InvalidUpstream {}

impl UpstreamUrl {
    /// Parses and checks `text`.
    pub fn parse(text: &str) -> Result<UpstreamUrl, InvalidUpstream> {
        if text.len() > MAX_URL_LEN {
            return Err(InvalidUpstream("longer than 2048 characters"));
        }
        if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(InvalidUpstream("contains whitespace"));
        }
        let (https, rest) = if let Some(rest) = text.strip_prefix("https://") {
            (true, rest)
        } else if let Some(rest) = text.strip_prefix("http://") {
            (false, rest)
        } else {
            return Err(InvalidUpstream(
                "must start with https:// (or http:// on loopback)",
            ));
        };
        if rest.contains('?') || rest.contains('#') {
            return Err(InvalidUpstream("must not carry a query or fragment"));
        }
        let (authority, path) = match rest.find('/') {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        if authority.contains('@') {
            return Err(InvalidUpstream("must not carry credentials"));
        }
        let (host, port) = split_host_port(authority)?;
        if host.is_empty() {
            return Err(InvalidUpstream("has no host"));
        }
        let port = match port {
            Some(p) => p
                .parse::<u16>()
                .ok()
                .filter(|p| *p != 0)
                .ok_or(InvalidUpstream("has an invalid port"))?,
            None if https => 443,
            None => 80,
        };
        if !https && !is_loopback_host(host) {
            return Err(InvalidUpstream(
                "plain http is only allowed for localhost/127.0.0.1/[::1]: the admin key would travel in clear",
            ));
        }
        Ok(UpstreamUrl {
            https,
            host: host.to_owned(),
            port,
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

    /// The full URL of `path` (which starts with `/`) on this upstream.
    pub fn url_of(&self, path: &str) -> String {
        let scheme = if self.https { "https" } else { "http" };
        format!("{scheme}://{}{}{path}", self.authority(), self.base_path)
    }
}

fn split_host_port(authority: &str) -> Result<(&str, Option<&str>), InvalidUpstream> {
    if let Some(rest) = authority.strip_prefix('[') {
        let (host, after) = rest
            .split_once(']')
            .ok_or(InvalidUpstream("has an unclosed IPv6 bracket"))?;
        let port = match after {
            "" => None,
            p => Some(
                p.strip_prefix(':')
                    .ok_or(InvalidUpstream("has junk after the host"))?,
            ),
        };
        return Ok((host, port));
    }
    Ok(match authority.split_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    })
}

/// `localhost`, `127.0.0.0/8` or `::1`.
pub fn is_loopback_host(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_https_anywhere_and_http_on_loopback() {
        let u = UpstreamUrl::parse("https://api.example.com/base/").expect("ok");
        assert_eq!(
            (u.https, u.host.as_str(), u.port, u.base_path.as_str()),
            (true, "api.example.com", 443, "/base")
        );
        assert_eq!(u.url_of("/v1/x"), "https://api.example.com/base/v1/x");
        let u = UpstreamUrl::parse("http://127.0.0.1:9090").expect("ok");
        assert_eq!((u.port, u.authority()), (9090, "127.0.0.1:9090".to_owned()));
        let u = UpstreamUrl::parse("http://[::1]:8080").expect("ok");
        assert_eq!(
            (u.host.as_str(), u.authority()),
            ("::1", "[::1]:8080".to_owned())
        );
        assert!(UpstreamUrl::parse("http://localhost").is_ok());
    }

    #[test]
    fn refuses_what_would_leak_or_confuse() {
        for bad in [
            "ftp://x",
            "api.example.com",
            "http://api.example.com",
            "https://user:pw@api.example.com",
            "https://api.example.com?x=1",
            "https://api.example.com:0",
            "https://api.example.com:99999",
            "https://",
            "https://[::1",
            "https://exa mple.com",
        ] {
            assert!(UpstreamUrl::parse(bad).is_err(), "{bad}");
        }
    }
}
