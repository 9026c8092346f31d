//! Why a phone number was rejected.

use std::fmt;

use super::lengths::PossibleLengths;
use crate::error::{push_code_point, push_decimal, ErrorCode};

/// The most digits an E.164 number may have, calling code included.
pub const E164_MAX_DIGITS: usize = 15;

/// The longest input accepted, in characters; longer input is rejected
/// before it is read further.
pub const MAX_INPUT_CHARS: usize = 256;

/// Why [`parse`](super::parse) rejected its input.
///
/// Several variants share one stable [`code`](ErrorCode::code); the variant
/// and its fields say more, and `Display` (the same text as
/// [`message`](ErrorCode::message)) states the limit that was broken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneError {
    /// `EMPTY`: no digits at all (empty, or only spaces and punctuation).
    Empty,
    /// `INVALID_CHARACTER`: a character that is not a digit, an allowed
    /// separator (space, dash, dot, slash, parenthesis, bracket, tilde) or a
    /// leading `+`, and does not start an extension (see
    /// [`PhoneNumber::extension`](super::PhoneNumber::extension)).
    InvalidCharacter {
        /// The offending character.
        character: char,
        /// Its index in the input, counted in Unicode scalar values (chars).
        position: usize,
    },
    /// `INVALID_CHARACTER`: the number has an extension (`x12`, `ext. 12`,
    /// `;ext=12`, `,,12`…), which [`to_meta_phone_params`](super::to_meta_phone_params)
    /// refuses: WhatsApp numbers cannot have extensions.
    ExtensionNotAllowed {
        /// The extension's marker: the label's first character (`x`, `e`,
        /// `#`, `;`, `,`, `~`…), or the final `#` of `- 503#`.
        character: char,
        /// Its index in the input, counted in Unicode scalar values (chars).
        position: usize,
    },
    /// `MISSING_PLUS`: no `+` or `00` prefix and no default calling code.
    MissingPlus,
    /// `UNKNOWN_CALLING_CODE`: the digits after `+` (or the default calling
    /// code) do not start with an assigned country calling code.
    UnknownCallingCode {
        /// The digits that were tried (up to three).
        code: CodeDigits,
    },
    /// `TOO_SHORT`: the input ends inside the country calling code.
    IncompleteCallingCode,
    /// `TOO_SHORT`: the national number has fewer digits than the shortest
    /// possible length, or a length between two possible lengths (more digits
    /// can still make it possible, which is what a live input field wants).
    TooShort {
        /// The country calling code.
        calling_code: u16,
        /// Digits in the national number.
        digits: usize,
        /// The lengths that would be possible.
        lengths: PossibleLengths,
    },
    /// `TOO_LONG`: the national number has more digits than the longest
    /// possible length for its calling code.
    TooLong {
        /// The country calling code.
        calling_code: u16,
        /// Digits in the national number.
        digits: usize,
        /// The lengths that would be possible.
        lengths: PossibleLengths,
    },
    /// `TOO_LONG`: more than 15 digits in all (E.164's limit).
    ExceedsE164 {
        /// Digits counted.
        digits: usize,
    },
    /// `TOO_LONG`: the input has more than [`MAX_INPUT_CHARS`] characters.
    InputTooLong,
}

