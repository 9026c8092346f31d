//! The options object of `FB.login` for Embedded Signup.
//!
//! `{ config_id, response_type: "code", override_default_response_type: true,
//!    extras: { setup: {…}, version?, featureType?, sessionInfoVersion?, features? } }`
//! — the shape of Meta's Embedded Signup snippet, with the validated
//! [`Extras`]. The same `extras` go into the redirect URL.
//! Plain `Serialize` structs (no `serde_json::Value`): they serialise straight
//! to a JS object or to JSON text, which keeps the wasm small.

use serde::Serialize;

use super::config::SignupConfig;
use super::extras::Extras;

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
    pub extras: &'a Extras,
}

/// The second argument of `FB.login` for `config`.
pub fn login_options(config: &SignupConfig) -> LoginOptions<'_> {
    LoginOptions {
        config_id: &config.config_id,
        response_type: "code",
        override_default_response_type: true,
        extras: &config.extras,
    }
}
