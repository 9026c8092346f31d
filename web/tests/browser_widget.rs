#![cfg(target_arch = "wasm32")]
//! Browser tests of the widget through its JS entry point `mount()`: what it
//! shows and does at each step of a run (fixtures in `support/`).

mod support;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::Element;

use support::*;
use wa_signup_web::mount;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn shows_sdk_loading_then_ready_and_inits_the_sdk() {
    install_fake_fb();
    let el = container();
    let handle = mount(el.clone().into(), options("")).expect("mounts");
    // Synchronously after mount: loading, busy, button disabled.
    assert_eq!(title(&el), "Loading Facebook sign-in…");
    assert_eq!(
        attr(&el, ".wa-signup-status", "aria-busy").as_deref(),
        Some("true")
    );
    assert_eq!(
        attr(&el, ".wa-signup-status", "aria-live").as_deref(),
        Some("polite")
    );
    assert_eq!(
        attr(&el, ".wa-signup-status", "role").as_deref(),
        Some("status")
    );
    assert!(primary(&el).has_attribute("disabled"));
    assert_eq!(primary(&el).tag_name(), "BUTTON");
    assert_eq!(
        primary(&el).text_content().as_deref(),
        Some("Connect WhatsApp")
    );

    sleep(20).await;
    assert_eq!(
        title(&el),
        "Ready to connect your WhatsApp Business account."
    );
    assert_eq!(
        attr(&el, ".wa-signup-status", "aria-busy").as_deref(),
        Some("false")
    );
    assert!(!primary(&el).has_attribute("disabled"));
    assert!(redirect_button(&el).has_attribute("hidden"));
    let init = js("return window.__wa.inits[0];", &[]);
    assert_eq!(
        get(&init, "appId").as_string().as_deref(),
        Some("1234567890")
    );
    cleanup(el, handle);
}

