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
//!   waits at most `grace_ms` for the other half (the order is not fixed).

use super::body::{AuthCode, CallbackBody};
use super::outcome::{FlowError, MetaError, Outcome, SessionInfo};

/// The latest a POST may start after the code arrived, in ms. Meta's code
/// expires 30 s after `FB.login` returns it; 5 s are left for the request.
pub const MAX_POST_DELAY_MS: u64 = 25_000;

/// Default wait for the session info after the code, in ms.
pub const DEFAULT_GRACE_MS: u64 = 1_500;

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
    redirect_uri: Option<String>,
    phase: Phase,
    code: Option<(AuthCode, u64)>,
    finish: Option<(SessionInfo, u64)>,
    stop: Option<Stop>,
    no_auth_at: Option<u64>,
}

impl Correlator {
    /// A correlator waiting `grace_ms` (capped at [`MAX_POST_DELAY_MS`]) for the
    /// session info; `redirect_uri` goes into the body (redirect mode only).
    pub fn new(grace_ms: u64, redirect_uri: Option<String>) -> Correlator {
        Correlator {
            grace_ms: grace_ms.min(MAX_POST_DELAY_MS),
            redirect_uri,
            phase: Phase::Waiting,
            code: None,
            finish: None,
            stop: None,
            no_auth_at: None,
        }
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
            Input::Timer { .. } => {}
        }
        self.decide(now)
    }

    fn decide(&mut self, now: u64) -> Action {
        if let Some((_, code_at)) = &self.code {
            let code_at = *code_at;
            if now > code_at.saturating_add(MAX_POST_DELAY_MS) {
                return self.finish_with(Outcome::failed(&FlowError::CodeExpired));
            }
            let deadline = code_at.saturating_add(self.grace_ms);
            if self.finish.is_some() || now >= deadline {
                return self.post();
            }
            return Action::ArmTimer { at_ms: deadline };
        }
        // No code (yet).
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
                    self.finish_with(Outcome::Cancelled { current_step: None })
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
        let body = CallbackBody::new(code, self.redirect_uri.clone(), session.as_ref());
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
        None => Outcome::Cancelled {
            current_step: stop.current_step.clone(),
        },
    }
}
