//! The phone-number field's view model: live E.164 validation and the
//! `cc` / `phone_number` split Meta's `POST /{WABA-ID}/phone_numbers` wants
//! (seed 004). Plain data, no DOM.

use serde::Serialize;
use wa_signup::phone::{self, PhoneError, PossibleLengths};
use wa_signup::ErrorCode;

use crate::i18n::{fill, Key, Messages};

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

/// Validates `input` as an E.164 number and splits it for Meta; the hint is
/// in `m`'s language.
pub fn phone_field_view(input: &str, m: Messages) -> PhoneFieldView {
    if input.trim().is_empty() {
        return PhoneFieldView {
            validity: Validity::Empty,
            message: m.text(Key::PhoneHint).into(),
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
            message: fill(m.text(Key::PhoneValid), &[number.e164()]),
            error_code: None,
            e164: Some(number.e164().to_owned()),
            cc: Some(meta.cc().to_owned()),
            phone_number: Some(meta.phone_number().to_owned()),
        },
        Err(err) => PhoneFieldView {
            validity: Validity::Invalid,
            message: friendly_message(&err, m),
            error_code: Some(err.code()),
            e164: None,
            cc: None,
            phone_number: None,
        },
    }
}

/// The user-facing text for a [`PhoneError`] in `m`'s language: what is
/// wrong and what to do, in words (the stable code stays in
/// [`PhoneFieldView::error_code`]; the core's English message is not shown).
pub fn friendly_message(err: &PhoneError, m: Messages) -> String {
    let n = |n: usize| n.to_string();
    match *err {
        PhoneError::Empty => m.text(Key::PhoneEmpty).into(),
        PhoneError::InvalidCharacter {
            character,
            position,
        } => fill(
            m.text(Key::PhoneInvalidCharacter),
            &[&character.to_string(), &n(position.saturating_add(1))],
        ),
        PhoneError::ExtensionNotAllowed { position, .. } => fill(
            m.text(Key::PhoneExtension),
            &[&n(position.saturating_add(1))],
        ),
        PhoneError::MissingPlus => m.text(Key::PhoneMissingPlus).into(),
        PhoneError::UnknownCallingCode { code } => {
            fill(m.text(Key::PhoneUnknownCode), &[code.as_str()])
        }
        PhoneError::IncompleteCallingCode => m.text(Key::PhoneIncompleteCode).into(),
        PhoneError::TooShort {
            calling_code,
            digits,
            lengths,
        } => {
            let code = calling_code.to_string();
            if digits < lengths.min() {
                fill(
                    m.text(Key::PhoneTooShort),
                    &[&code, &n(lengths.min()), &n(digits)],
                )
            } else {
                fill(
                    m.text(Key::PhoneLengths),
                    &[&code, &list(lengths, m), &n(digits)],
                )
            }
        }
        PhoneError::TooLong {
            calling_code,
            digits,
            lengths,
        } => fill(
            m.text(Key::PhoneTooLong),
            &[&calling_code.to_string(), &n(lengths.max()), &n(digits)],
        ),
        PhoneError::ExceedsE164 { digits } => fill(
            m.text(Key::PhoneExceedsE164),
            &[&n(phone::E164_MAX_DIGITS), &n(digits)],
        ),
        PhoneError::InputTooLong => fill(
            m.text(Key::PhoneInputTooLong),
            &[&n(phone::MAX_INPUT_CHARS)],
        ),
    }
}

/// The lengths as `7, 9 or 10` in `m`'s language.
fn list(lengths: PossibleLengths, m: Messages) -> String {
    let count = lengths.iter().count();
    let mut text = String::new();
    for (i, length) in lengths.iter().enumerate() {
        if i > 0 {
            text.push_str(if i + 1 == count {
                m.text(Key::ListOr)
            } else {
                m.text(Key::ListComma)
            });
        }
        text.push_str(&length.to_string());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::ENGLISH;

    const EN: Messages = ENGLISH;

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
            let view = phone_field_view(input, EN);
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
            let view = phone_field_view(input, EN);
            assert_eq!(view.validity, Validity::Empty);
            assert_eq!(view.aria_invalid(), "false");
            assert_eq!(view.tone(), "neutral");
            assert_eq!(view.message, EN.text(Key::PhoneHint));
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
            let view = phone_field_view(input, EN);
            assert_eq!(view.validity, Validity::Invalid, "{input}");
            assert_eq!(view.error_code, Some(code), "{input}: {}", view.message);
            assert!(view.message.contains(fragment), "{input}: {}", view.message);
            assert_eq!(view.aria_invalid(), "true");
            assert_eq!(view.tone(), "error");
            assert_eq!((view.e164, view.cc, view.phone_number), (None, None, None));
        }
    }
}
