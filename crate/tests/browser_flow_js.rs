#![cfg(all(target_arch = "wasm32", feature = "js-flow"))]
//! The `EmbeddedSignup` JS class: options validation with error codes, plain
//! outcome objects, and DOM events on the instance.

mod flow_support;

use js_sys::{Function, Promise, Reflect, JSON};
use serde_json::{json, Value};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use flow_support::*;
use wa_signup::js::embedded_signup::JsEmbeddedSignup;

wasm_bindgen_test_configure!(run_in_browser);

fn to_js(value: &Value) -> JsValue {
    JSON::parse(&value.to_string()).expect("json")
}

fn to_json(value: &JsValue) -> Value {
    if value.is_undefined() {
        return Value::Null;
    }
    serde_json::from_str(&String::from(JSON::stringify(value).expect("stringify"))).expect("json")
}

fn options(key: &str, route: &str) -> Value {
    json!({
        "appId": "1234567890",
        "configId": 987654321,
        "callbackUrl": format!("{}/cb/{key}/{route}", server()),
        "sessionGraceMs": 200,
    })
}

fn error_code(err: &JsValue) -> String {
    Reflect::get(err, &"code".into())
        .ok()
        .and_then(|c| c.as_string())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn bad_options_throw_wa_signup_errors_with_codes() {
    let cases = [
        (
            json!({ "appId": "1", "configId": "2", "callbackUrl": "http://evil.test/cb" }),
            "INVALID_CALLBACK_URL",
        ),
        (
            json!({ "appId": "x", "configId": "2", "callbackUrl": "https://a.test/cb" }),
            "INVALID_APP_ID",
        ),
        (
            json!({ "appId": "1", "configId": "2", "callbackUrl": "https://a.test/cb",
                    "headers": { "Authorization": "Bearer sk_admin_live123" } }),
            "SECRET_IN_BROWSER",
        ),
        (json!("not an object"), "INVALID_CONFIG"),
    ];
    for (opts, code) in cases {
        let err = match JsEmbeddedSignup::new(to_js(&opts)) {
            Err(err) => err,
            Ok(_) => panic!("{code} expected"),
        };
        assert_eq!(error_code(&err), code);
        assert_eq!(
            Reflect::get(&err, &"name".into())
                .unwrap()
                .as_string()
                .as_deref(),
            Some("WaSignupError")
        );
        let message = Reflect::get(&err, &"message".into())
            .unwrap()
            .as_string()
            .unwrap();
        assert!(
            !message.contains("live123"),
            "the secret never appears: {message}"
        );
    }
}

#[wasm_bindgen_test]
async fn launch_resolves_a_plain_outcome_and_events_fire_on_the_instance() {
    install_fb();
    let key = unique_key("js-class");
    let signup = JsEmbeddedSignup::new(to_js(&options(&key, "ok"))).expect("valid");
    JsFuture::from(signup.ready()).await.expect("SDK ready");
    assert_eq!(to_json(&signup.state()), json!({ "type": "ready" }));

    js("window.__waEvents = [];");
    let listener =
        Function::new_with_args("e", "window.__waEvents.push(e.type + ' ' + e.detail.type)");
    for name in ["wa-signup:state", "wa-signup:success"] {
        signup.add_event_listener(name, &listener).unwrap();
    }
    let promise: Promise = signup.launch();
    assert!(signup.running());
    assert_eq!(fb_login_count(), 1, "FB.login ran inside launch()");
    post_message(FB_ORIGIN, &finish_event());
    fb_respond(0, Some("AQ-js-code"));
    let outcome = to_json(&JsFuture::from(promise).await.expect("resolves"));
    assert_eq!(outcome["type"], "connected");
    assert_eq!(outcome["profile"]["id"], "wabp_2DbBs7GWhGvVNJGrDXr5RG0mBWI");
    assert_eq!(outcome["profile"]["tokenExpiresAt"], Value::Null);
    assert_eq!(outcome["session"]["wabaId"], "104996122399160");
    assert_eq!(
        to_json(&js("return window.__waEvents;")),
        json!([
            "wa-signup:state waitingForMeta",
            "wa-signup:state sending",
            "wa-signup:state connected",
            "wa-signup:success connected"
        ])
    );
    assert_eq!(only_post_body(&key).await["code"], "AQ-js-code");
    signup.destroy();
}

#[wasm_bindgen_test]
async fn failures_resolve_rather_than_reject() {
    install_fb();
    let key = unique_key("js-400");
    let mut opts = options(&key, "400");
    opts["sessionGraceMs"] = json!(0);
    let signup = JsEmbeddedSignup::new(to_js(&opts)).expect("valid");
    JsFuture::from(signup.ready()).await.expect("SDK ready");
    let promise = signup.launch();
    let again = to_json(&JsFuture::from(signup.launch()).await.unwrap());
    assert_eq!(again["kind"], "ALREADY_RUNNING");
    fb_respond(0, Some("AQ-js-400"));
    let outcome = to_json(&JsFuture::from(promise).await.expect("resolves"));
    assert_eq!(
        outcome,
        json!({
            "type": "failed",
            "kind": "CALLBACK_HTTP_ERROR",
            "status": 400,
            "body": { "error": "invalid_code", "message": "code already used" },
            "message": "the callback answered HTTP 400"
        })
    );
}

#[wasm_bindgen_test]
async fn static_complete_redirect_is_undefined_off_a_return_page() {
    let mut opts = options("js-redirect", "ok");
    opts["mode"] = json!("redirect");
    opts["redirectUri"] = json!("https://app.example.com/return");
    let got = JsFuture::from(JsEmbeddedSignup::complete_redirect(to_js(&opts)))
        .await
        .expect("resolves");
    assert!(got.is_undefined());
    let err = JsFuture::from(JsEmbeddedSignup::complete_redirect(to_js(
        &json!({ "mode": "redirect" }),
    )))
    .await
    .expect_err("invalid options reject");
    assert_eq!(error_code(&err), "INVALID_APP_ID");
}
