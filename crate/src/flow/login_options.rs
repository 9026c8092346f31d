//! The options object of `FB.login` for Embedded Signup.
//!
//! `{ config_id, response_type: "code", override_default_response_type: true,
//!    extras: { setup: {}, featureType?, sessionInfoVersion? } }` — the shape of
//! Meta's Embedded Signup snippet. The same `extras` go into the redirect URL.
//! Plain `Serialize` structs (no `serde_json::Value`): they serialise straight
//! to a JS object or to JSON text, which keeps the wasm small.

use serde::Serialize;

use super::config::SignupConfig;

/// The second argument of `FB.login`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoginOptions<'a> {
    /// The Facebook Login for Business configuration id.
    pub config_id: &'a str,
    /// Always `"code"`: the callback exchanges a code, never a token.
    pub response_type: &'static str,
    /// Always `true`, as Meta's snippet requires with `response_type: "code"`.
    pub override_default_response_type: bool,
    /// Embedded Signup extras.
    pub extras: Extras<'a>,
}

/// `extras`: always `setup: {}`, plus `featureType` and `sessionInfoVersion`
/// (a string, like Meta's snippet) when configured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Extras<'a> {
    /// An empty object (pre-filled data would go here).
    pub setup: Setup,
    /// e.g. `whatsapp_business_app_onboarding`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feature_type: Option<&'a str>,
    /// `"3"` or `"4"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_info_version: Option<&'static str>,
}

/// The empty `setup` object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Setup {}

/// The `extras` for `config`.
pub fn extras(config: &SignupConfig) -> Extras<'_> {
    Extras {
        setup: Setup {},
        feature_type: config.feature_type.as_deref(),
        session_info_version: match config.session_info_version {
            Some(3) => Some("3"),
            Some(4) => Some("4"),
            _ => None,
        },
    }
}

/// `extras` as compact JSON text (for the redirect URL).
pub fn extras_json(config: &SignupConfig) -> String {
    // Serialising string fields cannot fail.
    serde_json::to_string(&extras(config)).unwrap_or_default()
}

/// The second argument of `FB.login` for `config`.
pub fn login_options(config: &SignupConfig) -> LoginOptions<'_> {
    LoginOptions {
        config_id: &config.config_id,
        response_type: "code",
        override_default_response_type: true,
        extras: extras(config),
    }
}
