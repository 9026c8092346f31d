//! Case tables (Meta's documented samples first) and property tests.

use serde_json::json;

use super::*;

mod meta_samples;
#[cfg(not(target_arch = "wasm32"))]
mod props;

const FB: &str = "https://www.facebook.com";

fn parse(data: &serde_json::Value) -> Option<SessionEvent> {
    parse_session_event(FB, &data.to_string(), &[])
}

fn base(event: SessionEventKind) -> SessionEvent {
    SessionEvent {
        is_coexistence: event.is_coexistence(),
        event,
        version: None,
        ids: SessionIds::default(),
        current_step: None,
        error_message: None,
        error_code: None,
        session_id: None,
        timestamp: None,
        waba_ids: Vec::new(),
        assets: AssetIds::default(),
    }
}

fn s(v: &str) -> Option<String> {
    Some(v.to_owned())
}

#[test]
fn only_exact_origins() {
    let data = json!({"type": "WA_EMBEDDED_SIGNUP", "event": "CANCEL"}).to_string();
    let sandbox = vec![
        "http://127.0.0.1:4001".to_owned(),
        "null".to_owned(),
        String::new(),
    ];
    let cases: &[(&str, bool)] = &[
        ("https://www.facebook.com", true),
        ("https://web.facebook.com", true),
        ("http://127.0.0.1:4001", true), // explicit extra
        ("https://facebook.com", false),
        ("https://evilfacebook.com", false),
        ("https://www.facebook.com.evil.test", false),
        ("https://evil.test/https://www.facebook.com", false),
        ("http://www.facebook.com", false),
        ("https://www.facebook.com:8443", false),
        ("https://www.facebook.com:443", false),
        ("https://www.facebook.com/", false),
        ("HTTPS://WWW.FACEBOOK.COM", false),
        ("https://WWW.facebook.com", false),
        (" https://www.facebook.com", false),
        ("https://www.facebook.com ", false),
        ("https://m.facebook.com", false),
        ("https://staticxx.facebook.com", false),
        ("http://127.0.0.1:4002", false),
        ("null", false), // refused even though `sandbox` lists it
        ("", false),
    ];
    for (origin, want) in cases {
        assert_eq!(is_allowed_origin(origin, &sandbox), *want, "{origin:?}");
        assert_eq!(
            parse_session_event(origin, &data, &sandbox).is_some(),
            *want,
            "{origin:?}"
        );
    }
    assert!(parse_session_event("http://127.0.0.1:4001", &data, &[]).is_none());
}

#[test]
fn not_ours_or_malformed_is_none() {
    let cases: Vec<String> = vec![
        String::new(),
        "not json".into(),
        "null".into(),
        "42".into(),
        "\"WA_EMBEDDED_SIGNUP\"".into(),
        "[]".into(),
        "{}".into(),
        json!({"type": "wa_embedded_signup", "event": "FINISH"}).to_string(),
        json!({"type": "WA_EMBEDDED_SIGNUP "}).to_string(),
        json!({"type": "OTHER", "event": "FINISH", "data": {"waba_id": "1"}}).to_string(),
        json!({"type": ["WA_EMBEDDED_SIGNUP"], "event": "FINISH"}).to_string(),
        json!({"type": "WA_EMBEDDED_SIGNUP"}).to_string(), // no event
        json!({"type": "WA_EMBEDDED_SIGNUP", "event": 1}).to_string(),
        json!({"type": "WA_EMBEDDED_SIGNUP", "event": ""}).to_string(),
        json!({"type": "WA_EMBEDDED_SIGNUP", "event": "finish"}).to_string(),
        json!({"type": "WA_EMBEDDED_SIGNUP", "event": "<img src=x>"}).to_string(),
        json!({"type": "WA_EMBEDDED_SIGNUP", "event": "A".repeat(65)}).to_string(),
        json!({"type": "WA_EMBEDDED_SIGNUP", "event": "FINISH", "data": "waba_id=1"}).to_string(),
        json!({"type": "WA_EMBEDDED_SIGNUP", "event": "FINISH", "data": [1]}).to_string(),
        // Trailing garbage after the object.
        format!(
            "{} x",
            json!({"type": "WA_EMBEDDED_SIGNUP", "event": "CANCEL"})
        ),
    ];
    for data in cases {
        assert_eq!(parse_session_event(FB, &data, &[]), None, "{data}");
    }
}

