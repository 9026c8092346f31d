#![cfg(target_arch = "wasm32")]
//! The flow on host pages that are not our demo page (issue 9), in headless
//! Chromium: an `FB.login` that never answers (cancel, run deadline), the
//! popup blocker, the listener's origin check, one `appId` per page, and a
//! relative `callbackUrl`.

mod flow_support;

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use flow_support::*;
use wa_signup::api::JsonValue;
use wa_signup::flow::browser::{claim_app_id, page_config, EmbeddedSignup};
use wa_signup::flow::{CancelSource, FailureKind, FlowState, Outcome, SignupConfig};
use wa_signup::ErrorCode;

wasm_bindgen_test_configure!(run_in_browser);

/// A scripted `window.FB` whose `login` opens a window through `window.open`
/// (as Meta's SDK does) and never calls back unless the test says so.
fn install_fb_opening_a_popup() {
    install_fb();
    js(r#"
        const login = window.FB.login;
        window.FB.login = function (cb, o) {
            login.call(this, cb, o);
            this.popup = window.open("about:blank", "meta", "popup");
        };
    "#);
}

/// Replaces `window.open` with a stub: `null` (a popup blocker) or a fake
/// window that records `close()`. Returns the page's original to restore.
fn stub_window_open(blocked: bool) {
    js(&format!(
        r#"
        window.__realOpen = window.open;
        window.__fakePopup = {{ closed: false, close() {{ this.closed = true; }} }};
        window.__stubOpen = function () {{ return {blocked} ? null : window.__fakePopup; }};
        window.open = window.__stubOpen;
        "#
    ));
}

fn restore_window_open() {
    js("window.open = window.__realOpen;");
}

fn open_is_the_stub() -> bool {
    js("return window.open === window.__stubOpen;").is_truthy()
}

fn fake_popup_closed() -> bool {
    js("return window.__fakePopup.closed;").is_truthy()
}

async fn ready(config: SignupConfig) -> EmbeddedSignup {
    install_fb_opening_a_popup();
    let signup = EmbeddedSignup::new(config).expect("valid config");
    signup.load().await.expect("the scripted FB loads");
    assert_eq!(signup.state(), FlowState::READY);
    signup
}

#[wasm_bindgen_test]
async fn cancel_ends_a_run_that_meta_never_answers_and_nothing_is_posted_after() {
    let key = unique_key("cancel");
    stub_window_open(false);
    let signup = ready(config(&key, "ok")).await;
    let outcome = signup.launch();
    assert!(open_is_the_stub(), "the page's window.open is put back");
    assert_eq!(signup.state(), FlowState::WaitingForMeta);
    sleep(50).await;
    assert!(signup.cancel(), "a waiting run can be cancelled");
    let outcome = outcome.await;
    restore_window_open();
    assert_eq!(
        outcome,
        Outcome::Cancelled {
            current_step: None,
            source: CancelSource::Page
        }
    );
    assert!(fake_popup_closed(), "Meta's window is closed on cancel");
    assert!(!signup.is_running());
    assert!(!signup.cancel(), "nothing left to cancel");
    // Meta answers late: the run is over, nothing is sent.
    post_message(FB_ORIGIN, &finish_event());
    fb_respond(0, Some("AQ-late-code"));
    sleep(300).await;
    assert!(received(&key).await.is_empty());
    signup.destroy();
}

#[wasm_bindgen_test]
async fn a_run_meta_never_answers_ends_at_run_timeout() {
    let key = unique_key("run-timeout");
    let signup = ready(SignupConfig {
        run_timeout_ms: 1_000,
        ..config(&key, "ok")
    })
    .await;
    let outcome = signup.launch().await;
    match &outcome {
        Outcome::Failed { kind, message, .. } => {
            assert_eq!(*kind, FailureKind::RunTimeout);
            assert!(message.contains("runTimeoutMs"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert!(!signup.is_running());
    signup.destroy();
}

#[wasm_bindgen_test]
async fn a_blocked_popup_fails_popup_blocked_at_once() {
    let key = unique_key("blocked");
    stub_window_open(true);
    let signup = ready(config(&key, "ok")).await;
    let outcome = signup.launch().await;
    let restored = open_is_the_stub();
    restore_window_open();
    assert!(restored, "the page's window.open is put back");
    assert!(
        matches!(
            outcome,
            Outcome::Failed {
                kind: FailureKind::PopupBlocked,
                ..
            }
        ),
        "{outcome:?}"
    );
    // The SDK's own "no auth response" that follows changes nothing.
    fb_respond(0, None);
    sleep(50).await;
    assert!(matches!(
        signup.state(),
        FlowState::Ended(Outcome::Failed {
            kind: FailureKind::PopupBlocked,
            ..
        })
    ));
    signup.destroy();
}

#[wasm_bindgen_test]
async fn messages_from_other_origins_are_dropped_before_their_data_is_read() {
    let key = unique_key("origin-first");
    let signup = ready(config(&key, "ok")).await;
    let outcome = signup.launch();
    js(r#"
        window.__reads = 0;
        const data = { toJSON() { window.__reads += 1; return { type: "WA_EMBEDDED_SIGNUP" }; } };
        for (const origin of ["https://evil.example", "https://www.facebook.com"]) {
            window.dispatchEvent(new MessageEvent("message", { origin, data }));
        }
    "#);
    let reads = js("return window.__reads;").as_f64();
    assert_eq!(reads, Some(1.0), "only the facebook.com message is read");
    assert!(signup.cancel());
    let _ = outcome.await;
    signup.destroy();
}

#[wasm_bindgen_test]
fn one_app_id_per_page() {
    let a = EmbeddedSignup::new(config("app-a", "ok")).expect("first app");
    let same = EmbeddedSignup::new(config("app-a2", "ok")).expect("same appId is shared");
    let other = SignupConfig {
        app_id: "5550001".into(),
        ..config("app-b", "ok")
    };
    let err = EmbeddedSignup::new(other.clone()).err().expect("conflict");
    assert_eq!(err.code(), "APP_ID_CONFLICT");
    assert_eq!(
        claim_app_id("5550001").unwrap_err().code(),
        "APP_ID_CONFLICT"
    );
    drop((a, same));
    let b = EmbeddedSignup::new(other).expect("free once the others are gone");
    drop(b);
}

#[wasm_bindgen_test]
fn a_relative_callback_url_is_resolved_against_the_page() {
    let raw = serde_json::from_str::<JsonValue>(
        r#"{"appId":"1234567890","configId":"987654321","callbackUrl":"/whatsapp/callback?x=1"}"#,
    )
    .unwrap();
    let config = page_config(&raw).expect("relative callbackUrl");
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    assert_eq!(
        config.callback_url,
        format!("{origin}/whatsapp/callback?x=1")
    );
    let remote = serde_json::from_str::<JsonValue>(
        r#"{"appId":"1","configId":"2","callbackUrl":"//evil.example/cb"}"#,
    )
    .unwrap();
    // Protocol-relative on an http page: http on a remote host is refused.
    assert_eq!(
        page_config(&remote).unwrap_err().code(),
        "INVALID_CALLBACK_URL"
    );
}
