//! Configuration validation: one row per rule, from the JS-shaped JSON.

use serde_json::{json, Value};

use crate::error::ErrorCode;
use crate::flow::config::{
    Credentials, Mode, SignupConfig, DEFAULT_GRAPH_API_VERSION, DEFAULT_SDK_URL,
};

fn base() -> Value {
    json!({
        "appId": "1234567890",
        "configId": "987654321",
        "callbackUrl": "https://api.example.com/whatsapp/callback",
    })
}

pub(super) fn with(changes: Value) -> Value {
    let mut v = base();
    if let (Value::Object(target), Value::Object(changes)) = (&mut v, changes) {
        for (k, val) in changes {
            target.insert(k, val);
        }
    }
    v
}

pub(super) fn code_of(raw: Value) -> Result<SignupConfig, &'static str> {
    SignupConfig::from_json(&crate::json::from_serde(&raw)).map_err(|e| e.code())
}

#[test]
fn defaults() {
    let config = code_of(base()).unwrap();
    assert_eq!(config.graph_api_version, DEFAULT_GRAPH_API_VERSION);
    assert_eq!(config.mode, Mode::Popup);
    assert_eq!(config.session_grace_ms, 1_500);
    assert_eq!(config.sdk_url, DEFAULT_SDK_URL);
    assert_eq!(config.credentials, Credentials::SameOrigin);
    assert!(config.allowed_origins.is_empty());
    assert!(!config.dangerously_allow_origins);
    assert_eq!(config.run_timeout_ms, 900_000);
}

#[test]
fn in_app_browsers_switch_to_redirect_mode_only_with_a_redirect_uri() {
    const INSTAGRAM: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 300.0.0.0.0";
    const CHROME: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    let with_redirect = with(json!({"redirectUri": "https://app.test/return"}));
    let cases = [
        (with_redirect.clone(), INSTAGRAM, true, Mode::Redirect),
        (with_redirect, CHROME, false, Mode::Popup),
        (base(), INSTAGRAM, false, Mode::Popup),
    ];
    for (raw, ua, switched, mode) in cases {
        let mut config = code_of(raw).unwrap();
        assert_eq!(config.adapt_to_user_agent(ua), switched, "{ua}");
        assert_eq!(config.mode, mode, "{ua}");
        assert_eq!(config.validate(), Ok(()));
    }
}

