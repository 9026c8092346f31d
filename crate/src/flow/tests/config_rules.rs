//! The configuration, option by option (issue 14, item 4: pinned before its
//! reader and rules were reworked for size): each error's whole message,
//! which error wins when several options are wrong, and what is read.

use serde_json::{json, Value};

use crate::error::ErrorCode;
use crate::flow::config::{Credentials, Mode, SignupConfig};

fn with(changes: Value) -> Value {
    let mut raw = json!({
        "appId": "1234567890",
        "configId": "987654321",
        "callbackUrl": "https://api.example.com/whatsapp/callback",
    });
    if let (Value::Object(target), Value::Object(changes)) = (&mut raw, changes) {
        target.extend(changes);
    }
    raw
}

fn read(raw: &Value) -> Result<SignupConfig, (String, &'static str)> {
    SignupConfig::from_json(&crate::json::from_serde(raw)).map_err(|e| (e.to_string(), e.code()))
}

#[test]
fn each_error_has_its_whole_message() {
    let origins: Vec<String> = (0..17)
        .map(|i| format!("http://127.0.0.1:{}", 9000 + i))
        .collect();
    let headers: serde_json::Map<String, Value> =
        (0..33).map(|i| (format!("X-H{i}"), json!("v"))).collect();
    let cases: Vec<(Value, &str, &str)> = vec![
        (json!(null), "INVALID_CONFIG", "invalid configuration: options must be an object"),
        (with(json!({"appId": true})), "INVALID_APP_ID", "appId must be Meta's numeric app id (1 to 20 digits, no leading zero)"),
        (with(json!({"configId": null})), "INVALID_CONFIG_ID", "configId must be the numeric Facebook Login for Business configuration id (1 to 20 digits, no leading zero)"),
        (with(json!({"callbackUrl": null})), "INVALID_CALLBACK_URL", "callbackUrl must be an absolute https URL (http only for localhost, 127.0.0.1 or [::1])"),
        (with(json!({"graphApiVersion": 25})), "INVALID_GRAPH_API_VERSION", "graphApiVersion must look like v25.0"),
        (with(json!({"graphApiVersion": "v25.100"})), "INVALID_GRAPH_API_VERSION", "graphApiVersion must look like v25.0"),
        (with(json!({"mode": 1})), "INVALID_MODE", "mode must be \"popup\" or \"redirect\""),
        (with(json!({"mode": "Popup"})), "INVALID_MODE", "mode must be \"popup\" or \"redirect\""),
        (with(json!({"redirectUri": 1})), "INVALID_REDIRECT_URI", "redirectUri must be an absolute https URL (http only for localhost, 127.0.0.1 or [::1]) without a fragment"),
        (with(json!({"mode": "redirect", "redirectUri": null})), "MISSING_REDIRECT_URI", "redirectUri is required in redirect mode"),
        (with(json!({"sdkUrl": 1})), "INVALID_SDK_URL", "sdkUrl must be an absolute https URL (http only for localhost, 127.0.0.1 or [::1])"),
        (with(json!({"featureType": 1})), "INVALID_FEATURE_TYPE", "featureType must be empty (Meta's default flow) or 1 to 64 characters of a-z, 0-9 and _"),
        (with(json!({"sessionInfoVersion": "4"})), "INVALID_SESSION_INFO_VERSION", "sessionInfoVersion must be 3 (or \"3\"), the only value Meta documents"),
        (with(json!({"extras": {"sessionInfoVersion": 3}, "sessionInfoVersion": 4})), "EXTRAS_CONFLICT", "sessionInfoVersion is given both at the top level and in extras; give it once, in extras.sessionInfoVersion"),
        (with(json!({"extras": {"version": 3}})), "EXTRAS_INVALID_TYPE", "invalid extras: extras.version has the wrong type or is missing"),
        (with(json!({"headers": []})), "INVALID_HEADER", "headers must be at most 32 HTTP header names with single-line values: \"headers must be an object\""),
        (with(json!({"headers": {"X-A": "1", "X-B": null}})), "INVALID_HEADER", "headers must be at most 32 HTTP header names with single-line values: \"X-B\""),
        (with(json!({"headers": {"X\nA": "1"}})), "INVALID_HEADER", "headers must be at most 32 HTTP header names with single-line values: \"XU+000AA\""),
        (with(json!({"headers": headers})), "INVALID_HEADER", "headers must be at most 32 HTTP header names with single-line values: \"33 headers\""),
        (with(json!({"credentials": null, "sessionGraceMs": "1"})), "INVALID_GRACE", "sessionGraceMs must be between 0 and 25000"),
        (with(json!({"credentials": "Include"})), "INVALID_CREDENTIALS", "credentials must be \"omit\", \"same-origin\" or \"include\""),
        (with(json!({"timeoutMs": 4_294_967_296u64})), "INVALID_TIMEOUT", "timeoutMs must be between 100 and 120000"),
        (with(json!({"runTimeoutMs": -1})), "INVALID_RUN_TIMEOUT", "runTimeoutMs must be between 1000 and 86400000 (default 900000, 15 minutes)"),
        (with(json!({"dangerouslyAllowOrigins": 1})), "INVALID_ALLOWED_ORIGIN", "allowedOrigins entries must be exact loopback origins like http://127.0.0.1:8080 (no path, at most 16); other origins could forge Meta's session events and need dangerouslyAllowOrigins: true: \"dangerouslyAllowOrigins must be a boolean\""),
        (with(json!({"allowedOrigins": {}})), "INVALID_ALLOWED_ORIGIN", "allowedOrigins entries must be exact loopback origins like http://127.0.0.1:8080 (no path, at most 16); other origins could forge Meta's session events and need dangerouslyAllowOrigins: true: \"allowedOrigins must be an array\""),
        (with(json!({"allowedOrigins": ["http://127.0.0.1:1", null]})), "INVALID_ALLOWED_ORIGIN", "allowedOrigins entries must be exact loopback origins like http://127.0.0.1:8080 (no path, at most 16); other origins could forge Meta's session events and need dangerouslyAllowOrigins: true: \"allowedOrigins[1] is not a string\""),
        (with(json!({"allowedOrigins": ["http://127.0.0.1:1", "https://a.test"]})), "INVALID_ALLOWED_ORIGIN", "allowedOrigins entries must be exact loopback origins like http://127.0.0.1:8080 (no path, at most 16); other origins could forge Meta's session events and need dangerouslyAllowOrigins: true: \"https://a.test\""),
        (with(json!({"allowedOrigins": origins})), "INVALID_ALLOWED_ORIGIN", "allowedOrigins entries must be exact loopback origins like http://127.0.0.1:8080 (no path, at most 16); other origins could forge Meta's session events and need dangerouslyAllowOrigins: true: \"17 entries\""),
        (with(json!({"locale": "x"})), "INVALID_CONFIG", "invalid configuration: locale must be a BCP 47 language tag such as \"pt-BR\" or \"ar\""),
        (with(json!({"headers": {"X-K": "sk_admin_1"}})), "SECRET_IN_BROWSER", "an admin secret (sk_admin_…) was found at headers[\"X-K\"]; admin keys are server secrets and must never be given to a browser"),
        (with(json!({"allowedOrigins": ["http://127.0.0.1:1", "sk_admin_1"]})), "SECRET_IN_BROWSER", "an admin secret (sk_admin_…) was found at allowedOrigins[1]; admin keys are server secrets and must never be given to a browser"),
    ];
    for (raw, code, message) in cases {
        let name = raw.to_string();
        let (text, got) = read(&raw).expect_err(&name);
        assert_eq!((text.as_str(), got), (message, code), "{name}");
    }
}

