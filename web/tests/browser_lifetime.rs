#![cfg(target_arch = "wasm32")]
//! How long a widget mounted with `mount()` lives: until `destroy()` or until
//! it leaves the document, whether or not the page keeps its `MountHandle`;
//! and a mount, destroy, mount sequence (React StrictMode) leaves one widget
//! with one set of listeners.

mod support;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlElement;

use support::*;
use wa_signup_web::mount;

wasm_bindgen_test_configure!(run_in_browser);

/// How many widget roots are under `el`.
fn widgets_in(el: &HtmlElement) -> u32 {
    el.query_selector_all(".wa-signup")
        .map(|list| list.length())
        .unwrap_or(0)
}

/// Connect, then Meta answers with a code: how many POSTs that made.
async fn run_to_the_callback(el: &HtmlElement) -> usize {
    stub_fetch(200, PROFILE);
    let before = login_count();
    primary(el).click();
    assert_eq!(login_count(), before + 1, "one FB.login per click");
    post_session(FB_ORIGIN, FINISH);
    answer_login(before, r#"{"authResponse":{"code":"AQ-life"}}"#);
    sleep(50).await;
    let sent = posts().len();
    restore_fetch();
    sent
}

#[wasm_bindgen_test]
async fn a_dropped_handle_leaves_the_widget_working() {
    let (el, handle) = ready_widget("").await;
    // What wasm-bindgen's finalizer does once the page lost the handle:
    // free the Rust value behind it.
    js("a.free();", &[wasm_bindgen::JsValue::from(handle)]);
    sleep(20).await;
    assert_eq!(widgets_in(&el), 1, "still mounted");
    assert_eq!(run_to_the_callback(&el).await, 1);
    assert_eq!(title(&el), "Connected: Acme Corp");
    // Removing the element is then the way to end it.
    el.remove();
    sleep(0).await;
    assert_eq!(widgets_in(&el), 0);
}

#[wasm_bindgen_test]
async fn removing_the_element_destroys_the_widget_and_ends_its_run() {
    let (el, handle) = ready_widget("").await;
    stub_fetch(200, PROFILE);
    primary(&el).click();
    el.remove();
    assert!(handle.is_mounted(), "not before the observer runs");
    sleep(0).await;
    assert!(!handle.is_mounted());
    assert_eq!(widgets_in(&el), 0, "the widget's DOM is gone");
    // Meta answers after the removal: nobody listens, nothing is POSTed.
    post_session(FB_ORIGIN, FINISH);
    js(
        "try { window.__wa.logins[0].cb({ authResponse: { code: 'AQ-late' } }); } catch (e) {}",
        &[],
    );
    sleep(50).await;
    assert!(posts().is_empty(), "{:?}", posts());
    handle.destroy(); // harmless afterwards
    restore_fetch();
}

#[wasm_bindgen_test]
async fn removing_the_widget_itself_destroys_it() {
    let (el, handle) = ready_widget("").await;
    el.replace_children_with_node_0();
    sleep(0).await;
    assert!(!handle.is_mounted());
    el.remove();
}

#[wasm_bindgen_test]
async fn moving_the_element_within_one_task_keeps_the_widget() {
    let (el, handle) = ready_widget("").await;
    let other = container();
    // Detached, then attached elsewhere, before the observer runs.
    el.remove();
    other.append_child(&el).expect("append");
    sleep(20).await;
    assert!(handle.is_mounted());
    assert_eq!(run_to_the_callback(&el).await, 1);
    cleanup(el, handle);
    other.remove();
}

#[wasm_bindgen_test]
async fn a_widget_mounted_into_a_detached_element_waits_to_be_attached() {
    install_fake_fb();
    let el: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    let handle = mount(el.clone().into(), options("")).expect("mounts");
    // Other changes of the document do not end it while it was never in it.
    let noise = container();
    sleep(20).await;
    assert!(handle.is_mounted());
    noise.append_child(&el).expect("attach");
    sleep(20).await;
    assert!(handle.is_mounted());
    assert_eq!(
        title(&el),
        "Ready to connect your WhatsApp Business account."
    );
    noise.remove();
    sleep(0).await;
    assert!(!handle.is_mounted(), "removed once it had been attached");
}

#[wasm_bindgen_test]
async fn mount_destroy_mount_leaves_one_widget_and_one_set_of_listeners() {
    install_fake_fb();
    let el = container();
    // React StrictMode runs effects twice: mount, clean up, mount again.
    let first = mount(el.clone().into(), options("")).expect("mounts");
    first.destroy();
    let second = mount(el.clone().into(), options("")).expect("mounts again");
    sleep(20).await;
    assert!(!first.is_mounted());
    assert!(second.is_mounted());
    assert_eq!(widgets_in(&el), 1);
    assert_eq!(
        title(&el),
        "Ready to connect your WhatsApp Business account."
    );
    let seen = record_events(&el);
    assert_eq!(run_to_the_callback(&el).await, 1, "one listener, one POST");
    assert_eq!(events_of(&seen, "wa-signup:success").len(), 1);
    cleanup(el, second);
}

#[wasm_bindgen_test]
async fn destroy_is_idempotent_and_is_mounted_follows() {
    let (el, handle) = ready_widget("").await;
    let (other, other_handle) = ready_widget("").await;
    assert!(handle.is_mounted());
    handle.destroy();
    handle.destroy();
    assert!(!handle.is_mounted());
    assert!(other_handle.is_mounted(), "the other widget is untouched");
    assert_eq!(widgets_in(&other), 1);
    cleanup(el, handle);
    cleanup(other, other_handle);
}

#[wasm_bindgen_test]
async fn a_second_app_id_is_refused_while_a_widget_holds_the_first() {
    let (a, ha) = ready_widget("").await;
    let b = container();
    // `options` puts appId 1234567890 first; JSON keeps the last duplicate.
    let other_app = || options(r#""appId":"5555555555""#);
    let err = mount(b.clone().into(), other_app()).err().expect("throws");
    assert_eq!(
        get(&err, "name").as_string().as_deref(),
        Some("WaSignupError")
    );
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("APP_ID_CONFLICT")
    );
    assert_eq!(b.child_element_count(), 0, "nothing mounted");

    // The same appId is shared.
    let (c, hc) = ready_widget("").await;
    assert!(hc.is_mounted());
    // Released once no widget holds it: destroyed, or removed from the page.
    ha.destroy();
    c.remove();
    sleep(20).await;
    assert!(!hc.is_mounted());
    let hb = mount(b.clone().into(), other_app()).expect("mounts with the other appId");
    sleep(20).await;
    assert_eq!(
        title(&b),
        "Ready to connect your WhatsApp Business account."
    );
    cleanup(b, hb);
    a.remove();
}

#[wasm_bindgen_test]
async fn the_page_may_destroy_the_widget_from_its_own_event_listeners() {
    // (event the page reacts to, what Meta answers)
    let cases = [
        ("wa-signup:success", Some("AQ-destroy")),
        ("wa-signup:cancel", None),
    ];
    for (event, code) in cases {
        let (el, handle) = ready_widget("").await;
        stub_fetch(200, PROFILE);
        let handle = wasm_bindgen::JsValue::from(handle);
        // As a React app that unmounts on the outcome, synchronously.
        js(
            "a.addEventListener(c, () => { b.destroy(); b.destroy(); }, { once: true });",
            &[el.clone().into(), handle.clone(), s(event)],
        );
        primary(&el).click();
        let answer = match code {
            Some(code) => format!(r#"{{"authResponse":{{"code":"{code}"}}}}"#),
            None => r#"{"authResponse":null}"#.to_owned(),
        };
        let session = match code {
            Some(_) => FINISH,
            None => r#"{"type":"WA_EMBEDDED_SIGNUP","event":"CANCEL","data":{}}"#,
        };
        post_session(FB_ORIGIN, session);
        answer_login(0, &answer);
        sleep(50).await;
        assert_eq!(
            js("return a.isMounted;", &[handle]).as_bool(),
            Some(false),
            "{event}"
        );
        assert_eq!(widgets_in(&el), 0, "{event}");
        restore_fetch();
        // The module still works afterwards.
        let (again, again_handle) = ready_widget("").await;
        assert_eq!(run_to_the_callback(&again).await, 1, "{event}");
        cleanup(again, again_handle);
        el.remove();
    }
}