/// Security choice: a present-but-invalid id drops the whole event, so a
/// FINISH with a forged id never reaches the callback.
#[test]
fn malformed_ids_reject_the_event() {
    let bad_ids = [
        json!("abc"),
        json!("0123"),
        json!("0"),
        json!("-5"),
        json!(" 123"),
        json!("123456789012345678901"),
        json!("12345678901234567890' OR 1=1"),
        json!(1.5),
        json!(-1),
        json!(0),
        json!(9_007_199_254_740_992u64), // 2^53: may have been rounded by JS
        json!(true),
        json!({"id": "1"}),
        json!(["1"]),
    ];
    for field in ["waba_id", "phone_number_id", "business_id"] {
        for bad in &bad_ids {
            for event in ["FINISH", "FINISH_ONLY_WABA", "CANCEL", "ERROR", "FUTURE"] {
                let data = json!({"type": "WA_EMBEDDED_SIGNUP", "event": event,
                                  "data": {"waba_id": "1", field: bad}});
                assert_eq!(parse(&data), None, "{data}");
            }
        }
    }
    for (list, ok) in [
        (json!([]), true),
        (json!("1"), false),
        (json!([""]), false),
        (json!([null]), false),
        (json!(["1", "x"]), false),
        (json!({"0": "1"}), false),
    ] {
        let data =
            json!({"type": "WA_EMBEDDED_SIGNUP", "event": "FINISH", "data": {"waba_ids": list}});
        assert_eq!(parse(&data).is_some(), ok, "{data}");
    }
    let many: Vec<String> = (1..=101).map(|i| i.to_string()).collect();
    let data = json!({"type": "WA_EMBEDDED_SIGNUP", "event": "FINISH", "data": {"waba_ids": many}});
    assert_eq!(parse(&data), None, "more than MAX_ID_LIST_LEN ids");
}

#[test]
fn ids_as_numbers_null_or_empty() {
    let data = json!({"type": "WA_EMBEDDED_SIGNUP", "event": "FINISH",
        "data": {"waba_id": 524126980791429u64, "phone_number_id": null, "business_id": "",
                 "waba_ids": [9_007_199_254_740_991u64, "7"]}});
    let ev = parse(&data).unwrap();
    assert_eq!(ev.ids.waba_id.as_deref(), Some("524126980791429"));
    assert_eq!(ev.ids.phone_number_id, None);
    assert_eq!(ev.ids.business_id, None);
    assert_eq!(ev.waba_ids, ["9007199254740991", "7"]);
}

#[test]
fn informational_fields_are_lenient() {
    let data = json!({"type": "WA_EMBEDDED_SIGNUP", "event": "CANCEL", "version": "4",
        "data": {"current_step": 5, "error_message": ["x"], "error_code": 1.5, "error_id": "77",
                 "session_id": null, "timestamp": {"t": 1}}});
    let ev = parse(&data).unwrap();
    assert_eq!(ev.version, Some(4));
    assert_eq!((ev.current_step, ev.error_message), (None, None));
    assert_eq!(
        ev.error_code.as_deref(),
        Some("77"),
        "falls back to error_id"
    );
    assert_eq!((ev.session_id, ev.timestamp), (None, None));
    let prefer = json!({"type": "WA_EMBEDDED_SIGNUP", "event": "CANCEL",
        "data": {"error_code": "1", "error_id": "2"}});
    assert_eq!(parse(&prefer).unwrap().error_code.as_deref(), Some("1"));
    for (version, want) in [
        (json!(3), Some(3)),
        (json!("3"), Some(3)),
        (json!(-3), None),
        (json!(3.5), None),
        (json!("v3"), None),
        (json!(4_294_967_296u64), None),
        (json!(null), None),
    ] {
        let data = json!({"type": "WA_EMBEDDED_SIGNUP", "event": "CANCEL", "version": version});
        assert_eq!(parse(&data).unwrap().version, want, "{version}");
    }
}

