//! The signup configuration ([`SignupConfig`]) and its validation ([`ConfigError`]).
//!
//! Validation runs before anything touches the network: ids are numeric,
//! URLs are https (http only on loopback), bounds are checked, and no
//! `sk_admin_` key may appear anywhere — a browser must never hold one.

use serde::{Deserialize, Serialize};

use super::correlator::MAX_POST_DELAY_MS;
use super::extras::{self, Extras, ExtrasError};
use super::headers::Headers;
use super::host_page::in_app_browser;
use super::locale::locale_option;
use crate::error::{push_decimal, ErrorCode};
use crate::http_url::HttpUrl;
use crate::json::Value;
use crate::meta_id::is_meta_id;
use crate::secret::is_secret_key;

/// The latest Graph API version Meta's Embedded Signup implementation page
/// names ("Set this to the latest API version: v25.0",
/// <https://developers.facebook.com/documentation/business-messaging/whatsapp/embedded-signup/implementation>),
/// used when none is configured: by the flow, the widget, the demo server
/// and the simulated SDK alike. (Meta's Graph API changelog already lists
/// v26.0; the Embedded Signup pages are this crate's specification.)
pub const DEFAULT_GRAPH_API_VERSION: &str = "v25.0";
/// Meta's JavaScript SDK.
pub const DEFAULT_SDK_URL: &str = "https://connect.facebook.net/en_US/sdk.js";
/// Default wait for the session info after the code, in ms.
pub const DEFAULT_SESSION_GRACE_MS: u32 = 1_500;
/// Default callback timeout, in ms.
pub const DEFAULT_TIMEOUT_MS: u32 = 20_000;
/// Smallest accepted `timeoutMs`.
pub const MIN_TIMEOUT_MS: u32 = 100;
/// Largest accepted `timeoutMs`.
pub const MAX_TIMEOUT_MS: u32 = 120_000;
/// Default bound of a whole run (`runTimeoutMs`): 15 minutes, since people
/// fill Meta's forms slowly.
pub const DEFAULT_RUN_TIMEOUT_MS: u32 = 900_000;
/// Smallest accepted `runTimeoutMs`.
pub const MIN_RUN_TIMEOUT_MS: u32 = 1_000;
/// Largest accepted `runTimeoutMs` (24 hours).
pub const MAX_RUN_TIMEOUT_MS: u32 = 86_400_000;
/// Most extra request headers accepted.
pub const MAX_HEADERS: usize = 32;
/// Most extra session-event origins accepted.
pub const MAX_ALLOWED_ORIGINS: usize = 16;
/// Longest accepted numeric id (`appId`, `configId`): a Meta id's
/// ([`crate::meta_id::MAX_META_ID_LEN`]).
pub const MAX_ID_LEN: usize = crate::meta_id::MAX_META_ID_LEN;

/// How Meta's dialog is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// `FB.login` opens a popup (default).
    #[default]
    Popup,
    /// The page navigates to Meta's `dialog/oauth` and comes back to `redirectUri`.
    Redirect,
}

/// The `credentials` mode of the callback `fetch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Credentials {
    /// Never send cookies.
    Omit,
    /// Cookies for same-origin callbacks (the `fetch` default).
    #[default]
    SameOrigin,
    /// Cookies also cross-origin (the callback must allow credentials in CORS).
    Include,
}

/// The flow's configuration; JS options use the same camelCase names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SignupConfig {
    /// Meta app id (digits).
    pub app_id: String,
    /// Facebook Login for Business configuration id (digits).
    pub config_id: String,
    /// Where the code is POSTed (seed 003 body). https, or http on loopback.
    pub callback_url: String,
    /// Graph API version for `FB.init` and the dialog URL, e.g. `v25.0`.
    pub graph_api_version: String,
    /// `popup` (default) or `redirect`.
    pub mode: Mode,
    /// The OAuth redirect URI; required in redirect mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirect_uri: Option<String>,
    /// Meta's `extras` (version, features, pre-filled screens, solution id),
    /// validated; the top-level `featureType` and `sessionInfoVersion` options
    /// land in it too.
    #[serde(skip)]
    pub extras: Extras,
    /// Extra request headers for the callback (e.g. a CSRF token).
    pub headers: Headers,
    /// `fetch` credentials mode for the callback.
    pub credentials: Credentials,
    /// How long to wait for the session info after the code (0..=25000 ms).
    pub session_grace_ms: u32,
    /// Callback request timeout (100..=120000 ms).
    pub timeout_ms: u32,
    /// The SDK script URL (https, or http on loopback, for a sandbox).
    pub sdk_url: String,
    /// Extra exact origins accepted for session events: loopback sandboxes,
    /// or any origin with [`dangerously_allow_origins`](Self::dangerously_allow_origins).
    pub allowed_origins: Vec<String>,
    /// Lets `allowed_origins` name origins other than loopback ones. Any page
    /// on such an origin can then forge Meta's session events: only for a
    /// sandbox that the integrator controls.
    pub dangerously_allow_origins: bool,
    /// Bound of a whole run while waiting for Meta
    /// ([`MIN_RUN_TIMEOUT_MS`]..=[`MAX_RUN_TIMEOUT_MS`]); past it the run ends
    /// `RUN_TIMEOUT`. A code that arrived in time is still sent.
    pub run_timeout_ms: u32,
}

