//! What the widget shows for each [`FlowState`]: plain data, no DOM.
//!
//! The Leptos component renders a [`StatusView`] as is, so every label, tone
//! and button rule lives here and is tested natively with case tables. The
//! words come from the [`Messages`] catalogue of the widget's language.

use wa_signup::events::CANCEL_STEPS;
use wa_signup::flow::{
    CallbackResponse, CancelSource, FailureKind, FlowState, NoticeKind, Outcome,
};

use crate::i18n::{fill, Key, Messages};

/// The colour family of the status region (`data-tone` attribute).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Nothing is happening.
    Neutral,
    /// Work is in progress (spinner, `aria-busy`).
    Busy,
    /// The account is connected.
    Success,
    /// The run was cancelled or failed.
    Error,
}

impl Tone {
    /// The `data-tone` value used by the stylesheet.
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Neutral => "neutral",
            Tone::Busy => "busy",
            Tone::Success => "success",
            Tone::Error => "error",
        }
    }
}

/// What the main button does when clicked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrimaryAction {
    /// Launch the signup with the current flow.
    Connect,
    /// Start afresh: a new flow (new SDK load if needed), then the user clicks again.
    TryAgain,
}

/// Everything the widget renders for one state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusView {
    /// The `data-tone` of the status region.
    pub tone: Tone,
    /// The one-line status, announced by the `aria-live` region.
    pub title: String,
    /// A second line with the reason or the next step.
    pub detail: Option<String>,
    /// The connected phone numbers (display form), for `Connected`.
    pub phone_numbers: Vec<String>,
    /// The stable error code of a failure, shown for support.
    pub error_code: Option<&'static str>,
    /// True while work is in progress: `aria-busy` and a disabled button.
    pub busy: bool,
    /// The main button (label from [`StatusView::primary_label`]); `None` hides it.
    pub primary: Option<PrimaryAction>,
    /// True when the button is shown but must not be clicked (SDK loading, running).
    pub primary_disabled: bool,
    /// Offer restarting in redirect mode (after the known "FINISH but no
    /// authResponse" failure, or a popup that was blocked or cut off).
    pub offer_redirect: bool,
    /// Offer ending the run ("Cancel") while it waits for Meta.
    pub offer_cancel: bool,
    /// The run is over (connected, cancelled or failed): move focus to the result.
    pub finished: bool,
}

impl StatusView {
    /// The text of the main button in `messages`, if shown.
    pub fn primary_label(&self, messages: Messages) -> Option<&'static str> {
        self.primary.map(|action| match action {
            PrimaryAction::Connect => messages.text(Key::Connect),
            PrimaryAction::TryAgain => messages.text(Key::TryAgain),
        })
    }

    /// The error code line ("Error code: POPUP_BLOCKED"), for a failure.
    pub fn error_code_line(&self, messages: Messages) -> Option<String> {
        self.error_code
            .map(|code| fill(messages.text(Key::ErrorCode), &[code]))
    }
}

/// What the widget's configuration allows, and its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusContext {
    /// The flow runs in redirect mode (Meta's dialog replaces this page).
    pub redirect_mode: bool,
    /// The configuration has a `redirectUri`, so redirect mode can be offered.
    pub redirect_available: bool,
    /// The words.
    pub messages: Messages,
}

