//! The one check of absolute `http(s)://` URLs, shared by the API request
//! builders (seed 003 `redirectUri`, seed 002 `webhook_destination_url`), the
//! flow's configuration (callback, SDK and redirect URLs, allowed origins) and
//! the backend service's upstream base URLs. Not a full URL parser, and no
//! URL crate in the wasm: it refuses what should never be sent or trusted and
//! leaves the rest to the server.

use std::fmt;

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

/// Whether plain `http://` is accepted on a loopback host (`localhost`,
/// `127.0.0.1`, `[::1]`), as a local sandbox needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loopback {
    /// `http://` allowed on loopback hosts.
    AllowHttp,
    /// `https://` only.
    HttpsOnly,
}

/// The parts of an absolute `http://` or `https://` URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpUrl<'a> {
    /// `true` for `https`.
    pub https: bool,
    /// The host as written (compare without regard to case), e.g. `[::1]`.
    pub host: &'a str,
    /// The port, when one is written (1 to 65535).
    pub port: Option<u16>,
    /// Everything after the authority (path, query, fragment), possibly empty.
    pub rest: &'a str,
}

impl<'a> HttpUrl<'a> {
    /// Parses `input` as an absolute `http` or `https` URL with a valid host
    /// and port, no user info and no whitespace, control characters or
    /// backslashes; otherwise the first rule it breaks (`NotHttps` for any
    /// other scheme: whether plain `http` is acceptable is the caller's call).
    pub fn parse(input: &'a str) -> Result<HttpUrl<'a>, UrlRule> {
        if input.len() > MAX_URL_LEN {
            return Err(UrlRule::TooLong);
        }
        if input
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
        {
            return Err(UrlRule::InvalidCharacter);
        }
        let Some((scheme, after)) = input.split_once("://") else {
            return Err(UrlRule::NotHttps);
        };
        let https = scheme.eq_ignore_ascii_case("https");
        if !https && !scheme.eq_ignore_ascii_case("http") {
            return Err(UrlRule::NotHttps);
        }
        let end = after.find(['/', '?', '#']).unwrap_or(after.len());
        let (authority, rest) = after.split_at(end);
        if authority.is_empty() {
            return Err(UrlRule::MissingHost);
        }
        if authority.contains('@') {
            return Err(UrlRule::UserInfo);
        }
        let (host, port) = split_port(authority);
        if host.is_empty() {
            return Err(UrlRule::MissingHost);
        }
        if !is_host(host) {
            return Err(UrlRule::InvalidHost);
        }
        let port = match port {
            None => None,
            Some(port) => match port.parse::<u16>() {
                Ok(n @ 1..) if port.bytes().all(|b| b.is_ascii_digit()) => Some(n),
                _ => return Err(UrlRule::InvalidPort),
            },
        };
        Ok(HttpUrl {
            https,
            host,
            port,
            rest,
        })
    }

    /// Parses `input` like [`parse`](Self::parse), then requires `https`, or
    /// `http` on a loopback host when `loopback` allows it (else `NotHttps`).
    pub fn parse_secure(input: &'a str, loopback: Loopback) -> Result<HttpUrl<'a>, UrlRule> {
        let url = HttpUrl::parse(input)?;
        if url.https || (loopback == Loopback::AllowHttp && url.is_loopback()) {
            Ok(url)
        } else {
            Err(UrlRule::NotHttps)
        }
    }

    /// True for `localhost`, `127.0.0.1` and `[::1]` (a trailing dot
    /// allowed), where plain `http` is acceptable for a local sandbox.
    pub fn is_loopback(&self) -> bool {
        is_loopback_host(self.host)
    }

    /// `https`, or `http` on a loopback host.
    pub fn is_secure_or_loopback(&self) -> bool {
        self.https || self.is_loopback()
    }
}

/// True for the loopback hosts where plain `http` is acceptable for a local
/// sandbox: `localhost`, `127.0.0.1` and `::1` (with or without brackets, a
/// trailing dot allowed). Lookalikes (`localhost.evil.test`, `127.0.0.2`) are
/// not.
pub fn is_loopback_host(host: &str) -> bool {
    let host = host.trim_end_matches('.');
    host.eq_ignore_ascii_case("localhost")
        || host == "127.0.0.1"
        || host == "[::1]"
        || host == "::1"
}

/// Splits `host[:port]` / `[v6][:port]`; anything after `]` other than
/// `:port` is returned as the port, so that it fails the port check.
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

/// A host name (letters, digits, `-`, `_`, dots; no leading dot or dash, no
/// empty label) or a bracketed IPv6 literal.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_of_valid_urls() {
        type Parts<'a> = (bool, &'a str, &'a str, bool);
        let cases: &[(&str, Parts)] = &[
            (
                "https://api.example.com/cb",
                (true, "api.example.com", "/cb", false),
            ),
            ("HTTPS://Example.com", (true, "Example.com", "", false)),
            (
                "http://localhost:8787/callback?x=1",
                (false, "localhost", "/callback?x=1", true),
            ),
            ("http://localhost./", (false, "localhost.", "/", true)),
            ("http://127.0.0.1:1/", (false, "127.0.0.1", "/", true)),
            ("http://[::1]:8080/x", (false, "[::1]", "/x", true)),
            ("https://a.test:65535", (true, "a.test", "", false)),
            (
                "https://[2001:db8::1]:443/cb",
                (true, "[2001:db8::1]", "/cb", false),
            ),
            ("https://a_b.test#f", (true, "a_b.test", "#f", false)),
        ];
        for &(input, want) in cases {
            let got = HttpUrl::parse(input).map(|u| (u.https, u.host, u.rest, u.is_loopback()));
            assert_eq!(got, Ok(want), "{input}");
        }
    }

