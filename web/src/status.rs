//! What the widget shows for each [`FlowState`]: plain data, no DOM.
//!
//! The Leptos component renders a [`StatusView`] as is, so every label, tone
//! and button rule lives here and is tested natively with case tables. The
//! words come from the [`Messages`] catalogue of the widget's language.

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
    match KNOWN_STEPS.iter().position(|known| *known == step) {
        Some(i) => names.get(i).copied().unwrap_or_default().into(),
        None => humanize_step(step),
    }
}

/// The `current_step` values Meta documents for abandoned flows (each has a
/// name in every catalogue, see [`step_name`]).
pub const KNOWN_STEPS: [&str; 6] = [
    "BUSINESS_ACCOUNT_SELECTION",
    "WABA_PHONE_PROFILE_PICKER",
    "WHATSAPP_BUSINESS_PROFILE_SETUP",
    "PHONE_NUMBER_SETUP",
    "PHONE_NUMBER_VERIFICATION",
    "PERMISSIONS",
];

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
mod tests {
    use super::*;
    use crate::i18n::ENGLISH;
    use wa_signup::flow::{MetaError, ReadyNotice};

    const EN: Messages = ENGLISH;
    const TRY_AGAIN_LABEL: &str = "Try again";
    const POPUP_ONLY: StatusContext = StatusContext {
        redirect_mode: false,
        redirect_available: false,
        messages: EN,
    };
    const REDIRECT_OK: StatusContext = StatusContext {
        redirect_mode: false,
        redirect_available: true,
        messages: EN,
    };
    const REDIRECT_MODE: StatusContext = StatusContext {
        redirect_mode: true,
        redirect_available: true,
        messages: EN,
    };

    fn failed(kind: FailureKind, status: Option<u16>, meta: Option<&str>) -> FlowState {
        FlowState::Ended(Outcome::Failed {
            kind,
            meta_error: meta.map(|m| MetaError {
                message: Some(m.into()),
                ..MetaError::default()
            }),
            status,
            body: None,
            message: "technical".into(),
        })
    }

    fn connected(json: serde_json::Value) -> FlowState {
        FlowState::Ended(Outcome::Connected {
            profile: CallbackResponse::Json(serde_json::from_value(json).expect("converts")),
            session: None,
        })
    }

    #[test]
    fn each_state_has_its_tone_button_and_busy_flag() {
        // (state, tone, primary, disabled, busy, finished)
        let cases = [
            (
                FlowState::SdkLoading,
                Tone::Busy,
                Some(PrimaryAction::Connect),
                true,
                true,
                false,
            ),
            (
                FlowState::READY,
                Tone::Neutral,
                Some(PrimaryAction::Connect),
                false,
                false,
                false,
            ),
            (
                FlowState::WaitingForMeta,
                Tone::Busy,
                Some(PrimaryAction::Connect),
                true,
                true,
                false,
            ),
            (
                FlowState::Sending,
                Tone::Busy,
                Some(PrimaryAction::Connect),
                true,
                true,
                false,
            ),
            (
                connected(serde_json::json!({})),
                Tone::Success,
                None,
                false,
                false,
                true,
            ),
            (
                FlowState::Ended(Outcome::Cancelled {
                    current_step: None,
                    source: CancelSource::Meta,
                }),
                Tone::Error,
                Some(PrimaryAction::TryAgain),
                false,
                false,
                true,
            ),
            (
                failed(FailureKind::Timeout, None, None),
                Tone::Error,
                Some(PrimaryAction::TryAgain),
                false,
                false,
                true,
            ),
        ];
        for (state, tone, primary, disabled, busy, finished) in cases {
            let view = status_view(&state, REDIRECT_OK);
            assert_eq!(view.tone, tone, "{state:?}");
            assert_eq!(view.primary, primary, "{state:?}");
            assert_eq!(view.primary_disabled, disabled, "{state:?}");
            assert_eq!(view.busy, busy, "{state:?}");
            assert_eq!(view.finished, finished, "{state:?}");
            assert!(!view.title.is_empty(), "{state:?}");
        }
    }

    #[test]
    fn titles_for_the_running_states() {
        let cases = [
            (FlowState::SdkLoading, "Loading Facebook sign-in…"),
            (FlowState::WaitingForMeta, "Waiting for Meta…"),
            (FlowState::Sending, "Connecting your account…"),
        ];
        for (state, title) in cases {
            assert_eq!(status_view(&state, POPUP_ONLY).title, title);
        }
    }

