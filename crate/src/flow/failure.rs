//! Why a run failed: the stable [`FailureKind`] codes and the typed
//! [`FlowError`] behind each, with a message that names the cause and the fix.

use serde::{Deserialize, Serialize};

use super::session_info::MetaError;
use crate::error::ErrorCode;

/// The machine-readable kind of a failed run; serialised as the error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FailureKind {
    /// `window.FB` was not loaded and initialised when `launch()` ran.
    SdkNotReady,
    /// The SDK script could not be loaded.
    SdkLoadFailed,
    /// A run is already in progress on this instance.
    AlreadyRunning,
    /// The callback answered with a non-2xx status.
    CallbackHttpError,
    /// The callback could not be reached.
    NetworkError,
    /// The callback did not answer within `timeoutMs`.
    Timeout,
    /// Meta finished but `FB.login` returned no `authResponse`.
    NoAuthResponse,
    /// The redirect came back with a `state` that does not match.
    StateMismatch,
    /// The redirect came back without a `code`.
    MissingCode,
    /// The code could not be sent within 25 s of its arrival.
    CodeExpired,
    /// Meta reported an error in a session event.
    MetaError,
    /// The flow was destroyed while running.
    Aborted,
    /// The configuration was rejected.
    InvalidConfig,
    /// The browser blocked Meta's popup (`window.open` returned nothing).
    PopupBlocked,
    /// The page's `Cross-Origin-Opener-Policy` cut Meta's popup off from it.
    PopupIsolated,
    /// Nothing ended the run within `runTimeoutMs`.
    RunTimeout,
}

impl FailureKind {
    /// Every kind, in declaration order (for exhaustive tables and tests).
    pub const ALL: [FailureKind; 16] = [
        FailureKind::SdkNotReady,
        FailureKind::SdkLoadFailed,
        FailureKind::AlreadyRunning,
        FailureKind::CallbackHttpError,
        FailureKind::NetworkError,
        FailureKind::Timeout,
        FailureKind::NoAuthResponse,
        FailureKind::StateMismatch,
        FailureKind::MissingCode,
        FailureKind::CodeExpired,
        FailureKind::MetaError,
        FailureKind::Aborted,
        FailureKind::InvalidConfig,
        FailureKind::PopupBlocked,
        FailureKind::PopupIsolated,
        FailureKind::RunTimeout,
    ];

    /// The stable code, e.g. `"SDK_NOT_READY"`.
    pub fn as_str(self) -> &'static str {
        match self {
            FailureKind::SdkNotReady => "SDK_NOT_READY",
            FailureKind::SdkLoadFailed => "SDK_LOAD_FAILED",
            FailureKind::AlreadyRunning => "ALREADY_RUNNING",
            FailureKind::CallbackHttpError => "CALLBACK_HTTP_ERROR",
            FailureKind::NetworkError => "NETWORK_ERROR",
            FailureKind::Timeout => "TIMEOUT",
            FailureKind::NoAuthResponse => "NO_AUTH_RESPONSE",
            FailureKind::StateMismatch => "STATE_MISMATCH",
            FailureKind::MissingCode => "MISSING_CODE",
            FailureKind::CodeExpired => "CODE_EXPIRED",
            FailureKind::MetaError => "META_ERROR",
            FailureKind::Aborted => "ABORTED",
            FailureKind::InvalidConfig => "INVALID_CONFIG",
            FailureKind::PopupBlocked => "POPUP_BLOCKED",
            FailureKind::PopupIsolated => "POPUP_ISOLATED",
            FailureKind::RunTimeout => "RUN_TIMEOUT",
        }
    }
}

/// The fix for a popup cut off by the page's opener policy, in one sentence
/// (shared by the failure and the ready-state notice).
pub const COOP_FIX: &str = "this page's Cross-Origin-Opener-Policy cuts Meta's window off from it; send Cross-Origin-Opener-Policy: same-origin-allow-popups (or unsafe-none) on this page, or use redirect mode";

