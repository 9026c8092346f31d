//! Property tests: arbitrary origins, text and JSON never panic; accepted events carry only valid ids; only exact origins are accepted.

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