/// Several wrong options: types and enumerations while reading, in the
/// order below, then the rules of `validate`, in theirs.
#[test]
fn the_first_broken_rule_wins_in_a_fixed_order() {
    let all_wrong = json!({
        "appId": "x", "configId": "x", "callbackUrl": "http://a.test/",
        "graphApiVersion": "x", "mode": "x", "redirectUri": "http://a.test/",
        "sdkUrl": "http://a.test/", "extras": {"x": 1}, "featureType": "X",
        "sessionInfoVersion": 4, "headers": {"X A": "1"}, "credentials": "x",
        "sessionGraceMs": 25_001, "timeoutMs": 1, "runTimeoutMs": 1,
        "dangerouslyAllowOrigins": "x", "locale": "x", "allowedOrigins": ["http://a.test"],
    });
    // Read in this order (a type or an unknown value), then validated.
    let order = [
        ("mode", "INVALID_MODE"),
        ("extras", "EXTRAS_UNKNOWN_FIELD"),
        ("featureType", "INVALID_FEATURE_TYPE"),
        ("sessionInfoVersion", "INVALID_SESSION_INFO_VERSION"),
        ("credentials", "INVALID_CREDENTIALS"),
        ("dangerouslyAllowOrigins", "INVALID_ALLOWED_ORIGIN"),
        ("locale", "INVALID_CONFIG"),
        ("appId", "INVALID_APP_ID"),
        ("configId", "INVALID_CONFIG_ID"),
        ("callbackUrl", "INVALID_CALLBACK_URL"),
        ("graphApiVersion", "INVALID_GRAPH_API_VERSION"),
        ("redirectUri", "INVALID_REDIRECT_URI"),
        ("sdkUrl", "INVALID_SDK_URL"),
        ("allowedOrigins", "INVALID_ALLOWED_ORIGIN"),
        ("headers", "INVALID_HEADER"),
        ("sessionGraceMs", "INVALID_GRACE"),
        ("timeoutMs", "INVALID_TIMEOUT"),
        ("runTimeoutMs", "INVALID_RUN_TIMEOUT"),
    ];
    let valid = with(json!({}));
    let mut raw = all_wrong;
    for (key, code) in order {
        let (text, got) = read(&raw).expect_err(key);
        assert_eq!(got, code, "{key}: {text}");
        // Made valid: back to the default, or to a valid value.
        let options = raw.as_object_mut().unwrap();
        match valid.get(key) {
            Some(value) => options.insert(key.to_owned(), value.clone()),
            None => options.remove(key),
        };
    }
    assert!(read(&raw).is_ok(), "{raw}");
    // Read before validated: a wrong type of a later option beats a rule
    // of an earlier one.
    let raw = with(json!({"appId": "x", "timeoutMs": "1"}));
    assert_eq!(read(&raw).unwrap_err().1, "INVALID_TIMEOUT");
    let raw = with(json!({"appId": 1.5, "timeoutMs": "1"}));
    assert_eq!(read(&raw).unwrap_err().1, "INVALID_APP_ID");
}

