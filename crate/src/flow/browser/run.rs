//! What one `launch()` does while it runs ([`Run`], declared in `shared.rs`):
//! feed browser inputs to the plain-Rust [`Correlator`] and perform its
//! actions (arm the timer, POST once, finish once), then end once.

use std::future::Future;
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;

use super::cell_access::CellAccess;
use super::clock::now_ms;
use super::popup;
use super::post::post_callback;
use super::shared::{Inner, Run};
use crate::flow::body::CallbackBody;
use crate::flow::correlator::{Action, Correlator, Input};
use crate::flow::{FlowState, Outcome, SessionInfo};

impl Run {
    /// True once the correlator decided (a POST under way, or finished).
    pub(super) fn is_decided(&self) -> bool {
        self.correlator.with(Correlator::is_decided).unwrap_or(true)
    }

    /// Removes the `message` listener and the timer.
    fn stop_listening(&self) {
        drop(self.listener.with_mut(Option::take));
        drop(self.timer.with_mut(Option::take));
    }

    /// Cleans up and hands `outcome` to the `launch()` future. Meta's window
    /// is closed unless the run connected (Meta closes it then).
    pub(super) fn end(&self, outcome: Outcome) {
        self.stop_listening();
        let popup = self.popup.with_mut(Option::take).ok().flatten();
        if let (Some(popup), false) = (popup, matches!(outcome, Outcome::Connected { .. })) {
            popup::close(&popup);
        }
        if let Some(done) = self.done.with_mut(Option::take).ok().flatten() {
            done.send(outcome);
        }
        drop(self.keep_alive.with_mut(Option::take));
    }
}

/// Feeds one input to the run's correlator and performs the resulting action.
pub(super) fn feed(inner: &Weak<Inner>, run: &Weak<Run>, input: Input) {
    let (Some(inner), Some(run)) = (inner.upgrade(), run.upgrade()) else {
        return;
    };
    // Only the current run may act.
    if !inner.is_current(&run) {
        return;
    }
    let Ok(action) = run.correlator.with_mut(|c| c.step(input)) else {
        return;
    };
    match action {
        Action::Wait => {}
        Action::ArmTimer { at_ms } => {
            let delay = u32::try_from(at_ms.saturating_sub(now_ms())).unwrap_or(u32::MAX);
            let weak_inner = Rc::downgrade(&inner);
            let weak_run = Rc::downgrade(&run);
            let timer = Timeout::new(delay, move || {
                feed(&weak_inner, &weak_run, Input::Timer { at_ms: now_ms() });
            });
            let _ = run.timer.with_mut(|slot| *slot = Some(timer));
        }
        Action::Post { body, session } => {
            run.stop_listening();
            wasm_bindgen_futures::spawn_local(async move {
                // The first poll issues `fetch`; only then announce `Sending`,
                // so subscribers (re-renders, host listeners) never delay the
                // POST of a code that expires in 30 s.
                let mut post = std::pin::pin!(send(&inner, &body, session));
                let mut announced = false;
                let outcome = std::future::poll_fn(|cx| {
                    let poll = post.as_mut().poll(cx);
                    if !announced {
                        announced = true;
                        inner.set_state(FlowState::Sending);
                    }
                    poll
                })
                .await;
                finish(&inner, &run, outcome);
            });
        }
        Action::Finish(outcome) => finish(&inner, &run, outcome),
    }
}

/// The one POST, as an outcome.
pub(super) async fn send(
    inner: &Inner,
    body: &CallbackBody,
    session: Option<SessionInfo>,
) -> Outcome {
    match post_callback(&inner.config, body).await {
        Ok(profile) => Outcome::Connected { profile, session },
        Err(err) => Outcome::failed(&err),
    }
}

/// Ends `run` with `outcome` (once), if it is still the current run.
pub(super) fn finish(inner: &Rc<Inner>, run: &Rc<Run>, outcome: Outcome) {
    if !inner.is_current(run) {
        return;
    }
    let _ = inner.take_run();
    inner.publish_outcome(&outcome);
    run.end(outcome);
}