impl ErrorCode for PhoneError {
    fn code(&self) -> &'static str {
        match self {
            Self::Empty => "EMPTY",
            Self::InvalidCharacter { .. } | Self::ExtensionNotAllowed { .. } => "INVALID_CHARACTER",
            Self::MissingPlus => "MISSING_PLUS",
            Self::UnknownCallingCode { .. } => "UNKNOWN_CALLING_CODE",
            Self::IncompleteCallingCode | Self::TooShort { .. } => "TOO_SHORT",
            Self::TooLong { .. } | Self::ExceedsE164 { .. } | Self::InputTooLong => "TOO_LONG",
        }
    }

    fn message(&self) -> String {
        let mut out = String::new();
        match *self {
            Self::Empty => out.push_str("phone number is empty"),
            Self::InvalidCharacter {
                character,
                position,
            } => {
                push_character_at(&mut out, "invalid character ", character, position);
                out.push_str(
                    "; only digits, spaces, dashes, dots, parentheses and a leading '+' are allowed",
                );
            }
            Self::ExtensionNotAllowed {
                character,
                position,
            } => {
                push_character_at(&mut out, "extension marker ", character, position);
                out.push_str(
                    ": WhatsApp numbers cannot have extensions; \
                     remove it and the digits after it",
                );
            }
            Self::MissingPlus => out.push_str(
                "phone number needs a leading '+' (or '00') and a country calling code, \
                 or a default calling code",
            ),
            Self::UnknownCallingCode { code } => {
                out.push('+');
                out.push_str(code.as_str());
                out.push_str(" is not an assigned country calling code");
            }
            Self::IncompleteCallingCode => {
                out.push_str("phone number ends before its country calling code is complete");
            }
            Self::TooShort {
                calling_code,
                digits,
                lengths,
            } => {
                push_national_digits(&mut out, calling_code, digits);
                if digits < lengths.min() {
                    out.push_str("at least ");
                    push_decimal(&mut out, lengths.min());
                    out.push_str(" are needed");
                } else {
                    out.push('+');
                    push_decimal(&mut out, calling_code);
                    out.push_str(" numbers have ");
                    lengths.push_to(&mut out);
                    out.push_str(" digits");
                }
            }
            Self::TooLong {
                calling_code,
                digits,
                lengths,
            } => {
                push_national_digits(&mut out, calling_code, digits);
                out.push_str("at most ");
                push_decimal(&mut out, lengths.max());
                out.push_str(" are allowed");
            }
            Self::ExceedsE164 { digits } => {
                out.push_str("phone number has ");
                push_decimal(&mut out, digits);
                out.push_str(" digits; E.164 allows at most ");
                push_decimal(&mut out, E164_MAX_DIGITS);
            }
            Self::InputTooLong => {
                out.push_str("phone number input is longer than ");
                push_decimal(&mut out, MAX_INPUT_CHARS);
                out.push_str(" characters");
            }
        }
        out
    }
}

impl fmt::Display for PhoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for PhoneError {}

/// The head of the `INVALID_CHARACTER` messages: `invalid character 'x' at position 3`.
fn push_character_at(out: &mut String, label: &str, character: char, position: usize) {
    out.push_str(label);
    push_shown(out, character);
    out.push_str(" at position ");
    push_decimal(out, position);
}

/// The head of the `TOO_SHORT` and `TOO_LONG` messages:
/// `national number for +44 has 9 digits; `.
fn push_national_digits(out: &mut String, calling_code: u16, digits: usize) {
    out.push_str("national number for +");
    push_decimal(out, calling_code);
    out.push_str(" has ");
    push_decimal(out, digits);
    out.push_str(" digits; ");
}

/// A character in a message: `'x'`, or `U+001B` for a control character.
/// (Not `{:?}`: Debug escaping brings Unicode printability tables into the wasm.)
fn push_shown(out: &mut String, c: char) {
    if c.is_control() {
        push_code_point(out, c);
    } else {
        out.push('\'');
        out.push(c);
        out.push('\'');
    }
}

impl PhoneError {
    /// The character index of the offending character (or extension
    /// marker), for `INVALID_CHARACTER`.
    pub fn position(&self) -> Option<usize> {
        match self {
            Self::InvalidCharacter { position, .. }
            | Self::ExtensionNotAllowed { position, .. } => Some(*position),
            _ => None,
        }
    }
}

/// Calling-code digits as typed or passed, leading zeros kept (`+0`, `+999`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CodeDigits {
    digits: [u8; 5],
    len: u8,
}

impl CodeDigits {
    /// Keeps the first (at most five) ASCII digits of `digits`.
    pub(crate) fn new(digits: &[u8]) -> Self {
        let mut out = [b'0'; 5];
        let mut len = 0u8;
        for (slot, &d) in out.iter_mut().zip(digits) {
            *slot = d;
            len += 1;
        }
        Self { digits: out, len }
    }

    /// Formats a numeric code (a calling code, or a default calling code
    /// passed by the caller) in decimal, through `itoa` like every integer
    /// this crate writes.
    pub(crate) fn from_number(code: u16) -> Self {
        Self::new(itoa::Buffer::new().format(code).as_bytes())
    }

    /// The digits as text.
    pub fn as_str(&self) -> &str {
        let digits = self.digits.get(..usize::from(self.len)).unwrap_or(&[]);
        std::str::from_utf8(digits).unwrap_or("")
    }
}

impl fmt::Display for CodeDigits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
