#![cfg(target_arch = "wasm32")]
//! Browser tests of the phone exports: `parsePhoneNumber`, `isE164`,
//! `toMetaPhoneParams`, `isE164Batch`, including the thrown error's `code`
//! and `position`.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use wa_signup::js::phone::{is_e164, is_e164_batch, parse_phone_number, to_meta_phone_params};

wasm_bindgen_test_configure!(run_in_browser);

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).expect("readable property")
}

fn s(v: &str) -> JsValue {
    JsValue::from_str(v)
}

/// The error thrown (returned as `Err`) by a call that must fail.
fn error_of(result: Result<JsValue, JsValue>) -> JsValue {
    match result {
        Ok(v) => panic!("expected an error, got {v:?}"),
        Err(e) => e,
    }
}

#[wasm_bindgen_test]
fn parse_returns_a_plain_object_with_the_four_fields() {
    let n = parse_phone_number(s("+44 (0)7911 123-456"), None).expect("valid");
    assert_eq!(
        Object::get_prototype_of(&n),
        Object::get_prototype_of(&Object::new()),
        "a plain object"
    );
    assert_eq!(
        get(&n, "e164").as_string().as_deref(),
        Some("+447911123456")
    );
    assert_eq!(get(&n, "callingCode").as_f64(), Some(44.0));
    assert_eq!(
        get(&n, "nationalNumber").as_string().as_deref(),
        Some("7911123456")
    );
    let regions: Array = get(&n, "regions").dyn_into().expect("an array");
    let regions: Vec<String> = regions.iter().filter_map(|r| r.as_string()).collect();
    assert_eq!(regions, ["GB", "GG", "IM", "JE"]);
    assert!(Object::is_frozen(
        get(&n, "regions").unchecked_ref::<Object>()
    ));
    let keys: Vec<String> = Object::keys(n.unchecked_ref::<Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    assert_eq!(keys, ["e164", "callingCode", "nationalNumber", "regions"]);
}

#[wasm_bindgen_test]
fn parse_accepts_typed_formats_and_a_default_calling_code() {
    let cases: &[(&str, Option<f64>, &str)] = &[
        ("+1 (212) 555-1234", None, "+12125551234"),
        ("0044 20 7946 0000", None, "+442079460000"),
        ("07911 123456", Some(44.0), "+447911123456"),
        ("8 916 123-45-67", Some(7.0), "+79161234567"),
        ("+39 06 1234 5678", None, "+390612345678"),
        ("+800 1234 5678", None, "+80012345678"),
        ("＋４４ ７９１１ １２３４５６", None, "+447911123456"),
    ];
    for &(input, default, e164) in cases {
        let n = parse_phone_number(s(input), default).unwrap_or_else(|e| panic!("{input}: {e:?}"));
        assert_eq!(
            get(&n, "e164").as_string().as_deref(),
            Some(e164),
            "{input}"
        );
    }
    let nanp = parse_phone_number(s("+1 212 555 1234"), None).expect("valid");
    let regions: Array = get(&nanp, "regions").unchecked_into();
    assert_eq!(regions.length(), 25);
    assert_eq!(regions.get(0).as_string().as_deref(), Some("US"));
    // The same frozen array is shared by numbers with the same code.
    let again = parse_phone_number(s("+1 415 555 2671"), None).expect("valid");
    assert!(Object::is(&get(&nanp, "regions"), &get(&again, "regions")));
}

#[wasm_bindgen_test]
fn parse_errors_carry_code_name_message_and_position() {
    let cases: &[(&str, Option<f64>, &str, Option<f64>)] = &[
        ("", None, "EMPTY", None),
        ("+44 7911 12345a", None, "INVALID_CHARACTER", Some(14.0)),
        ("+44 😀", None, "INVALID_CHARACTER", Some(4.0)),
        ("7911 123456", None, "MISSING_PLUS", None),
        ("+999 1234 5678", None, "UNKNOWN_CALLING_CODE", None),
        ("1234 5678", Some(999.0), "UNKNOWN_CALLING_CODE", None),
        ("+44 7911", None, "TOO_SHORT", None),
        ("+44 7911 1234567", None, "TOO_LONG", None),
        ("+49 1234 5678 9012 34", None, "TOO_LONG", None),
        ("7911123456", Some(44.5), "INVALID_TYPE", None),
    ];
    for &(input, default, code, position) in cases {
        let err = error_of(parse_phone_number(s(input), default));
        assert!(err.is_instance_of::<js_sys::Error>(), "{input}: an Error");
        assert_eq!(
            get(&err, "name").as_string().as_deref(),
            Some("WaSignupError")
        );
        assert_eq!(
            get(&err, "code").as_string().as_deref(),
            Some(code),
            "{input}"
        );
        assert_eq!(get(&err, "position").as_f64(), position, "{input}");
        let message = get(&err, "message").as_string().unwrap_or_default();
        assert!(!message.is_empty() && message != code, "{input}: {message}");
    }
    let err = error_of(parse_phone_number(s("+44 791112"), None));
    assert_eq!(
        get(&err, "message").as_string().as_deref(),
        Some("national number for +44 has 6 digits; at least 7 are needed")
    );
    for bad in [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from(447_911_123_456.0),
    ] {
        let err = error_of(parse_phone_number(bad, None));
        assert_eq!(
            get(&err, "code").as_string().as_deref(),
            Some("INVALID_TYPE")
        );
    }
}

#[wasm_bindgen_test]
fn extensions_are_kept_apart_and_refused_for_meta() {
    // (input, e164, extension, marker position)
    let cases: &[(&str, &str, &str, f64)] = &[
        ("+1 212 555 1234;ext=12", "+12125551234", "12", 15.0),
        ("+44 7911 123456 ext. 12", "+447911123456", "12", 16.0),
        ("+44 7911 123456 x12", "+447911123456", "12", 16.0),
        ("+44 7911 123456#12", "+447911123456", "12", 15.0),
        ("+44 7911 123456~12", "+447911123456", "12", 15.0),
        ("+44 7911 123456,,12", "+447911123456", "12", 15.0),
        ("+1 (645) 123-1234-910#", "+16451231234", "910", 21.0),
        ("+7 916 123-45-67 доб 123", "+79161234567", "123", 17.0),
    ];
    for &(input, e164, extension, position) in cases {
        let n = parse_phone_number(s(input), None).unwrap_or_else(|e| panic!("{input}: {e:?}"));
        assert_eq!(
            get(&n, "e164").as_string().as_deref(),
            Some(e164),
            "{input}"
        );
        assert_eq!(
            get(&n, "extension").as_string().as_deref(),
            Some(extension),
            "{input}"
        );
        let keys = Object::keys(n.unchecked_ref::<Object>()).length();
        assert_eq!(keys, 5, "{input}: extension is the fifth key");
        let err = error_of(to_meta_phone_params(s(input)));
        assert_eq!(
            get(&err, "code").as_string().as_deref(),
            Some("INVALID_CHARACTER"),
            "{input}"
        );
        assert_eq!(get(&err, "position").as_f64(), Some(position), "{input}");
        let message = get(&err, "message").as_string().unwrap_or_default();
        assert!(
            message.contains("WhatsApp numbers cannot have extensions"),
            "{message}"
        );
        assert!(!is_e164(s(input)), "{input}");
    }
    let plain = parse_phone_number(s("+44 7911 123456"), None).expect("valid");
    assert!(!Reflect::has(&plain, &s("extension")).unwrap_or(true));
    // `~` elsewhere is punctuation.
    let n = parse_phone_number(s("+66~81~234 5678"), None).expect("valid");
    assert_eq!(get(&n, "e164").as_string().as_deref(), Some("+66812345678"));
}

#[wasm_bindgen_test]
fn is_e164_is_true_only_for_canonical_possible_strings() {
    let cases: &[(JsValue, bool)] = &[
        (s("+447911123456"), true),
        (s("+12125551234"), true),
        (s("+44 7911 123456"), false),
        (s("447911123456"), false),
        (s("+4479111234"), false),
        (s("+"), false),
        (JsValue::UNDEFINED, false),
        (JsValue::from(12_125_551_234.0), false),
    ];
    for (input, want) in cases {
        assert_eq!(is_e164(input.clone()), *want, "{input:?}");
    }
}

#[wasm_bindgen_test]
fn meta_params_are_cc_and_phone_number_strings() {
    let p = to_meta_phone_params(s("+1 (212) 555-1234")).expect("valid");
    assert_eq!(get(&p, "cc").as_string().as_deref(), Some("1"));
    assert_eq!(
        get(&p, "phone_number").as_string().as_deref(),
        Some("2125551234")
    );
    let err = error_of(to_meta_phone_params(s("2125551234")));
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("MISSING_PLUS")
    );
    let err = error_of(to_meta_phone_params(s("+1 212 x")));
    assert_eq!(get(&err, "position").as_f64(), Some(7.0));
}

#[wasm_bindgen_test]
fn batch_returns_one_byte_per_line() {
    let out = is_e164_batch(s("+447911123456\r\n+44 7911\n\n+12125551234\n")).expect("a string");
    assert_eq!(out.to_vec(), [1, 0, 0, 1]);
    assert_eq!(is_e164_batch(s("")).expect("a string").length(), 0);
    let err = match is_e164_batch(JsValue::NULL) {
        Ok(_) => panic!("null accepted"),
        Err(e) => e,
    };
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("INVALID_TYPE")
    );
}
