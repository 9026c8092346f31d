#![cfg(target_arch = "wasm32")]
//! `outcome_to_js` / `state_to_js` build the same objects as the serde
//! serialization of `Outcome` / `FlowState` would through `JSON.parse`
//! (same keys, key order, `null`s, absent fields and numbers).

use js_sys::JSON;
use serde::Serialize;
use serde_json::json;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use wa_signup::api::{parse_business_profile, JsonValue as Value};
use wa_signup::events::{AssetIds, SessionIds};
use wa_signup::flow::browser::{outcome_to_js, state_to_js};
use wa_signup::flow::FlowState;
use wa_signup::flow::{
    CallbackResponse, CancelSource, FlowError, MetaError, NoticeKind, Outcome, ReadyNotice,
    SessionInfo,
};

wasm_bindgen_test_configure!(run_in_browser);

fn stringify(v: &JsValue) -> String {
    JSON::stringify(v).expect("stringify").into()
}

/// What the serde route gave: serde_json text, parsed by the engine.
fn via_serde(value: &impl Serialize) -> String {
    let text = serde_json::to_string(value).expect("serializes");
    stringify(&JSON::parse(&text).expect("parses"))
}

fn profile(nulls: bool) -> CallbackResponse {
    let mut doc = json!({
        "id": "wabp_2DbBs7GWhGvVNJGrDXr5RG0mBWI", "organizationId": "org",
        "metaWabaId": "1", "metaBusinessId": "2", "businessName": "Acme \"Corp\" é",
        "tokenExpiresAt": "2023-11-07T05:31:56Z", "onboardingCompletedAt": "2023-11-07T05:31:56Z",
        "createdAt": "2023-11-07T05:31:56Z",
        "phoneNumbers": [
            { "id": "a", "displayPhoneNumber": "+15551234567", "metaPhoneNumberId": "3",
              "verified": true, "qualityRating": "GREEN" },
            { "id": "b", "displayPhoneNumber": "+15551234568", "metaPhoneNumberId": "4",
              "verified": false, "qualityRating": null }
        ],
        "isTestProfile": true
    });
    if nulls {
        for key in [
            "metaBusinessId",
            "businessName",
            "tokenExpiresAt",
            "onboardingCompletedAt",
        ] {
            doc[key] = serde_json::Value::Null;
        }
        doc["phoneNumbers"] = json!([]);
    }
    CallbackResponse::Profile(Box::new(
        parse_business_profile(&doc.to_string()).expect("a profile"),
    ))
}

fn any_json() -> Value {
    serde_json::from_str(
        r#"{"z":[1,-2,3.5,1e300,-0.0,18446744073709551615,-9223372036854775808,null,true,"s"],
            "a":{"__proto__":{"polluted":1},"10":"ten","2":"two","b":{}},"":[[]],"é😀":"\n\u0000"}"#,
    )
    .expect("json")
}

fn outcomes() -> Vec<Outcome> {
    let session = SessionInfo {
        event: "FINISH".into(),
        ids: SessionIds {
            waba_id: Some("1".into()),
            phone_number_id: None,
            business_id: Some("3".into()),
        },
        is_coexistence: true,
        waba_ids: vec!["1".into(), "2".into()],
        assets: AssetIds {
            ad_account_ids: vec!["51".into()],
            page_ids: vec!["52".into(), "53".into()],
            dataset_ids: vec!["54".into()],
            catalog_ids: vec!["55".into()],
            instagram_account_ids: vec!["56".into()],
        },
    };
    let meta = MetaError {
        message: Some("m".into()),
        code: None,
        session_id: Some("s".into()),
        timestamp: Some("1700000000".into()),
        current_step: Some("PHONE_NUMBER_SETUP".into()),
    };
    vec![
        Outcome::Connected {
            profile: profile(false),
            session: Some(session.clone()),
        },
        Outcome::Connected {
            profile: profile(true),
            session: None,
        },
        Outcome::Connected {
            profile: CallbackResponse::Json(any_json()),
            session: Some(SessionInfo::default()),
        },
        Outcome::Connected {
            profile: CallbackResponse::Json(Value::Null),
            session: None,
        },
        Outcome::cancelled_in_meta(None),
        Outcome::cancelled_in_meta(Some("WABA_SETUP".into())),
        Outcome::Cancelled {
            current_step: None,
            source: CancelSource::Page,
        },
        Outcome::failed(&FlowError::PopupBlocked),
        Outcome::failed(&FlowError::PopupIsolated),
        Outcome::failed(&FlowError::RunTimeout(900_000)),
        Outcome::failed(&FlowError::Meta(meta)),
        Outcome::failed(&FlowError::Meta(MetaError::default())),
        Outcome::failed(&FlowError::CallbackHttp {
            status: 409,
            body: any_json(),
        }),
        Outcome::failed(&FlowError::CallbackHttp {
            status: 500,
            body: Value::String("oops".into()),
        }),
        Outcome::failed(&FlowError::Timeout(20_000)),
        Outcome::failed(&FlowError::Network("TypeError: Failed to fetch".into())),
        Outcome::failed(&FlowError::Aborted),
        Outcome::failed(&FlowError::MissingCode(Some("access_denied".into()))),
    ]
}

#[wasm_bindgen_test]
fn outcomes_match_their_serde_serialization() {
    for outcome in outcomes() {
        assert_eq!(
            stringify(&outcome_to_js(&outcome)),
            via_serde(&outcome),
            "{outcome:?}"
        );
    }
}

#[wasm_bindgen_test]
fn states_match_their_serde_serialization() {
    let mut states = vec![
        FlowState::SdkLoading,
        FlowState::READY,
        FlowState::Ready {
            notice: Some(ReadyNotice::new(NoticeKind::PopupIsolated)),
        },
        FlowState::Ready {
            notice: Some(ReadyNotice::new(NoticeKind::InAppBrowser)),
        },
        FlowState::WaitingForMeta,
        FlowState::Sending,
    ];
    states.extend(outcomes().iter().map(FlowState::from));
    for state in states {
        assert_eq!(
            stringify(&state_to_js(&state)),
            via_serde(&state),
            "{state:?}"
        );
    }
}

#[wasm_bindgen_test]
fn a_proto_key_is_an_own_property_not_the_prototype() {
    let outcome = Outcome::Connected {
        profile: CallbackResponse::Json(any_json()),
        session: None,
    };
    let js = outcome_to_js(&outcome);
    let check = js_sys::Function::new_with_args(
        "o",
        "const a = o.profile.a; return Object.getPrototypeOf(a) === Object.prototype \
         && Object.prototype.hasOwnProperty.call(a, '__proto__') && a.polluted === undefined \
         && a.__proto__.polluted === 1 && ({}).polluted === undefined",
    );
    assert_eq!(
        check
            .call1(&JsValue::NULL, &js)
            .ok()
            .and_then(|v| v.as_bool()),
        Some(true)
    );
}
