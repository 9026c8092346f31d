//! Every ordering of code / session event / timer, as a case table.

use crate::events::SessionIds;
use crate::flow::correlator::{Action, Correlator, Input, MAX_POST_DELAY_MS};
use crate::flow::AuthCode;
use crate::flow::{CancelSource, FailureKind, MetaError, Outcome, SessionInfo};

const GRACE: u64 = 1_500;

fn code(at_ms: u64) -> Input {
    Input::Code {
        code: AuthCode::new("the-code").unwrap(),
        at_ms,
    }
}

fn finish(at_ms: u64) -> Input {
    Input::Finish {
        session: session("FINISH", false),
        at_ms,
    }
}

fn session(event: &str, coexistence: bool) -> SessionInfo {
    SessionInfo {
        event: event.into(),
        ids: SessionIds {
            waba_id: Some("111".into()),
            phone_number_id: if coexistence {
                None
            } else {
                Some("222".into())
            },
            business_id: Some("333".into()),
        },
        is_coexistence: coexistence,
        ..SessionInfo::default()
    }
}

fn cancel(step: Option<&str>, at_ms: u64) -> Input {
    Input::Cancel {
        current_step: step.map(Into::into),
        error: None,
        at_ms,
    }
}

fn timer(at_ms: u64) -> Input {
    Input::Timer { at_ms }
}

fn no_auth(at_ms: u64) -> Input {
    Input::NoAuthResponse { at_ms }
}

/// A short name for an action, to keep the table readable.
#[derive(Debug, PartialEq)]
enum A {
    Wait,
    Arm(u64),
    /// POST; `true` when the body carries session ids.
    Post(bool),
    Connected,
    Cancelled(Option<String>),
    CancelledByPage,
    Failed(FailureKind),
}

fn short(action: &Action) -> A {
    match action {
        Action::Wait => A::Wait,
        Action::ArmTimer { at_ms } => A::Arm(*at_ms),
        Action::Post { body, session } => {
            assert_eq!(
                body.ids.waba_id.is_some(),
                session.is_some(),
                "body ids follow session"
            );
            A::Post(session.is_some())
        }
        Action::Finish(Outcome::Connected { .. }) => A::Connected,
        Action::Finish(Outcome::Cancelled {
            current_step,
            source: CancelSource::Meta,
        }) => A::Cancelled(current_step.clone()),
        Action::Finish(Outcome::Cancelled {
            source: CancelSource::Page,
            ..
        }) => A::CancelledByPage,
        Action::Finish(Outcome::Failed { kind, .. }) => A::Failed(*kind),
    }
}

fn run(inputs: Vec<Input>) -> Vec<A> {
    let mut c = Correlator::new(GRACE);
    inputs.into_iter().map(|i| short(&c.step(i))).collect()
}

