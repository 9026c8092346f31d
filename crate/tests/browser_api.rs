#![cfg(target_arch = "wasm32")]
//! Browser tests of the API exports: the request builders
//! (`buildCallbackRequest`, `buildRegisterPhoneNumberRequest`,
//! `buildAssignAppsRequest`, `buildKapsoPhoneNumberUpdate`,
//! `buildMetaAddPhoneNumberParams`, `buildMetaAddPhoneNumberQuery`) and the
//! response parsers (`parseBusinessProfile`, `parsePhoneNumberResource`,
//! `parseKapsoPhoneNumberResponse`, `parseGraphError`).

use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use wa_signup::js::api::{
    build_assign_apps_request, build_callback_request, build_kapso_phone_number_update,
    build_meta_add_phone_number_params, build_meta_add_phone_number_query,
    build_register_phone_number_request, parse_business_profile, parse_graph_error,
    parse_kapso_phone_number_response, parse_phone_number_resource,
};

wasm_bindgen_test_configure!(run_in_browser);

const APP: &str = "app_2DbBs7GWhGvVNJGrDXr5RG0mBWI";
const WAPN: &str = "wapn_2DbBs7GWhGvVNJGrDXr5RG0mBWI";

/// Seed 003's response example.
const BUSINESS_PROFILE: &str = r#"{
  "id": "wabp_2DbBs7GWhGvVNJGrDXr5RG0mBWI",
  "organizationId": "<string>",
  "metaWabaId": "<string>",
  "metaBusinessId": "<string>",
  "businessName": "Acme Corp",
  "tokenExpiresAt": "2023-11-07T05:31:56Z",
  "onboardingCompletedAt": "2023-11-07T05:31:56Z",
  "createdAt": "2023-11-07T05:31:56Z",
  "phoneNumbers": [
    {
      "id": "<string>",
      "displayPhoneNumber": "+15551234567",
      "metaPhoneNumberId": "<string>",
      "verified": true,
      "qualityRating": "GREEN"
    }
  ],
  "isTestProfile": true
}"#;

/// Seeds 000/001's response example.
const PHONE_NUMBER: &str = r#"{
  "id": "wapn_2DbBs7GWhGvVNJGrDXr5RG0mBWI",
  "displayPhoneNumber": "<string>",
  "metaPhoneNumberId": "<string>",
  "metaBusinessAccountId": "<string>",
  "verified": true,
  "qualityRating": "<string>",
  "isTestNumber": true,
  "cloudApiRegistered": true,
  "businessProfile": { "id": "<string>", "metaWabaId": "<string>", "businessName": "<string>" },
  "apps": [ { "appId": "<string>", "appName": "<string>", "appSlug": "<string>" } ],
  "createdAt": "2023-11-07T05:31:56Z",
  "updatedAt": "2023-11-07T05:31:56Z"
}"#;

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).expect("readable property")
}

fn s(v: &str) -> JsValue {
    JsValue::from_str(v)
}

fn obj(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON")
}

fn stringify(v: &JsValue) -> String {
    JSON::stringify(v)
        .expect("stringify")
        .as_string()
        .expect("a string")
}

fn is_plain_object(v: &JsValue) -> bool {
    v.is_object() && Object::get_prototype_of(v) == Object::get_prototype_of(&Object::new())
}

/// `(code, field)` of a thrown `WaSignupError`.
fn thrown(result: Result<JsValue, JsValue>) -> (String, Option<String>) {
    let err = result.expect_err("it throws");
    assert!(err.is_instance_of::<js_sys::Error>(), "an Error instance");
    assert_eq!(
        get(&err, "name").as_string().as_deref(),
        Some("WaSignupError")
    );
    let message = get(&err, "message").as_string().unwrap_or_default();
    assert!(!message.is_empty(), "a human message");
    (
        get(&err, "code").as_string().expect("a code"),
        get(&err, "field").as_string(),
    )
}

fn code_field(code: &str, field: Option<&str>) -> (String, Option<String>) {
    (code.to_owned(), field.map(str::to_owned))
}