#[test]
fn rules() {
    let cases: Vec<(&str, Value, Result<(), &str>)> = vec![
        (
            "numeric ids as numbers",
            with(json!({"appId": 1234, "configId": 55})),
            Ok(()),
        ),
        (
            "null means default",
            with(json!({"mode": null, "sdkUrl": null})),
            Ok(()),
        ),
        ("not an object", json!("appId=1"), Err("INVALID_CONFIG")),
        (
            "missing appId",
            json!({"configId": "1", "callbackUrl": "https://a.test/"}),
            Err("INVALID_APP_ID"),
        ),
        (
            "appId with letters",
            with(json!({"appId": "12ab"})),
            Err("INVALID_APP_ID"),
        ),
        (
            "appId negative",
            with(json!({"appId": -5})),
            Err("INVALID_APP_ID"),
        ),
        (
            "appId too long",
            with(json!({"appId": "1".repeat(21)})),
            Err("INVALID_APP_ID"),
        ),
        // meta_id's rule: a Meta id never starts with 0.
        (
            "appId with a leading zero",
            with(json!({"appId": "01234"})),
            Err("INVALID_APP_ID"),
        ),
        ("appId 0", with(json!({"appId": 0})), Err("INVALID_APP_ID")),
        (
            "configId with a leading zero",
            with(json!({"configId": "0987654321"})),
            Err("INVALID_CONFIG_ID"),
        ),
        (
            "configId empty",
            with(json!({"configId": ""})),
            Err("INVALID_CONFIG_ID"),
        ),
        (
            "configId float",
            with(json!({"configId": 1.5})),
            Err("INVALID_CONFIG_ID"),
        ),
        (
            "http callback",
            with(json!({"callbackUrl": "http://api.example.com/cb"})),
            Err("INVALID_CALLBACK_URL"),
        ),
        (
            "http localhost callback",
            with(json!({"callbackUrl": "http://localhost:8787/cb"})),
            Ok(()),
        ),
        (
            "http 127.0.0.1 callback",
            with(json!({"callbackUrl": "http://127.0.0.1:8787/cb"})),
            Ok(()),
        ),
        (
            "http [::1] callback",
            with(json!({"callbackUrl": "http://[::1]:8787/cb"})),
            Ok(()),
        ),
        (
            "http localhost lookalike",
            with(json!({"callbackUrl": "http://localhost.evil.test/cb"})),
            Err("INVALID_CALLBACK_URL"),
        ),
        (
            "relative callback",
            with(json!({"callbackUrl": "/api/cb"})),
            Err("INVALID_CALLBACK_URL"),
        ),
        (
            "callback not a string",
            with(json!({"callbackUrl": 5})),
            Err("INVALID_CALLBACK_URL"),
        ),
        (
            "mode redirect without uri",
            with(json!({"mode": "redirect"})),
            Err("MISSING_REDIRECT_URI"),
        ),
        (
            "mode redirect with uri",
            with(json!({"mode": "redirect", "redirectUri": "https://app.test/return"})),
            Ok(()),
        ),
        (
            "mode unknown",
            with(json!({"mode": "iframe"})),
            Err("INVALID_MODE"),
        ),
        (
            "redirect uri http",
            with(json!({"redirectUri": "http://app.test/return"})),
            Err("INVALID_REDIRECT_URI"),
        ),
        (
            "redirect uri with fragment",
            with(json!({"redirectUri": "https://app.test/r#x"})),
            Err("INVALID_REDIRECT_URI"),
        ),
        (
            "sdk http remote",
            with(json!({"sdkUrl": "http://cdn.test/sdk.js"})),
            Err("INVALID_SDK_URL"),
        ),
        (
            "sdk http loopback",
            with(json!({"sdkUrl": "http://127.0.0.1:9000/sdk.js"})),
            Ok(()),
        ),
        (
            "sdk javascript url",
            with(json!({"sdkUrl": "javascript:alert(1)"})),
            Err("INVALID_SDK_URL"),
        ),
        (
            "origin exact loopback",
            with(
                json!({"allowedOrigins": ["http://127.0.0.1:9001", "https://localhost:8443", "http://[::1]:3000"]}),
            ),
            Ok(()),
        ),
        (
            "origin not loopback (issue 9: any page could widen Meta's allowlist)",
            with(json!({"allowedOrigins": ["https://anything.example"]})),
            Err("INVALID_ALLOWED_ORIGIN"),
        ),
        (
            "origin not loopback, explicitly allowed",
            with(
                json!({"allowedOrigins": ["https://sandbox.test", "http://127.0.0.1:9001"], "dangerouslyAllowOrigins": true}),
            ),
            Ok(()),
        ),
        (
            "origin http remote, even when allowed",
            with(
                json!({"allowedOrigins": ["http://sandbox.test"], "dangerouslyAllowOrigins": true}),
            ),
            Err("INVALID_ALLOWED_ORIGIN"),
        ),
        (
            "dangerouslyAllowOrigins not a boolean",
            with(json!({"dangerouslyAllowOrigins": "yes"})),
            Err("INVALID_ALLOWED_ORIGIN"),
        ),
        (
            "run timeout default bounds: 999",
            with(json!({"runTimeoutMs": 999})),
            Err("INVALID_RUN_TIMEOUT"),
        ),
        (
            "run timeout 1000",
            with(json!({"runTimeoutMs": 1_000})),
            Ok(()),
        ),
        (
            "run timeout 86400000",
            with(json!({"runTimeoutMs": 86_400_000})),
            Ok(()),
        ),
        (
            "run timeout 86400001",
            with(json!({"runTimeoutMs": 86_400_001})),
            Err("INVALID_RUN_TIMEOUT"),
        ),
        (
            "run timeout not a number",
            with(json!({"runTimeoutMs": "15m"})),
            Err("INVALID_RUN_TIMEOUT"),
        ),
        (
            "origin with path",
            with(json!({"allowedOrigins": ["https://sandbox.test/x"]})),
            Err("INVALID_ALLOWED_ORIGIN"),
        ),
        (
            "origin trailing slash",
            with(json!({"allowedOrigins": ["https://sandbox.test/"]})),
            Err("INVALID_ALLOWED_ORIGIN"),
        ),
        (
            "origin http remote",
            with(json!({"allowedOrigins": ["http://sandbox.test"]})),
            Err("INVALID_ALLOWED_ORIGIN"),
        ),
        (
            "origin not string",
            with(json!({"allowedOrigins": [1]})),
            Err("INVALID_ALLOWED_ORIGIN"),
        ),
        (
            "origins not array",
            with(json!({"allowedOrigins": "https://a.test"})),
            Err("INVALID_ALLOWED_ORIGIN"),
        ),
        ("grace 0", with(json!({"sessionGraceMs": 0})), Ok(())),
        (
            "grace 25000",
            with(json!({"sessionGraceMs": 25_000})),
            Ok(()),
        ),
        (
            "grace 25001",
            with(json!({"sessionGraceMs": 25_001})),
            Err("INVALID_GRACE"),
        ),
        (
            "grace negative",
            with(json!({"sessionGraceMs": -1})),
            Err("INVALID_GRACE"),
        ),
        (
            "grace fractional",
            with(json!({"sessionGraceMs": 1.5})),
            Err("INVALID_GRACE"),
        ),
        (
            "timeout 99",
            with(json!({"timeoutMs": 99})),
            Err("INVALID_TIMEOUT"),
        ),
        ("timeout 100", with(json!({"timeoutMs": 100})), Ok(())),
        (
            "timeout 120001",
            with(json!({"timeoutMs": 120_001})),
            Err("INVALID_TIMEOUT"),
        ),
        (
            "graph version",
            with(json!({"graphApiVersion": "v23.0"})),
            Ok(()),
        ),
        (
            "graph version bad",
            with(json!({"graphApiVersion": "24"})),
            Err("INVALID_GRAPH_API_VERSION"),
        ),
        (
            "session info 3",
            with(json!({"sessionInfoVersion": 3})),
            Ok(()),
        ),
        (
            "session info '3'",
            with(json!({"sessionInfoVersion": "3"})),
            Ok(()),
        ),
        (
            "session info 2",
            with(json!({"sessionInfoVersion": 2})),
            Err("INVALID_SESSION_INFO_VERSION"),
        ),
        (
            "session info 4: no Meta page documents it (issue 10)",
            with(json!({"sessionInfoVersion": 4})),
            Err("INVALID_SESSION_INFO_VERSION"),
        ),
        (
            "feature type empty: Meta's default flow",
            with(json!({"featureType": ""})),
            Ok(()),
        ),
        (
            "feature type",
            with(json!({"featureType": "whatsapp_business_app_onboarding"})),
            Ok(()),
        ),
        (
            "feature type bad",
            with(json!({"featureType": "x y"})),
            Err("INVALID_FEATURE_TYPE"),
        ),
        (
            "credentials include",
            with(json!({"credentials": "include"})),
            Ok(()),
        ),
        (
            "credentials bad",
            with(json!({"credentials": "always"})),
            Err("INVALID_CREDENTIALS"),
        ),
        (
            "header ok",
            with(json!({"headers": {"X-CSRF-Token": "abc"}})),
            Ok(()),
        ),
        (
            "header bad name",
            with(json!({"headers": {"X CSRF": "abc"}})),
            Err("INVALID_HEADER"),
        ),
        (
            "header value newline",
            with(json!({"headers": {"X-A": "a\r\nB: c"}})),
            Err("INVALID_HEADER"),
        ),
        (
            "header value number",
            with(json!({"headers": {"X-A": 1}})),
            Err("INVALID_HEADER"),
        ),
    ];
    for (name, raw, want) in cases {
        assert_eq!(code_of(raw).map(|_| ()), want, "{name}");
    }
}

#[test]
fn serde_round_trip_uses_camel_case() {
    let config = code_of(with(json!({"mode": "redirect", "redirectUri": "https://a.test/r", "credentials": "same-origin"}))).unwrap();
    let v = serde_json::to_value(&config).unwrap();
    assert_eq!(v["redirectUri"], "https://a.test/r");
    assert_eq!(v["credentials"], "same-origin");
    assert_eq!(v["sessionGraceMs"], 1500);
    let back: SignupConfig = serde_json::from_value(v).unwrap();
    assert_eq!(back, config);
}