impl Default for SignupConfig {
    fn default() -> SignupConfig {
        SignupConfig {
            app_id: String::new(),
            config_id: String::new(),
            callback_url: String::new(),
            graph_api_version: DEFAULT_GRAPH_API_VERSION.to_owned(),
            mode: Mode::Popup,
            redirect_uri: None,
            extras: Extras::default(),
            headers: Headers::new(),
            credentials: Credentials::SameOrigin,
            session_grace_ms: DEFAULT_SESSION_GRACE_MS,
            timeout_ms: DEFAULT_TIMEOUT_MS,
            sdk_url: DEFAULT_SDK_URL.to_owned(),
            allowed_origins: Vec::new(),
            dangerously_allow_origins: false,
            run_timeout_ms: DEFAULT_RUN_TIMEOUT_MS,
        }
    }
}

/// Why a configuration was refused. Codes are stable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// The options are not an object, or a field has the wrong type.
    #[error("invalid configuration: {0}")]
    InvalidConfig(String),
    /// `appId` is not a Meta id (1 to 20 digits, no leading zero).
    #[error("appId must be Meta's numeric app id (1 to 20 digits, no leading zero)")]
    InvalidAppId,
    /// `configId` is not a Meta id (1 to 20 digits, no leading zero).
    #[error("configId must be the numeric Facebook Login for Business configuration id (1 to 20 digits, no leading zero)")]
    InvalidConfigId,
    /// `callbackUrl` is not https (or http on `localhost`, `127.0.0.1` or `[::1]`).
    #[error(
        "callbackUrl must be an absolute https URL (http only for localhost, 127.0.0.1 or [::1])"
    )]
    InvalidCallbackUrl,
    /// `mode` is neither `popup` nor `redirect`.
    #[error("mode must be \"popup\" or \"redirect\"")]
    InvalidMode,
    /// Redirect mode without `redirectUri`.
    #[error("redirectUri is required in redirect mode")]
    MissingRedirectUri,
    /// `redirectUri` is not https (or http on loopback).
    #[error("redirectUri must be an absolute https URL (http only for localhost, 127.0.0.1 or [::1]) without a fragment")]
    InvalidRedirectUri,
    /// `sdkUrl` is not https (or http on loopback).
    #[error("sdkUrl must be an absolute https URL (http only for localhost, 127.0.0.1 or [::1])")]
    InvalidSdkUrl,
    /// An `allowedOrigins` entry is not an exact loopback origin (or any exact
    /// origin with `dangerouslyAllowOrigins: true`).
    #[error("allowedOrigins entries must be exact loopback origins like http://127.0.0.1:8080 (no path, at most 16); other origins could forge Meta's session events and need dangerouslyAllowOrigins: true: {}", crate::error::Quoted(.0))]
    InvalidAllowedOrigin(String),
    /// `runTimeoutMs` is outside 1000..=86400000.
    #[error("runTimeoutMs must be between 1000 and 86400000 (default 900000, 15 minutes)")]
    InvalidRunTimeout,
    /// Another live flow or widget on this page uses a different `appId`;
    /// `FB.init` is global, so one page can serve one Meta app at a time.
    #[error("another signup on this page uses appId {0}; FB.init is global, so every signup on a page must use the same appId (destroy the other one first)")]
    AppIdConflict(String),
    /// `graphApiVersion` is not like `v25.0`.
    #[error("graphApiVersion must look like v25.0")]
    InvalidGraphApiVersion,
    /// `sessionInfoVersion` is not 3 (the only value Meta documents).
    #[error("sessionInfoVersion must be 3 (or \"3\"), the only value Meta documents")]
    InvalidSessionInfoVersion,
    /// `featureType` has characters other than `a-z`, `0-9`, `_` or is too long.
    #[error(
        "featureType must be empty (Meta's default flow) or 1 to 64 characters of a-z, 0-9 and _"
    )]
    InvalidFeatureType,
    /// A field of `extras` broke a rule; the code names the rule.
    #[error("invalid extras: {0}")]
    InvalidExtras(ExtrasError),
    /// The same option at the top level and in `extras`.
    #[error("{0} is given both at the top level and in extras; give it once, in extras.{0}")]
    ExtrasConflict(&'static str),
    /// A header name is not an HTTP token, a value has a line break, or too many headers.
    #[error("headers must be at most 32 HTTP header names with single-line values: {}", crate::error::Quoted(.0))]
    InvalidHeader(String),
    /// `credentials` is not `omit`, `same-origin` or `include`.
    #[error("credentials must be \"omit\", \"same-origin\" or \"include\"")]
    InvalidCredentials,
    /// `sessionGraceMs` is above 25000.
    #[error("sessionGraceMs must be between 0 and 25000")]
    InvalidGrace,
    /// `timeoutMs` is outside 100..=120000.
    #[error("timeoutMs must be between 100 and 120000")]
    InvalidTimeout,
    /// An `sk_admin_` key appears somewhere in the configuration.
    #[error("an admin secret (sk_admin_…) was found at {0}; admin keys are server secrets and must never be given to a browser")]
    SecretInBrowser(String),
}

