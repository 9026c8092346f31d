//! The `cc` / `phone_number` split Meta's `POST /{WABA-ID}/phone_numbers` wants.

use serde::Serialize;

use super::error::{CodeDigits, PhoneError};
use super::number::PhoneNumber;
#[cfg(doc)]
use super::parse::parse;
use super::parse::parse_parts;

/// The phone number parameters of Meta's add-phone-number call (seed 004):
/// `cc` is the country dial code (`"1"`), `phone_number` the number without
/// the country code or `+`.
///
/// Serializes (snake_case) as `{ "cc": "44", "phone_number": "7911123456" }`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct MetaPhoneParams {
    cc: String,
    phone_number: String,
}

impl MetaPhoneParams {
    /// The country dial code, digits only (`"44"`).
    pub fn cc(&self) -> &str {
        &self.cc
    }

    /// The national number, digits only, no country code, no `+`.
    pub fn phone_number(&self) -> &str {
        &self.phone_number
    }
}

/// Parses `input` like [`parse`] (no default calling code: the input must
/// carry `+` or `00`) and splits it for Meta. A number written with an
/// extension is refused (`INVALID_CHARACTER` at the extension's marker,
/// [`PhoneError::ExtensionNotAllowed`]): WhatsApp numbers cannot have one,
/// and dropping it silently would register another line.
///
/// ```
/// use wa_signup::phone::to_meta_phone_params;
/// let p = to_meta_phone_params("+1 (212) 555-1234").unwrap();
/// assert_eq!((p.cc(), p.phone_number()), ("1", "2125551234"));
/// let err = to_meta_phone_params("+1 (212) 555-1234 x12").unwrap_err();
/// assert_eq!(err.position(), Some(18));
/// ```
pub fn to_meta_phone_params(input: &str) -> Result<MetaPhoneParams, PhoneError> {
    let number = parse_without_extension(input, None)?;
    Ok(MetaPhoneParams {
        cc: CodeDigits::from_number(number.calling_code())
            .as_str()
            .to_owned(),
        phone_number: number.national_number().to_owned(),
    })
}

/// Like [`parse`], but a number written with an extension is refused
/// ([`PhoneError::ExtensionNotAllowed`], code `INVALID_CHARACTER`, at the
/// extension's marker), for fields that take a WhatsApp number.
///
/// ```
/// use wa_signup::phone::parse_without_extension;
/// assert!(parse_without_extension("+44 7911 123456", None).is_ok());
/// assert!(parse_without_extension("+44 7911 123456;ext=1", None).is_err());
/// ```
pub fn parse_without_extension(
    input: &str,
    default_calling_code: Option<u16>,
) -> Result<PhoneNumber, PhoneError> {
    let parts = parse_parts(input, default_calling_code)?;
    match parts.extension {
        Some(extension) => Err(extension.refusal()),
        None => Ok(PhoneNumber::from_parts(parts)),
    }
}
