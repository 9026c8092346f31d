//! KSUIDs: 27-character base62 ids with an embedded timestamp.
//!
//! A KSUID is 20 bytes: a 4-byte big-endian timestamp (seconds since
//! [`EPOCH`]) followed by a 16-byte random payload, written as 27 characters
//! of base62 (`0-9A-Za-z`, in that order). The platform ids of seeds 000, 001
//! and 003 (`wapn_…`, `wabp_…`, `app_…`) end in one.
//!
//! [`Ksuid::parse`] checks, in this order, the length, every character
//! (strictly: the reference Go parser does not), and the range (the value
//! may not exceed [`MAX_STRING`]); each failure has its own [`KsuidError`].

use std::fmt;
use std::str::FromStr;

use crate::error::{push_decimal, ErrorCode};

/// Length of the base62 string form, in characters.
pub const ENCODED_LEN: usize = 27;

/// Length of the binary form, in bytes (4 timestamp + 16 payload).
pub const BYTE_LEN: usize = 20;

/// Length of the timestamp prefix of the binary form, in bytes.
pub const TIMESTAMP_LEN: usize = 4;

/// Length of the random payload of the binary form, in bytes.
pub const PAYLOAD_LEN: usize = 16;

/// The KSUID epoch in Unix seconds (2014-05-13T16:53:20Z): a stored
/// timestamp of 0 means this instant.
pub const EPOCH: u64 = 1_400_000_000;

/// The largest valid KSUID (all 20 bytes `0xff`, i.e. 2^160 - 1).
pub const MAX_STRING: &str = "aWgEPTl1tmebfsQzFP4bxwgy80V";

/// The smallest valid KSUID (all 20 bytes zero).
pub const MIN_STRING: &str = "000000000000000000000000000";

/// The base62 alphabet, in ascending value order (also ascending ASCII order,
/// so for fixed-length strings lexicographic order is numeric order).
const ALPHABET: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// Why a string or a timestamp is not a KSUID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KsuidError {
    /// Not exactly [`ENCODED_LEN`] characters.
    InvalidLength {
        /// The number of characters found.
        len: usize,
    },
    /// A character outside `0-9A-Za-z`.
    InvalidCharacter {
        /// Zero-based character index of the first offending character.
        position: usize,
    },
    /// 27 valid characters whose value exceeds [`MAX_STRING`].
    OutOfRange,
    /// [`Ksuid::from_parts`] got a time a 4-byte KSUID timestamp cannot hold.
    TimestampOutOfRange {
        /// The Unix timestamp that was given.
        timestamp: u64,
    },
}

impl ErrorCode for KsuidError {
    fn code(&self) -> &'static str {
        match self {
            KsuidError::InvalidLength { .. } => "INVALID_LENGTH",
            KsuidError::InvalidCharacter { .. } => "INVALID_CHARACTER",
            KsuidError::OutOfRange => "OUT_OF_RANGE",
            KsuidError::TimestampOutOfRange { .. } => "TIMESTAMP_OUT_OF_RANGE",
        }
    }

    fn message(&self) -> String {
        let mut out = String::new();
        match *self {
            KsuidError::InvalidLength { len } => {
                out.push_str("a KSUID is exactly 27 characters long, got ");
                push_decimal(&mut out, len);
            }
            KsuidError::InvalidCharacter { position } => {
                out.push_str(
                    "a KSUID uses only 0-9, A-Z and a-z; found a different character at position ",
                );
                push_decimal(&mut out, position);
            }
            KsuidError::OutOfRange => {
                out.push_str("a KSUID may not exceed aWgEPTl1tmebfsQzFP4bxwgy80V (2^160 - 1)");
            }
            KsuidError::TimestampOutOfRange { timestamp } => {
                out.push_str(
                    "a KSUID timestamp must lie between 1400000000 and 5694967295 Unix seconds, got ",
                );
                push_decimal(&mut out, timestamp);
            }
        }
        out
    }
}

impl fmt::Display for KsuidError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for KsuidError {}

impl KsuidError {
    /// The character position for [`KsuidError::InvalidCharacter`], else `None`.
    pub fn position(&self) -> Option<usize> {
        match self {
            KsuidError::InvalidCharacter { position } => Some(*position),
            _ => None,
        }
    }
}

/// A parsed, valid KSUID (its 20 bytes).
///
/// Ordering follows the binary value, which is creation-time order first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ksuid {
    bytes: [u8; BYTE_LEN],
}

impl Ksuid {
    /// Parses the 27-character base62 form; see the module docs for the checks.
    pub fn parse(input: &str) -> Result<Ksuid, KsuidError> {
        // 1. Length, in characters (so a multi-byte character counts once).
        let len = input.chars().count();
        if len != ENCODED_LEN {
            return Err(KsuidError::InvalidLength { len });
        }
        // 2. Characters. After this every char is one ASCII byte.
        if let Some(position) = input.chars().position(|c| digit_value(c).is_none()) {
            return Err(KsuidError::InvalidCharacter { position });
        }
        // 3. Range. Same length, alphabet in ASCII order: string order is value order.
        if input > MAX_STRING {
            return Err(KsuidError::OutOfRange);
        }
        decode(input.as_bytes())
            .map(|bytes| Ksuid { bytes })
            .ok_or(KsuidError::OutOfRange)
    }

