use super::*;

const K: &str = "2DbBs7GWhGvVNJGrDXr5RG0mBWI";

#[test]
fn parses_every_kind_with_and_without_test() {
    let cases: &[(&str, IdKind, bool)] = &[
        (
            "wapn_2DbBs7GWhGvVNJGrDXr5RG0mBWI",
            IdKind::PhoneNumber,
            false,
        ),
        (
            "wapn_test_2DbBs7GWhGvVNJGrDXr5RG0mBWI",
            IdKind::PhoneNumber,
            true,
        ),
        (
            "wabp_2DbBs7GWhGvVNJGrDXr5RG0mBWI",
            IdKind::BusinessProfile,
            false,
        ),
        (
            "wabp_test_2DbBs7GWhGvVNJGrDXr5RG0mBWI",
            IdKind::BusinessProfile,
            true,
        ),
        ("app_2DbBs7GWhGvVNJGrDXr5RG0mBWI", IdKind::App, false),
        ("app_test_2DbBs7GWhGvVNJGrDXr5RG0mBWI", IdKind::App, true),
    ];
    for &(input, kind, test) in cases {
        let id = parse_id(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!((id.kind(), id.is_test()), (kind, test), "{input}");
        assert_eq!(id.ksuid().to_string(), K);
        assert_eq!(id.timestamp(), 1_660_958_107);
        assert_eq!(id.to_string(), input, "Display round-trips");
        assert_eq!(is_phone_number_id(input), kind == IdKind::PhoneNumber);
        assert_eq!(
            is_business_profile_id(input),
            kind == IdKind::BusinessProfile
        );
        assert_eq!(is_app_id(input), kind == IdKind::App);
    }
}

#[test]
fn rejects_with_stable_codes() {
    let cases: &[(&str, &str, Option<&str>, Option<usize>)] = &[
        ("", "UNKNOWN_PREFIX", None, None),
        ("2DbBs7GWhGvVNJGrDXr5RG0mBWI", "UNKNOWN_PREFIX", None, None),
        (
            "WAPN_2DbBs7GWhGvVNJGrDXr5RG0mBWI",
            "UNKNOWN_PREFIX",
            None,
            None,
        ),
        (
            "wapn2DbBs7GWhGvVNJGrDXr5RG0mBWI",
            "UNKNOWN_PREFIX",
            None,
            None,
        ),
        (
            "wapn-2DbBs7GWhGvVNJGrDXr5RG0mBWI",
            "UNKNOWN_PREFIX",
            None,
            None,
        ),
        (
            "wa_2DbBs7GWhGvVNJGrDXr5RG0mBWI",
            "UNKNOWN_PREFIX",
            None,
            None,
        ),
        (
            " wapn_2DbBs7GWhGvVNJGrDXr5RG0mBWI",
            "UNKNOWN_PREFIX",
            None,
            None,
        ),
        (
            "sk_admin_2DbBs7GWhGvVNJGrDXr5RG0mBWI",
            "UNKNOWN_PREFIX",
            None,
            None,
        ),
        ("wapn_", "INVALID_KSUID", Some("INVALID_LENGTH"), None),
        ("wapn_test_", "INVALID_KSUID", Some("INVALID_LENGTH"), None),
        (
            "wapn_2DbBs7GWhGvVNJGrDXr5RG0mBW",
            "INVALID_KSUID",
            Some("INVALID_LENGTH"),
            None,
        ),
        (
            "wapn_2DbBs7GWhGvVNJGrDXr5RG0mBWI ",
            "INVALID_KSUID",
            Some("INVALID_LENGTH"),
            None,
        ),
        (
            "wapn_TEST_2DbBs7GWhGvVNJGrDXr5RG0mBWI",
            "INVALID_KSUID",
            Some("INVALID_LENGTH"),
            None,
        ),
        (
            "wapn_test_test_2DbBs7GWhGvVNJGrDXr5RG0mBWI",
            "INVALID_KSUID",
            Some("INVALID_LENGTH"),
            None,
        ),
        (
            "wapn_2DbBs7GWhGvVNJGrDXr5RG0mBW!",
            "INVALID_KSUID",
            Some("INVALID_CHARACTER"),
            Some(31),
        ),
        (
            "app_test_2DbBs7GWhGvVNJGrDXr5RG0mBW!",
            "INVALID_KSUID",
            Some("INVALID_CHARACTER"),
            Some(35),
        ),
        (
            "wabp_aWgEPTl1tmebfsQzFP4bxwgy80W",
            "INVALID_KSUID",
            Some("OUT_OF_RANGE"),
            None,
        ),
    ];
    for &(input, code, reason, position) in cases {
        let err = parse_id(input).expect_err(input);
        assert_eq!(err.code(), code, "{input:?}");
        assert_eq!(err.reason(), reason, "{input:?}");
        assert_eq!(err.position(), position, "{input:?}");
        assert!(!is_phone_number_id(input) && !is_business_profile_id(input) && !is_app_id(input));
    }
}

#[test]
fn position_points_into_the_whole_input() {
    let input = "wapn_test_2DbBs7GWhGvVNJGrDXr5RG0mBW!";
    let err = parse_id(input).unwrap_err();
    assert_eq!(input.chars().nth(err.position().unwrap()), Some('!'));
}

#[test]
fn messages_carry_the_ksuid_reason_but_never_the_input() {
    let err = parse_id("wapn_secretsecretsecret").unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("wapn_") && msg.contains("27 characters"),
        "{msg}"
    );
    assert!(!msg.contains("secret"), "{msg}");
    let err = parse_id("sk_admin_secretsecret").unwrap_err();
    assert!(!err.to_string().contains("secret"));
}