/// Builds the view for `state` under `context`.
pub fn status_view(state: &FlowState, context: StatusContext) -> StatusView {
    let m = context.messages;
    let base = StatusView {
        tone: Tone::Neutral,
        title: String::new(),
        detail: None,
        phone_numbers: Vec::new(),
        error_code: None,
        busy: false,
        primary: Some(PrimaryAction::Connect),
        primary_disabled: false,
        offer_redirect: false,
        offer_cancel: false,
        finished: false,
    };
    match state {
        FlowState::SdkLoading => StatusView {
            tone: Tone::Busy,
            title: m.text(Key::SdkLoading).into(),
            busy: true,
            primary_disabled: true,
            ..base
        },
        FlowState::Ready { notice } => StatusView {
            title: m.text(Key::Ready).into(),
            detail: Some(
                match notice.as_ref().map(|n| n.kind) {
                    Some(kind) => notice_text(kind, m),
                    None if context.redirect_mode => m.text(Key::ReadyRedirect),
                    None => m.text(Key::ReadyPopup),
                }
                .into(),
            ),
            ..base
        },
        FlowState::WaitingForMeta => StatusView {
            tone: Tone::Busy,
            title: m.text(Key::Waiting).into(),
            detail: Some(m.text(Key::WaitingDetail).into()),
            busy: true,
            primary_disabled: true,
            offer_cancel: true,
            ..base
        },
        FlowState::Sending => StatusView {
            tone: Tone::Busy,
            title: m.text(Key::Sending).into(),
            detail: Some(m.text(Key::SendingDetail).into()),
            busy: true,
            primary_disabled: true,
            ..base
        },
        FlowState::Ended(Outcome::Connected { profile, .. }) => {
            let summary = profile_summary(profile);
            StatusView {
                tone: Tone::Success,
                title: match summary.business_name {
                    Some(name) => fill(m.text(Key::ConnectedNamed), &[&name]),
                    None => m.text(Key::Connected).into(),
                },
                detail: Some(
                    match summary.phone_numbers.len() {
                        0 => m.text(Key::NumbersNone),
                        1 => m.text(Key::NumbersOne),
                        _ => m.text(Key::NumbersMany),
                    }
                    .into(),
                ),
                phone_numbers: summary.phone_numbers,
                primary: None,
                finished: true,
                ..base
            }
        }
        FlowState::Ended(Outcome::Cancelled {
            current_step,
            source,
        }) => StatusView {
            tone: Tone::Error,
            title: m.text(Key::Cancelled).into(),
            detail: Some(
                match (source, current_step.as_deref().map(|s| step_name(s, m))) {
                    (CancelSource::Page, _) => m.text(Key::CancelledByPage).into(),
                    (CancelSource::Meta, Some(step)) if !step.is_empty() => {
                        fill(m.text(Key::CancelledAtStep), &[&step])
                    }
                    (CancelSource::Meta, _) => m.text(Key::CancelledByMeta).into(),
                },
            ),
            primary: Some(PrimaryAction::TryAgain),
            finished: true,
            ..base
        },
        FlowState::Ended(Outcome::Failed {
            kind,
            meta_error,
            status,
            ..
        }) => {
            let meta_message = meta_error.as_ref().and_then(|m| m.message.as_deref());
            // Redirect mode needs no popup: the way out when the popup failed.
            let popup_failed = matches!(
                kind,
                FailureKind::NoAuthResponse
                    | FailureKind::PopupBlocked
                    | FailureKind::PopupIsolated
            );
            let offer_redirect =
                popup_failed && context.redirect_available && !context.redirect_mode;
            StatusView {
                tone: Tone::Error,
                title: m.text(Key::Failed).into(),
                detail: Some(failure_reason(*kind, *status, meta_message, m)),
                error_code: Some(kind.as_str()),
                primary: Some(PrimaryAction::TryAgain),
                offer_redirect,
                finished: true,
                ..base
            }
        }
    }
}

/// What the ready state says when Meta's popup may not work on this page.
pub fn notice_text(kind: NoticeKind, m: Messages) -> &'static str {
    match kind {
        NoticeKind::PopupIsolated => m.text(Key::NoticePopupIsolated),
        NoticeKind::InAppBrowser => m.text(Key::NoticeInApp),
    }
}