    /// Builds a KSUID from a Unix timestamp (seconds) and a 16-byte payload.
    ///
    /// The timestamp must lie in `EPOCH..=EPOCH + u32::MAX`.
    pub fn from_parts(
        timestamp_unix: u64,
        payload: [u8; PAYLOAD_LEN],
    ) -> Result<Ksuid, KsuidError> {
        let offset = timestamp_unix
            .checked_sub(EPOCH)
            .and_then(|o| u32::try_from(o).ok())
            .ok_or(KsuidError::TimestampOutOfRange {
                timestamp: timestamp_unix,
            })?;
        let mut bytes = [0u8; BYTE_LEN];
        let (ts, rest) = bytes.split_at_mut(TIMESTAMP_LEN);
        ts.copy_from_slice(&offset.to_be_bytes());
        rest.copy_from_slice(&payload);
        Ok(Ksuid { bytes })
    }

    /// Builds a KSUID from its 20-byte binary form (every value is valid).
    pub fn from_bytes(bytes: [u8; BYTE_LEN]) -> Ksuid {
        Ksuid { bytes }
    }

    /// The 20-byte binary form.
    pub fn as_bytes(&self) -> &[u8; BYTE_LEN] {
        &self.bytes
    }

    /// Creation time in Unix seconds: the first 4 bytes big-endian plus [`EPOCH`].
    pub fn timestamp(&self) -> u64 {
        let [a, b, c, d, ..] = self.bytes;
        u64::from(u32::from_be_bytes([a, b, c, d])) + EPOCH
    }

    /// The 16-byte random payload.
    pub fn payload(&self) -> [u8; PAYLOAD_LEN] {
        let mut out = [0u8; PAYLOAD_LEN];
        out.copy_from_slice(&self.bytes[TIMESTAMP_LEN..]);
        out
    }
}

impl FromStr for Ksuid {
    type Err = KsuidError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ksuid::parse(s)
    }
}

impl fmt::Display for Ksuid {
    /// The 27-character base62 form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(as_text(&encode(&self.bytes)))
    }
}

impl serde::Serialize for Ksuid {
    /// The 27-character base62 form, as a string (written directly, not
    /// through `Display`, so serializing brings no `core::fmt` code).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(as_text(&encode(&self.bytes)))
    }
}

/// [`encode`]'s output as text (it emits only ALPHABET bytes, so this is
/// never the empty fallback).
fn as_text(encoded: &[u8; ENCODED_LEN]) -> &str {
    std::str::from_utf8(encoded).unwrap_or_default()
}

/// The value of one base62 digit, or `None` outside `0-9A-Za-z`.
fn digit_value(c: char) -> Option<u8> {
    let v = match c {
        '0'..='9' => u32::from(c) - u32::from('0'),
        'A'..='Z' => u32::from(c) - u32::from('A') + 10,
        'a'..='z' => u32::from(c) - u32::from('a') + 36,
        _ => return None,
    };
    u8::try_from(v).ok()
}

/// Base62 digits to 20 bytes: multiply-accumulate into three 64-bit limbs
/// (192 bits, most significant first). `None` if the value needs more than
/// 160 bits. The caller has already checked every character.
fn decode(digits: &[u8]) -> Option<[u8; BYTE_LEN]> {
    let mut limbs = [0u64; 3];
    for &d in digits {
        let mut carry = u128::from(digit_value(char::from(d))?);
        for limb in limbs.iter_mut().rev() {
            let v = u128::from(*limb) * 62 + carry;
            *limb = v as u64; // keep the low 64 bits; the high bits carry on
            carry = v >> 64;
        }
        if carry != 0 {
            return None;
        }
    }
    // 192 bits; the top 32 must be zero for a 160-bit value.
    let [hi, mid, lo] = limbs;
    if hi >> 32 != 0 {
        return None;
    }
    let mut out = [0u8; BYTE_LEN];
    out[..4].copy_from_slice(&hi.to_be_bytes()[4..]);
    out[4..12].copy_from_slice(&mid.to_be_bytes());
    out[12..].copy_from_slice(&lo.to_be_bytes());
    Some(out)
}

/// 20 bytes to 27 base62 digits: repeated division of five 32-bit limbs by 62,
/// least significant digit first.
fn encode(bytes: &[u8; BYTE_LEN]) -> [u8; ENCODED_LEN] {
    let mut limbs = [0u32; 5];
    for (limb, chunk) in limbs.iter_mut().zip(bytes.chunks_exact(4)) {
        *limb = u32::from_be_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
    }
    let mut out = [ALPHABET[0]; ENCODED_LEN];
    for slot in out.iter_mut().rev() {
        let mut rem = 0u64;
        for limb in limbs.iter_mut() {
            let v = (rem << 32) | u64::from(*limb);
            *limb = (v / 62) as u32; // v < 62 * 2^32, so the quotient fits
            rem = v % 62;
        }
        *slot = ALPHABET[rem as usize]; // rem < 62
    }
    out
}

#[cfg(test)]
mod tests;
