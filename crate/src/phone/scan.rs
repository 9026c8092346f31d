//! Reads what people type into a phone field: digits (ASCII, full-width,
//! Arabic-Indic), a leading `+`, and separators. No allocation.

use super::error::{PhoneError, MAX_INPUT_CHARS};

/// Digits kept from the input: enough for `00`, a 3-digit calling code, a
/// trunk prefix and a 15-digit number; more is rejected as `TOO_LONG`.
pub(crate) const MAX_DIGITS: usize = 24;

/// The digits of an input and whether it started with `+`.
pub(crate) struct Scanned {
    digits: [u8; MAX_DIGITS],
    len: usize,
    /// The input started with `+` (after optional whitespace).
    pub(crate) plus: bool,
}

impl Scanned {
    /// The ASCII digits, in order.
    pub(crate) fn digits(&self) -> &[u8] {
        self.digits.get(..self.len).unwrap_or(&[])
    }
}

/// What one input character is.
enum Class {
    Digit(u8),
    Plus,
    Space,
    Separator,
    Invalid,
}

/// Classifies one character. Accepted separators are libphonenumber's
/// punctuation set (`VALID_PUNCTUATION`: dashes, slashes, dots, spaces,
/// brackets, tildes and their full-width forms), so inputs it accepts are
/// accepted here too. A `~` that starts an extension (`+44 7911 123456~12`)
/// never reaches the scanner: [`split_extension`](super::extension) takes
/// it off first, as libphonenumber-js does, so here it is punctuation.
fn classify(c: char) -> Class {
    match c {
        '0'..='9' => Class::Digit(c as u8),
        ' ' | '\u{00A0}' | '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{3000}' => Class::Space,
        '-' | '.' | '(' | ')' | '/' | '[' | ']' => Class::Separator,
        '+' | '\u{FF0B}' => Class::Plus,
        '~'
        | '\u{FF5E}'
        | '\u{2010}'..='\u{2015}'
        | '\u{2212}'
        | '\u{30FC}'
        | '\u{FF0D}'
        | '\u{FF0F}'
        | '\u{FF0E}'
        | '\u{FF08}'
        | '\u{FF09}'
        | '\u{FF3B}'
        | '\u{FF3D}'
        | '\u{2053}'
        | '\u{223C}' => Class::Separator,
        _ => digit_value(c).map_or(Class::Invalid, Class::Digit),
    }
}

/// The ASCII digit for a digit character: ASCII, full-width, Arabic-Indic or
/// Extended Arabic-Indic (libphonenumber's `VALID_DIGITS`).
pub(crate) fn digit_value(c: char) -> Option<u8> {
    let zero = match c {
        '0'..='9' => '0',
        '\u{FF10}'..='\u{FF19}' => '\u{FF10}',
        '\u{0660}'..='\u{0669}' => '\u{0660}',
        '\u{06F0}'..='\u{06F9}' => '\u{06F0}',
        _ => return None,
    };
    u8::try_from(u32::from(c) - u32::from(zero))
        .ok()
        .map(|offset| b'0' + offset)
}