/// Everything that can go wrong in a run, with a stable [`ErrorCode`].
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FlowError {
    /// `launch()` ran before the SDK was loaded; opening it later would be popup-blocked.
    #[error("the Facebook SDK is not ready yet; await load() before enabling the button (FB.login must run inside the click)")]
    SdkNotReady,
    /// The SDK script failed to load or did not define `FB`.
    #[error("the Facebook SDK could not be loaded: {0}")]
    SdkLoadFailed(String),
    /// A second `launch()` while one is in progress.
    #[error("a signup is already in progress; wait for it to end")]
    AlreadyRunning,
    /// The callback answered with a non-2xx status.
    #[error("the callback answered HTTP {status}")]
    CallbackHttp {
        /// The HTTP status.
        status: u16,
        /// The response body: JSON, or a JSON string holding the text.
        body: crate::json::Value,
    },
    /// The request failed before any answer (offline, CORS, DNS…).
    #[error("the callback could not be reached: {0}")]
    Network(String),
    /// No answer within `timeoutMs`; the request was aborted.
    #[error("the callback did not answer within {0} ms")]
    Timeout(u32),
    /// Meta finished the signup but `FB.login` gave no `authResponse` (a known Meta failure).
    #[error("Meta finished the signup but FB.login returned no auth response; try redirect mode (mode: \"redirect\")")]
    NoAuthResponse,
    /// The redirect's `state` is missing or differs from the one stored at launch.
    #[error("the redirect's state does not match the one this browser stored; start again")]
    StateMismatch,
    /// The redirect came back without `code` (or with Meta's `error`).
    #[error("the redirect came back without an authorization code{}", .0.as_deref().map(|e| format!(" ({e})")).unwrap_or_default())]
    MissingCode(Option<String>),
    /// The code could not be sent within 25 s of arriving (it expires after 30 s).
    #[error("the authorization code could not be sent within 25000 ms of arriving; start again")]
    CodeExpired,
    /// Meta reported an error in a session event.
    #[error("Meta reported an error{}", .0.message.as_deref().map(|m| format!(": {m}")).unwrap_or_default())]
    Meta(MetaError),
    /// The flow was destroyed while running.
    #[error("the signup was aborted because the flow was destroyed")]
    Aborted,
    /// `window.open` returned nothing: the browser's popup blocker stopped Meta's window.
    #[error("the browser blocked Meta's popup; allow pop-ups for this site, and call launch() directly inside the click handler (no await before it)")]
    PopupBlocked,
    /// The page's opener policy severed Meta's popup, so nothing can come back from it.
    #[error("Meta's window could not report back: {COOP_FIX}")]
    PopupIsolated,
    /// Nothing ended the run within `runTimeoutMs` (e.g. `FB.login` never called back).
    #[error("the signup did not finish within {0} ms (runTimeoutMs) and was stopped; start again")]
    RunTimeout(u32),
    /// The configuration cannot run (e.g. redirect mode without `redirectUri`);
    /// the message is the configuration error's.
    #[error("the configuration was rejected: {0}")]
    InvalidConfig(String),
}

impl FlowError {
    /// The [`FailureKind`] matching this error.
    pub fn kind(&self) -> FailureKind {
        match self {
            FlowError::SdkNotReady => FailureKind::SdkNotReady,
            FlowError::SdkLoadFailed(_) => FailureKind::SdkLoadFailed,
            FlowError::AlreadyRunning => FailureKind::AlreadyRunning,
            FlowError::CallbackHttp { .. } => FailureKind::CallbackHttpError,
            FlowError::Network(_) => FailureKind::NetworkError,
            FlowError::Timeout(_) => FailureKind::Timeout,
            FlowError::NoAuthResponse => FailureKind::NoAuthResponse,
            FlowError::StateMismatch => FailureKind::StateMismatch,
            FlowError::MissingCode(_) => FailureKind::MissingCode,
            FlowError::CodeExpired => FailureKind::CodeExpired,
            FlowError::Meta(_) => FailureKind::MetaError,
            FlowError::Aborted => FailureKind::Aborted,
            FlowError::PopupBlocked => FailureKind::PopupBlocked,
            FlowError::PopupIsolated => FailureKind::PopupIsolated,
            FlowError::RunTimeout(_) => FailureKind::RunTimeout,
            FlowError::InvalidConfig(_) => FailureKind::InvalidConfig,
        }
    }
}

impl ErrorCode for FlowError {
    fn code(&self) -> &'static str {
        self.kind().as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::FailureKind;

    /// Exhaustive: a new kind fails to compile here until it gets an index,
    /// and then fails the test until `FailureKind::ALL` lists it there.
    fn index(kind: FailureKind) -> usize {
        match kind {
            FailureKind::SdkNotReady => 0,
            FailureKind::SdkLoadFailed => 1,
            FailureKind::AlreadyRunning => 2,
            FailureKind::CallbackHttpError => 3,
            FailureKind::NetworkError => 4,
            FailureKind::Timeout => 5,
            FailureKind::NoAuthResponse => 6,
            FailureKind::StateMismatch => 7,
            FailureKind::MissingCode => 8,
            FailureKind::CodeExpired => 9,
            FailureKind::MetaError => 10,
            FailureKind::Aborted => 11,
            FailureKind::InvalidConfig => 12,
            FailureKind::PopupBlocked => 13,
            FailureKind::PopupIsolated => 14,
            FailureKind::RunTimeout => 15,
        }
    }

    #[test]
    fn all_lists_every_kind_once_and_codes_match_serde() {
        for (i, kind) in FailureKind::ALL.into_iter().enumerate() {
            assert_eq!(index(kind), i, "{kind:?}");
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
    }
}
