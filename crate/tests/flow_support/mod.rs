//! Shared fixtures of the flow's browser tests: a scripted `window.FB`,
//! synthetic `message` events, and the loopback callback server
//! (`tests/support/callback-server.mjs`, port `WA_TEST_CALLBACK_PORT`, default 8787).
#![allow(dead_code)]

use std::cell::Cell;

use js_sys::{Array, Function, Object, Promise, Reflect};
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use wa_signup::api::JsonValue;
use wa_signup::flow::browser::EmbeddedSignup;
use wa_signup::flow::{FailureKind, FlowState, Outcome, SignupConfig};

thread_local! {
    static NEXT_KEY: Cell<u32> = const { Cell::new(0) };
}

pub const FB_ORIGIN: &str = "https://www.facebook.com";

/// The callback server's base URL (compile-time `WA_TEST_CALLBACK_PORT`).
pub fn server() -> String {
    let port = option_env!("WA_TEST_CALLBACK_PORT").unwrap_or("8787");
    format!("http://127.0.0.1:{port}")
}

/// A key no other test uses, so `/received/<key>` only shows this test's POSTs.
pub fn unique_key(name: &str) -> String {
    let n = NEXT_KEY.with(|k| {
        let n = k.get();
        k.set(n + 1);
        n
    });
    format!("{name}-{n}-{}", js_sys::Date::now() as u64)
}

/// A valid popup config POSTing to `/cb/<key>/<route>`.
pub fn config(key: &str, route: &str) -> SignupConfig {
    SignupConfig {
        session_grace_ms: 300,
        timeout_ms: 2_000,
        ..SignupConfig::new(
            "1234567890",
            "987654321",
            format!("{}/cb/{key}/{route}", server()),
        )
    }
}

/// Runs `body` as a JS function body (fixtures only).
pub fn js(body: &str) -> JsValue {
    Function::new_no_args(body)
        .call0(&JsValue::NULL)
        .expect("fixture runs")
}

/// Installs a scripted `window.FB`: `init` and `login` only record their calls;
/// the test answers each `login` with [`fb_respond`].
pub fn install_fb() {
    js(r#"
        window.FB = {
            inits: [], logins: [],
            init(o) { this.inits.push(JSON.parse(JSON.stringify(o))); },
            login(cb, o) { this.logins.push({ cb, opts: JSON.parse(JSON.stringify(o)) }); },
        };
    "#);
}

/// Removes `window.FB`.
pub fn remove_fb() {
    js("delete window.FB;");
}

/// How many times `FB.login` was called.
pub fn fb_login_count() -> u32 {
    js("return window.FB ? window.FB.logins.length : 0;")
        .as_f64()
        .unwrap_or(0.0) as u32
}

/// The options of the `i`-th `FB.login` call, as JSON.
pub fn fb_login_options(i: u32) -> Value {
    let text = js(&format!(
        "return JSON.stringify(window.FB.logins[{i}].opts);"
    ));
    serde_json::from_str(&text.as_string().expect("string")).expect("json")
}

/// The options of the last `FB.init` call, as JSON.
pub fn fb_init_options() -> Value {
    let text = js("return JSON.stringify(window.FB.inits[window.FB.inits.length - 1]);");
    serde_json::from_str(&text.as_string().expect("string")).expect("json")
}

/// Calls the `i`-th `FB.login` callback: with `authResponse.code` for `Some`,
/// or Meta's "no auth response" shape for `None`.
pub fn fb_respond(i: u32, code: Option<&str>) {
    let response = match code {
        Some(code) => format!(
            "{{ status: 'connected', authResponse: {{ code: {}, userID: '1', expiresIn: 0 }} }}",
            serde_json::to_string(code).expect("json")
        ),
        None => "{ status: 'unknown', authResponse: null }".to_owned(),
    };
    js(&format!("window.FB.logins[{i}].cb({response});"));
}

/// Dispatches a synthetic `message` event with `origin` and string `data` on `window`.
pub fn post_message(origin: &str, data: &str) {
    let init = Object::new();
    Reflect::set(&init, &"origin".into(), &origin.into()).expect("set");
    Reflect::set(&init, &"data".into(), &data.into()).expect("set");
    let ctor: Function = Reflect::get(&js_sys::global(), &"MessageEvent".into())
        .expect("MessageEvent")
        .unchecked_into();
    let event =
        Reflect::construct(&ctor, &Array::of2(&"message".into(), &init)).expect("new MessageEvent");
    let window = js_sys::global();
    let dispatch: Function = Reflect::get(&window, &"dispatchEvent".into())
        .expect("dispatchEvent")
        .unchecked_into();
    dispatch.call1(&window, &event).expect("dispatch");
}

/// A Meta session event as Meta posts it (JSON text).
pub fn session_event(event: &str, data: Value) -> String {
    serde_json::json!({ "type": "WA_EMBEDDED_SIGNUP", "event": event, "data": data, "version": 3 })
        .to_string()
}

/// A standard FINISH with three ids.
pub fn finish_event() -> String {
    session_event(
        "FINISH",
        serde_json::json!({ "phone_number_id": "106540352242922", "waba_id": "104996122399160", "business_id": "512345678901234" }),
    )
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: u32) {
    let promise = Promise::new(&mut |resolve, _| {
        let set_timeout: Function = Reflect::get(&js_sys::global(), &"setTimeout".into())
            .expect("setTimeout")
            .unchecked_into();
        set_timeout
            .call2(&JsValue::NULL, &resolve, &JsValue::from(ms))
            .expect("setTimeout");
    });
    JsFuture::from(promise).await.expect("sleep");
}

/// Every request the callback server got for `key`.
pub async fn received(key: &str) -> Vec<Value> {
    let fetch = Function::new_with_args("url", "return fetch(url).then(r => r.text())");
    let promise: Promise = fetch
        .call1(
            &JsValue::NULL,
            &format!("{}/received/{key}", server()).into(),
        )
        .expect("fetch")
        .unchecked_into();
    let text = JsFuture::from(promise).await.expect("received");
    serde_json::from_str(&text.as_string().expect("text")).expect("json")
}

/// The JSON body of the only request for `key` (fails if there were 0 or 2+).
pub async fn only_post_body(key: &str) -> Value {
    let got = received(key).await;
    assert_eq!(got.len(), 1, "exactly one POST expected, got {got:?}");
    assert_eq!(got[0]["method"], "POST");
    serde_json::from_str(got[0]["body"].as_str().expect("body")).expect("json body")
}

/// A flow on `config` with the scripted FB installed and loaded: `READY`.
pub async fn ready(config: SignupConfig) -> EmbeddedSignup {
    install_fb();
    let signup = EmbeddedSignup::new(config).expect("valid config");
    signup.load().await.expect("the scripted FB loads");
    assert_eq!(signup.state(), FlowState::READY);
    signup
}

/// The crate's JSON value as serde_json's, to compare with `json!`.
pub fn as_serde(value: &JsonValue) -> serde_json::Value {
    serde_json::to_value(value).expect("a JSON value serializes")
}

/// The failure kind of a failed outcome.
pub fn failed_kind(outcome: &Outcome) -> Option<FailureKind> {
    match outcome {
        Outcome::Failed { kind, .. } => Some(*kind),
        _ => None,
    }
}
