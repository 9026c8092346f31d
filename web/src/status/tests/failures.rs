//! A failed run's status: its sentence for each failure kind, the error code,
//! Try again, and when redirect mode is offered instead of the popup.

use super::*;

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
