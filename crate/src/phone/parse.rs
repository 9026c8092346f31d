//! `parse`: what people type, to a canonical [`PhoneNumber`].

use super::error::PhoneError;
use super::number::PhoneNumber;
use super::resolve::{resolve, Resolved};
use super::scan::scan;

/// Parses a phone number as people type it.
///
/// Accepts digits (ASCII, full-width, Arabic-Indic) with spaces, dashes,
/// dots, slashes, parentheses or brackets between them (not `~`, an
/// extension marker to libphonenumber), led by `+`
/// or the `00` international prefix. Without either, the digits are read as
/// a national number for `default_calling_code` (and a national number that
/// starts with that code and is too long is read as international, as
/// libphonenumber does); with neither the error is `MISSING_PLUS`.
///
/// The calling code is the first assigned one in the first three digits.
/// A trunk prefix written after it (`+44 (0)20 …`, national `020 …`) is
/// dropped when the rest is a possible number and the prefix cannot begin a
/// national number there (or the whole is not possible). The national
/// number must then have one of its calling code's possible lengths, and the
/// whole at most 15 digits.
///
/// ```
/// use wa_signup::phone::parse;
/// let n = parse("+44 (0)7911 123-456", None).unwrap();
/// assert_eq!((n.e164(), n.calling_code(), n.national_number()), ("+447911123456", 44, "7911123456"));
/// assert_eq!(parse("07911 123456", Some(44)).unwrap().e164(), "+447911123456");
/// ```
pub fn parse(input: &str, default_calling_code: Option<u16>) -> Result<PhoneNumber, PhoneError> {
    parse_with(input, default_calling_code, PhoneNumber::from_resolved)
}

/// Like [`parse`], handing the borrowed result to `f` instead of allocating
/// a [`PhoneNumber`] (the JS adapter builds its object from it directly).
pub(crate) fn parse_with<R>(
    input: &str,
    default_calling_code: Option<u16>,
    f: impl FnOnce(Resolved) -> R,
) -> Result<R, PhoneError> {
    let scanned = scan(input)?;
    resolve(scanned.digits(), scanned.plus, default_calling_code).map(f)
}
