//! The phone-number field's view model: live E.164 validation and the
//! `cc` / `phone_number` split Meta's `POST /{WABA-ID}/phone_numbers` wants
//! (seed 004). Plain data, no DOM.

use serde::Serialize;
use wa_signup::phone::{self, PhoneError};
use wa_signup::ErrorCode;

/// The hint shown while the field is empty.
pub const EMPTY_HINT: &str = "Include the country code, e.g. +1 555 123 4567.";

/// Whether the input is a valid number, not one, or not typed yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Validity {
    /// Nothing typed yet: a neutral hint, not an error.
    Empty,
    /// A valid E.164 number.
    Valid,
    /// Not a valid number; the hint says why.
    Invalid,
}

/// What the field renders for one input value. Serialised (camelCase) as the
/// `detail` of the `wa-signup:phone` DOM event; absent parts are omitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneFieldView {
    /// Valid, invalid or empty.
    pub validity: Validity,
    /// The hint under the input (referenced by `aria-describedby`).
    pub message: String,
    /// The stable `PhoneError` code of an invalid input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_code: Option<&'static str>,
    /// The normalised number, e.g. `+15551234567`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub e164: Option<String>,
    /// Meta's `cc`: the country calling code without `+`, e.g. `1`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cc: Option<String>,
    /// Meta's `phone_number`: the national number, no `+`, no country code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
}

impl PhoneFieldView {
    /// The value of `aria-invalid`.
    pub fn aria_invalid(&self) -> &'static str {
        if self.validity == Validity::Invalid {
            "true"
        } else {
            "false"
        }
    }

    /// The `data-tone` of the hint: `neutral`, `success` or `error`.
    pub fn tone(&self) -> &'static str {
        match self.validity {
            Validity::Empty => "neutral",
            Validity::Valid => "success",
            Validity::Invalid => "error",
        }
    }
}

/// Validates `input` as an E.164 number and splits it for Meta.
pub fn phone_field_view(input: &str) -> PhoneFieldView {
    if input.trim().is_empty() {
        return PhoneFieldView {
            validity: Validity::Empty,
            message: EMPTY_HINT.into(),
            error_code: None,
            e164: None,
            cc: None,
            phone_number: None,
        };
    }
    let parsed = phone::parse(input, None)
        .and_then(|number| Ok((number, phone::to_meta_phone_params(input)?)));
    match parsed {
        Ok((number, meta)) => PhoneFieldView {
            validity: Validity::Valid,
            message: format!("Valid number: {}", number.e164()),
            error_code: None,
            e164: Some(number.e164().to_owned()),
            cc: Some(meta.cc().to_owned()),
            phone_number: Some(meta.phone_number().to_owned()),
        },
        Err(err) => PhoneFieldView {
            validity: Validity::Invalid,
            message: friendly_message(&err),
            error_code: Some(err.code()),
            e164: None,
            cc: None,
            phone_number: None,
        },
    }
}

