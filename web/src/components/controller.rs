//! The glue between one widget and the core crate's browser flow: which
//! `EmbeddedSignup` is current, starting afresh, and clean-up on unmount.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::{RwSignal, Set, Update, WithUntracked};
use leptos::task::spawn_local;
use wa_signup::flow::browser::{CellAccess, EmbeddedSignup as Flow, Subscription};
use wa_signup::flow::extras::BusinessPhone;
use wa_signup::flow::{FailureKind, FlowState, Mode, Outcome, SignupConfig};
use web_sys::EventTarget;

use crate::options::redirect_config;

/// The current flow and the subscription that mirrors its state.
struct Active {
    flow: Flow,
    _subscription: Subscription,
}

/// One widget's flow controller. Owned by the component (a local
/// `StoredValue`); dropping it (on unmount) destroys the current flow, which
/// ends a run, removes its `message` listener and stops its timers.
pub(crate) struct Controller {
    config: SignupConfig,
    redirect: Option<SignupConfig>,
    state: RwSignal<FlowState>,
    /// Bumped (synchronously, from the flow's callback) each time a run ends:
    /// the component moves focus to the result. Fast runs may pass through
    /// "waiting" and end before any effect sees them, so this is not derived
    /// from `state`.
    runs_ended: RwSignal<u32>,
    target: RefCell<Option<EventTarget>>,
    active: RefCell<Option<Active>>,
    /// Set once the SDK reported ready: "Try again" may then launch at once.
    sdk_ready: Rc<Cell<bool>>,
    /// The number typed in the phone field, pre-filled in Meta's dialog.
    business_phone: RefCell<Option<BusinessPhone>>,
}

impl Controller {
    /// A controller that publishes flow states into `state`. Nothing starts
    /// until [`start`](Self::start).
    pub(crate) fn new(
        config: SignupConfig,
        state: RwSignal<FlowState>,
        runs_ended: RwSignal<u32>,
    ) -> Controller {
        Controller {
            redirect: redirect_config(&config),
            config,
            state,
            runs_ended,
            target: RefCell::new(None),
            active: RefCell::new(None),
            sdk_ready: Rc::new(Cell::new(false)),
            business_phone: RefCell::new(None),
        }
    }

    /// Pre-fills Meta's business phone with `phone` (the phone field's valid
    /// number, or `None`) on this and every later flow; the page's own
    /// `extras.setup.business.phone` wins. Call it before a launch, in the click.
    pub(crate) fn set_business_phone(&self, phone: Option<BusinessPhone>) {
        if let Some(flow) = self.current() {
            flow.set_business_phone(phone.clone());
        }
        let _ = self.business_phone.with_mut(|slot| *slot = phone);
    }

    /// The first flow, once the widget is in the document: `wa-signup:*`
    /// events go to `target`. A return from Meta's redirect is completed
    /// first; otherwise the SDK is loaded.
    pub(crate) fn start(&self, target: EventTarget) {
        let _ = self.target.with_mut(|slot| *slot = Some(target));
        let Some(flow) = self.replace(self.config.clone()) else {
            return;
        };
        if self.config.redirect_uri.is_some() {
            // Reads (and cleans) the address bar synchronously.
            let completing = flow.complete_redirect();
            spawn_local(async move {
                if completing.await.is_none() {
                    let _ = flow.load().await;
                }
            });
        } else {
            spawn_local(async move {
                let _ = flow.load().await;
            });
        }
    }

    /// "Connect WhatsApp": `launch()` runs here, synchronously inside the
    /// click (FB.login must be called in the user gesture); its future is
    /// then driven by `spawn_local`. State changes arrive via the subscription.
    pub(crate) fn connect(&self) {
        if let Some(flow) = self.current() {
            launch(&flow);
        }
    }

