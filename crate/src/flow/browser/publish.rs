//! Publishing a flow's state: to the subscribers ([`Subscription`]) and as
//! the `wa-signup:*` DOM events on the event target.

use std::rc::{Rc, Weak};

use web_sys::EventTarget;

use super::cell_access::CellAccess;
use super::dom_events::{self, CANCEL_EVENT, ERROR_EVENT, STATE_EVENT, SUCCESS_EVENT};
use super::js_object::{outcome_to_js, state_to_js};
use super::shared::{Inner, Subscriber};
use crate::flow::{FlowState, Outcome};

/// Unsubscribes when dropped (see [`super::EmbeddedSignup::subscribe`]).
#[must_use = "the subscription ends when dropped; call .forget() to keep it for the flow's lifetime"]
pub struct Subscription {
    inner: Weak<Inner>,
    id: u64,
}

impl Subscription {
    /// Keeps the subscription for as long as the flow lives.
    pub fn forget(self) {
        std::mem::forget(self);
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Some(inner) = self.inner.upgrade() {
            let _ = inner
                .subscribers
                .with_mut(|subs| subs.retain(|(id, _)| *id != self.id));
        }
    }
}

impl Inner {
    /// Adds `f` to the subscribers of `inner`.
    pub(super) fn subscribe(inner: &Rc<Inner>, f: Subscriber) -> Subscription {
        let id = inner.next_subscriber.get();
        inner.next_subscriber.set(id.wrapping_add(1));
        let _ = inner.subscribers.with_mut(|subs| subs.push((id, f)));
        Subscription {
            inner: Rc::downgrade(inner),
            id,
        }
    }

    /// Where the DOM events go: the target set by the page, else `window`.
    fn event_target(&self) -> Option<EventTarget> {
        let target = self.target.with(Clone::clone).ok().flatten();
        target.or_else(|| web_sys::window().map(EventTarget::from))
    }

    /// Stores `state`, tells subscribers, dispatches `wa-signup:state`.
    /// No borrow is held while foreign code runs (subscribers may re-enter).
    pub(super) fn set_state(&self, state: FlowState) {
        let _ = self.state.with_mut(|current| *current = state.clone());
        let subscribers: Vec<Subscriber> = self
            .subscribers
            .with(|subs| subs.iter().map(|(_, f)| f.clone()).collect())
            .unwrap_or_default();
        for subscriber in subscribers {
            subscriber(&state);
        }
        if let Some(target) = self.event_target() {
            dom_events::dispatch(&target, STATE_EVENT, &state_to_js(&state));
        }
    }

    /// The final state plus the matching `wa-signup:success|cancel|error` event.
    pub(super) fn publish_outcome(&self, outcome: &Outcome) {
        self.set_state(FlowState::from(outcome));
        let name = match outcome {
            Outcome::Connected { .. } => SUCCESS_EVENT,
            Outcome::Cancelled { .. } => CANCEL_EVENT,
            Outcome::Failed { .. } => ERROR_EVENT,
        };
        if let Some(target) = self.event_target() {
            dom_events::dispatch(&target, name, &outcome_to_js(outcome));
        }
    }
}
