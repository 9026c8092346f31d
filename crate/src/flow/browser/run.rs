//! One `launch()`: the [`Run`] alive from the click until its outcome is
//! delivered, the plain-Rust [`Correlator`] deciding for it, and the actions
//! performed here (arm the timer, POST once, finish once).

use std::cell::RefCell;
use std::future::Future;
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsValue;

use super::cell_access::CellAccess;
use super::clock::now_ms;
use super::listener::MessageListener;
use super::oneshot::Sender;
use super::popup;
use super::post::post_callback;
use super::shared::Inner;
use crate::flow::body::CallbackBody;
use crate::flow::correlator::{Action, Correlator, Input};
use crate::flow::{FlowState, Outcome, SessionInfo};

/// One `launch()`: alive from the click until its outcome is delivered.
pub(super) struct Run {
    /// Decides the run. A redirect run's page navigates away, so only
    /// `cancel()` (before it has gone) ever steps it.
    pub(super) correlator: RefCell<Correlator>,
    timer: RefCell<Option<Timeout>>,
    listener: RefCell<Option<MessageListener>>,
    done: RefCell<Option<Sender<Outcome>>>,
    /// Keeps the flow alive while running even if every handle is dropped
    /// (e.g. `new EmbeddedSignup(o).launch()` in JS); released at the end.
    keep_alive: RefCell<Option<Rc<Inner>>>,
    /// Meta's popup, when `window.open` was seen opening it: closed when the
    /// run ends other than connected (cancel, timeout, destroy).
    popup: RefCell<Option<JsValue>>,
}

impl Run {
    /// A run decided by `correlator`, delivering its outcome to `done`;
    /// `keep_alive` holds the flow until then.
    pub(super) fn new(
        correlator: Correlator,
        done: Sender<Outcome>,
        keep_alive: Option<Rc<Inner>>,
    ) -> Run {
        Run {
            correlator: RefCell::new(correlator),
            timer: RefCell::new(None),
            listener: RefCell::new(None),
            done: RefCell::new(Some(done)),
            keep_alive: RefCell::new(keep_alive),
            popup: RefCell::new(None),
        }
    }

    /// The `message` listener feeding this run.
    pub(super) fn set_listener(&self, listener: Option<MessageListener>) {
        let _ = self.listener.with_mut(|slot| *slot = listener);
    }

    /// Meta's popup window, seen opening.
    pub(super) fn set_popup(&self, window: JsValue) {
        let _ = self.popup.with_mut(|slot| *slot = Some(window));
    }

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
