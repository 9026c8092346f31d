#![cfg(target_arch = "wasm32")]
//! What the widget's status says at each end of a run, and the buttons it
//! offers then (Try again, Cancel, redirect mode): cancelled, Meta's error,
//! no auth response, sending, connected, the callback's error (fixtures in
//! `support/`).

mod support;

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use support::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn cancel_at_a_step_says_which_and_offers_try_again() {
    let (el, handle) = ready_widget("").await;
    let seen = record_events(&el);
    primary(&el).click();
    post_session(
        FB_ORIGIN,
        r#"{"type":"WA_EMBEDDED_SIGNUP","event":"CANCEL","data":{"current_step":"PHONE_NUMBER_VERIFICATION"}}"#,
    );
    answer_login(0, r#"{"authResponse":null,"status":"unknown"}"#);
    sleep(20).await;
    assert_eq!(title(&el), "Signup cancelled.");
    assert_eq!(
        text(&el, ".wa-signup-status-detail"),
        "You left at the step “Phone number verification”."
    );
    assert_eq!(
        attr(&el, ".wa-signup-status", "data-tone").as_deref(),
        Some("error")
    );
    let button = primary(&el);
    assert_eq!(button.text_content().as_deref(), Some("Try again"));
    assert!(!button.has_attribute("disabled"));
    // Focus moves to "Try again" (nothing else on the page had it).
    assert_eq!(active_element(), Some(button.clone().into()));
    // The host sees the cancel event, bubbled from the widget.
    let cancels = events_of(&seen, "wa-signup:cancel");
    assert_eq!(cancels.len(), 1);
    assert_eq!(
        get(&cancels[0], "currentStep").as_string().as_deref(),
        Some("PHONE_NUMBER_VERIFICATION")
    );
    // "Try again" starts a new run inside the same click.
    button.click();
    assert_eq!(login_count(), 2);
    sleep(0).await;
    assert_eq!(title(&el), "Waiting for Meta…");
    cleanup(el, handle);
}

#[wasm_bindgen_test]
async fn cancel_button_ends_a_run_whose_fb_login_never_answers() {
    // The fake FB.login never calls back unless the test answers it.
    let (el, handle) = ready_widget("").await;
    stub_fetch(200, PROFILE);
    let seen = record_events(&el);
    assert!(
        cancel_button(&el).has_attribute("hidden"),
        "no Cancel before a run"
    );
    primary(&el).click();
    sleep(20).await;
    assert_eq!(title(&el), "Waiting for Meta…");
    let cancel = cancel_button(&el);
    assert!(
        !cancel.has_attribute("hidden"),
        "Cancel while waiting for Meta"
    );
    assert_eq!(cancel.text_content().as_deref(), Some("Cancel"));
    assert!(!cancel.has_attribute("disabled"));
    assert_eq!(
        cancel.get_attribute("aria-describedby"),
        attr(&el, ".wa-signup-status", "id")
    );

    cancel.click();
    sleep(20).await;
    assert_eq!(title(&el), "Signup cancelled.");
    assert_eq!(
        text(&el, ".wa-signup-status-detail"),
        "You stopped the signup before it finished."
    );
    assert!(cancel_button(&el).has_attribute("hidden"));
    let again = primary(&el);
    assert_eq!(again.text_content().as_deref(), Some("Try again"));
    assert!(!again.has_attribute("disabled"));
    assert_eq!(
        active_element(),
        Some(again.clone().into()),
        "focus on Try again"
    );
    let cancels = events_of(&seen, "wa-signup:cancel");
    assert_eq!(cancels.len(), 1);
    assert_eq!(
        get(&cancels[0], "source").as_string().as_deref(),
        Some("page")
    );

    // Meta answers after all: the cancelled run never POSTs.
    post_session(FB_ORIGIN, FINISH);
    js(
        "try { window.__wa.logins[0].cb({ authResponse: { code: 'AQ-late' } }); } catch (e) {}",
        &[],
    );
    sleep(50).await;
    assert!(posts().is_empty(), "{:?}", posts());
    assert_eq!(title(&el), "Signup cancelled.");

    // "Try again" starts a new run in the same click, with its own Cancel.
    again.click();
    assert_eq!(login_count(), 2);
    sleep(20).await;
    assert_eq!(title(&el), "Waiting for Meta…");
    assert!(!cancel_button(&el).has_attribute("hidden"));
    cleanup(el, handle);
}

#[wasm_bindgen_test]
async fn cancel_with_meta_error_fails_with_the_reason() {
    let (el, handle) = ready_widget("").await;
    primary(&el).click();
    post_session(
        FB_ORIGIN,
        r#"{"type":"WA_EMBEDDED_SIGNUP","event":"CANCEL","data":{"error_message":"Your business is restricted","error_id":"524126","session_id":"f34b","timestamp":"1689"}}"#,
    );
    answer_login(0, r#"{"authResponse":null}"#);
    sleep(20).await;
    assert_eq!(title(&el), "Couldn't connect WhatsApp.");
    let status = status_region(&el).text_content().unwrap_or_default();
    assert!(
        status.contains("Meta reported an error: Your business is restricted"),
        "{status}"
    );
    assert!(status.contains("Error code: META_ERROR"), "{status}");
    assert_eq!(primary(&el).text_content().as_deref(), Some("Try again"));
    assert!(redirect_button(&el).has_attribute("hidden"));
    cleanup(el, handle);
}

#[wasm_bindgen_test]
async fn finish_without_auth_response_offers_redirect_mode_when_configured() {
    for (extra, offered) in [
        (r#""redirectUri":"https://example.com/return""#, true),
        ("", false),
    ] {
        let (el, handle) = ready_widget(extra).await;
        primary(&el).click();
        post_session(FB_ORIGIN, FINISH);
        answer_login(
            login_count() - 1,
            r#"{"authResponse":null,"status":"unknown"}"#,
        );
        sleep(20).await;
        let status = status_region(&el).text_content().unwrap_or_default();
        assert!(status.contains("NO_AUTH_RESPONSE"), "{status}");
        assert_eq!(
            !redirect_button(&el).has_attribute("hidden"),
            offered,
            "{extra}"
        );
        assert_eq!(
            redirect_button(&el).text_content().as_deref(),
            Some("Continue in this window")
        );
        assert!(posts().is_empty(), "nothing is POSTed without a code");
        cleanup(el, handle);
    }
}

#[wasm_bindgen_test]
async fn sending_state_is_shown_while_the_callback_runs() {
    let (el, handle) = ready_widget("").await;
    // A fetch that never answers (until the 2 s timeout).
    js(
        "if (!window.__realFetch) window.__realFetch = window.fetch;
         window.fetch = () => new Promise(() => {});",
        &[],
    );
    primary(&el).click();
    post_session(FB_ORIGIN, FINISH);
    answer_login(0, r#"{"authResponse":{"code":"AQ-slow"}}"#);
    sleep(20).await;
    assert_eq!(title(&el), "Connecting your account…");
    assert_eq!(
        attr(&el, ".wa-signup-status", "aria-busy").as_deref(),
        Some("true")
    );
    assert!(primary(&el).has_attribute("disabled"));
    cleanup(el, handle);
}

#[wasm_bindgen_test]
async fn connected_shows_business_name_and_numbers_after_one_post() {
    let (el, handle) = ready_widget("").await;
    stub_fetch(200, PROFILE);
    let seen = record_events(&el);
    primary(&el).click();
    post_session(FB_ORIGIN, FINISH);
    answer_login(
        0,
        r#"{"authResponse":{"code":"AQ-test-code"},"status":"connected"}"#,
    );
    sleep(50).await;
    assert_eq!(title(&el), "Connected: Acme Corp");
    assert_eq!(text(&el, ".wa-signup-numbers li"), "+15551234567");
    assert_eq!(
        attr(&el, ".wa-signup-status", "data-tone").as_deref(),
        Some("success")
    );
    assert!(
        primary(&el).has_attribute("hidden"),
        "no button once connected"
    );
    // Focus goes to the status region (there is no button to focus).
    assert_eq!(active_element(), Some(status_region(&el)));
    let sent = posts();
    assert_eq!(sent.len(), 1, "exactly one POST");
    let body = js_sys::JSON::parse(&sent[0]).expect("JSON body");
    assert_eq!(
        get(&body, "code").as_string().as_deref(),
        Some("AQ-test-code")
    );
    assert_eq!(
        get(&body, "wabaId").as_string().as_deref(),
        Some("524126980791429")
    );
    assert_eq!(events_of(&seen, "wa-signup:success").len(), 1);
    cleanup(el, handle);
}

#[wasm_bindgen_test]
async fn callback_error_shows_status_and_is_never_retried_automatically() {
    let (el, handle) = ready_widget("").await;
    stub_fetch(500, r#"{"error":"boom"}"#);
    primary(&el).click();
    post_session(FB_ORIGIN, FINISH);
    answer_login(0, r#"{"authResponse":{"code":"AQ-once"}}"#);
    sleep(50).await;
    let status = status_region(&el).text_content().unwrap_or_default();
    assert!(
        status.contains("The server did not accept the signup (HTTP 500)."),
        "{status}"
    );
    assert!(status.contains("CALLBACK_HTTP_ERROR"), "{status}");
    sleep(50).await;
    assert_eq!(posts().len(), 1, "no automatic retry");
    // Try again = a new FB.login, not a re-POST of the old code.
    primary(&el).click();
    assert_eq!(login_count(), 2);
    sleep(20).await;
    assert_eq!(posts().len(), 1);
    cleanup(el, handle);
}
