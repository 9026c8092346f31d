//! The flow's options ([`SignupConfig`]), their defaults and their limits.

use serde::{Deserialize, Serialize};

use super::super::extras::Extras;
use super::super::headers::Headers;
use super::super::host_page::in_app_browser;

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