#[test]
fn every_option_is_read() {
    let config = read(&with(json!({
        "appId": 1234, "configId": "55", "graphApiVersion": "v9.1", "mode": "redirect",
        "redirectUri": "https://app.test/r", "featureType": "", "sessionInfoVersion": "3",
        "headers": {"X-A": "1"}, "credentials": "omit", "sessionGraceMs": 0, "timeoutMs": 120_000,
        "runTimeoutMs": 1_000, "dangerouslyAllowOrigins": true, "locale": "pt-BR",
        "allowedOrigins": ["https://sandbox.test"],
    })))
    .unwrap();
    assert_eq!(
        (config.app_id.as_str(), config.config_id.as_str()),
        ("1234", "55")
    );
    assert_eq!(config.graph_api_version, "v9.1");
    assert_eq!(config.mode, Mode::Redirect);
    assert_eq!(config.redirect_uri.as_deref(), Some("https://app.test/r"));
    assert_eq!(config.extras.feature_type.as_deref(), Some(""));
    assert!(config.extras.session_info_version.is_some());
    assert_eq!(config.headers.iter().collect::<Vec<_>>(), [("X-A", "1")]);
    assert_eq!(config.credentials, Credentials::Omit);
    assert_eq!(
        (
            config.session_grace_ms,
            config.timeout_ms,
            config.run_timeout_ms
        ),
        (0, 120_000, 1_000)
    );
    assert!(config.dangerously_allow_origins);
    assert_eq!(config.sdk_url, "https://connect.facebook.net/pt_BR/sdk.js");
    assert_eq!(config.allowed_origins, ["https://sandbox.test"]);
    // sdkUrl wins over locale; null is the default.
    let config = read(&with(json!({"locale": "de", "sdkUrl": "http://127.0.0.1:9/sdk.js", "mode": null, "credentials": "same-origin"}))).unwrap();
    assert_eq!(config.sdk_url, "http://127.0.0.1:9/sdk.js");
    assert_eq!(
        (config.mode, config.credentials),
        (Mode::Popup, Credentials::SameOrigin)
    );
    let config = read(&with(json!({"credentials": "include"}))).unwrap();
    assert_eq!(config.credentials, Credentials::Include);
}

/// Extras built in Rust must be what reading them back gives: trimmed
/// text, the phone as our parser splits it.
#[test]
fn extras_built_in_rust_must_read_back_as_themselves() {
    use crate::flow::extras::{Business, BusinessPhone};
    let base = read(&with(json!({}))).unwrap();
    let shape = "invalid configuration: extras are not in the shape Meta documents";
    let untrimmed = Business {
        name: Some(" Acme ".into()),
        ..Business::default()
    };
    let unsplit = Business {
        phone: Some(BusinessPhone {
            code: 44,
            number: "020 7946 0958".into(),
        }),
        ..Business::default()
    };
    for business in [untrimmed, unsplit] {
        let mut config = base.clone();
        config.extras.setup.business = Some(business);
        let err = config.validate().unwrap_err();
        assert_eq!(
            (err.to_string().as_str(), err.code()),
            (shape, "INVALID_CONFIG")
        );
    }
    let mut config = base;
    config.extras.setup.business = Some(Business {
        name: Some("Acme".into()),
        phone: BusinessPhone::from_number("+44 20 7946 0958"),
        ..Business::default()
    });
    assert_eq!(config.validate(), Ok(()));
}
