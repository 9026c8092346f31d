use super::*;
use crate::i18n::ENGLISH;
use wa_signup::flow::{MetaError, ReadyNotice};

mod failures;

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

/// A failed run's state: `kind`, the callback's HTTP `status`, Meta's
/// error message `meta` (also used by the catalogue tests, `i18n/tests.rs`).
pub(crate) fn failed(kind: FailureKind, status: Option<u16>, meta: Option<&str>) -> FlowState {
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
