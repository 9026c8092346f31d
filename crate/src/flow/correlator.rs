//! The race between `FB.login`'s code and Meta's session-info `message`, as a
//! pure state machine: time is an input, decisions are outputs.
//!
//! Rules (issue 3):
//! - code arrives and a FINISH event is already in: POST at once, with its ids;
//! - code without FINISH: wait at most `grace_ms` for it, then POST without it;
//! - never POST later than [`MAX_POST_DELAY_MS`] after the code arrived
//!   (the code expires after 30 s): later, the run fails with `CODE_EXPIRED`;
//! - never POST twice: after the first `Post` every input yields `Wait`;
//! - no code: a `CANCEL` ends as `Cancelled { current_step }` (or `Failed`
//!   with `META_ERROR` when Meta attached an error), FINISH without an
//!   `authResponse` ends as `Failed` with `NO_AUTH_RESPONSE`. Each of these
//!   waits at most `grace_ms` for the other half (the order is not fixed);
//! - the host page's conditions end a run at once, without a code: a popup the
//!   browser blocked (`POPUP_BLOCKED`), a popup cut off by the page's opener
//!   policy (`POPUP_ISOLATED`), and `cancel()` (`Cancelled`, source `page`),
//!   which is refused once the POST is decided;
//! - without a code, no run outlives its deadline (`runTimeoutMs`): past it,
//!   `RUN_TIMEOUT`. A code that arrived in time is still sent.

use super::body::{AuthCode, CallbackBody};
use super::failure::FlowError;
use super::outcome::{CancelSource, Outcome};
use super::session_info::{MetaError, SessionInfo};

/// The latest a POST may start after the code arrived, in ms. Meta's code
/// expires 30 s after `FB.login` returns it; 5 s are left for the request.
pub const MAX_POST_DELAY_MS: u64 = 25_000;

/// One thing that happened, stamped with the time in ms (any monotonic clock).
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// `FB.login` called back with `authResponse.code`.
    Code {
        /// The code.
        code: AuthCode,
        /// When it arrived.
        at_ms: u64,
    },
    /// `FB.login` called back without an `authResponse` (closed, cancelled, or Meta's failure).
    NoAuthResponse {
        /// When it arrived.
        at_ms: u64,
    },
    /// A `FINISH*` session event.
    Finish {
        /// Its ids.
        session: SessionInfo,
        /// When it arrived.
        at_ms: u64,
    },
    /// A `CANCEL` session event (with `current_step`, or with Meta's error).
    Cancel {
        /// The step the user left at.
        current_step: Option<String>,
        /// Meta's error, for a cancel caused by an error.
        error: Option<MetaError>,
        /// When it arrived.
        at_ms: u64,
    },
    /// An `ERROR` session event.
    MetaFailure {
        /// Meta's error.
        error: MetaError,
        /// When it arrived.
        at_ms: u64,
    },
    /// `window.open` returned nothing when `FB.login` opened Meta's dialog.
    PopupBlocked {
        /// When it was seen.
        at_ms: u64,
    },
    /// `FB.login` called back without an `authResponse` on a page whose
    /// opener policy severs popups: nothing can come back from Meta's window.
    PopupIsolated {
        /// When it arrived.
        at_ms: u64,
    },
    /// The page asked to end the run (`cancel()`).
    PageCancel {
        /// When it was asked.
        at_ms: u64,
    },
    /// A timer armed by [`Action::ArmTimer`] fired (possibly late, possibly stale).
    Timer {
        /// When it fired.
        at_ms: u64,
    },
}

impl Input {
    /// When this input happened.
    pub fn at_ms(&self) -> u64 {
        match self {
            Input::Code { at_ms, .. }
            | Input::NoAuthResponse { at_ms }
            | Input::Finish { at_ms, .. }
            | Input::Cancel { at_ms, .. }
            | Input::MetaFailure { at_ms, .. }
            | Input::PopupBlocked { at_ms }
            | Input::PopupIsolated { at_ms }
            | Input::PageCancel { at_ms }
            | Input::Timer { at_ms } => *at_ms,
        }
    }
}

