//! The `cc` / `phone_number` split Meta's `POST /{WABA-ID}/phone_numbers` wants.

use serde::Serialize;

use super::error::PhoneError;
use super::parse::parse;

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
/// carry `+` or `00`) and splits it for Meta.
///
/// ```
/// use wa_signup::phone::to_meta_phone_params;
/// let p = to_meta_phone_params("+1 (212) 555-1234").unwrap();
/// assert_eq!((p.cc(), p.phone_number()), ("1", "2125551234"));
/// ```
pub fn to_meta_phone_params(input: &str) -> Result<MetaPhoneParams, PhoneError> {
    let number = parse(input, None)?;
    Ok(MetaPhoneParams {
        cc: number.calling_code().to_string(),
        phone_number: number.national_number().to_owned(),
    })
}
