#![cfg(target_arch = "wasm32")]
//! The popup flow in headless Chromium: a scripted `window.FB`, synthetic
//! `message` events, and a real loopback callback server
//! (`node tests/support/callback-server.mjs`, see `flow_support`).

mod flow_support;

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::json;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use flow_support::*;
use wa_signup::flow::{CallbackResponse, FailureKind, FlowState, Outcome, SignupConfig};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn finish_then_code_posts_at_once_with_the_session_ids() {
    let key = unique_key("finish-first");
    let signup = ready(config(&key, "ok")).await;
    let outcome = signup.launch();
    assert_eq!(
        fb_login_count(),
        1,
        "FB.login runs synchronously inside launch()"
    );
    assert_eq!(signup.state(), FlowState::WaitingForMeta);
    post_message(FB_ORIGIN, &finish_event());
    let t0 = js_sys::Date::now();
    fb_respond(0, Some("AQ-code-1"));
    let outcome = outcome.await;
    let Outcome::Connected { profile, session } = &outcome else {
        panic!("{outcome:?}");
    };
    let CallbackResponse::Profile(profile) = profile else {
        panic!("seed-003 profile expected: {profile:?}");
    };
    assert_eq!(profile.business_name.as_deref(), Some("Acme Corp"));
    assert_eq!(
        session.as_ref().and_then(|s| s.ids.waba_id.as_deref()),
        Some("104996122399160")
    );
    let got = received(&key).await;
    assert!(
        got[0]["at"].as_f64().unwrap() - t0 < 250.0,
        "no grace wait when FINISH is already in"
    );
    assert_eq!(
        only_post_body(&key).await,
        json!({
            "code": "AQ-code-1",
            "wabaId": "104996122399160",
            "phoneNumberId": "106540352242922",
            "businessId": "512345678901234",
            "isCoexistence": false
        })
    );
    assert!(matches!(
        signup.state(),
        FlowState::Ended(Outcome::Connected { .. })
    ));
}

#[wasm_bindgen_test]
async fn code_then_finish_within_grace_posts_with_the_ids() {
    let key = unique_key("code-first");
    let signup = ready(SignupConfig {
        session_grace_ms: 1_500,
        ..config(&key, "ok")
    })
    .await;
    let outcome = signup.launch();
    fb_respond(0, Some("AQ-code-2"));
    sleep(100).await;
    assert!(
        received(&key).await.is_empty(),
        "waits for the session info"
    );
    post_message(FB_ORIGIN, &finish_event());
    let outcome = outcome.await;
    assert!(
        matches!(
            outcome,
            Outcome::Connected {
                session: Some(_),
                ..
            }
        ),
        "{outcome:?}"
    );
    let body = only_post_body(&key).await;
    assert_eq!(body["code"], "AQ-code-2");
    assert_eq!(body["wabaId"], "104996122399160");
}

#[wasm_bindgen_test]
async fn grace_expiry_posts_without_the_session_ids() {
    let key = unique_key("grace");
    let signup = ready(config(&key, "ok")).await; // grace 300 ms
    let outcome = signup.launch();
    let t0 = js_sys::Date::now();
    fb_respond(0, Some("AQ-code-3"));
    let outcome = outcome.await;
    assert!(
        matches!(outcome, Outcome::Connected { session: None, .. }),
        "{outcome:?}"
    );
    let got = received(&key).await;
    let waited = got[0]["at"].as_f64().unwrap() - t0;
    assert!(
        (250.0..3_000.0).contains(&waited),
        "POST after the grace period, got {waited} ms"
    );
    assert_eq!(only_post_body(&key).await, json!({ "code": "AQ-code-3" }));
    // A FINISH arriving after the POST changes nothing.
    post_message(FB_ORIGIN, &finish_event());
    sleep(100).await;
    assert_eq!(received(&key).await.len(), 1);
}

#[wasm_bindgen_test]
async fn duplicate_events_and_callbacks_post_exactly_once() {
    let key = unique_key("dupes");
    let signup = ready(config(&key, "ok")).await;
    let outcome = signup.launch();
    post_message(FB_ORIGIN, &finish_event());
    post_message(FB_ORIGIN, &finish_event());
    fb_respond(0, Some("AQ-code-4"));
    fb_respond(0, Some("AQ-code-4"));
    post_message(FB_ORIGIN, &finish_event());
    let outcome = outcome.await;
    assert!(matches!(outcome, Outcome::Connected { .. }), "{outcome:?}");
    sleep(400).await;
    assert_eq!(only_post_body(&key).await["code"], "AQ-code-4");
}

