#![cfg(target_arch = "wasm32")]
//! Browser tests of `parseSessionEvent` with real `MessageEvent`s, structured
//! data, and hostile values (cycles, BigInt, throwing getters, proxies).

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use wa_signup::js::events::parse_session_event;

wasm_bindgen_test_configure!(run_in_browser);

const FB: &str = "https://www.facebook.com";

fn s(v: &str) -> JsValue {
    JsValue::from_str(v)
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &s(key)).expect("readable property")
}

/// Runs `body` as a JS function (test fixtures only: values Rust cannot
/// build directly, such as cycles, BigInt and proxies).
fn js(body: &str) -> JsValue {
    Function::new_no_args(body)
        .call0(&JsValue::NULL)
        .expect("fixture runs")
}

/// A real `MessageEvent`, as the popup's `postMessage` produces it.
fn message_event(origin: &str, data: &JsValue) -> JsValue {
    let init = Object::new();
    Reflect::set(&init, &s("origin"), &s(origin)).expect("set");
    Reflect::set(&init, &s("data"), data).expect("set");
    let ctor: Function = get(&js_sys::global(), "MessageEvent").unchecked_into();
    Reflect::construct(&ctor, &Array::of2(&s("message"), &init)).expect("new MessageEvent")
}

/// `parseSessionEvent(event.origin, event.data)` for a real `MessageEvent`.
fn parse_event(event: &JsValue, allowed: JsValue) -> JsValue {
    parse_session_event(get(event, "origin"), get(event, "data"), allowed)
}

const FINISH_JSON: &str = r#"{"data":{"phone_number_id":"106540352242922","waba_id":"524126980791429","business_id":"2729063490586005"},"type":"WA_EMBEDDED_SIGNUP","event":"FINISH"}"#;

#[wasm_bindgen_test]
fn finish_from_a_message_event_with_json_text() {
    let event = message_event(FB, &s(FINISH_JSON));
    let out = parse_event(&event, JsValue::UNDEFINED);
    assert_eq!(
        Object::get_prototype_of(&out),
        Object::get_prototype_of(&Object::new()),
        "a plain object"
    );
    assert_eq!(get(&out, "event").as_string().as_deref(), Some("FINISH"));
    assert_eq!(
        get(&out, "wabaId").as_string().as_deref(),
        Some("524126980791429")
    );
    assert_eq!(
        get(&out, "phoneNumberId").as_string().as_deref(),
        Some("106540352242922")
    );
    assert_eq!(
        get(&out, "businessId").as_string().as_deref(),
        Some("2729063490586005")
    );
    assert_eq!(get(&out, "isCoexistence").as_bool(), Some(false));
    for absent in [
        "version",
        "currentStep",
        "errorMessage",
        "errorCode",
        "sessionId",
        "timestamp",
        "wabaIds",
    ] {
        assert!(get(&out, absent).is_undefined(), "{absent} is undefined");
        assert!(
            !Reflect::has(&out, &s(absent)).unwrap_or(true),
            "{absent} is not even a key"
        );
    }
}

#[wasm_bindgen_test]
fn coexistence_and_cancel_from_structured_objects() {
    let data = js(
        r#"return {data: {waba_id: 524126980791429}, type: "WA_EMBEDDED_SIGNUP",
                             event: "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING", version: 3};"#,
    );
    let out = parse_event(
        &message_event("https://web.facebook.com", &data),
        JsValue::UNDEFINED,
    );
    assert_eq!(get(&out, "isCoexistence").as_bool(), Some(true));
    assert_eq!(
        get(&out, "wabaId").as_string().as_deref(),
        Some("524126980791429"),
        "number -> string"
    );
    assert_eq!(get(&out, "version").as_f64(), Some(3.0));
    assert!(get(&out, "phoneNumberId").is_undefined());

    let data = js(
        r#"return {data: {error_message: "Your verified name violates WhatsApp guidelines.",
                     error_id: 524126, session_id: "f34b51dab5e0498", timestamp: 1746041036},
                     type: "WA_EMBEDDED_SIGNUP", event: "CANCEL"};"#,
    );
    let out = parse_event(&message_event(FB, &data), JsValue::UNDEFINED);
    assert_eq!(get(&out, "event").as_string().as_deref(), Some("CANCEL"));
    assert_eq!(
        get(&out, "errorCode").as_string().as_deref(),
        Some("524126")
    );
    assert_eq!(
        get(&out, "timestamp").as_string().as_deref(),
        Some("1746041036")
    );
    assert_eq!(
        get(&out, "sessionId").as_string().as_deref(),
        Some("f34b51dab5e0498")
    );

    let data = js(
        r#"return {data: {waba_ids: ["1", "2"]}, type: "WA_EMBEDDED_SIGNUP", event: "FINISH_OBO_MIGRATION"};"#,
    );
    let out = parse_event(&message_event(FB, &data), JsValue::UNDEFINED);
    let ids: Vec<String> = Array::from(&get(&out, "wabaIds"))
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    assert_eq!(ids, ["1", "2"]);
}

