//! The shape of a simulated Meta authorization `code`.
//!
//! Real codes are long opaque URL-safe strings starting with `AQ`; the sandbox
//! mints `AQ` + 64 base64url characters from 48 OS-random bytes.

use crate::random::{self, RandomUnavailable};

/// Random bytes behind one code.
const CODE_ENTROPY_BYTES: usize = 48;

/// base64url alphabet (RFC 4648 §5), no padding.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// A fresh, unguessable code.
pub fn new_code() -> Result<String, RandomUnavailable> {
    let raw = random::bytes::<CODE_ENTROPY_BYTES>()?;
    Ok(format!("AQ{}", base64url(&raw)))
}

/// base64url without padding; input length must be a multiple of 3 to avoid padding.
fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() / 3 * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let take = chunk.len() + 1;
        for i in 0..take {
            let idx = (n >> (18 - 6 * i)) & 63;
            if let Some(&c) = ALPHABET.get(idx as usize) {
                out.push(char::from(c));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_rfc4648_vectors() {
        let cases: [(&[u8], &str); 5] = [
            (b"", ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (&[0xfb, 0xff, 0xfe], "-__-"),
        ];
        for (input, want) in cases {
            assert_eq!(base64url(input), want);
        }
    }

    #[test]
    fn codes_are_long_url_safe_and_distinct() {
        let a = new_code().expect("os random");
        let b = new_code().expect("os random");
        assert_eq!(a.len(), 2 + 64);
        assert!(a.starts_with("AQ"));
        assert!(a
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
        assert_ne!(a, b);
    }
}
