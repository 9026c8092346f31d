//! Accepted inputs: formats, shared calling codes, trunk prefixes, limits.

use crate::phone::{is_e164, is_e164_batch, parse, to_meta_phone_params};

/// (input, default calling code, e164, calling code, national number)
const ACCEPTED: &[(&str, Option<u16>, &str, u16, &str)] = &[
    // Formats people type.
    ("+447911123456", None, "+447911123456", 44, "7911123456"),
    ("+44 7911 123456", None, "+447911123456", 44, "7911123456"),
    ("+44-7911-123-456", None, "+447911123456", 44, "7911123456"),
    ("+44.7911.123.456", None, "+447911123456", 44, "7911123456"),
    ("+44 (7911) 123456", None, "+447911123456", 44, "7911123456"),
    (
        "  +44 7911 123456 ",
        None,
        "+447911123456",
        44,
        "7911123456",
    ),
    ("0044 7911 123456", None, "+447911123456", 44, "7911123456"),
    (
        "00 44 7911 123456",
        Some(1),
        "+447911123456",
        44,
        "7911123456",
    ),
    ("+1 (212) 555-1234", None, "+12125551234", 1, "2125551234"),
    ("+1.212.555.1234", None, "+12125551234", 1, "2125551234"),
    (
        "＋１ ２１２ ５５５ １２３４",
        None,
        "+12125551234",
        1,
        "2125551234",
    ),
    ("+٩٧١٥٠١٢٣٤٥٦٧", None, "+971501234567", 971, "501234567"),
    // A trunk prefix written after the calling code is dropped.
    (
        "+44 (0)20 7946 0000",
        None,
        "+442079460000",
        44,
        "2079460000",
    ),
    ("+49 (0)30 1234567", None, "+49301234567", 49, "301234567"),
    ("+1 1 212 555 1234", None, "+12125551234", 1, "2125551234"),
    ("+7 8 916 123-45-67", None, "+79161234567", 7, "9161234567"),
    // ... but kept where a national number may start with it (Russia's 8xx).
    ("+7 800 555 35 35", None, "+78005553535", 7, "8005553535"),
    // Where only some national numbers start with the trunk prefix (India's
    // toll-free 000800…, Japan's and Korea's 00…), others drop it like
    // libphonenumber-js does: national and after the calling code.
    ("090-1234-5678", Some(81), "+819012345678", 81, "9012345678"),
    ("+81 090 1234 5678", None, "+819012345678", 81, "9012345678"),
    ("08123456789", Some(91), "+918123456789", 91, "8123456789"),
    ("010-2000-0000", Some(82), "+821020000000", 82, "1020000000"),
    ("0 812 345 678", Some(62), "+62812345678", 62, "812345678"),
    ("+62 0812 345 678", None, "+62812345678", 62, "812345678"),
    ("0 81 234 5678", Some(66), "+66812345678", 66, "812345678"),
    ("094 231 234", Some(598), "+59894231234", 598, "94231234"),
    (
        "8 029 123 45 67",
        Some(375),
        "+375291234567",
        375,
        "291234567",
    ),
    (
        "+91 000800 1234567",
        None,
        "+910008001234567",
        91,
        "0008001234567",
    ),
    ("8 800 555 35 35", Some(7), "+78005553535", 7, "8005553535"),
    // Gabon drops its 0 only before 11, 60-62, 65, 66, 74, 76, 77 (and
    // six more digits); elsewhere the 0 belongs to the number.
    ("+241 0 11 12 34 56", None, "+24111123456", 241, "11123456"),
    ("+241 0 60 12 34 56", None, "+24160123456", 241, "60123456"),
    ("0 74 12 34 56", Some(241), "+24174123456", 241, "74123456"),
    ("+241 0 77 12 34 5", None, "+24107712345", 241, "07712345"),
    ("06 12 34 56", Some(241), "+24106123456", 241, "06123456"),
    ("+241 01 23 45 67", None, "+24101234567", 241, "01234567"),
    // Italy has no trunk prefix: the 0 belongs to the number.
    ("+39 06 1234 5678", None, "+390612345678", 39, "0612345678"),
    // National numbers with a default calling code.
    ("07911 123456", Some(44), "+447911123456", 44, "7911123456"),
    ("(212) 555-1234", Some(1), "+12125551234", 1, "2125551234"),
    (
        "8 (916) 123-45-67",
        Some(7),
        "+79161234567",
        7,
        "9161234567",
    ),
    ("030 1234567", Some(49), "+49301234567", 49, "301234567"),
    // An international number typed without `+`, too long to be national.
    ("447911123456", Some(44), "+447911123456", 44, "7911123456"),
    // `+` wins over the default.
    (
        "+33 6 12 34 56 78",
        Some(44),
        "+33612345678",
        33,
        "612345678",
    ),
    // Shared and non-geographic codes.
    ("+1 310 1234", None, "+13101234", 1, "3101234"),
    ("+7 701 123 4567", None, "+77011234567", 7, "7011234567"),
    ("+44 7624 123456", None, "+447624123456", 44, "7624123456"),
    ("+800 1234 5678", None, "+80012345678", 800, "12345678"),
    ("+882 1234 5678", None, "+88212345678", 882, "12345678"),
    ("+979 123 456 789", None, "+979123456789", 979, "123456789"),
    // A local number gets its area code (Madagascar: 20 + 7 digits).
    ("+261 234 5678", None, "+261202345678", 261, "202345678"),
    // Exactly 15 digits.
    (
        "+49 1234 5678 9012 3",
        None,
        "+491234567890123",
        49,
        "1234567890123",
    ),
];