/// A friendly sentence for each failure kind. Meta's own message and the
/// HTTP status are data, put in as they are.
pub fn failure_reason(
    kind: FailureKind,
    status: Option<u16>,
    meta_message: Option<&str>,
    m: Messages,
) -> String {
    let text = match kind {
        FailureKind::SdkNotReady => m.text(Key::SdkNotReady),
        FailureKind::SdkLoadFailed => m.text(Key::SdkLoadFailed),
        FailureKind::AlreadyRunning => m.text(Key::AlreadyRunning),
        FailureKind::CallbackHttpError => match status {
            Some(code) => return fill(m.text(Key::HttpErrorStatus), &[&code.to_string()]),
            None => m.text(Key::HttpError),
        },
        FailureKind::NetworkError => m.text(Key::NetworkError),
        FailureKind::Timeout => m.text(Key::Timeout),
        FailureKind::NoAuthResponse => m.text(Key::NoAuthResponse),
        FailureKind::StateMismatch => m.text(Key::StateMismatch),
        FailureKind::MissingCode => m.text(Key::MissingCode),
        FailureKind::CodeExpired => m.text(Key::CodeExpired),
        FailureKind::MetaError => match meta_message.map(str::trim).filter(|t| !t.is_empty()) {
            Some(message) => return fill(m.text(Key::MetaErrorMessage), &[message]),
            None => m.text(Key::MetaError),
        },
        FailureKind::Aborted => m.text(Key::Aborted),
        FailureKind::InvalidConfig => m.text(Key::InvalidConfig),
        FailureKind::PopupBlocked => m.text(Key::PopupBlocked),
        FailureKind::PopupIsolated => m.text(Key::PopupIsolated),
        FailureKind::RunTimeout => m.text(Key::RunTimeout),
    };
    text.into()
}

/// Meta's `current_step` in words: the catalogue's name of each step Meta
/// documents for abandoned flows, else the code itself made readable by
/// [`humanize_step`] (an unknown step is Meta's data, shown as it comes).
pub fn step_name(step: &str, m: Messages) -> String {
    let names = [
        m.text(Key::StepBusiness),
        m.text(Key::StepWaba),
        m.text(Key::StepProfile),
        m.text(Key::StepPhoneSetup),
        m.text(Key::StepPhoneVerification),
        m.text(Key::StepPermissions),
    ];
    match CANCEL_STEPS.iter().position(|known| *known == step) {
        Some(i) => names.get(i).copied().unwrap_or_default().into(),
        None => humanize_step(step),
    }
}

/// Turns Meta's `current_step` (e.g. `PHONE_NUMBER_VERIFICATION`) into
/// "Phone number verification". Case is changed for ASCII letters only
/// (Meta's steps are ASCII; this keeps Unicode case tables out of the wasm).
pub fn humanize_step(step: &str) -> String {
    let words: Vec<String> = step
        .split(['_', '-', ' '])
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let mut text = words.join(" ");
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

/// The parts of a callback answer the widget shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProfileSummary {
    /// `businessName`, when present and not empty.
    pub business_name: Option<String>,
    /// Each `phoneNumbers[].displayPhoneNumber`.
    pub phone_numbers: Vec<String>,
}

/// Reads the business name and phone numbers from the seed-003 profile, or
/// from any JSON answer of the same shape.
pub fn profile_summary(profile: &CallbackResponse) -> ProfileSummary {
    match profile {
        CallbackResponse::Profile(profile) => ProfileSummary {
            business_name: non_blank(profile.business_name.as_deref()),
            phone_numbers: profile
                .phone_numbers
                .iter()
                .map(|n| n.display_phone_number.clone())
                .collect(),
        },
        CallbackResponse::Json(json) => ProfileSummary {
            business_name: non_blank(json.get("businessName").and_then(|v| v.as_str())),
            phone_numbers: json
                .get("phoneNumbers")
                .and_then(|v| v.as_array())
                .map(|numbers| {
                    numbers
                        .iter()
                        .filter_map(|n| n.get("displayPhoneNumber").and_then(|d| d.as_str()))
                        .map(String::from)
                        .collect()
                })
                .unwrap_or_default(),
        },
    }
}

/// `text` trimmed, unless that leaves nothing.
fn non_blank(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
}

#[cfg(test)]
pub(crate) mod tests;
