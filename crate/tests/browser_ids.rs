#![cfg(target_arch = "wasm32")]
//! Browser tests of the id exports: `parseId`, `isPhoneNumberId`,
//! `isBusinessProfileId`, `isAppId`, `isMetaId`, `isSecretKey`.

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use wa_signup::js::ids::{
    is_app_id, is_business_profile_id, is_meta_id, is_phone_number_id, is_secret_key, parse_id,
};

wasm_bindgen_test_configure!(run_in_browser);

const K: &str = "2DbBs7GWhGvVNJGrDXr5RG0mBWI";

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).expect("readable property")
}

fn s(v: &str) -> JsValue {
    JsValue::from_str(v)
}

/// `new String(text)`: an object, not a string primitive.
fn string_object(text: &str) -> JsValue {
    let ctor: js_sys::Function = get(&js_sys::global(), "String").unchecked_into();
    Reflect::construct(&ctor, &js_sys::Array::of1(&s(text))).expect("new String")
}

/// Non-string values a page might pass by mistake.
fn non_strings() -> Vec<JsValue> {
    vec![
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from(123_456_789.0),
        JsValue::TRUE,
        Object::new().into(),
        js_sys::Array::of1(&s(&format!("wapn_{K}"))).into(),
        string_object(&format!("wapn_{K}")),
    ]
}

#[wasm_bindgen_test]
fn parse_id_returns_a_plain_object() {
    let id = parse_id(s(&format!("wapn_test_{K}"))).expect("valid id");
    assert_eq!(
        Object::get_prototype_of(&id),
        Object::get_prototype_of(&Object::new()),
        "a plain object, not a class instance or Map"
    );
    assert_eq!(
        get(&id, "kind").as_string().as_deref(),
        Some("phone_number")
    );
    assert_eq!(get(&id, "test").as_bool(), Some(true));
    assert_eq!(get(&id, "ksuid").as_string().as_deref(), Some(K));
    assert_eq!(get(&id, "timestamp").as_f64(), Some(1_660_958_107.0));
    assert_eq!(Object::keys(id.unchecked_ref::<Object>()).length(), 4);

    for (input, kind, test) in [
        (format!("wabp_{K}"), "business_profile", false),
        (format!("app_test_{K}"), "app", true),
    ] {
        let id = parse_id(s(&input)).expect("valid id");
        assert_eq!(get(&id, "kind").as_string().as_deref(), Some(kind));
        assert_eq!(get(&id, "test").as_bool(), Some(test));
    }
}

#[wasm_bindgen_test]
fn parse_id_throws_wa_signup_errors_with_codes() {
    let cases: &[(String, &str, Option<&str>, Option<f64>)] = &[
        ("usr_1".into(), "UNKNOWN_PREFIX", None, None),
        (String::new(), "UNKNOWN_PREFIX", None, None),
        (
            format!("wapn_{K}x"),
            "INVALID_KSUID",
            Some("INVALID_LENGTH"),
            None,
        ),
        (
            "wapn_2DbBs7GWhGvVNJGrDXr5RG0mBW!".into(),
            "INVALID_KSUID",
            Some("INVALID_CHARACTER"),
            Some(31.0),
        ),
        (
            "wabp_aWgEPTl1tmebfsQzFP4bxwgy80W".into(),
            "INVALID_KSUID",
            Some("OUT_OF_RANGE"),
            None,
        ),
    ];
    for (input, code, reason, position) in cases {
        let err = parse_id(s(input)).expect_err(input);
        assert!(
            err.is_instance_of::<js_sys::Error>(),
            "{input}: an Error instance"
        );
        assert_eq!(
            get(&err, "name").as_string().as_deref(),
            Some("WaSignupError")
        );
        assert_eq!(
            get(&err, "code").as_string().as_deref(),
            Some(*code),
            "{input}"
        );
        assert_eq!(
            get(&err, "reason").as_string().as_deref(),
            *reason,
            "{input}"
        );
        assert_eq!(get(&err, "position").as_f64(), *position, "{input}");
        let message = get(&err, "message").as_string().unwrap_or_default();
        assert!(!message.is_empty());
    }
    // The message says what was wrong without echoing the input.
    let err = parse_id(s("sk_admin_topsecret")).expect_err("not an id");
    assert!(!get(&err, "message")
        .as_string()
        .unwrap_or_default()
        .contains("topsecret"));
}

#[wasm_bindgen_test]
fn parse_id_rejects_non_strings_with_a_typed_error() {
    for value in non_strings() {
        let err = parse_id(value.clone()).expect_err("non-string");
        assert_eq!(
            get(&err, "name").as_string().as_deref(),
            Some("WaSignupError")
        );
        assert_eq!(
            get(&err, "code").as_string().as_deref(),
            Some("INVALID_TYPE"),
            "{value:?}"
        );
    }
}

#[wasm_bindgen_test]
fn predicates_answer_by_kind() {
    let phone = s(&format!("wapn_{K}"));
    let profile = s(&format!("wabp_test_{K}"));
    let app = s(&format!("app_{K}"));
    assert!(is_phone_number_id(phone.clone()) && !is_phone_number_id(profile.clone()));
    assert!(is_business_profile_id(profile.clone()) && !is_business_profile_id(app.clone()));
    assert!(is_app_id(app) && !is_app_id(phone));
    assert!(is_meta_id(s("524126980791429")));
    assert!(!is_meta_id(s("0524126980791429")));
    assert!(
        !is_meta_id(JsValue::from(524_126_980_791_429.0)),
        "numbers are not ids"
    );
    assert!(is_secret_key(s("Bearer sk_admin_abc")));
    assert!(!is_secret_key(s("task_admin_users")));
}

#[wasm_bindgen_test]
fn predicates_are_false_for_non_strings() {
    for value in non_strings() {
        assert!(!is_phone_number_id(value.clone()), "{value:?}");
        assert!(!is_business_profile_id(value.clone()));
        assert!(!is_app_id(value.clone()));
        assert!(!is_meta_id(value.clone()));
        assert!(!is_secret_key(value));
    }
}
