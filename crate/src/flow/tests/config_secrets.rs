//! Secrets in the browser configuration (`sk_admin_*`): refused wherever they are,
//! before any other error, and named by path, never echoed.

use serde_json::json;

use super::config::{code_of, with};
use crate::error::ErrorCode;
use crate::flow::config::SignupConfig;

#[test]
fn secrets_anywhere_are_refused_before_other_errors() {
    let cases: Vec<(&str, serde_json::Value, Result<(), &str>)> = vec![
        (
            "secret in header",
            with(json!({"headers": {"Authorization": "Bearer sk_admin_abc123"}})),
            Err("SECRET_IN_BROWSER"),
        ),
        (
            "secret in unknown field",
            with(json!({"apiKey": "sk_admin_abc123"})),
            Err("SECRET_IN_BROWSER"),
        ),
        (
            "secret nested deep",
            with(json!({"x": [{"y": {"z": "sk_admin_Q"}}]})),
            Err("SECRET_IN_BROWSER"),
        ),
        (
            "secret in callback query",
            with(json!({"callbackUrl": "https://a.test/cb?key=sk_admin_abc"})),
            Err("SECRET_IN_BROWSER"),
        ),
        (
            "secret beats other errors",
            json!({"appId": "x", "token": "sk_admin_abc"}),
            Err("SECRET_IN_BROWSER"),
        ),
    ];
    for (name, raw, want) in cases {
        assert_eq!(code_of(raw).map(|_| ()), want, "{name}");
    }
}

#[test]
fn secret_error_names_the_path_not_the_key() {
    let err = SignupConfig::from_json(&crate::json::from_serde(&with(
        json!({"headers": {"Authorization": "Bearer sk_admin_SECRET1"}}),
    )))
    .unwrap_err();
    let text = err.to_string();
    assert!(text.contains("Authorization"), "{text}");
    assert!(!text.contains("SECRET1"), "{text}");
}

#[test]
fn rust_built_config_is_validated_too() {
    let mut config = SignupConfig::new("1", "2", "https://a.test/cb");
    assert_eq!(config.validate(), Ok(()));
    config
        .headers
        .insert("Authorization".into(), "Bearer sk_admin_x1".into());
    assert_eq!(config.validate().unwrap_err().code(), "SECRET_IN_BROWSER");
}