/// The user-facing text for a [`PhoneError`]: what is wrong and what to do,
/// in words (the stable code stays in [`PhoneFieldView::error_code`]).
pub fn friendly_message(err: &PhoneError) -> String {
    match *err {
        PhoneError::Empty => "Enter a phone number, e.g. +1 555 123 4567.".into(),
        PhoneError::InvalidCharacter {
            character,
            position,
        } => format!(
            "“{character}” (character {}) can't be part of a phone number. Use digits, \
             spaces, dashes, dots or parentheses.",
            position.saturating_add(1)
        ),
        PhoneError::ExtensionNotAllowed { position, .. } => format!(
            "WhatsApp numbers can't have an extension: remove it (from character {}).",
            position.saturating_add(1)
        ),
        PhoneError::MissingPlus => "Start with + and the country code, e.g. +44 for the UK.".into(),
        PhoneError::UnknownCallingCode { code } => {
            format!("+{code} is not a country code. Check the digits after +.")
        }
        PhoneError::IncompleteCallingCode => {
            "Keep typing: the country code is not complete yet.".into()
        }
        PhoneError::TooShort {
            calling_code,
            digits,
            lengths,
        } => {
            if digits < lengths.min() {
                format!(
                    "Too short: +{calling_code} numbers need at least {} digits after the \
                     country code ({digits} so far).",
                    lengths.min()
                )
            } else {
                format!(
                    "+{calling_code} numbers have {lengths} digits after the country code \
                     ({digits} so far)."
                )
            }
        }
        PhoneError::TooLong {
            calling_code,
            digits,
            lengths,
        } => format!(
            "Too long: +{calling_code} numbers have at most {} digits after the country \
             code ({digits} typed).",
            lengths.max()
        ),
        PhoneError::ExceedsE164 { digits } => format!(
            "Too long: a phone number has at most {} digits in all ({digits} typed).",
            phone::E164_MAX_DIGITS
        ),
        PhoneError::InputTooLong => format!(
            "Too long: a phone number fits in {} characters.",
            phone::MAX_INPUT_CHARS
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_numbers_are_split_for_meta() {
        // (input, e164, cc, phone_number)
        let cases = [
            ("+1 (212) 555-1234", "+12125551234", "1", "2125551234"),
            ("+44 7911 123456", "+447911123456", "44", "7911123456"),
            ("0044 7911 123456", "+447911123456", "44", "7911123456"),
            ("+49 30 123456", "+4930123456", "49", "30123456"),
        ];
        for (input, e164, cc, national) in cases {
            let view = phone_field_view(input);
            assert_eq!(view.validity, Validity::Valid, "{input}: {}", view.message);
            assert_eq!(view.e164.as_deref(), Some(e164), "{input}");
            assert_eq!(view.cc.as_deref(), Some(cc), "{input}");
            assert_eq!(view.phone_number.as_deref(), Some(national), "{input}");
            assert_eq!(view.aria_invalid(), "false");
            assert_eq!(view.tone(), "success");
            assert_eq!(view.message, format!("Valid number: {e164}"));
            assert_eq!(view.error_code, None);
        }
    }

    #[test]
    fn blank_input_is_a_hint_not_an_error() {
        for input in ["", "   ", "\t"] {
            let view = phone_field_view(input);
            assert_eq!(view.validity, Validity::Empty);
            assert_eq!(view.aria_invalid(), "false");
            assert_eq!(view.tone(), "neutral");
            assert_eq!(view.message, EMPTY_HINT);
        }
    }

    #[test]
    fn invalid_inputs_say_why_in_words() {
        // (input, code, fragment of the message)
        let cases = [
            ("()", "EMPTY", "Enter a phone number"),
            ("+1 212 555 12a4", "INVALID_CHARACTER", "“a” (character 14)"),
            ("212 555 1234", "MISSING_PLUS", "Start with +"),
            (
                "+999 1234",
                "UNKNOWN_CALLING_CODE",
                "+999 is not a country code",
            ),
            ("+4", "TOO_SHORT", "Keep typing"),
            (
                "+1 212 555",
                "TOO_SHORT",
                "Too short: +1 numbers need at least 10 digits",
            ),
            (
                "+1 212 555 12345",
                "TOO_LONG",
                "Too long: +1 numbers have at most 10 digits",
            ),
            ("+1 2125551234567890", "TOO_LONG", "Too long"),
        ];
        for (input, code, fragment) in cases {
            let view = phone_field_view(input);
            assert_eq!(view.validity, Validity::Invalid, "{input}");
            assert_eq!(view.error_code, Some(code), "{input}: {}", view.message);
            assert!(view.message.contains(fragment), "{input}: {}", view.message);
            assert_eq!(view.aria_invalid(), "true");
            assert_eq!(view.tone(), "error");
            assert_eq!((view.e164, view.cc, view.phone_number), (None, None, None));
        }
    }
}
