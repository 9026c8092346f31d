//! Extensions: every syntax libphonenumber-js reads, where it is cut, and
//! the refusal for WhatsApp fields.

use crate::phone::{
    is_e164, is_e164_batch, parse, parse_without_extension, to_meta_phone_params, PhoneError,
    EXTENSION_MAX_DIGITS,
};
use crate::ErrorCode;

/// (input, default calling code, e164, extension, marker position)
const WITH_EXTENSION: &[(&str, Option<u16>, &str, &str, usize)] = &[
    // RFC 3966.
    ("+1 212 555 1234;ext=12", None, "+12125551234", "12", 15),
    ("+12125551234;ext=123", None, "+12125551234", "123", 12),
    // Explicit labels, any case, optional `.`/`:` and blanks, commas, dashes.
    ("+44 7911 123456 ext 12", None, "+447911123456", "12", 16),
    ("+44 7911 123456 ext. 12", None, "+447911123456", "12", 16),
    ("+44 7911 123456 Ext: 12", None, "+447911123456", "12", 16),
    ("+44 7911 123456 EXTN-12", None, "+447911123456", "12", 16),
    (
        "+44 7911 123456, extension 12",
        None,
        "+447911123456",
        "12",
        17,
    ),
    (
        "+34 912 345 678 extensión 12",
        None,
        "+34912345678",
        "12",
        16,
    ),
    ("+34 912 345 678 anexo 12", None, "+34912345678", "12", 16),
    ("+7 916 123-45-67 доб. 123", None, "+79161234567", "123", 17),
    (
        "+44 7911 123456 ｅｘｔ１２",
        None,
        "+447911123456",
        "12",
        16,
    ),
    (
        "+44 7911 123456 ext 12345678901234567890",
        None,
        "+447911123456",
        "12345678901234567890",
        16,
    ),
    // Ambiguous markers: x, #, ~, int (and full-width forms).
    ("+44 7911 123456 x12", None, "+447911123456", "12", 16),
    ("+44 7911 123456X12", None, "+447911123456", "12", 15),
    (
        "+44 7911 123456 x 123456789",
        None,
        "+447911123456",
        "123456789",
        16,
    ),
    ("+44 7911 123456#12", None, "+447911123456", "12", 15),
    ("+44 7911 123456 #12#", None, "+447911123456", "12", 16),
    ("+44 7911 123456~12", None, "+447911123456", "12", 15),
    ("+44 7911 123456～12", None, "+447911123456", "12", 15),
    ("+44 7911 123456 int 12", None, "+447911123456", "12", 16),
    // Auto-dialling: `,,` or `;` (up to 15 digits), `,` (up to 9).
    ("+44 7911 123456,,12", None, "+447911123456", "12", 15),
    ("+44 7911 123456;12", None, "+447911123456", "12", 15),
    (
        "+44 7911 123456;123456789012345",
        None,
        "+447911123456",
        "123456789012345",
        15,
    ),
    ("+44 7911 123456,12", None, "+447911123456", "12", 15),
    ("+44 7911 123456 , 12", None, "+447911123456", "12", 16),
    // American style: up to six digits after a dash or blank, then `#`.
    ("+1 (645) 123-1234-910#", None, "+16451231234", "910", 21),
    ("(645) 123-1234 910#", Some(1), "+16451231234", "910", 18),
    // National numbers, `00`, full-width and Arabic-Indic digits.
    ("07911 123456 x12", Some(44), "+447911123456", "12", 13),
    ("0044 7911 123456 x12", None, "+447911123456", "12", 17),
    (
        "＋４４ ７９１１ １２３４５６ x１２",
        None,
        "+447911123456",
        "12",
        16,
    ),
    ("+44 7911 123456 x٠١٢", None, "+447911123456", "012", 16),
];

#[test]
fn every_extension_syntax_parses_to_the_number_and_its_extension() {
    for &(input, default, e164, extension, _) in WITH_EXTENSION {
        let n = parse(input, default).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(
            (n.e164(), n.extension()),
            (e164, Some(extension)),
            "{input:?}"
        );
        assert_eq!(n.to_string(), e164, "Display is the E.164 alone");
        assert!(!is_e164(input), "{input:?}");
    }
}

