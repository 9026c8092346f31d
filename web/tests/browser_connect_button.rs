#![cfg(target_arch = "wasm32")]
//! The widget's Connect button from load to launch, through `mount()`: SDK
//! loading then ready (and `FB.init`), `FB.login` inside the click, the
//! opener-policy notice before and after the click, the callback URL a run
//! posts to (fixtures in `support/`).

mod support;

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

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