/// What the caller must do next.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Nothing to do now.
    Wait,
    /// (Re)arm the single timer to fire at `at_ms`, replacing any earlier one.
    ArmTimer {
        /// When to feed [`Input::Timer`].
        at_ms: u64,
    },
    /// POST this body to the callback now. Happens at most once per correlator.
    Post {
        /// The seed-003 body.
        body: CallbackBody,
        /// The session info it carries, if FINISH arrived before the POST.
        session: Option<SessionInfo>,
    },
    /// The run is over without a POST.
    Finish(Outcome),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Waiting,
    Posted,
    Finished,
}

#[derive(Debug, Clone, PartialEq)]
struct Stop {
    current_step: Option<String>,
    error: Option<MetaError>,
    at_ms: u64,
}

/// The correlation state machine for one run. Feed it [`Input`]s, perform the [`Action`]s.
#[derive(Debug, Clone)]
pub struct Correlator {
    grace_ms: u64,
    phase: Phase,
    code: Option<(AuthCode, u64)>,
    finish: Option<(SessionInfo, u64)>,
    stop: Option<Stop>,
    no_auth_at: Option<u64>,
    /// A host-page condition that ends the run without a code.
    ended: Option<Outcome>,
    /// When a run without a code gives up, and its bound in ms (for the message).
    run_deadline: Option<(u64, u32)>,
}

impl Correlator {
    /// A correlator waiting `grace_ms` (capped at [`MAX_POST_DELAY_MS`]) for the
    /// session info. (Popup mode: a redirect run's code arrives on the return
    /// page, whose body carries `redirectUri`, and is sent without one.)
    pub fn new(grace_ms: u64) -> Correlator {
        Correlator {
            grace_ms: grace_ms.min(MAX_POST_DELAY_MS),
            phase: Phase::Waiting,
            code: None,
            finish: None,
            stop: None,
            no_auth_at: None,
            ended: None,
            run_deadline: None,
        }
    }

    /// Bounds the run: without a code by `started_at_ms + run_timeout_ms`, it
    /// ends `RUN_TIMEOUT`. Feed an [`Input::Timer`] at the start to arm it.
    pub fn with_run_timeout(mut self, started_at_ms: u64, run_timeout_ms: u32) -> Correlator {
        self.run_deadline = Some((
            started_at_ms.saturating_add(u64::from(run_timeout_ms)),
            run_timeout_ms,
        ));
        self
    }

    /// True once a POST was requested.
    pub fn has_posted(&self) -> bool {
        self.phase == Phase::Posted
    }

    /// True once the run is decided (posted or finished without a POST).
    pub fn is_decided(&self) -> bool {
        self.phase != Phase::Waiting
    }

    /// Records `input` and says what to do.
    pub fn step(&mut self, input: Input) -> Action {
        if self.phase != Phase::Waiting {
            return Action::Wait;
        }
        let now = input.at_ms();
        match input {
            Input::Code { code, at_ms } => {
                // A second code (double callback) never replaces the first.
                if self.code.is_none() {
                    self.code = Some((code, at_ms));
                }
            }
            Input::NoAuthResponse { at_ms } => {
                self.no_auth_at.get_or_insert(at_ms);
            }
            Input::Finish { session, at_ms } => {
                if self.finish.is_none() {
                    self.finish = Some((session, at_ms));
                }
            }
            Input::Cancel {
                current_step,
                error,
                at_ms,
            } => {
                if self.stop.is_none() {
                    self.stop = Some(Stop {
                        current_step,
                        error,
                        at_ms,
                    });
                }
            }
            Input::MetaFailure { error, at_ms } => {
                if self.stop.is_none() {
                    self.stop = Some(Stop {
                        current_step: error.current_step.clone(),
                        error: Some(error),
                        at_ms,
                    });
                }
            }
            Input::PopupBlocked { .. } => {
                self.ended
                    .get_or_insert(Outcome::failed(&FlowError::PopupBlocked));
            }
            Input::PopupIsolated { .. } => {
                self.ended
                    .get_or_insert(Outcome::failed(&FlowError::PopupIsolated));
            }
            Input::PageCancel { .. } => {
                self.ended.get_or_insert(Outcome::Cancelled {
                    current_step: None,
                    source: CancelSource::Page,
                });
            }
            Input::Timer { .. } => {}
        }
        self.decide(now)
    }

