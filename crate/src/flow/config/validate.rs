//! The rules a configuration must follow ([`SignupConfig::validate`]).

use super::super::correlator::MAX_POST_DELAY_MS;
use super::super::extras::Extras;
use super::error::ConfigError;
use super::signup_config::{
    Mode, SignupConfig, MAX_ALLOWED_ORIGINS, MAX_HEADERS, MAX_RUN_TIMEOUT_MS, MAX_TIMEOUT_MS,
    MIN_RUN_TIMEOUT_MS, MIN_TIMEOUT_MS,
};
use crate::http_url::HttpUrl;
use crate::meta_id::is_meta_id;
use crate::secret::is_secret_key;

impl SignupConfig {
    /// Checks every rule; the first broken one is returned.
    pub fn validate(&self) -> Result<(), ConfigError> {
        // No field, headers included, may carry an admin key.
        if let Some(path) = self.secret_field() {
            return Err(ConfigError::SecretInBrowser(path));
        }
        if !is_meta_id(&self.app_id) {
            return Err(ConfigError::InvalidAppId);
        }
        if !is_meta_id(&self.config_id) {
            return Err(ConfigError::InvalidConfigId);
        }
        if !HttpUrl::parse(&self.callback_url).is_ok_and(|u| u.is_secure_or_loopback()) {
            return Err(ConfigError::InvalidCallbackUrl);
        }
        if !is_graph_api_version(&self.graph_api_version) {
            return Err(ConfigError::InvalidGraphApiVersion);
        }
        match (&self.redirect_uri, self.mode) {
            (None, Mode::Redirect) => return Err(ConfigError::MissingRedirectUri),
            (Some(uri), _) => {
                let ok = HttpUrl::parse(uri)
                    .is_ok_and(|u| u.is_secure_or_loopback() && !u.rest.contains('#'));
                if !ok {
                    return Err(ConfigError::InvalidRedirectUri);
                }
            }
            (None, Mode::Popup) => {}
        }
        if !HttpUrl::parse(&self.sdk_url).is_ok_and(|u| u.is_secure_or_loopback()) {
            return Err(ConfigError::InvalidSdkUrl);
        }
        if self.allowed_origins.len() > MAX_ALLOWED_ORIGINS {
            return Err(ConfigError::InvalidAllowedOrigin(format!(
                "{} entries",
                self.allowed_origins.len()
            )));
        }
        for origin in &self.allowed_origins {
            if !is_exact_origin(origin, self.dangerously_allow_origins) {
                return Err(ConfigError::InvalidAllowedOrigin(origin.clone()));
            }
        }
        // Extras built in Rust get the same checks as those read from JSON:
        // what they serialise to must read back as themselves.
        let sent = self.extras.to_json();
        if is_secret_key(&sent) {
            return Err(ConfigError::SecretInBrowser("extras".into()));
        }
        let read = crate::json::parse(&sent)
            .map_err(|_| ConfigError::InvalidConfig("extras".into()))
            .and_then(|v| Extras::from_json(&v).map_err(ConfigError::InvalidExtras))?;
        // Compared as sent: `to_json` is one-to-one (a field is written when
        // set, left out when not), so equal text is equal extras; cheaper in
        // the wasm than the derived `!=`, inlined field by field.
        if read.to_json() != sent {
            return Err(ConfigError::InvalidConfig(
                "extras are not in the shape Meta documents".into(),
            ));
        }
        if self.headers.len() > MAX_HEADERS {
            return Err(ConfigError::InvalidHeader(format!(
                "{} headers",
                self.headers.len()
            )));
        }
        for (name, value) in self.headers.iter() {
            if !is_header_name(name) || value.chars().any(|c| c == '\r' || c == '\n' || c == '\0') {
                return Err(ConfigError::InvalidHeader(name.to_owned()));
            }
        }
        if u64::from(self.session_grace_ms) > MAX_POST_DELAY_MS {
            return Err(ConfigError::InvalidGrace);
        }
        if !(MIN_TIMEOUT_MS..=MAX_TIMEOUT_MS).contains(&self.timeout_ms) {
            return Err(ConfigError::InvalidTimeout);
        }
        if !(MIN_RUN_TIMEOUT_MS..=MAX_RUN_TIMEOUT_MS).contains(&self.run_timeout_ms) {
            return Err(ConfigError::InvalidRunTimeout);
        }
        Ok(())
    }
    /// The name of the first string field carrying an admin key (never the key).
    /// A direct walk over the fields rather than a JSON round trip, which keeps
    /// serde_json's serializer out of the wasm.
    fn secret_field(&self) -> Option<String> {
        let fields: [(&str, Option<&str>); 6] = [
            ("appId", Some(&self.app_id)),
            ("configId", Some(&self.config_id)),
            ("callbackUrl", Some(&self.callback_url)),
            ("graphApiVersion", Some(&self.graph_api_version)),
            ("redirectUri", self.redirect_uri.as_deref()),
            ("sdkUrl", Some(&self.sdk_url)),
        ];
        for (name, value) in fields {
            if value.is_some_and(is_secret_key) {
                return Some(name.to_owned());
            }
        }
        for (name, value) in self.headers.iter() {
            if is_secret_key(name) {
                return Some("headers[<redacted key>]".to_owned());
            }
            if is_secret_key(value) {
                return Some(format!("headers.{name}"));
            }
        }
        self.allowed_origins
            .iter()
            .position(|o| is_secret_key(o))
            .map(|i| format!("allowedOrigins[{i}]"))
    }
}

/// `v` + major (1-3 digits) + `.` + minor (1-2 digits), e.g. `v25.0`: the one
/// rule for a Graph API version, in the browser and on the server.
pub fn is_graph_api_version(version: &str) -> bool {
    let Some(rest) = version.strip_prefix('v') else {
        return false;
    };
    let Some((major, minor)) = rest.split_once('.') else {
        return false;
    };
    let digits = |s: &str, max: usize| {
        !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
    };
    digits(major, 3) && digits(minor, 2)
}

/// `scheme://host[:port]` with no path, query or fragment (a lone `/` is not allowed
/// either: `MessageEvent.origin` never has one, so it would never match), on a
/// loopback host unless `any_host` (then https, or http on loopback).
fn is_exact_origin(origin: &str, any_host: bool) -> bool {
    HttpUrl::parse(origin).is_ok_and(|u| {
        u.rest.is_empty() && (u.is_loopback() || (any_host && u.is_secure_or_loopback()))
    })
}

/// An RFC 9110 token.
fn is_header_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 128
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}
