#![cfg(target_arch = "wasm32")]
//! SDK loading and the "not ready" guard, in headless Chromium. The fake SDK
//! script is served by the loopback callback server (`/sdk.js`).

mod flow_support;

use std::future::Future;
use std::task::Poll;

use serde_json::json;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use flow_support::*;
use wa_signup::flow::browser::{EmbeddedSignup, SDK_SCRIPT_ID};
use wa_signup::flow::{FailureKind, FlowState, Outcome, SignupConfig};
use wa_signup::ErrorCode;

wasm_bindgen_test_configure!(run_in_browser);

fn script_count() -> u32 {
    js(&format!(
        "return document.querySelectorAll('script#{SDK_SCRIPT_ID}').length;"
    ))
    .as_f64()
    .unwrap_or(-1.0) as u32
}

fn reset_page() {
    remove_fb();
    js(&format!(
        "document.querySelectorAll('script#{SDK_SCRIPT_ID}').forEach(s => s.remove()); delete window.fbAsyncInit; window.__fakeSdkLoads = 0;"
    ));
}

#[wasm_bindgen_test]
async fn launch_before_the_sdk_is_ready_fails_at_once_without_opening() {
    reset_page();
    let key = unique_key("not-ready");
    let signup = EmbeddedSignup::new(config(&key, "ok")).unwrap();
    assert_eq!(signup.state(), FlowState::SdkLoading);
    let outcome = signup.launch().await;
    assert!(
        matches!(
            outcome,
            Outcome::Failed {
                kind: FailureKind::SdkNotReady,
                ..
            }
        ),
        "{outcome:?}"
    );
    // A window.FB that we did not initialise is not "ready" either.
    install_fb();
    let outcome = signup.launch().await;
    assert!(matches!(
        outcome,
        Outcome::Failed {
            kind: FailureKind::SdkNotReady,
            ..
        }
    ));
    assert_eq!(fb_login_count(), 0, "FB.login is never called late");
    assert!(!signup.is_running());
}

#[wasm_bindgen_test]
async fn an_existing_window_fb_is_reused_and_initialised() {
    reset_page();
    install_fb();
    let signup = EmbeddedSignup::new(SignupConfig {
        graph_api_version: "v23.0".into(),
        ..config("reuse", "ok")
    })
    .unwrap();
    signup.load().await.unwrap();
    assert_eq!(script_count(), 0, "no script when FB is already there");
    assert_eq!(
        fb_init_options(),
        json!({ "appId": "1234567890", "version": "v23.0", "xfbml": true, "cookie": true })
    );
    assert_eq!(signup.state(), FlowState::READY);
}

#[wasm_bindgen_test]
async fn the_sdk_script_is_injected_once_and_fb_async_init_runs() {
    reset_page();
    let config = SignupConfig {
        sdk_url: format!("{}/sdk.js", server()),
        ..config("inject", "ok")
    };
    let a = EmbeddedSignup::new(config.clone()).unwrap();
    let b = EmbeddedSignup::new(config).unwrap();
    let (ra, rb) = (a.load(), b.load());
    assert_eq!(
        script_count(),
        0,
        "nothing happens before the future is polled"
    );
    let (ra, rb) = futures_join(ra, rb).await;
    assert_eq!((ra, rb), (Ok(()), Ok(())));
    assert_eq!(script_count(), 1);
    assert_eq!(js("return window.__fakeSdkLoads;").as_f64(), Some(1.0));
    assert_eq!(js("return window.FB.fromSdkScript;").as_bool(), Some(true));
    assert_eq!(fb_init_options()["appId"], "1234567890");
    assert_eq!((a.state(), b.state()), (FlowState::READY, FlowState::READY));
    // Loading again is a no-op.
    a.load().await.unwrap();
    assert_eq!(js("return window.__fakeSdkLoads;").as_f64(), Some(1.0));
    // And the loaded SDK can be launched.
    let outcome = a.launch();
    assert_eq!(fb_login_count(), 1);
    fb_respond(0, None);
    assert_eq!(outcome.await, Outcome::cancelled_in_meta(None));
}

/// Awaits two futures concurrently (both are polled before either finishes).
async fn futures_join<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let (mut a, mut b) = (Box::pin(a), Box::pin(b));
    let (mut ra, mut rb) = (None, None);
    std::future::poll_fn(move |cx| {
        if ra.is_none() {
            if let Poll::Ready(v) = a.as_mut().poll(cx) {
                ra = Some(v);
            }
        }
        if rb.is_none() {
            if let Poll::Ready(v) = b.as_mut().poll(cx) {
                rb = Some(v);
            }
        }
        match (ra.take(), rb.take()) {
            (Some(x), Some(y)) => Poll::Ready((x, y)),
            (x, y) => {
                ra = x;
                rb = y;
                Poll::Pending
            }
        }
    })
    .await
}

#[wasm_bindgen_test]
async fn a_missing_script_fails_with_sdk_load_failed_and_can_be_retried() {
    reset_page();
    let broken = EmbeddedSignup::new(SignupConfig {
        sdk_url: format!("{}/missing.js", server()),
        ..config("missing", "ok")
    })
    .unwrap();
    let err = broken.load().await.unwrap_err();
    assert_eq!(err.code(), "SDK_LOAD_FAILED");
    assert!(matches!(
        broken.state(),
        FlowState::Ended(Outcome::Failed {
            kind: FailureKind::SdkLoadFailed,
            ..
        })
    ));
    let fixed = EmbeddedSignup::new(SignupConfig {
        sdk_url: format!("{}/sdk.js", server()),
        ..config("retry", "ok")
    })
    .unwrap();
    fixed.load().await.unwrap();
    assert_eq!(script_count(), 1, "the failed script was replaced");
}

#[wasm_bindgen_test]
async fn a_script_that_defines_no_fb_fails_with_sdk_load_failed() {
    reset_page();
    let signup = EmbeddedSignup::new(SignupConfig {
        sdk_url: format!("{}/sdk-nofb.js", server()),
        ..config("nofb", "ok")
    })
    .unwrap();
    assert_eq!(signup.load().await.unwrap_err().code(), "SDK_LOAD_FAILED");
}

#[wasm_bindgen_test]
fn invalid_configs_are_refused_with_typed_errors() {
    let base = config("cfg", "ok");
    let cases: Vec<(SignupConfig, &str)> = vec![
        (
            SignupConfig {
                callback_url: "http://api.example.com/cb".into(),
                ..base.clone()
            },
            "INVALID_CALLBACK_URL",
        ),
        (
            SignupConfig {
                app_id: "abc".into(),
                ..base.clone()
            },
            "INVALID_APP_ID",
        ),
        (
            SignupConfig {
                config_id: "".into(),
                ..base.clone()
            },
            "INVALID_CONFIG_ID",
        ),
        (
            SignupConfig {
                headers: [(
                    "Authorization".to_owned(),
                    "Bearer sk_admin_abc123".to_owned(),
                )]
                .into(),
                ..base.clone()
            },
            "SECRET_IN_BROWSER",
        ),
        (
            SignupConfig {
                session_grace_ms: 30_000,
                ..base.clone()
            },
            "INVALID_GRACE",
        ),
        (
            SignupConfig {
                mode: wa_signup::flow::Mode::Redirect,
                ..base.clone()
            },
            "MISSING_REDIRECT_URI",
        ),
    ];
    for (config, code) in cases {
        match EmbeddedSignup::new(config) {
            Err(err) => assert_eq!(err.code(), code),
            Ok(_) => panic!("{code} expected"),
        }
    }
}