#[test]
fn serializes_to_the_js_shape() {
    let id = parse_id("wapn_test_2DbBs7GWhGvVNJGrDXr5RG0mBWI").unwrap();
    assert_eq!(
        serde_json::to_value(id).unwrap(),
        serde_json::json!({
            "kind": "phone_number",
            "test": true,
            "ksuid": K,
            "timestamp": 1_660_958_107u64,
        })
    );
    assert_eq!(
        serde_json::to_value(IdKind::BusinessProfile).unwrap(),
        "business_profile"
    );
    for kind in IdKind::ALL {
        assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
    }
}

#[test]
fn borrowed_parse_serializes_like_the_id() {
    for input in [
        "wapn_test_2DbBs7GWhGvVNJGrDXr5RG0mBWI",
        "wabp_000000000000000000000000000",
        "app_aWgEPTl1tmebfsQzFP4bxwgy80V",
    ] {
        let parsed = parse_borrowed(input).unwrap();
        assert_eq!(parsed.ksuid, parsed.id.ksuid().to_string(), "{input}");
        assert_eq!(
            serde_json::to_string(&parsed).unwrap(),
            serde_json::to_string(&parse_id(input).unwrap()).unwrap()
        );
    }
    assert_eq!(
        parse_borrowed("wapn_2DbBs7GWhGvVNJGrDXr5RG0mBW!").unwrap_err(),
        parse_id("wapn_2DbBs7GWhGvVNJGrDXr5RG0mBW!").unwrap_err()
    );
}

#[test]
fn new_formats_like_the_platform() {
    let k = Ksuid::parse(K).unwrap();
    assert_eq!(
        PlatformId::new(IdKind::PhoneNumber, true, k).to_string(),
        format!("wapn_test_{K}")
    );
    assert_eq!(
        PlatformId::new(IdKind::App, false, k).to_string(),
        format!("app_{K}")
    );
}

#[cfg(not(target_arch = "wasm32"))]
mod props {
    use super::*;
    use proptest::prelude::*;

    fn kind() -> impl Strategy<Value = IdKind> {
        prop_oneof![
            Just(IdKind::PhoneNumber),
            Just(IdKind::BusinessProfile),
            Just(IdKind::App)
        ]
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC*") {
            let _ = parse_id(&s);
        }

        #[test]
        fn never_panics_after_a_valid_prefix(p in "(wapn|wabp|app)_(test_)?", s in "\\PC{0,40}") {
            let input = format!("{p}{s}");
            if let Err(e) = parse_id(&input) {
                prop_assert_eq!(e.code(), "INVALID_KSUID");
            }
        }

        #[test]
        fn display_round_trips(kind in kind(), test in any::<bool>(), bytes in proptest::array::uniform20(any::<u8>())) {
            let id = PlatformId::new(kind, test, Ksuid::from_bytes(bytes));
            prop_assert_eq!(parse_id(&id.to_string()), Ok(id));
        }
    }
}
