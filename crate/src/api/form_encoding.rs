//! `application/x-www-form-urlencoded`, as the Graph API takes POST
//! parameters (seed 004's sample request puts them in the query string).

use std::fmt::Write;

/// Encodes `pairs` as `k=v&k=v`: ASCII letters, digits and `*-._` kept, space
/// as `+`, every other byte of the UTF-8 text as `%XX` (WHATWG URL standard).
pub(crate) fn encode(pairs: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (i, (key, value)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        push_encoded(&mut out, key);
        out.push('=');
        push_encoded(&mut out, value);
    }
    out
}

fn push_encoded(out: &mut String, text: &str) {
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(char::from(b))
            }
            b' ' => out.push('+'),
            _ => {
                // Writing to a String cannot fail.
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_like_url_search_params() {
        // Expected strings are what `new URLSearchParams(pairs).toString()` gives.
        let cases: &[(&[(&str, &str)], &str)] = &[
            (&[], ""),
            (
                &[("cc", "1"), ("phone_number", "5551234567")],
                "cc=1&phone_number=5551234567",
            ),
            (
                &[("verified_name", "Acme & Sons, Inc.")],
                "verified_name=Acme+%26+Sons%2C+Inc.",
            ),
            (&[("q", "a+b=c/d?e#f%")], "q=a%2Bb%3Dc%2Fd%3Fe%23f%25"),
            (&[("n", "Café ☕")], "n=Caf%C3%A9+%E2%98%95"),
            (&[("k", "*-._~!")], "k=*-._%7E%21"),
        ];
        for (pairs, want) in cases {
            assert_eq!(encode(pairs), *want);
        }
    }
}
