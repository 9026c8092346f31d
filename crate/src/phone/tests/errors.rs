//! Every error code, its variant, position and message.

use crate::phone::{parse, PhoneError, MAX_INPUT_CHARS};
use crate::ErrorCode;

/// (input, default calling code, code, position)
const REJECTED: &[(&str, Option<u16>, &str, Option<usize>)] = &[
    ("", None, "EMPTY", None),
    ("   ", Some(44), "EMPTY", None),
    ("( ) -", None, "EMPTY", None),
    ("abc", None, "INVALID_CHARACTER", Some(0)),
    ("+44 20 7946 000a", None, "INVALID_CHARACTER", Some(15)),
    // A label without digits after it is no extension; digits after the
    // extension are not one either.
    ("+44 20 7946 0000 ext", None, "INVALID_CHARACTER", Some(17)),
    (
        "+44 20 7946 0000 ext 12 3",
        None,
        "INVALID_CHARACTER",
        Some(17),
    ),
    ("+442079460000#", None, "INVALID_CHARACTER", Some(13)),
    // `- 503#` takes up to six digits after a blank as the extension.
    ("+44 20 7946 0000#", None, "TOO_SHORT", None),
    (
        "+44 20 7946 0000 x 1234567890",
        None,
        "INVALID_CHARACTER",
        Some(17),
    ),
    // What comes before an extension is still checked.
    ("+44 20 7946 000a x12", None, "INVALID_CHARACTER", Some(15)),
    ("+44 7911 x 123456", None, "TOO_SHORT", None),
    ("+44 20 ✓ 7946", None, "INVALID_CHARACTER", Some(7)),
    ("+44 20 😀", None, "INVALID_CHARACTER", Some(7)),
    ("😀+44", None, "INVALID_CHARACTER", Some(0)),
    ("++44 20", None, "INVALID_CHARACTER", Some(1)),
    ("44+20", Some(44), "INVALID_CHARACTER", Some(2)),
    ("+44\t20 7946 0000", None, "INVALID_CHARACTER", Some(3)),
    ("+44 20 7946 0000\n", None, "INVALID_CHARACTER", Some(16)),
    ("7911 123456", None, "MISSING_PLUS", None),
    ("0", None, "MISSING_PLUS", None),
    ("+999 123 456", None, "UNKNOWN_CALLING_CODE", None),
    ("+0 20 7946 0000", None, "UNKNOWN_CALLING_CODE", None),
    ("000 20 7946 0000", None, "UNKNOWN_CALLING_CODE", None),
    ("+28 1234", None, "UNKNOWN_CALLING_CODE", None),
    ("7911 123456", Some(999), "UNKNOWN_CALLING_CODE", None),
    ("7911 123456", Some(0), "UNKNOWN_CALLING_CODE", None),
    ("+", None, "TOO_SHORT", None),
    ("00", None, "TOO_SHORT", None),
    ("+8", None, "TOO_SHORT", None),
    ("+88", None, "TOO_SHORT", None),
    ("+44", None, "TOO_SHORT", None),
    ("+44 791112", None, "TOO_SHORT", None),
    ("+44 7911 1234", None, "TOO_SHORT", None), // 8 digits, between 7 and 9
    ("+1 212 555 123", None, "TOO_SHORT", None),
    ("0", Some(44), "TOO_SHORT", None),
    ("+44 7911 1234567", None, "TOO_LONG", None),
    ("+241 0 63 12 34 56", None, "TOO_LONG", None), // 0 kept before 63
    ("+241 011 12 34 567", None, "TOO_LONG", None), // 0 dropped, 9 digits left
    ("+1 212 555 12345", None, "TOO_LONG", None),
    ("+800 1234 56789", None, "TOO_LONG", None),
    ("+49 1234 5678 9012 34", None, "TOO_LONG", None), // 16 digits in all
    ("1234567890123456789012345", None, "TOO_LONG", None),
];

#[test]
fn every_error_code_with_its_position() {
    for &(input, default, code, position) in REJECTED {
        match parse(input, default) {
            Ok(n) => panic!("{input:?} accepted as {n}"),
            Err(e) => assert_eq!((e.code(), e.position()), (code, position), "{input:?}: {e}"),
        }
    }
}

#[test]
fn huge_inputs_are_rejected_without_reading_them_all() {
    let long = format!("+44 {}", "1".repeat(10_000));
    assert_eq!(parse(&long, None), Err(PhoneError::InputTooLong));
    let spaces = format!("+44 7911 123456{}", " ".repeat(MAX_INPUT_CHARS));
    assert_eq!(parse(&spaces, None).map_err(|e| e.code()), Err("TOO_LONG"));
    let fits = format!("+44 7911 123456{}", " ".repeat(MAX_INPUT_CHARS - 16));
    assert!(parse(&fits, None).is_ok());
}

#[test]
fn messages_state_the_limit() {
    let cases: &[(&str, &str)] = &[
        ("", "phone number is empty"),
        (
            "+44 7911 12345a",
            "invalid character 'a' at position 14; only digits, spaces, dashes, dots, \
             parentheses and a leading '+' are allowed",
        ),
        (
            "+44 7911 é",
            "invalid character 'é' at position 9; only digits, spaces, dashes, dots, \
             parentheses and a leading '+' are allowed",
        ),
        (
            "+44\u{1b}7911",
            "invalid character U+001B at position 3; only digits, spaces, dashes, dots, \
             parentheses and a leading '+' are allowed",
        ),
        (
            "7911",
            "phone number needs a leading '+' (or '00') and a country calling code, \
             or a default calling code",
        ),
        ("+999 1234", "+999 is not an assigned country calling code"),
        ("+0 1234", "+0 is not an assigned country calling code"),
        (
            "+4",
            "phone number ends before its country calling code is complete",
        ),
        (
            "+44 791112",
            "national number for +44 has 6 digits; at least 7 are needed",
        ),
        (
            "+44 7911 1234",
            "national number for +44 has 8 digits; +44 numbers have 7, 9 or 10 digits",
        ),
        (
            "+44 7911 1234567",
            "national number for +44 has 11 digits; at most 10 are allowed",
        ),
        (
            "+49 1234 5678 9012 34",
            "phone number has 16 digits; E.164 allows at most 15",
        ),
        (
            "+870 1234 5678 90",
            "national number for +870 has 10 digits; +870 numbers have 9 or 12 digits",
        ),
    ];
    for &(input, message) in cases {
        let err = parse(input, None).err().map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some(message), "{input:?}");
    }
    let unknown_default = parse("1234", Some(1234)).err().map(|e| e.to_string());
    assert_eq!(
        unknown_default.as_deref(),
        Some("+1234 is not an assigned country calling code")
    );
}
