//! Randomness from the operating system (codes, id payloads, error ids).

use std::fmt;

/// The operating system refused to give random bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RandomUnavailable;

impl fmt::Display for RandomUnavailable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the operating system random source is unavailable")
    }
}

impl std::error::Error for RandomUnavailable {}

/// `N` bytes from the OS CSPRNG.
pub fn bytes<const N: usize>() -> Result<[u8; N], RandomUnavailable> {
    let mut out = [0u8; N];
    getrandom::getrandom(&mut out).map_err(|_| RandomUnavailable)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_vary() {
        let a = bytes::<16>().expect("os random");
        let b = bytes::<16>().expect("os random");
        assert_ne!(a, b);
    }
}
