#![cfg(target_arch = "wasm32")]
//! `mount()`'s options and handle: invalid options throw `WaSignupError`s
//! with codes, numeric ids and nested options are read, `destroy()` unmounts
//! and ends the run, two widgets on one page are independent (fixtures in
//! `support/`).

mod support;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use support::*;
use wa_signup_web::mount;

wasm_bindgen_test_configure!(run_in_browser);

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
