//! `parse`: what people type, to a canonical [`PhoneNumber`].

use super::error::{PhoneError, MAX_INPUT_CHARS};
use super::extension::split_extension;
use super::number::{Parts, PhoneNumber};
use super::resolve::resolve;
use super::scan::scan;

/// Parses a phone number as people type it.
///
/// Accepts digits (ASCII, full-width, Arabic-Indic) with spaces, dashes,
/// dots, slashes, tildes, parentheses or brackets between them, led by `+`
/// or the `00` international prefix. Without either, the digits are read as
/// a national number for `default_calling_code` (and a national number that
/// starts with that code and is too long is read as international, as
/// libphonenumber does); with neither the error is `MISSING_PLUS`.
///
/// An extension after the number (`x12`, `ext. 12`, `;ext=12`, `,,12`,
/// `#12`, `~12`, `- 12#`…) is split off where libphonenumber-js splits it
/// and kept in [`PhoneNumber::extension`]; it is never part of the E.164.
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
/// assert_eq!(parse("+44 7911 123456 x 12", None).unwrap().extension(), Some("12"));
/// ```
pub fn parse(input: &str, default_calling_code: Option<u16>) -> Result<PhoneNumber, PhoneError> {
    parse_parts(input, default_calling_code).map(PhoneNumber::from_parts)
}

/// Parses with [`parse`] and no default calling code.
impl std::str::FromStr for PhoneNumber {
    type Err = PhoneError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse(s, None)
    }
}

/// Like [`parse`], without allocating a [`PhoneNumber`].
pub(crate) fn parse_parts(
    input: &str,
    default_calling_code: Option<u16>,
) -> Result<Parts, PhoneError> {
    let (number, extension) = split_extension(input);
    let scanned = scan(number)?;
    // The scanner saw only the number; the limit is on the whole input.
    if extension.is_some() && input.chars().nth(MAX_INPUT_CHARS).is_some() {
        return Err(PhoneError::InputTooLong);
    }
    let resolved = resolve(scanned.digits(), scanned.plus, default_calling_code)?;
    Ok(Parts {
        resolved,
        extension,
    })
}