#[test]
fn orderings() {
    let cases: Vec<(&str, Vec<Input>, Vec<A>)> = vec![
        (
            "finish then code: POST at once with ids",
            vec![finish(100), code(200)],
            vec![A::Arm(100 + MAX_POST_DELAY_MS), A::Post(true)],
        ),
        (
            "code then finish within grace: POST on finish with ids",
            vec![code(100), finish(900)],
            vec![A::Arm(100 + GRACE), A::Post(true)],
        ),
        (
            "code then grace expiry: POST without ids",
            vec![code(100), timer(100 + GRACE)],
            vec![A::Arm(100 + GRACE), A::Post(false)],
        ),
        (
            "early (stale) timer re-arms for the same deadline",
            vec![code(100), timer(600), timer(1_600)],
            vec![A::Arm(1_600), A::Arm(1_600), A::Post(false)],
        ),
        (
            "finish after the POST is ignored",
            vec![code(100), timer(1_600), finish(1_700)],
            vec![A::Arm(1_600), A::Post(false), A::Wait],
        ),
        (
            "duplicate code: the second is ignored, one POST",
            vec![code(100), code(150), finish(200), code(300), finish(400)],
            vec![
                A::Arm(1_600),
                A::Arm(1_600),
                A::Post(true),
                A::Wait,
                A::Wait,
            ],
        ),
        (
            "duplicate finish before the code",
            vec![finish(100), finish(120), code(130)],
            vec![A::Arm(25_100), A::Arm(25_100), A::Post(true)],
        ),
        (
            "timer far too late: CODE_EXPIRED, never a late POST",
            vec![code(100), timer(100 + MAX_POST_DELAY_MS + 1)],
            vec![A::Arm(1_600), A::Failed(FailureKind::CodeExpired)],
        ),
        (
            "timer exactly at 25 s still POSTs",
            vec![code(0), timer(MAX_POST_DELAY_MS)],
            vec![A::Arm(GRACE), A::Post(false)],
        ),
        (
            "cancel with step then no auth response",
            vec![cancel(Some("PHONE_NUMBER_SETUP"), 100), no_auth(150)],
            vec![
                A::Arm(1_600),
                A::Cancelled(Some("PHONE_NUMBER_SETUP".into())),
            ],
        ),
        (
            "no auth response then cancel",
            vec![no_auth(100), cancel(Some("WABA_SETUP"), 200)],
            vec![A::Arm(1_600), A::Cancelled(Some("WABA_SETUP".into()))],
        ),
        (
            "cancel and FB.login never calls back: cancelled after grace",
            vec![cancel(None, 100), timer(1_600)],
            vec![A::Arm(1_600), A::Cancelled(None)],
        ),
        (
            "popup closed without any event: cancelled after grace",
            vec![no_auth(100), timer(1_600)],
            vec![A::Arm(1_600), A::Cancelled(None)],
        ),
        (
            "finish but no auth response: NO_AUTH_RESPONSE",
            vec![finish(100), no_auth(200)],
            vec![A::Arm(25_100), A::Failed(FailureKind::NoAuthResponse)],
        ),
        (
            "no auth response then finish: NO_AUTH_RESPONSE",
            vec![no_auth(100), finish(200)],
            vec![A::Arm(1_600), A::Failed(FailureKind::NoAuthResponse)],
        ),
        (
            "finish and the code never comes: NO_AUTH_RESPONSE after 25 s",
            vec![finish(100), timer(25_100)],
            vec![A::Arm(25_100), A::Failed(FailureKind::NoAuthResponse)],
        ),
        (
            "cancel then a code anyway: the code wins, POST without ids",
            vec![cancel(Some("X"), 100), code(200), timer(1_700)],
            vec![A::Arm(1_600), A::Arm(1_700), A::Post(false)],
        ),
        (
            "code then cancel: the cancel is ignored",
            vec![code(100), cancel(Some("X"), 200), timer(1_600)],
            vec![A::Arm(1_600), A::Arm(1_600), A::Post(false)],
        ),
        ("nothing yet", vec![timer(5)], vec![A::Wait]),
        (
            "an ERROR event then no auth: META_ERROR",
            vec![
                Input::MetaFailure {
                    error: MetaError::default(),
                    at_ms: 10,
                },
                no_auth(20),
            ],
            vec![A::Arm(1_510), A::Failed(FailureKind::MetaError)],
        ),
    ];
    for (name, inputs, want) in cases {
        assert_eq!(run(inputs), want, "{name}");
    }
}

#[test]
fn zero_grace_posts_with_the_code() {
    let mut c = Correlator::new(0);
    assert!(matches!(
        c.step(code(5)),
        Action::Post { session: None, .. }
    ));
    assert!(c.has_posted());
}

#[test]
fn grace_is_capped_at_25_seconds() {
    let mut c = Correlator::new(60_000);
    assert_eq!(
        c.step(code(0)),
        Action::ArmTimer {
            at_ms: MAX_POST_DELAY_MS
        }
    );
}

#[test]
fn coexistence_body_says_so() {
    let mut c = Correlator::new(GRACE);
    c.step(Input::Finish {
        session: session("FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING", true),
        at_ms: 1,
    });
    let Action::Post { body, .. } = c.step(code(2)) else {
        panic!("expected a POST");
    };
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        serde_json::json!({ "code": "the-code", "wabaId": "111", "businessId": "333", "isCoexistence": true })
    );
}