/// Collects the digits of `input`, rejecting anything that is not a digit, a
/// separator, or a `+` before everything but whitespace.
pub(crate) fn scan(input: &str) -> Result<Scanned, PhoneError> {
    let mut out = Scanned {
        digits: [0; MAX_DIGITS],
        len: 0,
        plus: false,
    };
    let mut count = 0usize;
    let mut plus_allowed = true;
    for (position, character) in input.chars().enumerate() {
        if position >= MAX_INPUT_CHARS {
            return Err(PhoneError::InputTooLong);
        }
        match classify(character) {
            Class::Digit(d) => {
                if let Some(slot) = out.digits.get_mut(count) {
                    *slot = d;
                }
                count += 1;
                plus_allowed = false;
            }
            Class::Space => {}
            Class::Separator => plus_allowed = false,
            Class::Plus if plus_allowed => {
                out.plus = true;
                plus_allowed = false;
            }
            Class::Plus | Class::Invalid => {
                return Err(PhoneError::InvalidCharacter {
                    character,
                    position,
                })
            }
        }
    }
    if count == 0 && !out.plus {
        return Err(PhoneError::Empty);
    }
    if count > MAX_DIGITS {
        return Err(PhoneError::ExceedsE164 { digits: count });
    }
    out.len = count;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    fn digits(input: &str) -> Result<(bool, String), &'static str> {
        scan(input)
            .map(|s| (s.plus, String::from_utf8_lossy(s.digits()).into_owned()))
            .map_err(|e| e.code())
    }

    #[test]
    fn accepted_formats() {
        let cases: &[(&str, bool, &str)] = &[
            ("+44 20 7946 0000", true, "442079460000"),
            ("  +1 (212) 555-1234", true, "12125551234"),
            ("0044.20.7946.0000", false, "00442079460000"),
            ("020/7946\u{2053}0000", false, "02079460000"),
            ("[020] 7946-0000 ", false, "02079460000"),
            // Tildes are punctuation where no extension starts.
            ("020~7946～0000∼1⁓2", false, "0207946000012"),
            ("＋４４ ２０", true, "4420"),
            ("+٤٤٢٠", true, "4420"),
            ("+۴۴۲۰", true, "4420"),
            (
                "+44\u{00A0}20\u{2011}7946\u{2212}0000",
                true,
                "442079460000",
            ),
            ("+", true, ""),
        ];
        for &(input, plus, want) in cases {
            assert_eq!(digits(input), Ok((plus, want.to_owned())), "{input:?}");
        }
    }

    #[test]
    fn rejected_inputs_with_positions() {
        let cases: &[(&str, &str, Option<usize>)] = &[
            ("", "EMPTY", None),
            ("   ", "EMPTY", None),
            ("()-", "EMPTY", None),
            ("+44 20 x", "INVALID_CHARACTER", Some(7)),
            ("++44", "INVALID_CHARACTER", Some(1)),
            ("44+20", "INVALID_CHARACTER", Some(2)),
            ("(+44) 20", "INVALID_CHARACTER", Some(1)),
            ("+44\t20", "INVALID_CHARACTER", Some(3)),
            ("é+44", "INVALID_CHARACTER", Some(0)),
            ("+44 20 ✓", "INVALID_CHARACTER", Some(7)),
            ("😀😀1", "INVALID_CHARACTER", Some(0)),
            ("1😀", "INVALID_CHARACTER", Some(1)),
            ("+4420\n", "INVALID_CHARACTER", Some(5)),
            // Extension markers other than `~` are not separators.
            ("020/7946#0000", "INVALID_CHARACTER", Some(8)),
            ("+44 7911 123456,1", "INVALID_CHARACTER", Some(15)),
            ("+44 7911 123456 x1", "INVALID_CHARACTER", Some(16)),
        ];
        for &(input, code, position) in cases {
            let err = scan(input)
                .err()
                .unwrap_or_else(|| panic!("{input:?} accepted"));
            assert_eq!((err.code(), err.position()), (code, position), "{input:?}");
        }
    }

    #[test]
    fn huge_inputs_bail_early() {
        let spaces = " ".repeat(MAX_INPUT_CHARS + 1);
        assert_eq!(scan(&spaces).err(), Some(PhoneError::InputTooLong));
        let digits = "1".repeat(MAX_DIGITS + 1);
        assert_eq!(
            scan(&digits).err(),
            Some(PhoneError::ExceedsE164 { digits: 25 })
        );
        let fits = format!("{}{}", " ".repeat(MAX_INPUT_CHARS - 2), "12");
        assert!(scan(&fits).is_ok());
        // An invalid character beyond the limit is never reached.
        let late = format!("{}x", "1 ".repeat(MAX_INPUT_CHARS));
        assert_eq!(scan(&late).err(), Some(PhoneError::InputTooLong));
    }
}