#[wasm_bindgen_test]
async fn a_second_launch_while_running_is_refused_and_does_not_disturb_the_first() {
    let key = unique_key("double");
    let signup = ready(config(&key, "ok")).await;
    let first = signup.launch();
    let second = signup.launch().await;
    assert_eq!(failed_kind(&second), Some(FailureKind::AlreadyRunning));
    assert_eq!(fb_login_count(), 1, "FB.login is not called again");
    assert_eq!(signup.state(), FlowState::WaitingForMeta);
    post_message(FB_ORIGIN, &finish_event());
    fb_respond(0, Some("AQ-code-5"));
    assert!(matches!(first.await, Outcome::Connected { .. }));
    only_post_body(&key).await;
}

#[wasm_bindgen_test]
async fn cancel_with_a_step_ends_cancelled_without_a_post() {
    let key = unique_key("cancel");
    let signup = ready(config(&key, "ok")).await;
    let outcome = signup.launch();
    post_message(
        FB_ORIGIN,
        &session_event("CANCEL", json!({ "current_step": "PHONE_NUMBER_SETUP" })),
    );
    fb_respond(0, None);
    let outcome = outcome.await;
    assert_eq!(
        outcome,
        Outcome::cancelled_in_meta(Some("PHONE_NUMBER_SETUP".into()))
    );
    assert!(received(&key).await.is_empty());
    // A fresh run can start afterwards.
    let again = signup.launch();
    assert_eq!(fb_login_count(), 2);
    fb_respond(1, None);
    assert_eq!(again.await, Outcome::cancelled_in_meta(None));
}

#[wasm_bindgen_test]
async fn cancel_with_a_meta_error_fails_with_the_error() {
    let key = unique_key("cancel-error");
    let signup = ready(config(&key, "ok")).await;
    let outcome = signup.launch();
    fb_respond(0, None);
    post_message(
        FB_ORIGIN,
        &session_event(
            "CANCEL",
            json!({ "error_message": "Your business is not eligible", "error_code": "524126",
                    "session_id": "f34b51dab5e0498", "timestamp": "1689037101" }),
        ),
    );
    let outcome = outcome.await;
    let Outcome::Failed {
        kind,
        meta_error: Some(meta),
        message,
        ..
    } = &outcome
    else {
        panic!("{outcome:?}");
    };
    assert_eq!(*kind, FailureKind::MetaError);
    assert_eq!(meta.code.as_deref(), Some("524126"));
    assert_eq!(meta.session_id.as_deref(), Some("f34b51dab5e0498"));
    assert!(message.contains("not eligible"), "{message}");
    assert!(received(&key).await.is_empty());
}

#[wasm_bindgen_test]
async fn coexistence_finish_sends_is_coexistence_true() {
    let key = unique_key("coex");
    let signup = ready(config(&key, "ok")).await;
    let outcome = signup.launch();
    post_message(
        FB_ORIGIN,
        &session_event(
            "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING",
            json!({ "waba_id": "104996122399160" }),
        ),
    );
    fb_respond(0, Some("AQ-code-6"));
    assert!(matches!(outcome.await, Outcome::Connected { .. }));
    assert_eq!(
        only_post_body(&key).await,
        json!({ "code": "AQ-code-6", "wabaId": "104996122399160", "isCoexistence": true })
    );
}

#[wasm_bindgen_test]
async fn events_from_other_origins_are_ignored_unless_allowed() {
    let key = unique_key("origin");
    let signup = ready(config(&key, "ok")).await;
    let outcome = signup.launch();
    for origin in [
        "https://evilfacebook.com",
        "https://www.facebook.com.evil.test",
        "http://www.facebook.com",
        "https://sandbox.test",
    ] {
        post_message(origin, &finish_event());
    }
    fb_respond(0, Some("AQ-code-7"));
    assert!(matches!(
        outcome.await,
        Outcome::Connected { session: None, .. }
    ));
    assert_eq!(only_post_body(&key).await, json!({ "code": "AQ-code-7" }));

    let key = unique_key("origin-allowed");
    let signup = ready(SignupConfig {
        allowed_origins: vec!["https://sandbox.test".into()],
        dangerously_allow_origins: true,
        ..config(&key, "ok")
    })
    .await;
    let outcome = signup.launch();
    post_message("https://sandbox.test", &finish_event());
    fb_respond(0, Some("AQ-code-8"));
    assert!(matches!(
        outcome.await,
        Outcome::Connected {
            session: Some(_),
            ..
        }
    ));
    assert_eq!(only_post_body(&key).await["wabaId"], "104996122399160");
}

