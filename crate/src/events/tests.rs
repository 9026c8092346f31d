//! Case tables (Meta's documented samples first) and property tests.

use serde_json::json;

use super::*;

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
fn metas_documented_samples() {
    use SessionEventKind as K;
    let cases: Vec<(serde_json::Value, SessionEvent)> = vec![
        // Implementation guide, successful flow (example values from its table).
        (
            json!({"data": {"phone_number_id": "106540352242922", "waba_id": "524126980791429",
                   "business_id": "2729063490586005"}, "type": "WA_EMBEDDED_SIGNUP", "event": "FINISH"}),
            SessionEvent {
                ids: SessionIds {
                    phone_number_id: s("106540352242922"),
                    waba_id: s("524126980791429"),
                    business_id: s("2729063490586005"),
                },
                ..base(K::Finish)
            },
        ),
        // Same, with the optional asset lists (issue 10: every list is kept).
        (
            json!({"data": {"phone_number_id": "106540352242922", "waba_id": "524126980791429",
                   "business_id": "2729063490586005", "ad_account_ids": ["4052175343162067"],
                   "page_ids": ["1791141545170328"], "dataset_ids": ["524126980791429"],
                   "catalog_ids": ["8827498273649182"], "instagram_account_ids": ["1749204838281942"],
                   "waba_ids": ["524126980791429", "524126980791430"]},
                   "type": "WA_EMBEDDED_SIGNUP", "event": "FINISH"}),
            SessionEvent {
                ids: SessionIds {
                    phone_number_id: s("106540352242922"),
                    waba_id: s("524126980791429"),
                    business_id: s("2729063490586005"),
                },
                waba_ids: vec!["524126980791429".into(), "524126980791430".into()],
                assets: AssetIds {
                    ad_account_ids: vec!["4052175343162067".into()],
                    page_ids: vec!["1791141545170328".into()],
                    dataset_ids: vec!["524126980791429".into()],
                    catalog_ids: vec!["8827498273649182".into()],
                    instagram_account_ids: vec!["1749204838281942".into()],
                },
                ..base(K::Finish)
            },
        ),
        // Bypass phone addition.
        (
            json!({"data": {"waba_id": "524126980791429"}, "type": "WA_EMBEDDED_SIGNUP",
                   "event": "FINISH_ONLY_WABA", "version": 3}),
            SessionEvent {
                ids: SessionIds {
                    waba_id: s("524126980791429"),
                    ..SessionIds::default()
                },
                version: Some(3),
                ..base(K::FinishOnlyWaba)
            },
        ),
        // Coexistence: WABA only, version 3.
        (
            json!({"data": {"waba_id": "524126980791429"}, "type": "WA_EMBEDDED_SIGNUP",
                   "event": "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING", "version": 3}),
            SessionEvent {
                ids: SessionIds {
                    waba_id: s("524126980791429"),
                    ..SessionIds::default()
                },
                version: Some(3),
                is_coexistence: true,
                ..base(K::FinishWhatsAppBusinessAppOnboarding)
            },
        ),
        (
            json!({"data": {"phone_number_id": "1", "waba_id": "2", "business_id": "3"},
                   "type": "WA_EMBEDDED_SIGNUP", "event": "FINISH_GRANT_ONLY_API_ACCESS"}),
            SessionEvent {
                ids: SessionIds {
                    phone_number_id: s("1"),
                    waba_id: s("2"),
                    business_id: s("3"),
                },
                ..base(K::FinishGrantOnlyApiAccess)
            },
        ),
        (
            json!({"data": {"waba_ids": ["11", "12"]}, "type": "WA_EMBEDDED_SIGNUP",
                   "event": "FINISH_OBO_MIGRATION"}),
            SessionEvent {
                waba_ids: vec!["11".into(), "12".into()],
                ..base(K::FinishOboMigration)
            },
        ),
        // Abandoned flow.
        (
            json!({"data": {"current_step": "PHONE_NUMBER_SETUP"}, "type": "WA_EMBEDDED_SIGNUP",
                   "event": "CANCEL"}),
            SessionEvent {
                current_step: s("PHONE_NUMBER_SETUP"),
                ..base(K::Cancel)
            },
        ),
        // User-reported error, v4 (error_code).
        (
            json!({"data": {"error_message": "Your verified name violates WhatsApp guidelines.",
                   "error_code": "524126", "session_id": "f34b51dab5e0498", "timestamp": "1746041036"},
                   "type": "WA_EMBEDDED_SIGNUP", "event": "CANCEL"}),
            SessionEvent {
                error_message: s("Your verified name violates WhatsApp guidelines."),
                error_code: s("524126"),
                session_id: s("f34b51dab5e0498"),
                timestamp: s("1746041036"),
                ..base(K::Cancel)
            },
        ),
        // User-reported error, v3 (error_id), numbers instead of strings.
        (
            json!({"data": {"error_message": "x", "error_id": 524126, "session_id": "f34b51dab5e0498",
                   "timestamp": 1746041036}, "type": "WA_EMBEDDED_SIGNUP", "event": "CANCEL"}),
            SessionEvent {
                error_message: s("x"),
                error_code: s("524126"),
                session_id: s("f34b51dab5e0498"),
                timestamp: s("1746041036"),
                ..base(K::Cancel)
            },
        ),
        (
            json!({"data": {"error_message": "Something went wrong", "error_code": 2},
                   "type": "WA_EMBEDDED_SIGNUP", "event": "ERROR"}),
            SessionEvent {
                error_message: s("Something went wrong"),
                error_code: s("2"),
                ..base(K::Error)
            },
        ),
        // A future event is kept with its name.
        (
            json!({"data": {"waba_id": "5"}, "type": "WA_EMBEDDED_SIGNUP", "event": "FINISH_SOMETHING_NEW"}),
            SessionEvent {
                ids: SessionIds {
                    waba_id: s("5"),
                    ..SessionIds::default()
                },
                ..base(K::Other("FINISH_SOMETHING_NEW".into()))
            },
        ),
        (
            json!({"type": "WA_EMBEDDED_SIGNUP", "event": "PROGRESS"}),
            base(K::Other("PROGRESS".into())),
        ),
    ];
    for (data, want) in cases {
        assert_eq!(parse(&data).as_ref(), Some(&want), "{data}");
    }
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

#[cfg(not(target_arch = "wasm32"))]
mod props {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            "\\PC{0,16}".prop_map(Value::from),
            "[1-9][0-9]{0,19}".prop_map(Value::from),
            prop_oneof![Just("WA_EMBEDDED_SIGNUP"), Just("FINISH"), Just("CANCEL")]
                .prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 40, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map(
                    prop_oneof![
                        Just("type".to_owned()),
                        Just("event".to_owned()),
                        Just("data".to_owned()),
                        Just("version".to_owned()),
                        Just("waba_id".to_owned()),
                        Just("waba_ids".to_owned()),
                        Just("error_code".to_owned()),
                        "\\PC{0,8}",
                    ],
                    inner,
                    0..6
                )
                .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// A message shaped like Meta's, with arbitrary field values.
    fn message() -> impl Strategy<Value = Value> {
        (
            prop_oneof![Just(json!("WA_EMBEDDED_SIGNUP")), json_value()],
            prop_oneof![Just(json!("FINISH")), Just(json!("CANCEL")), json_value()],
            prop::collection::btree_map(
                prop_oneof![
                    Just("waba_id"),
                    Just("phone_number_id"),
                    Just("business_id"),
                    Just("waba_ids"),
                    Just("current_step"),
                    Just("error_code"),
                    Just("timestamp"),
                ],
                json_value(),
                0..5,
            ),
        )
            .prop_map(|(t, e, data)| json!({"type": t, "event": e, "data": data}))
    }

    proptest! {
        #[test]
        fn arbitrary_origin_and_text_never_panic(origin in "\\PC{0,40}", data in "\\PC{0,200}") {
            let _ = parse_session_event(&origin, &data, &[]);
            let _ = parse_session_event(FB, &data, &[]);
        }

        #[test]
        fn arbitrary_json_never_panics(v in json_value()) {
            let _ = parse_session_event(FB, &v.to_string(), &[]);
        }

        /// Every accepted event holds only valid Meta ids.
        #[test]
        fn accepted_events_carry_only_valid_ids(v in message()) {
            if let Some(ev) = parse_session_event(FB, &v.to_string(), &[]) {
                prop_assert_eq!(v["type"].as_str(), Some("WA_EMBEDDED_SIGNUP"));
                prop_assert_eq!(v["event"].as_str(), Some(ev.event.as_str()));
                for id in [&ev.ids.waba_id, &ev.ids.phone_number_id, &ev.ids.business_id].into_iter().flatten() {
                    prop_assert!(crate::meta_id::is_meta_id(id), "{}", id);
                }
                for id in &ev.waba_ids {
                    prop_assert!(crate::meta_id::is_meta_id(id), "{}", id);
                }
                prop_assert_eq!(ev.is_coexistence, ev.event.is_coexistence());
            }
        }

        #[test]
        fn only_exact_origins_are_accepted(origin in "\\PC{0,40}|https://(www|web)\\.facebook\\.com\\PC{0,3}") {
            let data = r#"{"type":"WA_EMBEDDED_SIGNUP","event":"CANCEL"}"#;
            let accepted = parse_session_event(&origin, data, &[]).is_some();
            prop_assert_eq!(accepted, FACEBOOK_ORIGINS.contains(&origin.as_str()));
        }
    }
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