#[wasm_bindgen_test]
fn callback_request_from_an_object_is_a_plain_object_without_absent_fields() {
    let out = build_callback_request(obj(
        r#"{"code":"AQB","wabaId":"524126980791429","isCoexistence":false,"businessId":null}"#,
    ))
    .expect("valid");
    assert!(is_plain_object(&out));
    assert_eq!(
        stringify(&out),
        r#"{"code":"AQB","wabaId":"524126980791429","isCoexistence":false}"#
    );
    assert!(get(&out, "redirectUri").is_undefined());
    assert!(get(&out, "businessId").is_undefined());
    // A JSON string works the same.
    let out = build_callback_request(s(r#"{"code":"AQB"}"#)).expect("valid");
    assert_eq!(stringify(&out), r#"{"code":"AQB"}"#);
}

#[wasm_bindgen_test]
fn callback_request_errors_carry_code_and_field() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        (r#"{"code":""}"#, "EMPTY_CODE", Some("code")),
        (r#"{}"#, "MISSING_FIELD", Some("code")),
        (r#"{"code":1}"#, "INVALID_FIELD", Some("code")),
        (
            r#"{"code":"c","wabaID":"1"}"#,
            "UNKNOWN_FIELD",
            Some("wabaID"),
        ),
        (
            r#"{"code":"c","wabaId":"abc"}"#,
            "INVALID_META_ID",
            Some("wabaId"),
        ),
        (
            r#"{"code":"c","redirectUri":"http://example.com/cb"}"#,
            "INVALID_URL",
            Some("redirectUri"),
        ),
    ];
    for (input, code, field) in cases {
        assert_eq!(
            thrown(build_callback_request(obj(input))),
            code_field(code, *field),
            "{input}"
        );
    }
    let err = build_callback_request(obj(r#"{"code":"c","redirectUri":"ftp://x.test/"}"#))
        .expect_err("throws");
    assert_eq!(
        get(&err, "reason").as_string().as_deref(),
        Some("NOT_HTTPS")
    );
}

#[wasm_bindgen_test]
fn inputs_that_are_not_json_objects_are_invalid_json() {
    let bigint = obj(r#"{"code":"c"}"#);
    Reflect::set(
        &bigint,
        &s("isCoexistence"),
        &js_sys::BigInt::from(1u32).into(),
    )
    .unwrap();
    for input in [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from(42),
        JsValue::TRUE,
        s("not json"),
        s("[1,2]"),
        Array::new().into(),
        bigint,
    ] {
        assert_eq!(
            thrown(build_callback_request(input)),
            code_field("INVALID_JSON", None)
        );
    }
}

#[wasm_bindgen_test]
fn register_request_normalizes_the_number() {
    let out = build_register_phone_number_request(obj(&format!(
        r#"{{"displayPhoneNumber":"+1 (555) 123-4567","metaPhoneNumberId":"123456789012345","metaBusinessAccountId":"987654321098765","appIds":["{APP}"]}}"#
    )))
    .expect("valid");
    assert_eq!(
        stringify(&out),
        format!(
            r#"{{"displayPhoneNumber":"+15551234567","metaPhoneNumberId":"123456789012345","metaBusinessAccountId":"987654321098765","appIds":["{APP}"]}}"#
        )
    );
    let err = build_register_phone_number_request(obj(
        r#"{"displayPhoneNumber":"5551234567","metaPhoneNumberId":"1","metaBusinessAccountId":"2"}"#,
    ))
    .expect_err("throws");
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("INVALID_PHONE_NUMBER")
    );
    assert_eq!(
        get(&err, "field").as_string().as_deref(),
        Some("displayPhoneNumber")
    );
    assert_eq!(
        get(&err, "reason").as_string().as_deref(),
        Some("MISSING_PLUS")
    );
}

#[wasm_bindgen_test]
fn assign_apps_request() {
    let out = build_assign_apps_request(s(WAPN), Array::of1(&s(APP)).into()).expect("valid");
    assert_eq!(stringify(&out), format!(r#"{{"appIds":["{APP}"]}}"#));
    assert_eq!(
        thrown(build_assign_apps_request(s(APP), Array::new().into())),
        code_field("INVALID_PHONE_NUMBER_ID", Some("phoneNumberId"))
    );
    assert_eq!(
        thrown(build_assign_apps_request(
            JsValue::from(1),
            Array::new().into()
        )),
        code_field("INVALID_FIELD", Some("phoneNumberId"))
    );
    assert_eq!(
        thrown(build_assign_apps_request(
            s(WAPN),
            Array::of2(&s(APP), &s(WAPN)).into()
        )),
        code_field("INVALID_APP_ID", Some("appIds[1]"))
    );
    assert_eq!(
        thrown(build_assign_apps_request(s(WAPN), s(APP))),
        code_field("INVALID_FIELD", Some("appIds"))
    );
    assert_eq!(
        thrown(build_assign_apps_request(s(WAPN), JsValue::UNDEFINED)),
        code_field("MISSING_FIELD", Some("appIds"))
    );
}

#[wasm_bindgen_test]
fn kapso_update() {
    let out = build_kapso_phone_number_update(obj(
        r#"{"access_token":"EAABsbCS...new-token","webhook_destination_url":"https://yourapp.com/webhooks/whatsapp"}"#,
    ))
    .expect("valid");
    assert_eq!(
        stringify(&out),
        r#"{"whatsapp_phone_number":{"access_token":"EAABsbCS...new-token","webhook_destination_url":"https://yourapp.com/webhooks/whatsapp"}}"#
    );
    assert_eq!(
        thrown(build_kapso_phone_number_update(obj("{}"))),
        code_field("EMPTY_UPDATE", None)
    );
    assert_eq!(
        thrown(build_kapso_phone_number_update(obj(
            r#"{"webhook_destination_url":"http://yourapp.com/h"}"#
        ))),
        code_field("INVALID_URL", Some("webhook_destination_url"))
    );
}

#[wasm_bindgen_test]
fn meta_add_phone_number_params_and_query() {
    let input = obj(r#"{"phone_number":"+15551234567","migrate_phone_number":true}"#);
    let out = build_meta_add_phone_number_params(input.clone()).expect("valid");
    assert_eq!(
        stringify(&out),
        r#"{"cc":"1","phone_number":"5551234567","migrate_phone_number":true}"#
    );
    assert_eq!(
        build_meta_add_phone_number_query(input).expect("valid"),
        "cc=1&phone_number=5551234567&migrate_phone_number=true"
    );
    let err =
        build_meta_add_phone_number_query(obj(r#"{"phone_number":"+1"}"#)).expect_err("throws");
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("INVALID_PHONE_NUMBER")
    );
    assert_eq!(
        get(&err, "field").as_string().as_deref(),
        Some("phone_number")
    );
}

#[wasm_bindgen_test]
fn business_profile_from_string_or_object_with_nulls() {
    for input in [s(BUSINESS_PROFILE), obj(BUSINESS_PROFILE)] {
        let p = parse_business_profile(input).expect("seed parses");
        assert!(is_plain_object(&p));
        assert_eq!(stringify(&p), stringify(&obj(BUSINESS_PROFILE)));
    }
    let nulls = obj(BUSINESS_PROFILE);
    Reflect::set(&nulls, &s("tokenExpiresAt"), &JsValue::NULL).unwrap();
    Reflect::set(&nulls, &s("businessName"), &JsValue::NULL).unwrap();
    let p = parse_business_profile(nulls.clone()).expect("nullable fields may be null");
    assert!(
        get(&p, "tokenExpiresAt").is_null(),
        "null stays null, not undefined"
    );
    assert!(get(&p, "businessName").is_null());
    Reflect::delete_property(nulls.unchecked_ref::<Object>(), &s("tokenExpiresAt")).unwrap();
    assert_eq!(
        thrown(parse_business_profile(nulls)),
        code_field("MISSING_FIELD", Some("tokenExpiresAt"))
    );
    assert_eq!(
        thrown(parse_business_profile(s(
            &BUSINESS_PROFILE.replace("wabp_", "wapn_")
        ))),
        code_field("INVALID_BUSINESS_PROFILE_ID", Some("id"))
    );
}

#[wasm_bindgen_test]
fn phone_number_resource() {
    let r = parse_phone_number_resource(s(PHONE_NUMBER)).expect("seed parses");
    assert_eq!(get(&r, "id").as_string().as_deref(), Some(WAPN));
    assert_eq!(
        get(&get(&r, "businessProfile"), "metaWabaId")
            .as_string()
            .as_deref(),
        Some("<string>")
    );
    assert!(Array::is_array(&get(&r, "apps")));
    assert_eq!(
        thrown(parse_phone_number_resource(s(
            &PHONE_NUMBER.replace(r#""appSlug": "<string>""#, r#""appSlug": 5"#)
        ))),
        code_field("INVALID_FIELD", Some("apps[0].appSlug"))
    );
    assert_eq!(
        thrown(parse_phone_number_resource(s(&PHONE_NUMBER.replace(
            r#""createdAt": "2023-11-07T05:31:56Z""#,
            r#""createdAt": "2023-11-07""#
        )))),
        code_field("INVALID_TIMESTAMP", Some("createdAt"))
    );
}

#[wasm_bindgen_test]
fn kapso_response_drops_absent_optionals() {
    let r = parse_kapso_phone_number_response(obj(
        r#"{"data":{"id":"1","internal_id":"u","phone_number_id":"1","business_account_id":"2","is_coexistence":true,"inbound_processing_enabled":false,"calls_enabled":false,"created_at":"2025-01-15T10:00:00Z","updated_at":"2025-01-15T10:10:00Z","verified_name":null,"whatsapp_business_manager_messaging_limit":10000}}"#,
    ))
    .expect("valid");
    let data = get(&r, "data");
    assert_eq!(get(&data, "is_coexistence").as_bool(), Some(true));
    assert!(get(&data, "verified_name").is_undefined());
    assert_eq!(
        get(&data, "whatsapp_business_manager_messaging_limit").as_f64(),
        Some(10000.0)
    );
    assert_eq!(
        thrown(parse_kapso_phone_number_response(obj(r#"{"data":{}}"#))),
        code_field("MISSING_FIELD", Some("data.id"))
    );
}

#[wasm_bindgen_test]
fn graph_error_with_description() {
    let e = parse_graph_error(obj(
        r#"{"error":{"message":"m","type":"OAuthException","code":200000,"fbtrace_id":"Ab"}}"#,
    ))
    .expect("valid");
    assert_eq!(
        get(&e, "type").as_string().as_deref(),
        Some("OAuthException")
    );
    assert_eq!(get(&e, "code").as_f64(), Some(200_000.0));
    assert_eq!(
        get(&e, "description").as_string().as_deref(),
        Some("Cannot add phone number to WhatsApp Business Account")
    );
    assert!(get(&e, "error_subcode").is_undefined());
    let e = parse_graph_error(s(r#"{"error":{"message":"m","type":"t","code":1}}"#))
        .expect("unknown code is fine");
    assert!(get(&e, "description").is_undefined());
    assert_eq!(
        thrown(parse_graph_error(s(r#"{"id":"1"}"#))),
        code_field("MISSING_FIELD", Some("error"))
    );
}

/// JSON text is read by the crate's own reader, with floats from the engine's
/// `parseFloat`: integers stay integers, `1.0`/`1e2` are floats (as serde_json
/// reads them), out-of-range numbers and bad escapes are INVALID_JSON.
#[wasm_bindgen_test]
fn json_text_numbers_and_strings_read_like_serde_json() {
    let graph = |code: &str| {
        parse_graph_error(s(&format!(
            r#"{{"error":{{"message":"m\u00e9\ud83d\ude00","type":"t","code":{code}}}}}"#
        )))
    };
    let e = graph("-9007199254740993").expect("an i64 is an integer");
    assert_eq!(get(&e, "message").as_string().as_deref(), Some("mé😀"));
    assert_eq!(get(&e, "code").as_f64(), Some(-9_007_199_254_740_992.0));
    for not_integer in ["1.0", "1e2", "1.5", "-0"] {
        assert_eq!(
            thrown(graph(not_integer)),
            code_field("INVALID_FIELD", Some("error.code")),
            "{not_integer}"
        );
    }
    for bad in ["1e400", "01", "1.", "\"x\""] {
        let (code, _) = thrown(graph(bad));
        let want = if bad == "\"x\"" {
            "INVALID_FIELD"
        } else {
            "INVALID_JSON"
        };
        assert_eq!(code, want, "{bad}");
    }
    assert_eq!(
        thrown(parse_graph_error(s(r#"{"error":{"message":"\ud83d"}}"#))).0,
        "INVALID_JSON"
    );
    // Floats pass through untouched where the schema does not look.
    let e = parse_graph_error(s(
        r#"{"error":{"message":"m","type":"t","code":1,"x":0.1}}"#,
    ))
    .expect("unknown keys are ignored");
    assert!(get(&e, "x").is_undefined());
}