#[wasm_bindgen_test]
async fn finish_without_an_auth_response_suggests_redirect_mode() {
    let key = unique_key("no-auth");
    let signup = ready(config(&key, "ok")).await;
    let outcome = signup.launch();
    post_message(FB_ORIGIN, &finish_event());
    fb_respond(0, None);
    let outcome = outcome.await;
    let Outcome::Failed { kind, message, .. } = &outcome else {
        panic!("{outcome:?}");
    };
    assert_eq!(*kind, FailureKind::NoAuthResponse);
    assert!(message.contains("redirect"), "{message}");
    assert!(received(&key).await.is_empty());
}

#[wasm_bindgen_test]
async fn states_reach_subscribers_and_dom_events_reach_the_target() {
    let key = unique_key("events");
    let signup = ready(config(&key, "ok")).await;
    let states = Rc::new(RefCell::new(Vec::new()));
    let _sub = signup.subscribe({
        let states = states.clone();
        move |s: &FlowState| states.borrow_mut().push(s.clone())
    });
    let target = web_sys::EventTarget::new().expect("EventTarget");
    signup.set_event_target(Some(target.clone()));
    let seen = Rc::new(RefCell::new(Vec::<String>::new()));
    let mut keep = Vec::new();
    for name in [
        "wa-signup:state",
        "wa-signup:success",
        "wa-signup:cancel",
        "wa-signup:error",
    ] {
        let seen = seen.clone();
        let closure =
            Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
                let detail = js_sys::JSON::stringify(&e.detail())
                    .map(String::from)
                    .unwrap_or_default();
                seen.borrow_mut().push(format!("{} {detail}", e.type_()));
            });
        target
            .add_event_listener_with_callback(name, closure.as_ref().unchecked_ref())
            .expect("listen");
        keep.push(closure);
    }
    let outcome = signup.launch();
    post_message(FB_ORIGIN, &finish_event());
    fb_respond(0, Some("AQ-code-15"));
    outcome.await;
    let kinds: Vec<&'static str> = states
        .borrow()
        .iter()
        .map(|s| match s {
            FlowState::WaitingForMeta => "waiting",
            FlowState::Sending => "sending",
            FlowState::Ended(Outcome::Connected { .. }) => "connected",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["waiting", "sending", "connected"]);
    let seen = seen.borrow();
    assert_eq!(seen.len(), 4, "{seen:?}");
    assert!(
        seen[0].starts_with(r#"wa-signup:state {"type":"waitingForMeta"}"#),
        "{seen:?}"
    );
    assert!(
        seen[2].starts_with(r#"wa-signup:state {"type":"connected""#),
        "{seen:?}"
    );
    assert!(
        seen[3].starts_with(r#"wa-signup:success {"type":"connected","profile":{"id":"wabp_"#),
        "{seen:?}"
    );
    assert!(
        !seen.iter().any(|s| s.contains("AQ-code-15")),
        "the code never leaves in an event"
    );
}

#[wasm_bindgen_test]
async fn destroy_aborts_a_running_flow_and_refuses_new_ones() {
    let key = unique_key("destroy");
    let signup = ready(config(&key, "ok")).await;
    let outcome = signup.launch();
    signup.destroy();
    assert_eq!(failed_kind(&outcome.await), Some(FailureKind::Aborted));
    fb_respond(0, Some("AQ-code-16"));
    sleep(400).await;
    assert!(
        received(&key).await.is_empty(),
        "a destroyed flow never POSTs"
    );
    assert_eq!(
        failed_kind(&signup.launch().await),
        Some(FailureKind::Aborted)
    );
}

#[wasm_bindgen_test]
async fn the_flow_survives_dropping_every_handle_mid_run() {
    let key = unique_key("dropped");
    let signup = ready(config(&key, "ok")).await;
    let outcome = signup.launch();
    drop(signup);
    post_message(FB_ORIGIN, &finish_event());
    fb_respond(0, Some("AQ-code-17"));
    assert!(matches!(outcome.await, Outcome::Connected { .. }));
    only_post_body(&key).await;
}