#[wasm_bindgen_test]
async fn click_calls_fb_login_inside_the_click_then_waits_for_meta() {
    let (el, handle) = ready_widget("").await;
    assert_eq!(login_count(), 0);
    primary(&el).click();
    // No await between the click and FB.login (popup blockers).
    assert_eq!(login_count(), 1);
    let login_options = js("return window.__wa.logins[0].o;", &[]);
    assert_eq!(
        get(&login_options, "config_id").as_string().as_deref(),
        Some("987654321")
    );
    sleep(0).await;
    assert_eq!(title(&el), "Waiting for Meta…");
    assert_eq!(
        attr(&el, ".wa-signup-status", "aria-busy").as_deref(),
        Some("true")
    );
    assert!(primary(&el).has_attribute("disabled"));
    // A second click while busy does nothing.
    primary(&el).click();
    assert_eq!(login_count(), 1);
    cleanup(el, handle);
}

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
async fn a_page_that_cuts_popups_off_says_so_before_and_after_the_click() {
    // As on a page sent with `Cross-Origin-Opener-Policy: same-origin` (and COEP).
    js(
        "window.__coi = Object.getOwnPropertyDescriptor(window, 'crossOriginIsolated');
         Object.defineProperty(window, 'crossOriginIsolated', { value: true, configurable: true });",
        &[],
    );
    let (el, handle) = ready_widget("").await;
    let coop = "Cross-Origin-Opener-Policy: same-origin-allow-popups.";
    let notice = text(&el, ".wa-signup-status-detail");
    assert_eq!(
        notice,
        format!("This page's Cross-Origin-Opener-Policy cuts Meta's window off from it: the site must send {coop}")
    );
    assert!(
        !primary(&el).has_attribute("disabled"),
        "Connect still works"
    );
    primary(&el).click();
    // Meta's window cannot report back: FB.login ends without an answer.
    answer_login(0, r#"{"authResponse":null,"status":"unknown"}"#);
    sleep(20).await;
    js(
        "if (window.__coi) Object.defineProperty(window, 'crossOriginIsolated', window.__coi);
         else delete window.crossOriginIsolated;",
        &[],
    );
    assert_eq!(title(&el), "Couldn't connect WhatsApp.");
    let status = status_region(&el).text_content().unwrap_or_default();
    assert!(
        status.contains(&format!(
            "This page's Cross-Origin-Opener-Policy cut Meta's window off from it. The site must send {coop}"
        )),
        "{status}"
    );
    assert!(status.contains("Error code: POPUP_ISOLATED"), "{status}");
    assert!(!status.contains("cancelled"), "{status}");
    cleanup(el, handle);
}

#[wasm_bindgen_test]
async fn a_relative_callback_url_is_resolved_against_the_page() {
    let (el, handle) = ready_widget(r#""callbackUrl":"/whatsapp/callback""#).await;
    stub_fetch(200, PROFILE);
    primary(&el).click();
    post_session(FB_ORIGIN, FINISH);
    answer_login(0, r#"{"authResponse":{"code":"AQ-relative"}}"#);
    sleep(50).await;
    assert_eq!(title(&el), "Connected: Acme Corp");
    let origin = js("return location.origin;", &[])
        .as_string()
        .unwrap_or_default();
    assert_eq!(post_urls(), [format!("{origin}/whatsapp/callback")]);
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
fn invalid_options_throw_wa_signup_errors_with_codes() {
    let el = container();
    let cases = [
        (
            options(r#""headers":{"Authorization":"Bearer sk_admin_0123456789abcdef"}"#),
            "SECRET_IN_BROWSER",
        ),
        (
            options(r#""nested":{"key":"sk_admin_0123456789abcdef"}"#),
            "SECRET_IN_BROWSER",
        ),
        (
            js_sys::JSON::parse(
                r#"{"appId":"abc","configId":"1","callbackUrl":"https://x.example/cb"}"#,
            )
            .expect("json"),
            "INVALID_APP_ID",
        ),
        (
            options(r#""callbackUrl":"http://example.com/cb""#),
            "INVALID_CALLBACK_URL",
        ),
        (options(r#""phoneField":"yes""#), "INVALID_CONFIG"),
        (
            options(r#""allowedOrigins":["https://anything.example"]"#),
            "INVALID_ALLOWED_ORIGIN",
        ),
        (options(r#""runTimeoutMs":10"#), "INVALID_RUN_TIMEOUT"),
        (options(r#""styles":"inline""#), "INVALID_CONFIG"),
        (options(r#""nonce":"not a nonce""#), "INVALID_CONFIG"),
        // Not JSON: a BigInt, a cycle.
        (
            js(
                "return { appId: 1234567890n, configId: '1', callbackUrl: 'https://x.example/cb' }",
                &[],
            ),
            "INVALID_CONFIG",
        ),
        (
            js(
                "const o = { appId: '1', configId: '1', callbackUrl: 'https://x.example/cb' }; o.self = o; return o",
                &[],
            ),
            "INVALID_CONFIG",
        ),
    ];
    for (opts, code) in cases {
        let err = mount(el.clone().into(), opts).err().expect("throws");
        assert_eq!(
            get(&err, "name").as_string().as_deref(),
            Some("WaSignupError")
        );
        assert_eq!(get(&err, "code").as_string().as_deref(), Some(code));
        assert!(err.is_instance_of::<js_sys::Error>());
        let message = get(&err, "message").as_string().unwrap_or_default();
        assert!(
            !message.contains("0123456789abcdef"),
            "the secret is never echoed: {message}"
        );
    }
    let err = mount(JsValue::from_str("#app"), options(""))
        .err()
        .expect("throws");
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("INVALID_ELEMENT")
    );
    assert_eq!(el.child_element_count(), 0, "nothing mounted");
    el.remove();
}

#[wasm_bindgen_test]
fn numeric_ids_and_nested_options_are_read() {
    install_fake_fb();
    let el = container();
    // Numbers for the ids, nested objects and arrays, and fields JSON drops
    // (undefined, functions) are all read as `JSON.stringify` would write them.
    let opts = js(
        "return { appId: 1234567890, configId: 987654321, callbackUrl: 'http://127.0.0.1:9/cb', \
         headers: { 'X-CSRF': 't' }, allowedOrigins: ['http://localhost:5173'], sessionGraceMs: 200, \
         redirectUri: undefined, onWhatever() {}, phoneField: true }",
        &[],
    );
    let handle = mount(el.clone().into(), opts).expect("mounts");
    assert!(handle.is_mounted());
    assert_eq!(
        el.query_selector_all(".wa-signup-input")
            .map(|l| l.length())
            .ok(),
        Some(1)
    );
    // A secret deep in an array is still found.
    let opts = js(
        "return { appId: 1, configId: 2, callbackUrl: 'https://x.example/cb', \
         allowedOrigins: [[['sk_admin_0123456789abcdef']]] }",
        &[],
    );
    let err = mount(el.clone().into(), opts).err().expect("throws");
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("SECRET_IN_BROWSER")
    );
    cleanup(el, handle);
}

#[wasm_bindgen_test]
async fn destroy_unmounts_and_ends_the_run() {
    let (el, handle) = ready_widget("").await;
    stub_fetch(200, PROFILE);
    primary(&el).click();
    assert!(handle.is_mounted());
    handle.destroy();
    assert!(!handle.is_mounted());
    assert_eq!(el.child_element_count(), 0, "the widget is gone");
    // Meta answers after destroy: nothing is listening, nothing is POSTed.
    post_session(FB_ORIGIN, FINISH);
    // The flow's callback may already be released (then calling it throws
    // inside the SDK); either way nothing may reach the callback URL.
    js(
        "try { window.__wa.logins[0].cb({ authResponse: { code: 'AQ-late' } }); } catch (e) {}",
        &[],
    );
    sleep(50).await;
    assert!(posts().is_empty(), "{:?}", posts());
    handle.destroy(); // twice is fine
    el.remove();
    restore_fetch();
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_are_independent() {
    install_fake_fb();
    let (a, b) = (container(), container());
    let ha = mount(a.clone().into(), options("")).expect("mounts a");
    let hb = mount(b.clone().into(), options(r#""phoneField":true"#)).expect("mounts b");
    sleep(20).await;
    primary(&a).click();
    sleep(0).await;
    assert_eq!(title(&a), "Waiting for Meta…");
    assert_eq!(
        title(&b),
        "Ready to connect your WhatsApp Business account."
    );
    assert_ne!(
        attr(&a, ".wa-signup-status", "id"),
        attr(&b, ".wa-signup-status", "id")
    );
    assert_eq!(
        attr(&a, ".wa-signup-button", "aria-describedby"),
        attr(&a, ".wa-signup-status", "id")
    );
    assert_eq!(widget_sheets(), 1, "one stylesheet for both widgets");
    assert!(a
        .query_selector(".wa-signup-input")
        .ok()
        .flatten()
        .is_none());
    assert!(b
        .query_selector(".wa-signup-input")
        .ok()
        .flatten()
        .is_some());
    cleanup(a, ha);
    cleanup(b, hb);
}

/// Types `value` into the input as a user would (value + `input` event).
fn type_into(input: &Element, value: &str) {
    js(
        "a.value = b; a.dispatchEvent(new Event('input', { bubbles: true }));",
        &[input.clone().into(), s(value)],
    );
}

#[wasm_bindgen_test]
async fn phone_field_validates_live_and_splits_for_meta() {
    let (el, handle) = ready_widget(r#""phoneField":true"#).await;
    let seen = record_events(&el);
    let input = find(&el, ".wa-signup-input");
    let hint_id = attr(&el, ".wa-signup-hint", "id").unwrap_or_default();
    assert_eq!(input.get_attribute("type").as_deref(), Some("tel"));
    assert_eq!(
        input.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    let label_for = attr(&el, ".wa-signup-label", "for");
    assert_eq!(label_for, input.get_attribute("id"));
    assert_eq!(
        input.get_attribute("aria-describedby"),
        Some(hint_id.clone())
    );
    assert!(find(&el, ".wa-signup-split").has_attribute("hidden"));

    // (typed, aria-invalid, hint fragment, split shown)
    let cases = [
        ("212 555 1234", "true", "Start with +", false),
        ("+1 212 555 12a4", "true", "“a” (character 14)", false),
        ("+999 1234", "true", "+999 is not a country code", false),
        (
            "+44 7911 123456",
            "false",
            "Valid number: +447911123456",
            true,
        ),
        ("", "false", "Include the country code", false),
    ];
    for (typed, invalid, fragment, split) in cases {
        type_into(&input, typed);
        sleep(0).await;
        assert_eq!(
            input.get_attribute("aria-invalid").as_deref(),
            Some(invalid),
            "{typed}"
        );
        let hint = text(&el, ".wa-signup-hint");
        assert!(hint.contains(fragment), "{typed}: {hint}");
        assert_eq!(
            !find(&el, ".wa-signup-split").has_attribute("hidden"),
            split,
            "{typed}"
        );
    }
    type_into(&input, "+44 7911 123456");
    sleep(0).await;
    assert_eq!(text(&el, ".wa-signup-cc"), "44");
    assert_eq!(text(&el, ".wa-signup-national"), "7911123456");
    let described = input.get_attribute("aria-describedby").unwrap_or_default();
    assert!(
        described.starts_with(&hint_id) && described.contains("-split"),
        "{described}"
    );

    let phone_events = events_of(&seen, "wa-signup:phone");
    assert_eq!(phone_events.len(), 6);
    let last = phone_events.last().cloned().unwrap_or(JsValue::UNDEFINED);
    assert_eq!(get(&last, "validity").as_string().as_deref(), Some("valid"));
    assert_eq!(get(&last, "cc").as_string().as_deref(), Some("44"));
    assert_eq!(
        get(&last, "phoneNumber").as_string().as_deref(),
        Some("7911123456")
    );
    assert_eq!(
        get(&last, "e164").as_string().as_deref(),
        Some("+447911123456")
    );
    let first = phone_events.first().cloned().unwrap_or(JsValue::UNDEFINED);
    assert_eq!(
        get(&first, "errorCode").as_string().as_deref(),
        Some("MISSING_PLUS")
    );
    assert!(get(&first, "cc").is_undefined());
    cleanup(el, handle);
}

/// Issue 10: a valid number in the phone field pre-fills Meta's business
/// phone (`extras.setup.business.phone`, split by our parser); an invalid
/// one sends nothing; the page's own `extras` win.
#[wasm_bindgen_test]
async fn a_typed_number_prefills_metas_business_phone() {
    let login_extras = |n: u32| {
        js(
            "return JSON.stringify(window.__wa.logins[a].o.extras);",
            &[JsValue::from(n)],
        )
        .as_string()
        .unwrap_or_default()
    };
    let (el, handle) = ready_widget(r#""phoneField":true"#).await;
    let input = find(&el, ".wa-signup-input");
    type_into(&input, "+44 7911 123456");
    sleep(0).await;
    primary(&el).click();
    assert_eq!(login_count(), 1);
    assert_eq!(
        login_extras(0),
        r#"{"setup":{"business":{"phone":{"code":44,"number":"7911123456"}}}}"#
    );
    answer_login(0, r#"{"status":"unknown","authResponse":null}"#);
    sleep(400).await; // sessionGraceMs 200: the run ends cancelled
    assert_eq!(title(&el), "Signup cancelled.");
    // "Try again" with an invalid number: nothing pre-filled.
    type_into(&input, "+44 79");
    sleep(0).await;
    primary(&el).click();
    assert_eq!(login_count(), 2, "Try again launches in the same click");
    assert_eq!(login_extras(1), r#"{"setup":{}}"#);
    cleanup(el, handle);

    let (el, handle) = ready_widget(
        r#""phoneField":true,"extras":{"setup":{"business":{"phone":{"code":1,"number":"6505559999"}}}}"#,
    )
    .await;
    type_into(&find(&el, ".wa-signup-input"), "+44 7911 123456");
    sleep(0).await;
    primary(&el).click();
    assert_eq!(
        login_extras(0),
        r#"{"setup":{"business":{"phone":{"code":1,"number":"6505559999"}}}}"#,
        "the page's own extras win"
    );
    cleanup(el, handle);
}

#[wasm_bindgen_test]
async fn host_page_themes_the_widget_with_css_variables() {
    let (el, handle) = ready_widget("").await;
    assert_eq!(button_background(&el), ACCENT, "default accent #008069");
    // Set on the mount element (an ancestor of the widget root): inherited, wins.
    el.style()
        .set_property("--wa-signup-accent", "#5b21b6")
        .expect("set");
    assert_eq!(button_background(&el), "rgb(91, 33, 182)");
    cleanup(el, handle);
}