    fn decide(&mut self, now: u64) -> Action {
        if let Some(outcome) = self.ended.take() {
            return self.finish_with(outcome);
        }
        if let Some((_, code_at)) = self.code {
            return self.decide_with_code(now, code_at);
        }
        if let Some((deadline, timeout_ms)) = self.run_deadline {
            if now >= deadline {
                return self.finish_with(Outcome::failed(&FlowError::RunTimeout(timeout_ms)));
            }
        }
        match self.decide_without_code(now) {
            Action::Wait => {
                self.run_deadline
                    .map_or(Action::Wait, |(deadline, _)| Action::ArmTimer {
                        at_ms: deadline,
                    })
            }
            Action::ArmTimer { at_ms } => Action::ArmTimer {
                at_ms: self
                    .run_deadline
                    .map_or(at_ms, |(deadline, _)| at_ms.min(deadline)),
            },
            action => action,
        }
    }

    /// The code is in: POST once FINISH is in or the grace is over, never
    /// later than [`MAX_POST_DELAY_MS`] after the code.
    fn decide_with_code(&mut self, now: u64, code_at: u64) -> Action {
        if now > code_at.saturating_add(MAX_POST_DELAY_MS) {
            return self.finish_with(Outcome::failed(&FlowError::CodeExpired));
        }
        let deadline = code_at.saturating_add(self.grace_ms);
        if self.finish.is_some() || now >= deadline {
            return self.post();
        }
        Action::ArmTimer { at_ms: deadline }
    }

    /// No code (yet): Meta's events and the popup's close decide.
    fn decide_without_code(&mut self, now: u64) -> Action {
        match (&self.finish, &self.stop, self.no_auth_at) {
            (Some(_), _, Some(_)) => self.finish_with(Outcome::failed(&FlowError::NoAuthResponse)),
            (None, Some(stop), Some(_)) => {
                let outcome = stop_outcome(stop);
                self.finish_with(outcome)
            }
            (Some((_, finish_at)), _, None) => {
                // FINISH in; the code should follow at once. Wait as long as a
                // code may be late, then give up.
                let deadline = finish_at.saturating_add(MAX_POST_DELAY_MS);
                if now >= deadline {
                    self.finish_with(Outcome::failed(&FlowError::NoAuthResponse))
                } else {
                    Action::ArmTimer { at_ms: deadline }
                }
            }
            (None, Some(stop), None) => {
                let deadline = stop.at_ms.saturating_add(self.grace_ms);
                if now >= deadline {
                    let outcome = stop_outcome(stop);
                    self.finish_with(outcome)
                } else {
                    Action::ArmTimer { at_ms: deadline }
                }
            }
            (None, None, Some(no_auth_at)) => {
                // Closed without any event so far; a late CANCEL/FINISH may still say why.
                let deadline = no_auth_at.saturating_add(self.grace_ms);
                if now >= deadline {
                    self.finish_with(Outcome::cancelled_in_meta(None))
                } else {
                    Action::ArmTimer { at_ms: deadline }
                }
            }
            (None, None, None) => Action::Wait,
        }
    }

    fn post(&mut self) -> Action {
        let Some((code, _)) = self.code.clone() else {
            return Action::Wait;
        };
        self.phase = Phase::Posted;
        let session = self.finish.as_ref().map(|(s, _)| s.clone());
        let body = CallbackBody::new(code, None, session.as_ref());
        Action::Post { body, session }
    }

    fn finish_with(&mut self, outcome: Outcome) -> Action {
        self.phase = Phase::Finished;
        Action::Finish(outcome)
    }
}

fn stop_outcome(stop: &Stop) -> Outcome {
    match &stop.error {
        Some(error) => {
            let mut error = error.clone();
            if error.current_step.is_none() {
                error.current_step = stop.current_step.clone();
            }
            Outcome::failed(&FlowError::Meta(error))
        }
        None => Outcome::cancelled_in_meta(stop.current_step.clone()),
    }
}
