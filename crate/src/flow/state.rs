//! What the UI should show while a flow lives ([`FlowState`]), and what the
//! ready state can warn about before the click ([`ReadyNotice`]).

use serde::Serialize;

use super::failure::{FlowError, COOP_FIX};
use super::outcome::Outcome;

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

/// What the UI should show. Starts at `SdkLoading` (popup mode) or `Ready`
/// (redirect mode); a run's end is its [`Outcome`], not a copy of it.
// `Ended` is larger than the other states; a `Box` would be in every
// pattern on a state (the widget's views), for a few states per run.
#[allow(clippy::large_enum_variant)]
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
    /// The run ended: how (the [`Outcome`] `launch()` resolves to). As a
    /// state it has the outcome's `type` and fields but the callback's
    /// response `body`, which only the outcome carries.
    #[serde(untagged, serialize_with = "outcome_without_body")]
    Ended(Outcome),
}

/// `outcome` serialised without a failure's response `body` (see [`FlowState::Ended`]).
fn outcome_without_body<S: serde::Serializer>(outcome: &Outcome, s: S) -> Result<S::Ok, S::Error> {
    match outcome {
        Outcome::Failed { body: Some(_), .. } => {
            let mut outcome = outcome.clone();
            if let Outcome::Failed { body, .. } = &mut outcome {
                *body = None;
            }
            outcome.serialize(s)
        }
        _ => outcome.serialize(s),
    }
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
        FlowState::Ended(outcome.clone())
    }
}

impl From<&FlowError> for FlowState {
    fn from(err: &FlowError) -> FlowState {
        FlowState::from(&Outcome::failed(err))
    }
}
