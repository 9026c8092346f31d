//! Why a configuration was refused: [`ConfigError`], one stable code per rule.

use super::super::extras::ExtrasError;
use crate::error::ErrorCode;

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
