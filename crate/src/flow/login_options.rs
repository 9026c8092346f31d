//! The options object of `FB.login` for Embedded Signup, as JSON.
//!
//! `{ config_id, response_type: "code", override_default_response_type: true,
//!    extras: { setup: {}, featureType?, sessionInfoVersion? } }` — the shape of
//! Meta's Embedded Signup snippet. The same `extras` go into the redirect URL.

use serde_json::{json, Map, Value};

use super::config::SignupConfig;

/// The `extras` object: always `setup: {}`, plus `featureType` and
/// `sessionInfoVersion` (as a string, like Meta's snippet) when configured.
pub fn extras(config: &SignupConfig) -> Value {
    let mut extras = Map::new();
    extras.insert("setup".into(), Value::Object(Map::new()));
    if let Some(feature) = &config.feature_type {
        extras.insert("featureType".into(), Value::String(feature.clone()));
    }
    if let Some(version) = config.session_info_version {
        extras.insert(
            "sessionInfoVersion".into(),
            Value::String(version.to_string()),
        );
    }
    Value::Object(extras)
}

/// `extras` as compact JSON text (for the redirect URL).
pub fn extras_json(config: &SignupConfig) -> String {
    extras(config).to_string()
}

/// The second argument of `FB.login`.
pub fn login_options(config: &SignupConfig) -> Value {
    json!({
        "config_id": config.config_id,
        "response_type": "code",
        "override_default_response_type": true,
        "extras": extras(config),
    })
}
