//! A deliberately small check of absolute `http(s)` URLs and origins, enough
//! to validate configuration without a URL crate in the wasm bundle.

/// The parts of an absolute `http://` or `https://` URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HttpUrl<'a> {
    /// `true` for `https`.
    pub https: bool,
    /// The host as written (lower-cased comparison is the caller's job), e.g. `[::1]`.
    pub host: &'a str,
    /// Everything after the authority (path, query, fragment), possibly empty.
    pub rest: &'a str,
}

/// The longest URL accepted anywhere in the configuration.
pub(crate) const MAX_URL_LEN: usize = 2048;

impl<'a> HttpUrl<'a> {
    /// Parses `input`, or `None` when it is not an absolute http(s) URL with a
    /// host, has whitespace/control characters, user info, or a bad port.
    pub fn parse(input: &'a str) -> Option<HttpUrl<'a>> {
        if input.len() > MAX_URL_LEN
            || input
                .chars()
                .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
        {
            return None;
        }
        let (https, after) = if let Some(rest) = strip_prefix_ci(input, "https://") {
            (true, rest)
        } else if let Some(rest) = strip_prefix_ci(input, "http://") {
            (false, rest)
        } else {
            return None;
        };
        let end = after.find(['/', '?', '#']).unwrap_or(after.len());
        let (authority, rest) = after.split_at(end);
        if authority.is_empty() || authority.contains('@') {
            return None;
        }
        let host = split_port(authority)?;
        if host.is_empty() {
            return None;
        }
        let valid_host = if let Some(inner) = host.strip_prefix('[') {
            inner.strip_suffix(']').is_some_and(|ip6| {
                !ip6.is_empty()
                    && ip6
                        .chars()
                        .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
            })
        } else {
            host.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
                && !host.starts_with('.')
                && !host.contains("..")
        };
        if !valid_host {
            return None;
        }
        Some(HttpUrl { https, host, rest })
    }

    /// True for `localhost`, `127.0.0.1` and `[::1]` (where plain http is allowed).
    pub fn is_loopback(&self) -> bool {
        let host = self.host.trim_end_matches('.');
        host.eq_ignore_ascii_case("localhost") || host == "127.0.0.1" || host == "[::1]"
    }

    /// https, or http on a loopback host.
    pub fn is_secure_or_loopback(&self) -> bool {
        self.https || self.is_loopback()
    }
}

fn strip_prefix_ci<'a>(input: &'a str, prefix: &str) -> Option<&'a str> {
    let head = input.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        input.get(prefix.len()..)
    } else {
        None
    }
}

/// The host part of `host[:port]`, checking the port is 1..=65535 digits.
fn split_port(authority: &str) -> Option<&str> {
    let (host, port) = if authority.starts_with('[') {
        match authority.find(']') {
            Some(close) => {
                let (host, tail) = authority.split_at(close + 1);
                match tail.strip_prefix(':') {
                    Some(port) => (host, Some(port)),
                    None if tail.is_empty() => (host, None),
                    None => return None,
                }
            }
            None => return None,
        }
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    if let Some(port) = port {
        if port.is_empty() || port.len() > 5 || !port.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        match port.parse::<u32>() {
            Ok(1..=65535) => {}
            _ => return None,
        }
    }
    Some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_classifies() {
        type Parts<'a> = Option<(bool, &'a str, &'a str, bool)>;
        let cases: &[(&str, Parts)] = &[
            (
                "https://api.example.com/cb",
                Some((true, "api.example.com", "/cb", false)),
            ),
            (
                "HTTPS://Example.com",
                Some((true, "Example.com", "", false)),
            ),
            (
                "http://localhost:8787/callback?x=1",
                Some((false, "localhost", "/callback?x=1", true)),
            ),
            ("http://127.0.0.1:1/", Some((false, "127.0.0.1", "/", true))),
            ("http://[::1]:8080/x", Some((false, "[::1]", "/x", true))),
            ("https://a.test:65535", Some((true, "a.test", "", false))),
            ("https://a.test:65536", None),
            ("https://a.test:0", None),
            ("https://a.test:", None),
            ("https://a.test:x1", None),
            ("https://user@a.test/", None),
            ("https:///path", None),
            ("https://a test/", None),
            ("ftp://a.test/", None),
            ("//a.test/", None),
            ("javascript:alert(1)", None),
            ("https://a..test", None),
            ("https://[::1/", None),
            ("https://a.test\\@evil.test", None),
            ("", None),
        ];
        for (input, want) in cases {
            let got = HttpUrl::parse(input).map(|u| (u.https, u.host, u.rest, u.is_loopback()));
            assert_eq!(&got, want, "{input}");
        }
    }

    #[test]
    fn loopback_lookalikes_are_not_loopback() {
        for url in [
            "http://localhost.evil.test/",
            "http://127.0.0.1.nip.io/",
            "http://127.0.0.2/",
            "http://0.0.0.0/",
        ] {
            assert!(!HttpUrl::parse(url).unwrap().is_loopback(), "{url}");
        }
    }
}