#[wasm_bindgen_test]
fn lookalike_origins_are_undefined() {
    for origin in [
        "https://evilfacebook.com",
        "https://www.facebook.com.evil.test",
        "http://www.facebook.com",
        "https://www.facebook.com:8443",
        "https://www.facebook.com/",
        "HTTPS://WWW.FACEBOOK.COM",
        "null",
        "",
    ] {
        let out = parse_event(&message_event(origin, &s(FINISH_JSON)), JsValue::UNDEFINED);
        assert!(out.is_undefined(), "{origin}");
    }
}

#[wasm_bindgen_test]
fn hostile_values_never_throw() {
    let hostile = [
        js("const o = {type: 'WA_EMBEDDED_SIGNUP', event: 'FINISH'}; o.self = o; return o;"),
        js("return {type: 'WA_EMBEDDED_SIGNUP', event: 'FINISH', data: {waba_id: 10n}};"),
        js("return {toJSON() { throw new Error('boom'); }};"),
        js("return {toJSON() { return undefined; }};"),
        js("return {get type() { throw new Error('boom'); }};"),
        js("const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy;"),
        js("return new Proxy({}, {ownKeys() { throw new Error('boom'); }});"),
        js("return Symbol('x');"),
        js("return () => 1;"),
        js("return 12n;"),
        js("return new ArrayBuffer(8);"),
        js("return 'x'.repeat(70000);"),
        js("return JSON.stringify({type: 'WA_EMBEDDED_SIGNUP', event: 'CANCEL', pad: 'x'.repeat(70000)});"),
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from(1.0),
    ];
    for data in hostile.iter() {
        assert!(
            parse_session_event(s(FB), data.clone(), JsValue::UNDEFINED).is_undefined(),
            "{data:?}"
        );
    }
    // Hostile origins and allowlists.
    let data = s(FINISH_JSON);
    for origin in [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from(1.0),
        js("return {toString() { return 'https://www.facebook.com'; }};"),
    ] {
        assert!(parse_session_event(origin, data.clone(), JsValue::UNDEFINED).is_undefined());
    }
    for allowed in [
        js("const p = Proxy.revocable([], {}); p.revoke(); return p.proxy;"),
        js("return new Proxy(['x'], {get() { throw new Error('boom'); }});"),
        js("const a = ['x']; Object.defineProperty(a, 0, {get() { throw new Error('boom'); }}); return a;"),
        js("return 'https://www.facebook.com';"),
        js("return {length: 1, 0: 'x'};"),
        JsValue::from(1.0),
    ] {
        let out = parse_session_event(s(FB), data.clone(), allowed.clone());
        assert_eq!(get(&out, "event").as_string().as_deref(), Some("FINISH"), "{allowed:?}: Meta still accepted");
        let sandbox = parse_session_event(s("http://x"), data.clone(), allowed);
        assert!(sandbox.is_undefined());
    }
}

#[wasm_bindgen_test]
fn explicit_extra_origins_only() {
    let data = s(FINISH_JSON);
    let allowed: JsValue = Array::of3(
        &s("http://127.0.0.1:4001"),
        &JsValue::from(5.0),
        &JsValue::NULL,
    )
    .into();
    assert!(
        !parse_session_event(s("http://127.0.0.1:4001"), data.clone(), allowed.clone())
            .is_undefined()
    );
    assert!(parse_session_event(s("http://127.0.0.1:4002"), data.clone(), allowed).is_undefined());
    assert!(
        parse_session_event(s("http://127.0.0.1:4001"), data, JsValue::UNDEFINED).is_undefined()
    );
}

#[wasm_bindgen_test]
fn malformed_ids_drop_the_whole_event() {
    for data in [
        r#"{"type":"WA_EMBEDDED_SIGNUP","event":"FINISH","data":{"waba_id":"12x","phone_number_id":"1"}}"#,
        r#"{"type":"WA_EMBEDDED_SIGNUP","event":"FINISH","data":{"waba_id":"1","phone_number_id":"01"}}"#,
        r#"{"type":"WA_EMBEDDED_SIGNUP","event":"FINISH","data":{"waba_id":9007199254740993}}"#,
    ] {
        assert!(
            parse_session_event(s(FB), s(data), JsValue::UNDEFINED).is_undefined(),
            "{data}"
        );
    }
}

/// The whole path: `window.postMessage` delivers a structured clone to a
/// `message` listener; the page's own origin is allowed explicitly.
#[wasm_bindgen_test]
async fn a_real_post_message_round_trip() {
    let promise: Promise = js("return new Promise(resolve => {
        const h = e => { if (e.data && e.data.type === 'WA_EMBEDDED_SIGNUP') {
            window.removeEventListener('message', h); resolve(e); } };
        window.addEventListener('message', h);
    });")
    .unchecked_into();
    js(
        "window.postMessage({type: 'WA_EMBEDDED_SIGNUP', event: 'CANCEL',
        data: {current_step: 'PHONE_NUMBER_SETUP'}}, '*');",
    );
    let event = JsFuture::from(promise).await.expect("message delivered");
    let origin = get(&js_sys::global(), "location");
    let origin = get(&origin, "origin");
    let allowed: JsValue = Array::of1(&origin).into();
    let out = parse_event(&event, allowed);
    assert_eq!(
        get(&out, "currentStep").as_string().as_deref(),
        Some("PHONE_NUMBER_SETUP")
    );
    assert!(
        parse_event(&event, JsValue::UNDEFINED).is_undefined(),
        "page origin not allowed by default"
    );
}
