//! Session events (as `crate::events` parses them) to correlator inputs.

use crate::events::parse_session_event;
use crate::flow::correlator::Input;
use crate::flow::session_input::input_from_event;

const FB: &str = "https://www.facebook.com";

fn input(data: &str) -> Option<Input> {
    let event = parse_session_event(FB, data, &[])?;
    input_from_event(&event, 7)
}

#[test]
fn finish_carries_ids() {
    let got = input(
        r#"{"type":"WA_EMBEDDED_SIGNUP","event":"FINISH","data":{"phone_number_id":"111","waba_id":"222","business_id":"333"}}"#,
    );
    let Some(Input::Finish { session, at_ms: 7 }) = got else {
        panic!("{got:?}");
    };
    assert_eq!(session.event, "FINISH");
    assert_eq!(session.ids.phone_number_id.as_deref(), Some("111"));
    assert_eq!(session.ids.waba_id.as_deref(), Some("222"));
    assert_eq!(session.ids.business_id.as_deref(), Some("333"));
    assert!(!session.is_coexistence);
}

#[test]
fn coexistence_finish_is_flagged() {
    let got = input(
        r#"{"type":"WA_EMBEDDED_SIGNUP","event":"FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING","data":{"waba_id":"222"},"version":3}"#,
    );
    let Some(Input::Finish { session, .. }) = got else {
        panic!("{got:?}");
    };
    assert!(session.is_coexistence);
}

#[test]
fn cancel_with_step_and_with_error() {
    let got = input(
        r#"{"type":"WA_EMBEDDED_SIGNUP","event":"CANCEL","data":{"current_step":"PHONE_NUMBER_SETUP"}}"#,
    );
    assert!(
        matches!(got, Some(Input::Cancel { ref current_step, error: None, .. }) if current_step.as_deref() == Some("PHONE_NUMBER_SETUP")),
        "{got:?}"
    );
    let got = input(
        r#"{"type":"WA_EMBEDDED_SIGNUP","event":"CANCEL","data":{"error_message":"boom","error_code":"524126","session_id":"abc","timestamp":"1689037101"}}"#,
    );
    let Some(Input::Cancel {
        error: Some(error), ..
    }) = got
    else {
        panic!("{got:?}");
    };
    assert_eq!(error.message.as_deref(), Some("boom"));
    assert_eq!(error.code.as_deref(), Some("524126"));
}

#[test]
fn error_event_and_unknown_event() {
    assert!(matches!(
        input(r#"{"type":"WA_EMBEDDED_SIGNUP","event":"ERROR","data":{"error_message":"x"}}"#),
        Some(Input::MetaFailure { .. })
    ));
    assert_eq!(
        input(r#"{"type":"WA_EMBEDDED_SIGNUP","event":"SOMETHING_NEW","data":{}}"#),
        None
    );
}

/// Issue 10: the whole session report reaches the page; the body keeps seed
/// 003's fields, with `wabaId` from `waba_ids[0]` when `waba_id` is absent.
#[test]
fn multi_waba_and_assets_reach_the_session_and_the_body_keeps_seed_003() {
    let got = input(
        r#"{"type":"WA_EMBEDDED_SIGNUP","event":"FINISH","data":{"waba_ids":["41","42"],"business_id":"3","ad_account_ids":["51"],"page_ids":["52"],"dataset_ids":["53"],"catalog_ids":["54"],"instagram_account_ids":["55"]}}"#,
    );
    let Some(Input::Finish { session, .. }) = got else {
        panic!("{got:?}");
    };
    assert_eq!(session.ids.waba_id.as_deref(), Some("41"));
    assert_eq!(session.waba_ids, ["41", "42"]);
    assert_eq!(
        serde_json::to_value(&session).unwrap(),
        serde_json::json!({"event": "FINISH", "wabaId": "41", "businessId": "3",
            "isCoexistence": false, "wabaIds": ["41", "42"], "adAccountIds": ["51"],
            "pageIds": ["52"], "datasetIds": ["53"], "catalogIds": ["54"],
            "instagramAccountIds": ["55"]})
    );
    let body = crate::flow::CallbackBody::new(
        crate::flow::AuthCode::new("c").unwrap(),
        None,
        Some(&session),
    );
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        serde_json::json!({"code": "c", "wabaId": "41", "businessId": "3", "isCoexistence": false})
    );
}
