//! What the UI should show while a flow lives ([`FlowState`]), and what the
//! ready state can warn about before the click ([`ReadyNotice`]).

use serde::Serialize;

use super::failure::{FailureKind, FlowError, COOP_FIX};
use super::outcome::{CallbackResponse, CancelSource, Outcome};
use super::session_info::{MetaError, SessionInfo};

/// Why Meta's popup may not work on this page, known before the click.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum NoticeKind {
    /// The page sends `Cross-Origin-Opener-Policy: same-origin` (or is
    /// cross-origin isolated): the popup will be cut off from the page.
    PopupIsolated,
    /// An in-app browser (Facebook, Instagram, LINE, …) whose popups often do
    /// not return, and no `redirectUri` to fall back to.
    InAppBrowser,
}

impl NoticeKind {
    /// The stable code, e.g. `"POPUP_ISOLATED"`.
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::PopupIsolated => "POPUP_ISOLATED",
            NoticeKind::InAppBrowser => "IN_APP_BROWSER",
        }
    }
}

/// A warning carried by the ready state, for the person and the integrator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadyNotice {
    /// What was detected.
    pub kind: NoticeKind,
    /// What it means and how to fix it.
    pub message: String,
}

impl ReadyNotice {
    /// The notice for `kind`, with its message.
    pub fn new(kind: NoticeKind) -> ReadyNotice {
        let message = match kind {
            NoticeKind::PopupIsolated => format!("Meta's popup will not work: {COOP_FIX}"),
            NoticeKind::InAppBrowser => "this looks like an in-app browser, where Meta's popup \
                often does not return; configure redirectUri so the flow can use redirect mode, \
                or ask the person to open the page in their browser"
                .to_owned(),
        };
        ReadyNotice { kind, message }
    }
}

/// What the UI should show. Starts at `SdkLoading` (popup mode) or `Ready` (redirect mode).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum FlowState {
    /// The Facebook SDK is being loaded.
    SdkLoading,
    /// Ready to launch.
    Ready {
        /// Why the popup may not work here, when that is known before the click.
        #[serde(skip_serializing_if = "Option::is_none")]
        notice: Option<ReadyNotice>,
    },
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
    /// The run was cancelled (in Meta's dialog, or by the page).
    #[serde(rename_all = "camelCase")]
    Cancelled {
        /// The step the user left at.
        #[serde(skip_serializing_if = "Option::is_none")]
        current_step: Option<String>,
        /// Who cancelled.
        source: CancelSource,
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
    /// `Ready` without a notice.
    pub const READY: FlowState = FlowState::Ready { notice: None };

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
            Outcome::Cancelled {
                current_step,
                source,
            } => FlowState::Cancelled {
                current_step: current_step.clone(),
                source: *source,
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
