//! Reading a configuration from the JSON of a JS options object.

use super::super::extras::{self, Extras};
use super::super::locale::locale_option;
use super::error::ConfigError;
use super::signup_config::{Credentials, Mode, SignupConfig};
use crate::error::push_decimal;
use crate::json::Value;

impl SignupConfig {
    /// Reads and validates a configuration from the JSON of a JS options object.
    ///
    /// The raw value is searched for secrets first (unknown fields included),
    /// then each field is read with a typed error; ids may be strings or integers.
    pub fn from_json(raw: &Value) -> Result<SignupConfig, ConfigError> {
        if let Some(path) = secret_path(raw) {
            return Err(ConfigError::SecretInBrowser(path));
        }
        let Value::Object(obj) = raw else {
            return Err(ConfigError::InvalidConfig(
                "options must be an object".into(),
            ));
        };
        let mut config = SignupConfig {
            app_id: id_field(obj.get("appId")).ok_or(ConfigError::InvalidAppId)?,
            config_id: id_field(obj.get("configId")).ok_or(ConfigError::InvalidConfigId)?,
            callback_url: match obj.get("callbackUrl") {
                Some(Value::String(s)) => s.clone(),
                _ => return Err(ConfigError::InvalidCallbackUrl),
            },
            ..SignupConfig::default()
        };
        if let Some(v) = present(obj.get("graphApiVersion")) {
            config.graph_api_version = v
                .as_str()
                .ok_or(ConfigError::InvalidGraphApiVersion)?
                .to_owned();
        }
        if let Some(v) = present(obj.get("mode")) {
            config.mode = match v.as_str() {
                Some("popup") => Mode::Popup,
                Some("redirect") => Mode::Redirect,
                _ => return Err(ConfigError::InvalidMode),
            };
        }
        if let Some(v) = present(obj.get("redirectUri")) {
            config.redirect_uri = Some(
                v.as_str()
                    .ok_or(ConfigError::InvalidRedirectUri)?
                    .to_owned(),
            );
        }
        if let Some(v) = present(obj.get("extras")) {
            config.extras = Extras::from_json(v).map_err(ConfigError::InvalidExtras)?;
        }
        if let Some(v) = present(obj.get("featureType")) {
            if config.extras.feature_type.is_some() {
                return Err(ConfigError::ExtrasConflict("featureType"));
            }
            config.extras.feature_type =
                Some(extras::feature_type(v).ok_or(ConfigError::InvalidFeatureType)?);
        }
        if let Some(v) = present(obj.get("sessionInfoVersion")) {
            if config.extras.session_info_version.is_some() {
                return Err(ConfigError::ExtrasConflict("sessionInfoVersion"));
            }
            config.extras.session_info_version = Some(
                extras::session_info_version(v).ok_or(ConfigError::InvalidSessionInfoVersion)?,
            );
        }
        if let Some(v) = present(obj.get("headers")) {
            let Value::Object(headers) = v else {
                return Err(ConfigError::InvalidHeader(
                    "headers must be an object".into(),
                ));
            };
            for (name, value) in headers {
                let Value::String(value) = value else {
                    return Err(ConfigError::InvalidHeader(name.clone()));
                };
                config.headers.insert(name.clone(), value.clone());
            }
        }
        if let Some(v) = present(obj.get("credentials")) {
            config.credentials = match v.as_str() {
                Some("omit") => Credentials::Omit,
                Some("same-origin") => Credentials::SameOrigin,
                Some("include") => Credentials::Include,
                _ => return Err(ConfigError::InvalidCredentials),
            };
        }
        if let Some(v) = present(obj.get("sessionGraceMs")) {
            config.session_grace_ms = ms_field(v).ok_or(ConfigError::InvalidGrace)?;
        }
        if let Some(v) = present(obj.get("timeoutMs")) {
            config.timeout_ms = ms_field(v).ok_or(ConfigError::InvalidTimeout)?;
        }
        if let Some(v) = present(obj.get("runTimeoutMs")) {
            config.run_timeout_ms = ms_field(v).ok_or(ConfigError::InvalidRunTimeout)?;
        }
        if let Some(v) = present(obj.get("dangerouslyAllowOrigins")) {
            config.dangerously_allow_origins = match v {
                Value::Bool(b) => *b,
                _ => {
                    return Err(ConfigError::InvalidAllowedOrigin(
                        "dangerouslyAllowOrigins must be a boolean".into(),
                    ))
                }
            };
        }
        // `locale` picks Meta's SDK locale unless `sdkUrl` is given.
        let locale = locale_option(obj.get("locale"))
            .map_err(|e| ConfigError::InvalidConfig(e.to_string()))?;
        if let Some(locale) = locale {
            config.sdk_url = locale.sdk_url();
        }
        if let Some(v) = present(obj.get("sdkUrl")) {
            config.sdk_url = v.as_str().ok_or(ConfigError::InvalidSdkUrl)?.to_owned();
        }
        if let Some(v) = present(obj.get("allowedOrigins")) {
            let Value::Array(items) = v else {
                return Err(ConfigError::InvalidAllowedOrigin(
                    "allowedOrigins must be an array".into(),
                ));
            };
            for item in items {
                match item {
                    Value::String(s) => config.allowed_origins.push(s.clone()),
                    // Named by position, not printed: serializing an arbitrary
                    // JSON value would bring a float printer into the wasm.
                    _ => {
                        return Err(ConfigError::InvalidAllowedOrigin(format!(
                            "allowedOrigins[{}] is not a string",
                            config.allowed_origins.len()
                        )))
                    }
                }
            }
        }
        config.validate()?;
        Ok(config)
    }
}

/// `null` and absent both mean "use the default".
fn present(value: Option<&Value>) -> Option<&Value> {
    value.filter(|v| !v.is_null())
}

/// A string id, or a non-negative integer written as digits.
fn id_field(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => n.as_u64().map(|n| {
            let mut digits = String::new();
            push_decimal(&mut digits, n);
            digits
        }),
        _ => None,
    }
}

/// A whole, non-negative number of milliseconds that fits in `u32`.
fn ms_field(value: &Value) -> Option<u32> {
    value.as_u64().and_then(|n| u32::try_from(n).ok())
}

/// Where in `value` an admin key sits, as a JSON path (never the key).
fn secret_path(value: &Value) -> Option<String> {
    crate::secret::find_secret_in_json(value)
}
