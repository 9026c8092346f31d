//! Property tests: random interleavings of code, session events and timers.

use proptest::prelude::*;

use crate::events::SessionIds;
use crate::flow::correlator::{Action, Correlator, Input, MAX_POST_DELAY_MS};
use crate::flow::AuthCode;
use crate::flow::{FailureKind, Outcome, SessionInfo};

#[derive(Debug, Clone)]
enum Ev {
    Code,
    Finish,
    Cancel,
    NoAuth,
    Error,
}

fn ev() -> impl Strategy<Value = Ev> {
    prop_oneof![
        3 => Just(Ev::Code),
        3 => Just(Ev::Finish),
        1 => Just(Ev::Cancel),
        2 => Just(Ev::NoAuth),
        1 => Just(Ev::Error),
    ]
}

fn to_input(ev: &Ev, at_ms: u64) -> Input {
    match ev {
        Ev::Code => Input::Code {
            code: AuthCode::new("c").unwrap(),
            at_ms,
        },
        Ev::Finish => Input::Finish {
            session: SessionInfo {
                event: "FINISH".into(),
                ids: SessionIds {
                    waba_id: Some("1".into()),
                    ..SessionIds::default()
                },
                ..SessionInfo::default()
            },
            at_ms,
        },
        Ev::Cancel => Input::Cancel {
            current_step: Some("STEP".into()),
            error: None,
            at_ms,
        },
        Ev::NoAuth => Input::NoAuthResponse { at_ms },
        Ev::Error => Input::MetaFailure {
            error: Default::default(),
            at_ms,
        },
    }
}

/// What happened in one simulated run.
#[derive(Debug, Default)]
struct Trace {
    code_at: Option<u64>,
    finish_before_post: bool,
    posts: Vec<(u64, bool)>,
    finishes: Vec<(u64, Outcome)>,
    acted_after_decision: bool,
}

/// Feeds events in time order; an armed timer fires `lateness` ms after its
/// deadline if that is before the next event (a real timer is never early).
fn simulate(grace: u64, events: &[(u64, Ev)], lateness: u64) -> Trace {
    let mut c = Correlator::new(grace);
    let mut trace = Trace::default();
    let mut armed: Option<u64> = None;
    let mut t = 0u64;
    let mut queue: Vec<(u64, Option<Ev>)> = Vec::new();
    for (delta, ev) in events {
        t += delta;
        queue.push((t, Some(ev.clone())));
    }
    let mut i = 0;
    let mut guard = 0;
    loop {
        guard += 1;
        assert!(guard < 10_000, "no progress");
        let next_event = queue.get(i).map(|(at, _)| *at);
        let timer_at = armed.map(|d| d + lateness);
        let (at, input, is_timer) = match (next_event, timer_at) {
            (Some(e), Some(tm)) if tm < e => (tm, Input::Timer { at_ms: tm }, true),
            (Some(e), _) => {
                let ev = queue[i].1.clone().unwrap();
                i += 1;
                (e, to_input(&ev, e), false)
            }
            (None, Some(tm)) => (tm, Input::Timer { at_ms: tm }, true),
            (None, None) => break,
        };
        if is_timer {
            armed = None;
        }
        if let Input::Code { at_ms, .. } = &input {
            if trace.code_at.is_none() && !c.is_decided() {
                trace.code_at = Some(*at_ms);
            }
        }
        let was_decided = c.is_decided();
        let is_finish = matches!(input, Input::Finish { .. });
        if is_finish && !was_decided {
            trace.finish_before_post = true;
        }
        let action = c.step(input);
        if was_decided && action != Action::Wait {
            trace.acted_after_decision = true;
        }
        match action {
            Action::Wait => {}
            Action::ArmTimer { at_ms } => {
                assert!(at_ms >= at, "timer armed in the past: {at_ms} < {at}");
                armed = Some(at_ms);
            }
            Action::Post { body, session } => {
                assert_eq!(body.ids.waba_id.is_some(), session.is_some());
                trace.posts.push((at, session.is_some()));
                armed = None;
            }
            Action::Finish(outcome) => {
                trace.finishes.push((at, outcome));
                armed = None;
            }
        }
    }
    trace
}

fn events() -> impl Strategy<Value = Vec<(u64, Ev)>> {
    prop::collection::vec((0u64..3_000, ev()), 0..8)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn at_most_one_decision_and_nothing_after(grace in 0u64..5_000, evs in events(), lateness in 0u64..40_000) {
        let trace = simulate(grace, &evs, lateness);
        prop_assert!(trace.posts.len() + trace.finishes.len() <= 1, "{trace:?}");
        prop_assert!(!trace.acted_after_decision, "{trace:?}");
    }

    #[test]
    fn post_is_within_bounds_and_carries_ids_iff_finish_came_first(grace in 0u64..5_000, evs in events(), lateness in 0u64..40_000) {
        let trace = simulate(grace, &evs, lateness);
        if let Some((at, with_ids)) = trace.posts.first() {
            let code_at = trace.code_at.expect("a POST needs a code");
            prop_assert!(*at >= code_at);
            prop_assert!(*at <= code_at + MAX_POST_DELAY_MS, "late POST: {trace:?}");
            prop_assert_eq!(*with_ids, trace.finish_before_post);
        }
    }

    #[test]
    fn with_punctual_timers_a_code_is_posted_within_grace(grace in 0u64..5_000, evs in events()) {
        let trace = simulate(grace, &evs, 0);
        if let Some(code_at) = trace.code_at {
            prop_assert_eq!(trace.posts.len(), 1, "{:?}", trace);
            let (at, _) = trace.posts[0];
            prop_assert!(at <= code_at + grace, "{trace:?}");
            prop_assert!(trace.finishes.is_empty());
        }
    }

    #[test]
    fn late_timers_expire_instead_of_posting_late(grace in 1u64..5_000, lateness in 0u64..60_000) {
        let trace = simulate(grace, &[(10, Ev::Code)], lateness);
        if grace + lateness <= MAX_POST_DELAY_MS {
            prop_assert_eq!(trace.posts.len(), 1);
        } else {
            prop_assert!(trace.posts.is_empty());
            let expired = matches!(
                trace.finishes.first(),
                Some((_, Outcome::Failed { kind: FailureKind::CodeExpired, .. }))
            );
            prop_assert!(expired, "{:?}", trace);
        }
    }

    #[test]
    fn every_run_with_a_terminal_signal_ends(grace in 0u64..5_000, evs in events()) {
        // With punctual timers, a run that saw a code, a no-auth callback or a
        // cancel/error always reaches a decision (no hang).
        let trace = simulate(grace, &evs, 0);
        let terminal = evs.iter().any(|(_, e)| matches!(e, Ev::Code | Ev::NoAuth | Ev::Cancel | Ev::Error));
        let finish_only = evs.iter().any(|(_, e)| matches!(e, Ev::Finish));
        if terminal || finish_only {
            prop_assert_eq!(trace.posts.len() + trace.finishes.len(), 1, "{:?}", trace);
        }
    }
}