    #[test]
    fn the_first_rule_broken() {
        let cases: &[(&str, UrlRule)] = &[
            ("ftp://example.com/", UrlRule::NotHttps),
            ("javascript://example.com/%0aalert(1)", UrlRule::NotHttps),
            ("javascript:alert(1)", UrlRule::NotHttps),
            ("/relative/path", UrlRule::NotHttps),
            ("//a.test/", UrlRule::NotHttps),
            ("example.com", UrlRule::NotHttps),
            ("", UrlRule::NotHttps),
            ("https://", UrlRule::MissingHost),
            ("https:///path", UrlRule::MissingHost),
            ("https://:443/", UrlRule::MissingHost),
            ("https://www.facebook.com@evil.test/", UrlRule::UserInfo),
            ("https://user@a.test/", UrlRule::UserInfo),
            ("https://exa mple.com/", UrlRule::InvalidCharacter),
            ("https://example.com/\n", UrlRule::InvalidCharacter),
            (
                "https://example.com\\@evil.test/",
                UrlRule::InvalidCharacter,
            ),
            ("https://exa<mple.com/", UrlRule::InvalidHost),
            ("https://.example.com/", UrlRule::InvalidHost),
            ("https://-example.com/", UrlRule::InvalidHost),
            ("https://example..com/", UrlRule::InvalidHost),
            ("https://[zz::1]/", UrlRule::InvalidHost),
            ("https://[::1/", UrlRule::InvalidHost),
            ("https://example.com:0/", UrlRule::InvalidPort),
            ("https://example.com:65536/", UrlRule::InvalidPort),
            ("https://example.com:+1/", UrlRule::InvalidPort),
            ("https://example.com:/", UrlRule::InvalidPort),
            ("https://a.test:x1", UrlRule::InvalidPort),
            ("https://[::1]x/", UrlRule::InvalidPort),
        ];
        for &(input, want) in cases {
            assert_eq!(HttpUrl::parse(input), Err(want), "{input}");
        }
        let long = format!("https://example.com/{}", "a".repeat(MAX_URL_LEN));
        assert_eq!(HttpUrl::parse(&long), Err(UrlRule::TooLong));
    }

    #[test]
    fn ports_as_written() {
        let cases: &[(&str, Option<u16>)] = &[
            ("https://a.test", None),
            ("https://a.test:1/", Some(1)),
            ("http://[::1]:8080/x", Some(8080)),
            ("https://a.test:65535", Some(65535)),
        ];
        for &(input, want) in cases {
            assert_eq!(HttpUrl::parse(input).map(|u| u.port), Ok(want), "{input}");
        }
    }

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
            ("http://127.0.0.2/", AllowHttp, Some(UrlRule::NotHttps)),
            ("ftp://example.com/", AllowHttp, Some(UrlRule::NotHttps)),
            ("https://", HttpsOnly, Some(UrlRule::MissingHost)),
            ("https://a@b.test/", AllowHttp, Some(UrlRule::UserInfo)),
        ];
        for &(url, loopback, want) in cases {
            assert_eq!(HttpUrl::parse_secure(url, loopback).err(), want, "{url}");
        }
    }

    #[test]
    fn loopback_hosts_with_or_without_brackets() {
        for host in ["localhost", "LOCALHOST.", "127.0.0.1", "[::1]", "::1"] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in ["127.0.0.2", "0.0.0.0", "::2", "localhost.evil.test", ""] {
            assert!(!is_loopback_host(host), "{host}");
        }
    }

    #[test]
    fn loopback_lookalikes_are_not_loopback() {
        for url in [
            "http://localhost.evil.test/",
            "http://127.0.0.1.nip.io/",
            "http://127.0.0.2/",
            "http://0.0.0.0/",
            "http://[::2]/",
        ] {
            let parsed = HttpUrl::parse(url).map(|u| u.is_loopback());
            assert_eq!(parsed, Ok(false), "{url}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,60}") {
            let _ = HttpUrl::parse(&s);
        }
    }
}
