//! `is_e164`: a yes/no check of canonical E.164 strings, without allocation.

use super::error::E164_MAX_DIGITS;
use super::resolve::resolve;

/// True only for a canonical E.164 string — `+` then 2 to 15 ASCII digits,
/// nothing else — that [`parse`](super::parse) accepts: an assigned calling
/// code and a possible national number.
///
/// Like `parse` (and libphonenumber's `isPossiblePhoneNumber`), a trunk
/// prefix after the calling code is forgiven when the rest is possible, so
/// `+4407911123456` is accepted; compare with `parse(s)?.e164() == s` to
/// insist on the exact canonical digits.
///
/// ```
/// use wa_signup::phone::is_e164;
/// assert!(is_e164("+447911123456"));
/// assert!(!is_e164("+44 7911 123456"));
/// assert!(!is_e164("447911123456"));
/// ```
pub fn is_e164(input: &str) -> bool {
    let Some(digits) = input.as_bytes().strip_prefix(b"+") else {
        return false;
    };
    (2..=E164_MAX_DIGITS).contains(&digits.len())
        && digits.iter().all(u8::is_ascii_digit)
        && resolve(digits, true, None).is_ok()
}