#[test]
fn size_cap() {
    let pad = |n: usize| {
        let head = r#"{"type":"WA_EMBEDDED_SIGNUP","event":"CANCEL","pad":""#;
        let tail = r#""}"#;
        format!("{head}{}{tail}", "x".repeat(n - head.len() - tail.len()))
    };
    assert!(parse_session_event(FB, &pad(MAX_DATA_LEN), &[]).is_some());
    assert!(parse_session_event(FB, &pad(MAX_DATA_LEN + 1), &[]).is_none());
}

#[test]
fn deep_nesting_is_refused_not_a_crash() {
    let deep = format!(
        r#"{{"type":"WA_EMBEDDED_SIGNUP","event":"CANCEL","x":{}1{}}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    assert_eq!(parse_session_event(FB, &deep, &[]), None);
}

#[test]
fn kinds() {
    use SessionEventKind as K;
    let all = [
        (K::Finish, true),
        (K::FinishOnlyWaba, true),
        (K::FinishWhatsAppBusinessAppOnboarding, true),
        (K::FinishOboMigration, true),
        (K::FinishGrantOnlyApiAccess, true),
        (K::Cancel, false),
        (K::Error, false),
        (K::Other("FINISH_LATER".into()), false),
    ];
    for (kind, finish) in all {
        assert_eq!(kind.is_finish(), finish, "{kind}");
        assert_eq!(
            K::from_wire(kind.as_str()),
            Some(kind.clone()),
            "wire round-trip"
        );
        assert_eq!(
            kind.is_coexistence(),
            kind == K::FinishWhatsAppBusinessAppOnboarding
        );
    }
}

#[test]
fn serializes_to_the_js_shape() {
    let data = json!({"type": "WA_EMBEDDED_SIGNUP", "event": "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING",
                      "version": 3, "data": {"waba_id": "5"}});
    assert_eq!(
        serde_json::to_value(parse(&data).unwrap()).unwrap(),
        json!({"event": "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING", "version": 3, "wabaId": "5",
               "isCoexistence": true})
    );
    let data = json!({"type": "WA_EMBEDDED_SIGNUP", "event": "CANCEL",
                      "data": {"error_message": "m", "error_id": 9, "session_id": "s", "timestamp": 1,
                               "waba_ids": ["1"]}});
    assert_eq!(
        serde_json::to_value(parse(&data).unwrap()).unwrap(),
        json!({"event": "CANCEL", "isCoexistence": false, "errorMessage": "m", "errorCode": "9",
               "sessionId": "s", "timestamp": "1", "wabaIds": ["1"]})
    );
}

#[test]
fn a_malformed_asset_list_drops_the_event() {
    for key in [
        "ad_account_ids",
        "page_ids",
        "dataset_ids",
        "catalog_ids",
        "instagram_account_ids",
    ] {
        let data = json!({"type": "WA_EMBEDDED_SIGNUP", "event": "FINISH",
                          "data": {"waba_id": "11", key: ["12", "not-an-id"]}});
        assert_eq!(parse(&data), None, "{key}");
        let data = json!({"type": "WA_EMBEDDED_SIGNUP", "event": "FINISH",
                          "data": {"waba_id": "11", key: "12"}});
        assert_eq!(parse(&data), None, "{key} as a string");
    }
}

#[test]
fn asset_lists_serialize_in_camel_case_and_only_when_present() {
    let data = json!({"type": "WA_EMBEDDED_SIGNUP", "event": "FINISH",
                      "data": {"waba_id": "11", "page_ids": ["21"], "instagram_account_ids": [22]}});
    let event = parse(&data).expect("valid");
    assert_eq!(
        serde_json::to_value(&event).unwrap(),
        json!({"event": "FINISH", "wabaId": "11", "isCoexistence": false,
               "pageIds": ["21"], "instagramAccountIds": ["22"]})
    );
}
