#![cfg(target_arch = "wasm32")]
//! The callback POST in headless Chromium, against the real loopback callback
//! server: error statuses and bodies without retry, the timeout, an
//! unreachable server, a 2xx body that is not a profile, configured headers.

mod flow_support;

use serde_json::json;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use flow_support::*;
use wa_signup::flow::{CallbackResponse, FailureKind, FlowState, Outcome, SignupConfig};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn callback_errors_fail_with_status_and_body_without_retry() {
    // (route of the loopback server, code, status, body as the outcome holds it)
    let cases = [
        (
            "400",
            "AQ-code-9",
            400,
            json!({ "error": "invalid_code", "message": "code already used" }),
        ),
        ("500", "AQ-code-10", 500, json!("upstream exploded")),
    ];
    for (route, code, want_status, want_body) in cases {
        let key = unique_key(route);
        let signup = ready(SignupConfig {
            session_grace_ms: 0,
            ..config(&key, route)
        })
        .await;
        let outcome = signup.launch();
        fb_respond(0, Some(code));
        let outcome = outcome.await;
        let Outcome::Failed {
            kind, status, body, ..
        } = &outcome
        else {
            panic!("{outcome:?}");
        };
        assert_eq!(*kind, FailureKind::CallbackHttpError, "{route}");
        assert_eq!(*status, Some(want_status));
        assert_eq!(body.as_ref().map(as_serde), Some(want_body), "{route}");
        assert!(
            matches!(signup.state(), FlowState::Ended(Outcome::Failed { status: Some(s), .. }) if s == want_status),
            "{:?}",
            signup.state()
        );
        sleep(200).await;
        only_post_body(&key).await; // no retry
    }
}

#[wasm_bindgen_test]
async fn slow_callback_times_out_at_timeout_ms() {
    let key = unique_key("slow");
    let signup = ready(SignupConfig {
        session_grace_ms: 0,
        timeout_ms: 300,
        callback_url: format!("{}/cb/{key}/slow?ms=3000", server()),
        ..config(&key, "slow")
    })
    .await;
    let outcome = signup.launch();
    let t0 = js_sys::Date::now();
    fb_respond(0, Some("AQ-code-11"));
    let outcome = outcome.await;
    let elapsed = js_sys::Date::now() - t0;
    assert_eq!(
        failed_kind(&outcome),
        Some(FailureKind::Timeout),
        "{outcome:?}"
    );
    assert!(
        (250.0..2_500.0).contains(&elapsed),
        "aborted after {elapsed} ms"
    );
    only_post_body(&key).await;
}

#[wasm_bindgen_test]
async fn unreachable_callback_is_a_network_error() {
    let signup = ready(SignupConfig {
        session_grace_ms: 0,
        callback_url: "http://127.0.0.1:9/cb".into(),
        ..config("unused", "ok")
    })
    .await;
    let outcome = signup.launch();
    fb_respond(0, Some("AQ-code-12"));
    let outcome = outcome.await;
    assert_eq!(failed_kind(&outcome), Some(FailureKind::NetworkError));
    // fetch's rejection as `name: message`, e.g. "TypeError: Failed to fetch".
    match outcome {
        Outcome::Failed { message, .. } => {
            assert!(message.contains("TypeError: "), "{message}");
            assert!(!message.contains("AQ-code-12"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

#[wasm_bindgen_test]
async fn a_2xx_body_that_is_not_a_profile_is_handed_back_as_json() {
    let key = unique_key("json");
    let signup = ready(SignupConfig {
        session_grace_ms: 0,
        ..config(&key, "json")
    })
    .await;
    let outcome = signup.launch();
    fb_respond(0, Some("AQ-code-13"));
    let outcome = outcome.await;
    assert_eq!(
        outcome,
        Outcome::Connected {
            profile: CallbackResponse::Json(serde_json::from_value(json!({ "ok": true })).unwrap()),
            session: None
        }
    );
}

#[wasm_bindgen_test]
async fn configured_headers_go_with_the_post() {
    let key = unique_key("headers");
    let mut config = SignupConfig {
        session_grace_ms: 0,
        ..config(&key, "ok")
    };
    config
        .headers
        .insert("X-CSRF-Token".into(), "csrf-123".into());
    let signup = ready(config).await;
    let outcome = signup.launch();
    fb_respond(0, Some("AQ-code-14"));
    outcome.await;
    let got = received(&key).await;
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["headers"]["x-csrf-token"], "csrf-123");
    assert_eq!(got[0]["headers"]["content-type"], "application/json");
}