#[test]
fn cancel_with_meta_error_fails_with_the_error_and_step() {
    let mut c = Correlator::new(GRACE);
    c.step(Input::Cancel {
        current_step: Some("BUSINESS_SETUP".into()),
        error: Some(MetaError {
            message: Some("Something went wrong".into()),
            code: Some("524126".into()),
            session_id: Some("f34b51dab5e0498".into()),
            timestamp: Some("1689037101".into()),
            current_step: None,
        }),
        at_ms: 1,
    });
    let Action::Finish(Outcome::Failed {
        kind,
        meta_error: Some(meta),
        message,
        ..
    }) = c.step(no_auth(2))
    else {
        panic!("expected a failure");
    };
    assert_eq!(kind, FailureKind::MetaError);
    assert_eq!(meta.code.as_deref(), Some("524126"));
    assert_eq!(meta.current_step.as_deref(), Some("BUSINESS_SETUP"));
    assert!(message.contains("Something went wrong"), "{message}");
}

#[test]
fn no_auth_response_message_points_to_redirect_mode() {
    let mut c = Correlator::new(GRACE);
    c.step(finish(1));
    let Action::Finish(Outcome::Failed { message, .. }) = c.step(no_auth(2)) else {
        panic!("expected a failure");
    };
    assert!(message.contains("redirect mode"), "{message}");
}

/// A run bounded by `RUN` ms from t=0, armed by a first timer at 0.
const RUN: u32 = 60_000;

fn run_bounded(inputs: Vec<Input>) -> Vec<A> {
    let mut c = Correlator::new(GRACE).with_run_timeout(0, RUN);
    std::iter::once(timer(0))
        .chain(inputs)
        .map(|i| short(&c.step(i)))
        .collect()
}

#[test]
fn host_page_conditions_and_the_run_deadline() {
    let run_ms = u64::from(RUN);
    let blocked = |at_ms| Input::PopupBlocked { at_ms };
    let isolated = |at_ms| Input::PopupIsolated { at_ms };
    let page_cancel = |at_ms| Input::PageCancel { at_ms };
    let cases: Vec<(&str, Vec<Input>, Vec<A>)> = vec![
        (
            "FB.login never answers: RUN_TIMEOUT at the deadline, not before",
            vec![timer(run_ms - 1), timer(run_ms)],
            vec![A::Arm(run_ms), A::Failed(FailureKind::RunTimeout)],
        ),
        (
            "a late timer past the deadline ends the run too",
            vec![timer(run_ms + 5_000)],
            vec![A::Failed(FailureKind::RunTimeout)],
        ),
        (
            "the grace of a closed popup is capped by the deadline",
            vec![no_auth(run_ms - 100), timer(run_ms)],
            vec![A::Arm(run_ms), A::Failed(FailureKind::RunTimeout)],
        ),
        (
            "a code just before the deadline is still sent",
            vec![code(run_ms - 10), timer(run_ms - 10 + GRACE)],
            vec![A::Arm(run_ms - 10 + GRACE), A::Post(false)],
        ),
        (
            "popup blocked: failed at once",
            vec![blocked(5), no_auth(10)],
            vec![A::Failed(FailureKind::PopupBlocked), A::Wait],
        ),
        (
            "popup isolated by COOP: failed at once, never cancelled",
            vec![isolated(2_200), timer(2_200 + GRACE)],
            vec![A::Failed(FailureKind::PopupIsolated), A::Wait],
        ),
        (
            "cancel() while waiting for Meta: cancelled by the page",
            vec![page_cancel(3_000), code(3_100), finish(3_200)],
            vec![A::CancelledByPage, A::Wait, A::Wait],
        ),
        (
            "cancel() during the grace after the code: no POST",
            vec![code(100), page_cancel(200), timer(100 + GRACE)],
            vec![A::Arm(100 + GRACE), A::CancelledByPage, A::Wait],
        ),
        (
            "cancel() after the POST is decided: refused",
            vec![finish(100), code(200), page_cancel(300)],
            vec![A::Arm(100 + MAX_POST_DELAY_MS), A::Post(true), A::Wait],
        ),
    ];
    for (name, inputs, want) in cases {
        let mut want_all = vec![A::Arm(run_ms)];
        want_all.extend(want);
        assert_eq!(run_bounded(inputs), want_all, "{name}");
    }
}

#[test]
fn run_timeout_message_names_the_option() {
    let mut c = Correlator::new(GRACE).with_run_timeout(1_000, 2_000);
    match c.step(timer(3_000)) {
        Action::Finish(Outcome::Failed { kind, message, .. }) => {
            assert_eq!(kind, FailureKind::RunTimeout);
            assert!(message.contains("2000 ms (runTimeoutMs)"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}