impl ErrorCode for ConfigError {
    fn code(&self) -> &'static str {
        match self {
            ConfigError::InvalidConfig(_) => "INVALID_CONFIG",
            ConfigError::InvalidAppId => "INVALID_APP_ID",
            ConfigError::InvalidConfigId => "INVALID_CONFIG_ID",
            ConfigError::InvalidCallbackUrl => "INVALID_CALLBACK_URL",
            ConfigError::InvalidMode => "INVALID_MODE",
            ConfigError::MissingRedirectUri => "MISSING_REDIRECT_URI",
            ConfigError::InvalidRedirectUri => "INVALID_REDIRECT_URI",
            ConfigError::InvalidSdkUrl => "INVALID_SDK_URL",
            ConfigError::InvalidAllowedOrigin(_) => "INVALID_ALLOWED_ORIGIN",
            ConfigError::InvalidRunTimeout => "INVALID_RUN_TIMEOUT",
            ConfigError::AppIdConflict(_) => "APP_ID_CONFLICT",
            ConfigError::InvalidGraphApiVersion => "INVALID_GRAPH_API_VERSION",
            ConfigError::InvalidSessionInfoVersion => "INVALID_SESSION_INFO_VERSION",
            ConfigError::InvalidFeatureType => "INVALID_FEATURE_TYPE",
            ConfigError::InvalidExtras(err) => err.code(),
            ConfigError::ExtrasConflict(_) => "EXTRAS_CONFLICT",
            ConfigError::InvalidHeader(_) => "INVALID_HEADER",
            ConfigError::InvalidCredentials => "INVALID_CREDENTIALS",
            ConfigError::InvalidGrace => "INVALID_GRACE",
            ConfigError::InvalidTimeout => "INVALID_TIMEOUT",
            ConfigError::SecretInBrowser(_) => "SECRET_IN_BROWSER",
        }
    }
}

impl SignupConfig {
    /// A popup-mode configuration with every other option at its default.
    pub fn new(
        app_id: impl Into<String>,
        config_id: impl Into<String>,
        callback_url: impl Into<String>,
    ) -> SignupConfig {
        SignupConfig {
            app_id: app_id.into(),
            config_id: config_id.into(),
            callback_url: callback_url.into(),
            ..SignupConfig::default()
        }
    }

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
            config.extras.feature_type = Some(
                extras::feature_type(v, "featureType")
                    .map_err(|_| ConfigError::InvalidFeatureType)?,
            );
        }
        if let Some(v) = present(obj.get("sessionInfoVersion")) {
            if config.extras.session_info_version.is_some() {
                return Err(ConfigError::ExtrasConflict("sessionInfoVersion"));
            }
            config.extras.session_info_version = Some(
                extras::session_info_version(v, "sessionInfoVersion")
                    .map_err(|_| ConfigError::InvalidSessionInfoVersion)?,
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
        if read != self.extras {
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

    /// Adapts a valid configuration to the browser it runs in: in an in-app
    /// browser (see [`in_app_browser`]), where popups often do not return,
    /// popup mode becomes redirect mode when a `redirectUri` is configured.
    /// Returns true when the mode was switched.
    pub fn adapt_to_user_agent(&mut self, user_agent: &str) -> bool {
        let switch = self.mode == Mode::Popup
            && self.redirect_uri.is_some()
            && in_app_browser(user_agent).is_some();
        if switch {
            self.mode = Mode::Redirect;
        }
        switch
    }
}

impl SignupConfig {
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

/// Where in `value` an admin key sits, as a JSON path (never the key).
fn secret_path(value: &Value) -> Option<String> {
    crate::secret::find_secret_in_json(value)
}