    #[test]
    fn connected_shows_business_name_and_every_number() {
        let state = connected(serde_json::json!({
            "id": "wabp_2DbBs7GWhGvVNJGrDXr5RG0mBWI",
            "businessName": "Acme Corp",
            "phoneNumbers": [
                {"displayPhoneNumber": "+15551234567"},
                {"displayPhoneNumber": "+447700900123"},
                {"id": "no display number"}
            ]
        }));
        let view = status_view(&state, POPUP_ONLY);
        assert_eq!(view.title, "Connected: Acme Corp");
        assert_eq!(view.phone_numbers, ["+15551234567", "+447700900123"]);
        assert_eq!(view.detail.as_deref(), Some("Phone numbers:"));
    }

    #[test]
    fn connected_reads_the_typed_seed_003_profile() {
        let body = r#"{"id":"wabp_2DbBs7GWhGvVNJGrDXr5RG0mBWI","organizationId":"org_1",
            "metaWabaId":"524126980791429","metaBusinessId":null,"businessName":" Acme Corp ",
            "tokenExpiresAt":null,"onboardingCompletedAt":null,"createdAt":"2023-11-07T05:31:56Z",
            "phoneNumbers":[{"id":"wapn_2DbBs7GWhGvVNJGrDXr5RG0mBWI","displayPhoneNumber":"+15551234567",
            "metaPhoneNumberId":"106540352242922","verified":true,"qualityRating":"GREEN"}],
            "isTestProfile":true}"#;
        let profile = wa_signup::flow::response::parse_callback_body(body);
        assert!(
            matches!(profile, CallbackResponse::Profile(_)),
            "{profile:?}"
        );
        let view = status_view(
            &FlowState::Ended(Outcome::Connected {
                profile,
                session: None,
            }),
            POPUP_ONLY,
        );
        assert_eq!(view.title, "Connected: Acme Corp");
        assert_eq!(view.phone_numbers, ["+15551234567"]);
    }

    #[test]
    fn connected_without_name_or_numbers_still_says_connected() {
        let cases = [
            (
                serde_json::json!(null),
                "WhatsApp connected.",
                "No phone number is attached yet.",
            ),
            (
                serde_json::json!({"businessName": "  ", "phoneNumbers": "x"}),
                "WhatsApp connected.",
                "No phone number is attached yet.",
            ),
            (
                serde_json::json!({"businessName": null, "phoneNumbers": [{"displayPhoneNumber": "+1555"}]}),
                "WhatsApp connected.",
                "Phone number:",
            ),
        ];
        for (json, title, detail) in cases {
            let view = status_view(&connected(json.clone()), POPUP_ONLY);
            assert_eq!(view.title, title, "{json}");
            assert_eq!(view.detail.as_deref(), Some(detail), "{json}");
        }
    }

    #[test]
    fn cancelled_names_the_step_in_words() {
        let cases = [
            (
                Some("PHONE_NUMBER_VERIFICATION"),
                "You left at the step “Phone number verification”.",
            ),
            (
                Some("waba-selection"),
                "You left at the step “Waba selection”.",
            ),
            (Some("___"), "You closed Meta's window before finishing."),
            (None, "You closed Meta's window before finishing."),
        ];
        for (step, detail) in cases {
            let state = FlowState::Ended(Outcome::Cancelled {
                current_step: step.map(String::from),
                source: CancelSource::Meta,
            });
            assert_eq!(
                status_view(&state, POPUP_ONLY).detail.as_deref(),
                Some(detail),
                "{step:?}"
            );
        }
    }

    #[test]
    fn humanize_step_cases() {
        let cases = [
            ("", ""),
            ("PHONE_NUMBER_SETUP", "Phone number setup"),
            ("  spaced  out ", "Spaced out"),
            ("ÉTAPE_UN", "Étape un"),
            ("étape_UN", "étape un"),
            ("x", "X"),
        ];
        for (input, expected) in cases {
            assert_eq!(humanize_step(input), expected, "{input:?}");
        }
    }

    #[test]
    fn failure_shows_reason_code_and_try_again() {
        let cases = [
            (
                failed(FailureKind::CallbackHttpError, Some(502), None),
                "HTTP 502",
                "CALLBACK_HTTP_ERROR",
            ),
            (
                failed(FailureKind::Timeout, None, None),
                "too long",
                "TIMEOUT",
            ),
            (
                failed(FailureKind::NetworkError, None, None),
                "could not be reached",
                "NETWORK_ERROR",
            ),
            (
                failed(FailureKind::MetaError, None, Some("Rate limited")),
                "Meta reported an error: Rate limited",
                "META_ERROR",
            ),
            (
                failed(FailureKind::MetaError, None, Some("  ")),
                "Meta reported an error.",
                "META_ERROR",
            ),
            (
                failed(FailureKind::SdkLoadFailed, None, None),
                "could not be loaded",
                "SDK_LOAD_FAILED",
            ),
            (
                failed(FailureKind::CodeExpired, None, None),
                "expired",
                "CODE_EXPIRED",
            ),
        ];
        for (state, reason, code) in cases {
            let view = status_view(&state, REDIRECT_OK);
            let detail = view.detail.clone().unwrap_or_default();
            assert!(detail.contains(reason), "{detail} lacks {reason}");
            assert_eq!(view.error_code, Some(code));
            assert_eq!(view.primary_label(EN), Some(TRY_AGAIN_LABEL));
            assert!(!view.offer_redirect, "{state:?}");
        }
    }

    #[test]
    fn no_auth_response_offers_redirect_only_when_configured() {
        let state = failed(FailureKind::NoAuthResponse, None, None);
        assert!(status_view(&state, REDIRECT_OK).offer_redirect);
        assert!(!status_view(&state, POPUP_ONLY).offer_redirect);
        // Already in redirect mode: nothing better to offer.
        assert!(!status_view(&state, REDIRECT_MODE).offer_redirect);
        assert_eq!(
            status_view(&state, POPUP_ONLY).primary,
            Some(PrimaryAction::TryAgain)
        );
    }

    #[test]
    fn every_failure_kind_has_a_sentence() {
        let mut seen = std::collections::HashSet::new();
        for kind in FailureKind::ALL {
            let text = failure_reason(kind, None, None, EN);
            assert!(text.ends_with('.'), "{kind:?}: {text}");
            assert!(seen.insert(text), "duplicate sentence for {kind:?}");
        }
    }

    #[test]
    fn ready_says_where_the_dialog_opens() {
        let popup = status_view(&FlowState::READY, POPUP_ONLY)
            .detail
            .unwrap_or_default();
        let redirect = status_view(&FlowState::READY, REDIRECT_MODE)
            .detail
            .unwrap_or_default();
        assert!(popup.contains("new window"), "{popup}");
        assert!(redirect.contains("this window"), "{redirect}");
    }

    #[test]
    fn labels() {
        assert_eq!(
            status_view(&FlowState::READY, POPUP_ONLY).primary_label(EN),
            Some("Connect WhatsApp")
        );
        assert_eq!(
            status_view(&connected(serde_json::json!({})), POPUP_ONLY).primary_label(EN),
            None
        );
    }

    #[test]
    fn ready_notices_say_why_the_popup_may_not_work() {
        // (notice, context, detail): the notice replaces the usual line.
        let cases = [
            (
                NoticeKind::PopupIsolated,
                POPUP_ONLY,
                "This page's Cross-Origin-Opener-Policy cuts Meta's window off from it: \
                 the site must send Cross-Origin-Opener-Policy: same-origin-allow-popups.",
            ),
            (
                NoticeKind::PopupIsolated,
                REDIRECT_OK,
                "This page's Cross-Origin-Opener-Policy cuts Meta's window off from it: \
                 the site must send Cross-Origin-Opener-Policy: same-origin-allow-popups.",
            ),
            (
                NoticeKind::InAppBrowser,
                POPUP_ONLY,
                "Meta's window may not work inside this app. \
                 If nothing happens, open this page in your browser.",
            ),
        ];
        for (kind, context, detail) in cases {
            let state = FlowState::Ready {
                notice: Some(ReadyNotice::new(kind)),
            };
            let view = status_view(&state, context);
            assert_eq!(
                view.title,
                "Ready to connect your WhatsApp Business account."
            );
            assert_eq!(view.detail.as_deref(), Some(detail), "{kind:?}");
            // Still a plain ready state: the button works, nothing is busy.
            assert_eq!(view.tone, Tone::Neutral);
            assert_eq!(view.primary, Some(PrimaryAction::Connect));
            assert!(!view.primary_disabled && !view.busy && !view.offer_cancel);
        }
    }

    #[test]
    fn cancel_is_offered_only_while_waiting_for_meta() {
        let states = [
            (FlowState::SdkLoading, false),
            (FlowState::READY, false),
            (FlowState::WaitingForMeta, true),
            // The code is on its way: too late to cancel.
            (FlowState::Sending, false),
            (connected(serde_json::json!({})), false),
            (
                FlowState::Ended(Outcome::Cancelled {
                    current_step: None,
                    source: CancelSource::Page,
                }),
                false,
            ),
            (failed(FailureKind::RunTimeout, None, None), false),
        ];
        for (state, offered) in states {
            for context in [POPUP_ONLY, REDIRECT_OK, REDIRECT_MODE] {
                let view = status_view(&state, context);
                assert_eq!(view.offer_cancel, offered, "{state:?}");
            }
        }
        assert_eq!(EN.text(Key::Cancel), "Cancel");
        let waiting = status_view(&FlowState::WaitingForMeta, POPUP_ONLY);
        assert_eq!(waiting.title, "Waiting for Meta…");
        assert_eq!(
            waiting.detail.as_deref(),
            Some("Finish the steps in the Meta window.")
        );
    }

    #[test]
    fn cancelled_says_who_cancelled() {
        // (source, current step, detail)
        let cases = [
            (
                CancelSource::Page,
                None,
                "You stopped the signup before it finished.",
            ),
            (
                CancelSource::Page,
                Some("PHONE_NUMBER_VERIFICATION"),
                "You stopped the signup before it finished.",
            ),
            (
                CancelSource::Meta,
                None,
                "You closed Meta's window before finishing.",
            ),
            (
                CancelSource::Meta,
                Some("WABA_SELECTION"),
                "You left at the step “Waba selection”.",
            ),
        ];
        for (source, step, detail) in cases {
            let state = FlowState::Ended(Outcome::Cancelled {
                current_step: step.map(String::from),
                source,
            });
            let view = status_view(&state, POPUP_ONLY);
            assert_eq!(view.title, "Signup cancelled.");
            assert_eq!(view.detail.as_deref(), Some(detail), "{source:?} {step:?}");
            assert_eq!(view.tone, Tone::Error);
            assert_eq!(view.primary_label(EN), Some(TRY_AGAIN_LABEL));
            assert!(view.finished);
        }
    }

    #[test]
    fn popup_failures_say_what_happened_and_how_to_fix_it() {
        // (kind, detail, error code)
        let cases = [
            (
                FailureKind::PopupBlocked,
                "Your browser blocked Meta's window. Allow pop-ups for this site, then try again.",
                "POPUP_BLOCKED",
            ),
            (
                FailureKind::PopupIsolated,
                "This page's Cross-Origin-Opener-Policy cut Meta's window off from it. \
                 The site must send Cross-Origin-Opener-Policy: same-origin-allow-popups.",
                "POPUP_ISOLATED",
            ),
            (
                FailureKind::RunTimeout,
                "The signup took too long and was stopped. Please start again.",
                "RUN_TIMEOUT",
            ),
        ];
        for (kind, detail, code) in cases {
            let view = status_view(&failed(kind, None, None), POPUP_ONLY);
            assert_eq!(view.title, "Couldn't connect WhatsApp.");
            assert_eq!(view.detail.as_deref(), Some(detail), "{kind:?}");
            assert_eq!(view.error_code, Some(code));
            assert_eq!(view.primary_label(EN), Some(TRY_AGAIN_LABEL));
            assert!(!view.offer_cancel && !view.busy);
        }
    }

    #[test]
    fn redirect_mode_is_offered_after_popup_failures_when_configured() {
        // (kind, offered with a redirectUri in popup mode)
        let cases = [
            (FailureKind::NoAuthResponse, true),
            (FailureKind::PopupBlocked, true),
            (FailureKind::PopupIsolated, true),
            (FailureKind::RunTimeout, false),
            (FailureKind::Timeout, false),
            (FailureKind::MetaError, false),
            (FailureKind::CallbackHttpError, false),
        ];
        for (kind, offered) in cases {
            let state = failed(kind, None, None);
            assert_eq!(status_view(&state, REDIRECT_OK).offer_redirect, offered);
            assert!(!status_view(&state, POPUP_ONLY).offer_redirect, "{kind:?}");
            assert!(
                !status_view(&state, REDIRECT_MODE).offer_redirect,
                "{kind:?}"
            );
        }
    }
}
