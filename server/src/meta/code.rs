//! The shape of a simulated Meta authorization `code`.
//!
//! Real codes are long opaque URL-safe strings starting with `AQ`; the sandbox
//! mints `AQ` + 64 base64url characters from 48 OS-random bytes.

use crate::random::{self, RandomUnavailable};

/// Random bytes behind one code.
const CODE_ENTROPY_BYTES: usize = 48;

/// A fresh, unguessable code.
pub fn new_code() -> Result<String, RandomUnavailable> {
    use base64::Engine;
    let raw = random::bytes::<CODE_ENTROPY_BYTES>()?;
    Ok(format!(
        "AQ{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

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
