//! How a signup run ends ([`Outcome`]), what the UI shows meanwhile ([`FlowState`]),
//! and the typed errors of the flow ([`FlowError`]).

use serde::{Deserialize, Serialize};

use crate::error::ErrorCode;

/// What the correlator learned from Meta's session-info `FINISH*` event.
///
/// This is the part of [`crate::events::SessionEvent`] that the flow forwards to
/// the callback and hands back in [`Outcome::Connected`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionInfo {
    /// The wire name of the event, e.g. `FINISH` or `FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING`.
    pub event: String,
    /// The WhatsApp Business Account id, when Meta sent one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waba_id: Option<String>,
    /// The business phone number id, when Meta sent one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number_id: Option<String>,
    /// The business portfolio id, when Meta sent one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_id: Option<String>,
    /// True for `FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING` (coexistence).
    #[serde(default)]
    pub is_coexistence: bool,
}

/// The error Meta reported in a `CANCEL` (with `error_message`) or `ERROR` session event.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MetaError {
    /// Meta's human message (`error_message`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Meta's error code or id (`error_code` / `error_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Meta's session id, useful when contacting Meta support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    /// Meta's timestamp of the error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    /// The step the user was on, when Meta said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_step: Option<String>,
}

/// What the callback answered with a 2xx status.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum CallbackResponse {
    /// The body matched the seed-003 business profile.
    Profile(crate::api::BusinessProfile),
    /// Any other JSON body (or `null` for an empty body), handed back unchanged.
    Json(crate::json::Value),
}

/// How one signup run ended. Exactly one per `launch()`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Outcome {
    /// The callback accepted the code.
    #[serde(rename_all = "camelCase")]
    Connected {
        /// The callback's answer (usually the `wabp_…` business profile).
        profile: CallbackResponse,
        /// The session info that was sent along with the code, if it arrived in time.
        #[serde(skip_serializing_if = "Option::is_none")]
        session: Option<SessionInfo>,
    },
    /// The user closed or cancelled Meta's dialog.
    #[serde(rename_all = "camelCase")]
    Cancelled {
        /// The step Meta said the user left at (`current_step`), if any.
        #[serde(skip_serializing_if = "Option::is_none")]
        current_step: Option<String>,
    },
    /// Something went wrong; `kind` says what.
    #[serde(rename_all = "camelCase")]
    Failed {
        /// The stable error code (same as [`FlowError::code`]).
        kind: FailureKind,
        /// Meta's error details, for `META_ERROR`.
        #[serde(skip_serializing_if = "Option::is_none")]
        meta_error: Option<MetaError>,
        /// The callback's HTTP status, for `CALLBACK_HTTP_ERROR`.
        #[serde(skip_serializing_if = "Option::is_none")]
        status: Option<u16>,
        /// The callback's response body (JSON, or a JSON string for non-JSON text).
        #[serde(skip_serializing_if = "Option::is_none")]
        body: Option<crate::json::Value>,
        /// A human message saying what happened and what to do.
        message: String,
    },
}

impl Outcome {
    /// The `Failed` outcome for `err`, carrying its status, body and Meta details.
    pub fn failed(err: &FlowError) -> Outcome {
        let (status, body, meta_error) = match err {
            FlowError::CallbackHttp { status, body } => (Some(*status), Some(body.clone()), None),
            FlowError::Meta(meta) => (None, None, Some(meta.clone())),
            _ => (None, None, None),
        };
        Outcome::Failed {
            kind: err.kind(),
            meta_error,
            status,
            body,
            message: err.to_string(),
        }
    }
}

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
}

impl FailureKind {
    /// Every kind, in declaration order (for exhaustive tables and tests).
    pub const ALL: [FailureKind; 13] = [
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
        }
    }
}

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
        }
    }
}

impl ErrorCode for FlowError {
    fn code(&self) -> &'static str {
        self.kind().as_str()
    }
}

/// What the UI should show. Starts at `SdkLoading` (popup mode) or `Ready` (redirect mode).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum FlowState {
    /// The Facebook SDK is being loaded.
    SdkLoading,
    /// Ready to launch.
    Ready,
    /// Meta's dialog is open; waiting for the code and the session info.
    WaitingForMeta,
    /// The code is being sent to the callback.
    Sending,
    /// The callback accepted the code.
    #[serde(rename_all = "camelCase")]
    Connected {
        /// The callback's answer.
        profile: CallbackResponse,
        /// The session info sent with the code.
        #[serde(skip_serializing_if = "Option::is_none")]
        session: Option<SessionInfo>,
    },
    /// The user cancelled.
    #[serde(rename_all = "camelCase")]
    Cancelled {
        /// The step the user left at.
        #[serde(skip_serializing_if = "Option::is_none")]
        current_step: Option<String>,
    },
    /// The run (or the SDK load) failed.
    #[serde(rename_all = "camelCase")]
    Failed {
        /// The stable error code.
        kind: FailureKind,
        /// Meta's error details, if any.
        #[serde(skip_serializing_if = "Option::is_none")]
        meta_error: Option<MetaError>,
        /// The callback's HTTP status, if any.
        #[serde(skip_serializing_if = "Option::is_none")]
        status: Option<u16>,
        /// A human message.
        message: String,
    },
}

impl FlowState {
    /// True while a run is in progress (`WaitingForMeta` or `Sending`).
    pub fn is_running(&self) -> bool {
        matches!(self, FlowState::WaitingForMeta | FlowState::Sending)
    }
}

impl From<&Outcome> for FlowState {
    fn from(outcome: &Outcome) -> FlowState {
        match outcome {
            Outcome::Connected { profile, session } => FlowState::Connected {
                profile: profile.clone(),
                session: session.clone(),
            },
            Outcome::Cancelled { current_step } => FlowState::Cancelled {
                current_step: current_step.clone(),
            },
            Outcome::Failed {
                kind,
                meta_error,
                status,
                message,
                ..
            } => FlowState::Failed {
                kind: *kind,
                meta_error: meta_error.clone(),
                status: *status,
                message: message.clone(),
            },
        }
    }
}

impl From<&FlowError> for FlowState {
    fn from(err: &FlowError) -> FlowState {
        FlowState::from(&Outcome::failed(err))
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