#[test]
fn accepted_inputs_parse_to_canonical_e164() {
    for &(input, default, e164, code, national) in ACCEPTED {
        let n = parse(input, default).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(
            (n.e164(), n.calling_code(), n.national_number()),
            (e164, code, national),
            "{input:?}"
        );
        assert_eq!(n.to_string(), e164);
        // The canonical form is itself accepted and gives the same number.
        assert!(is_e164(e164), "{e164}");
        assert_eq!(parse(e164, None).as_ref(), Ok(&n), "{e164}");
    }
}

#[test]
fn regions_list_the_sharing_regions_main_first() {
    let cases: &[(&str, &[&str])] = &[
        ("+7 916 123 4567", &["RU", "KZ"]),
        ("+44 7911 123456", &["GB", "GG", "IM", "JE"]),
        ("+39 06 1234 5678", &["IT", "VA"]),
        ("+800 1234 5678", &["001"]),
        ("+33 6 12 34 56 78", &["FR"]),
    ];
    for &(input, regions) in cases {
        assert_eq!(
            parse(input, None).map(|n| n.regions()),
            Ok(regions),
            "{input}"
        );
    }
    let nanp = parse("+1 212 555 1234", None)
        .map(|n| n.regions())
        .unwrap_or(&[]);
    assert_eq!(nanp.len(), 25);
    assert_eq!(nanp.first(), Some(&"US"));
    assert!(nanp.contains(&"CA") && nanp.contains(&"JM"));
}

#[test]
fn is_e164_accepts_only_canonical_possible_numbers() {
    let cases: &[(&str, bool)] = &[
        ("+447911123456", true),
        ("+12125551234", true),
        ("+80012345678", true),
        ("+491234567890123", true),
        ("+4407911123456", true), // trunk prefix forgiven, like parse
        ("+44 7911 123456", false),
        ("447911123456", false),
        ("0044791112345", false),
        ("+", false),
        ("+1", false),
        ("", false),
        ("+4479111234", false),       // 8 national digits: +44 has 7, 9 or 10
        ("+4479111234567", false),    // 11 national digits
        ("+4912345678901234", false), // 16 digits
        ("+９９", false),
        ("+447911123456\n", false),
        (" +447911123456", false),
        ("+999123456789", false),
    ];
    for &(input, want) in cases {
        assert_eq!(is_e164(input), want, "{input:?}");
        if want {
            assert!(parse(input, None).is_ok());
        }
    }
}

#[test]
fn batch_gives_one_byte_per_line() {
    let cases: &[(&str, &[u8])] = &[
        ("", &[]),
        ("\n", &[0]),
        ("+447911123456", &[1]),
        ("+447911123456\n", &[1]),
        ("+447911123456\r\n", &[1]),
        ("+447911123456\n\n", &[1, 0]),
        ("+447911123456\r\n+44 7911\r\n+12125551234", &[1, 0, 1]),
        ("\r\n\r\n", &[0, 0]),
        ("x\n+12125551234\n+1212555123\n", &[0, 1, 0]),
        ("+447911123456\r", &[1]),
        ("+447911123456\r\r\n", &[0]),
    ];
    for &(text, want) in cases {
        assert_eq!(is_e164_batch(text), want, "{text:?}");
    }
}

#[test]
fn meta_params_split_calling_code_and_national_number() {
    let cases: &[(&str, &str, &str)] = &[
        ("+1 (212) 555-1234", "1", "2125551234"),
        ("+44 (0)20 7946 0000", "44", "2079460000"),
        ("0039 06 1234 5678", "39", "0612345678"),
        ("+800 1234 5678", "800", "12345678"),
    ];
    for &(input, cc, national) in cases {
        let p = to_meta_phone_params(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!((p.cc(), p.phone_number()), (cc, national), "{input}");
    }
    assert_eq!(
        to_meta_phone_params("7911123456").map_err(|e| crate::ErrorCode::code(&e)),
        Err("MISSING_PLUS")
    );
}

#[test]
fn serde_shapes() {
    let n = parse("+44 7911 123456", None).expect("valid");
    assert_eq!(
        serde_json::to_string(&n).ok().as_deref(),
        Some(
            r#"{"e164":"+447911123456","callingCode":44,"nationalNumber":"7911123456","regions":["GB","GG","IM","JE"]}"#
        )
    );
    let p = to_meta_phone_params("+1 212 555 1234").expect("valid");
    assert_eq!(
        serde_json::to_string(&p).ok().as_deref(),
        Some(r#"{"cc":"1","phone_number":"2125551234"}"#)
    );
}

#[test]
fn from_str_parses_without_default() {
    let n: Result<crate::phone::PhoneNumber, _> = "+33 6 12 34 56 78".parse();
    assert_eq!(n.map(|n| n.calling_code()), Ok(33));
}
