#![cfg(target_arch = "wasm32")]
//! Redirect mode's return page in headless Chromium: `completeRedirect` checks
//! `state`, cleans the address bar, and POSTs `{ code, redirectUri }` once.

mod flow_support;

use serde_json::json;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use flow_support::*;
use wa_signup::flow::browser::EmbeddedSignup;
use wa_signup::flow::redirect::STATE_STORAGE_KEY;
use wa_signup::flow::{FailureKind, Mode, Outcome, SignupConfig};

wasm_bindgen_test_configure!(run_in_browser);

/// The test page itself (origin and path): a return is read only on the
/// page that is the configured `redirectUri`.
fn redirect_uri() -> String {
    let location = web_sys::window().unwrap().location();
    format!(
        "{}{}",
        location.origin().unwrap(),
        location.pathname().unwrap()
    )
}

fn redirect_config(key: &str) -> SignupConfig {
    SignupConfig {
        mode: Mode::Redirect,
        redirect_uri: Some(redirect_uri()),
        ..config(key, "ok")
    }
}

/// Puts `query` on the test page's URL (same path), returning the original URL.
fn set_query(query: &str) -> String {
    let window = web_sys::window().unwrap();
    let original = window.location().href().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{query}")))
        .unwrap();
    original
}

fn restore(url: &str) {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(url))
        .unwrap();
}

fn store_state(state: Option<&str>) {
    let storage = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    match state {
        Some(state) => storage.set_item(STATE_STORAGE_KEY, state).unwrap(),
        None => storage.remove_item(STATE_STORAGE_KEY).unwrap(),
    }
}

fn stored_state() -> Option<String> {
    let storage = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    storage.get_item(STATE_STORAGE_KEY).unwrap()
}

fn search() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}

#[wasm_bindgen_test]
async fn the_return_page_posts_code_and_redirect_uri_once_and_cleans_the_url() {
    let key = unique_key("redirect-ok");
    store_state(Some("0123456789abcdef0123456789abcdef"));
    let original =
        set_query("?keep=1&code=AQ-redirect-code&state=0123456789abcdef0123456789abcdef");
    let signup = EmbeddedSignup::new(redirect_config(&key)).unwrap();
    let outcome = signup.complete_redirect();
    assert_eq!(
        search(),
        "?keep=1",
        "the code leaves the address bar before the POST"
    );
    assert_eq!(stored_state(), None, "the state is single-use");
    let outcome = outcome.await;
    restore(&original);
    assert!(
        matches!(outcome, Some(Outcome::Connected { session: None, .. })),
        "{outcome:?}"
    );
    assert_eq!(
        only_post_body(&key).await,
        json!({ "code": "AQ-redirect-code", "redirectUri": redirect_uri() })
    );
}

#[wasm_bindgen_test]
async fn a_foreign_state_is_refused_without_a_post() {
    let key = unique_key("redirect-mismatch");
    store_state(Some("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    let original = set_query("?code=AQ-stolen&state=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    let signup = EmbeddedSignup::new(redirect_config(&key)).unwrap();
    let outcome = signup.complete_redirect().await;
    let cleaned = search();
    restore(&original);
    assert!(
        matches!(
            outcome,
            Some(Outcome::Failed {
                kind: FailureKind::StateMismatch,
                ..
            })
        ),
        "{outcome:?}"
    );
    assert_eq!(
        cleaned, "",
        "the code is removed from the URL even when refused"
    );
    sleep(100).await;
    assert!(received(&key).await.is_empty());
}

#[wasm_bindgen_test]
async fn a_denied_dialog_is_reported_and_a_plain_page_is_left_alone() {
    let key = unique_key("redirect-denied");
    store_state(Some("cccccccccccccccccccccccccccccccc"));
    let original = set_query(
        "?error=access_denied&error_reason=user_denied&state=cccccccccccccccccccccccccccccccc",
    );
    let signup = EmbeddedSignup::new(redirect_config(&key)).unwrap();
    let outcome = signup.complete_redirect().await;
    restore(&original);
    // Issue 10: declining Meta's dialog is a cancellation, not a failure.
    assert_eq!(outcome, Some(Outcome::cancelled_in_meta(None)));

    let original = set_query("?page=2");
    let outcome = signup.complete_redirect().await;
    let untouched = search();
    restore(&original);
    assert_eq!(outcome, None);
    assert_eq!(untouched, "?page=2");
    assert!(received(&key).await.is_empty());
}

/// Issue 9: another OAuth provider's `?code=&state=` on the page, while no
/// redirect run of ours is pending, is not ours: no outcome, the URL and its
/// parameters stay exactly as they were, nothing is POSTed.
#[wasm_bindgen_test]
async fn a_foreign_code_and_state_without_a_pending_run_are_left_alone() {
    let key = unique_key("redirect-foreign");
    store_state(None);
    let query = "?code=other-provider-code&state=other-provider-state&error=x";
    let original = set_query(query);
    let signup = EmbeddedSignup::new(redirect_config(&key)).unwrap();
    let outcome = signup.complete_redirect().await;
    let untouched = search();
    restore(&original);
    assert_eq!(outcome, None);
    assert_eq!(untouched, query);
    sleep(100).await;
    assert!(received(&key).await.is_empty());
}

/// A pending run of ours, but this page is not the `redirectUri`: not ours
/// either; the pending state is kept for the real return page.
#[wasm_bindgen_test]
async fn a_return_on_another_page_is_left_alone() {
    let key = unique_key("redirect-other-page");
    store_state(Some("dddddddddddddddddddddddddddddddd"));
    let query = "?code=AQ-elsewhere&state=dddddddddddddddddddddddddddddddd";
    let original = set_query(query);
    let signup = EmbeddedSignup::new(SignupConfig {
        redirect_uri: Some("https://app.example.com/whatsapp/return".into()),
        ..redirect_config(&key)
    })
    .unwrap();
    let outcome = signup.complete_redirect().await;
    let untouched = search();
    let pending = stored_state();
    restore(&original);
    store_state(None);
    assert_eq!(outcome, None);
    assert_eq!(untouched, query);
    assert_eq!(pending.as_deref(), Some("dddddddddddddddddddddddddddddddd"));
    assert!(received(&key).await.is_empty());
}