    /// "Try again": a fresh flow (the code of the last run is never re-sent).
    /// When the SDK was already ready, the new run starts in the same click;
    /// otherwise the SDK is loaded again and the button re-enables when ready.
    pub(crate) fn try_again(&self) {
        let sdk_failed = self.state.try_with_untracked(|s| {
            matches!(
                s,
                FlowState::Ended(Outcome::Failed {
                    kind: FailureKind::SdkLoadFailed | FailureKind::SdkNotReady,
                    ..
                })
            )
        });
        let needs_no_sdk = self.config.mode == Mode::Redirect;
        let launch_now = needs_no_sdk || (self.sdk_ready.get() && sdk_failed == Some(false));
        let Some(flow) = self.replace(self.config.clone()) else {
            return;
        };
        if launch_now {
            launch(&flow);
        } else {
            spawn_local(async move {
                let _ = flow.load().await;
            });
        }
    }

    /// "Cancel": ends the run waiting for Meta (the flow closes Meta's window
    /// if it can, and never POSTs a code that arrives afterwards). The run
    /// ends `cancelled` by the page; "Try again" then starts afresh.
    pub(crate) fn cancel(&self) {
        if let Some(flow) = self.current() {
            flow.cancel();
        }
    }

    /// "Continue in this window": the same signup in redirect mode (after
    /// a popup failure: Meta finished without an authResponse, or the popup
    /// was blocked or cut off from the page).
    pub(crate) fn continue_in_redirect_mode(&self) {
        let Some(config) = self.redirect.clone() else {
            return;
        };
        if let Some(flow) = self.replace(config) {
            launch(&flow);
        }
    }

    fn current(&self) -> Option<Flow> {
        self.active
            .with(|active| active.as_ref().map(|a| a.flow.clone()))
            .ok()
            .flatten()
    }

    /// Makes a new flow for `config` current (destroying the previous one)
    /// and mirrors its state. `None` (and a failed state) if `config` is refused.
    fn replace(&self, config: SignupConfig) -> Option<Flow> {
        let flow = match Flow::new(config) {
            Ok(flow) => flow,
            Err(err) => {
                let _ = self.state.try_set(FlowState::Ended(Outcome::Failed {
                    kind: FailureKind::InvalidConfig,
                    meta_error: None,
                    status: None,
                    body: None,
                    message: err.to_string(),
                }));
                return None;
            }
        };
        let target = self.target.with(Clone::clone).ok().flatten();
        flow.set_event_target(target);
        flow.set_business_phone(self.business_phone.with(Clone::clone).ok().flatten());
        let subscription = {
            let (state, runs_ended) = (self.state, self.runs_ended);
            let sdk_ready = self.sdk_ready.clone();
            let running = Cell::new(false);
            flow.subscribe(move |s: &FlowState| {
                if matches!(s, FlowState::Ready { .. } | FlowState::WaitingForMeta) {
                    sdk_ready.set(true);
                }
                let was_running = running.replace(s.is_running());
                // The widget may be gone (signals disposed): then nothing to show.
                let _ = state.try_set(s.clone());
                if was_running && is_final(s) {
                    let _ = runs_ended.try_update(|n| *n = n.wrapping_add(1));
                }
            })
        };
        let _ = self.state.try_set(flow.state());
        let previous = self
            .active
            .with_mut(|slot| {
                slot.replace(Active {
                    flow: flow.clone(),
                    _subscription: subscription,
                })
            })
            .ok()
            .flatten();
        if let Some(previous) = previous {
            previous.flow.destroy();
        }
        Some(flow)
    }
}

impl Drop for Controller {
    fn drop(&mut self) {
        let active = self.active.with_mut(Option::take).ok().flatten();
        if let Some(active) = active {
            active.flow.destroy();
        }
    }
}

/// Connected, cancelled or failed: a run's last state.
fn is_final(state: &FlowState) -> bool {
    matches!(state, FlowState::Ended(_))
}

/// Calls `launch()` now (the synchronous part opens Meta's dialog) and drives
/// its future; the outcome reaches the UI as the final state.
fn launch(flow: &Flow) {
    let outcome = flow.launch();
    spawn_local(async move {
        let _ = outcome.await;
    });
}