#[test]
fn whatsapp_fields_refuse_extensions_at_the_marker() {
    for &(input, default, _, _, position) in WITH_EXTENSION {
        let err = parse_without_extension(input, default).expect_err(input);
        assert!(
            matches!(err, PhoneError::ExtensionNotAllowed { .. }),
            "{input:?}: {err}"
        );
        assert_eq!(
            (err.code(), err.position()),
            ("INVALID_CHARACTER", Some(position)),
            "{input:?}"
        );
        if default.is_none() {
            assert_eq!(to_meta_phone_params(input).err(), Some(err), "{input:?}");
        }
    }
    assert_eq!(
        to_meta_phone_params("+44 7911 123456 ext. 12")
            .err()
            .map(|e| e.to_string()),
        Some(
            "extension marker 'e' at position 16: WhatsApp numbers cannot have extensions; \
             remove it and the digits after it"
                .to_owned()
        )
    );
    assert_eq!(
        to_meta_phone_params("+1 645 123 1234 910#").err(),
        Some(PhoneError::ExtensionNotAllowed {
            character: '#',
            position: 19
        })
    );
    // The number's own errors come first.
    assert_eq!(
        to_meta_phone_params("+44 7911 x12").map_err(|e| e.code()),
        Err("TOO_SHORT")
    );
    assert_eq!(
        to_meta_phone_params("7911 123456 x12").map_err(|e| e.code()),
        Err("MISSING_PLUS")
    );
    // Without an extension, nothing changes.
    assert_eq!(
        parse_without_extension("+44 7911 123456", None),
        parse("+44 7911 123456", None)
    );
}

#[test]
fn tildes_are_punctuation_where_no_extension_starts() {
    // Before the final run of at most nine digits, `~` is an extension
    // marker: `+44~7911~123456` is `+44 7911` with extension 123456.
    assert_eq!(
        parse("+44~7911~123456", None).map_err(|e| e.code()),
        Err("TOO_SHORT")
    );
    let cases: &[(&str, Option<u16>, &str)] = &[
        ("+66~81~234 5678", None, "+66812345678"),
        ("+44~7911 123456", None, "+447911123456"),
        ("+44 7911 123456～", None, "+447911123456"),
        // Ten digits after `~`: too many for an extension.
        ("+66~8141234567", None, "+668141234567"),
    ];
    for &(input, default, e164) in cases {
        let n = parse(input, default).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!((n.e164(), n.extension()), (e164, None), "{input:?}");
    }
}

#[test]
fn extension_limits() {
    // 21 digits after `ext`: no extension, so `e` is an invalid character.
    let input = format!(
        "+44 7911 123456 ext {}",
        "1".repeat(EXTENSION_MAX_DIGITS + 1)
    );
    assert_eq!(
        parse(&input, None).map_err(|e| (e.code(), e.position())),
        Err(("INVALID_CHARACTER", Some(16)))
    );
    // The 256-character limit counts the extension too.
    let padded = |blanks: usize| format!("+44 7911 123456{}x12", " ".repeat(blanks));
    assert!(parse(&padded(256 - 18), None).is_ok());
    assert_eq!(
        parse(&padded(256 - 17), None),
        Err(PhoneError::InputTooLong)
    );
}

#[test]
fn canonical_checks_stay_strict() {
    assert!(!is_e164("+447911123456;ext=12"));
    assert!(!is_e164("+447911123456#12"));
    assert_eq!(
        is_e164_batch("+447911123456\n+447911123456;ext=1\n+447911123456 x1\n"),
        vec![1, 0, 0]
    );
}

#[test]
fn serialized_only_when_present() {
    let with = parse("+44 7911 123456 x12", None).expect("valid");
    assert_eq!(
        serde_json::to_string(&with).ok().as_deref(),
        Some(
            r#"{"e164":"+447911123456","callingCode":44,"nationalNumber":"7911123456","regions":["GB","GG","IM","JE"],"extension":"12"}"#
        )
    );
    let without = parse("+44 7911 123456", None).expect("valid");
    assert!(!serde_json::to_string(&without)
        .unwrap_or_default()
        .contains("extension"));
}
