//! The state of one flow ([`Inner`], behind every clone of its handle) and of
//! its current run ([`Run`]): the validated configuration, the current state,
//! the subscribers, what was learned about the page. What a run does is
//! `run.rs`; publishing state changes is `publish.rs`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsValue;
use web_sys::EventTarget;

use super::app_id::AppIdClaim;
use super::cell_access::CellAccess;
use super::coop_probe;
use super::listener::MessageListener;
use super::oneshot::Sender;
use crate::flow::config::{Mode, SignupConfig};
use crate::flow::correlator::Correlator;
use crate::flow::extras::BusinessPhone;
use crate::flow::host_page::ready_notice;
use crate::flow::{FlowState, Outcome};

/// A state-change callback.
pub(super) type Subscriber = Rc<dyn Fn(&FlowState)>;

/// The state behind every clone of one [`super::handle::EmbeddedSignup`].
pub(super) struct Inner {
    pub(super) config: SignupConfig,
    pub(super) state: RefCell<FlowState>,
    pub(super) subscribers: RefCell<Vec<(u64, Subscriber)>>,
    pub(super) next_subscriber: Cell<u64>,
    pub(super) target: RefCell<Option<EventTarget>>,
    pub(super) run: RefCell<Option<Rc<Run>>>,
    pub(super) destroyed: Cell<bool>,
    /// The page runs in an in-app browser (Facebook, Instagram, …).
    pub(super) in_app: bool,
    /// This flow's share of the page's one `appId` (released by `destroy()`
    /// or on drop).
    pub(super) app_id: RefCell<Option<AppIdClaim>>,
    /// A business phone to pre-fill in Meta's dialog (the widget's phone
    /// field), unless the configured extras set one.
    pub(super) business_phone: RefCell<Option<BusinessPhone>>,
}

impl Inner {
    /// A fresh flow for a validated `config`, in `state`.
    pub(super) fn new(
        config: SignupConfig,
        state: FlowState,
        in_app: bool,
        app_id: AppIdClaim,
    ) -> Inner {
        Inner {
            config,
            state: RefCell::new(state),
            subscribers: RefCell::new(Vec::new()),
            next_subscriber: Cell::new(0),
            target: RefCell::new(None),
            run: RefCell::new(None),
            destroyed: Cell::new(false),
            in_app,
            app_id: RefCell::new(Some(app_id)),
            business_phone: RefCell::new(None),
        }
    }

    /// True while a run is in progress (and, should the cell be borrowed,
    /// which never happens: refuse a second launch rather than risk one).
    pub(super) fn is_running(&self) -> bool {
        self.run.with(Option::is_some).unwrap_or(true)
    }

    /// The configuration a launch uses: the validated one, with the business
    /// phone pre-filled when one was set (the configured extras win).
    pub(super) fn launch_config(&self) -> SignupConfig {
        match self.business_phone.with(Clone::clone).ok().flatten() {
            Some(phone) => SignupConfig {
                extras: self.config.extras.with_business_phone(phone),
                ..self.config.clone()
            },
            None => self.config.clone(),
        }
    }

    /// The run in progress.
    pub(super) fn current_run(&self) -> Option<Rc<Run>> {
        self.run.with(Clone::clone).ok().flatten()
    }

    /// Whether `run` is the run in progress (only it may act).
    pub(super) fn is_current(&self, run: &Rc<Run>) -> bool {
        self.current_run().is_some_and(|r| Rc::ptr_eq(&r, run))
    }

    /// Makes `run` the run in progress.
    pub(super) fn set_run(&self, run: Rc<Run>) {
        let _ = self.run.with_mut(|slot| *slot = Some(run));
    }

    /// Ends the run in progress (the caller finishes it).
    pub(super) fn take_run(&self) -> Option<Rc<Run>> {
        self.run.with_mut(Option::take).ok().flatten()
    }

    /// `Ready`, with what the page is known to break ([`ready_notice`]).
    pub(super) fn ready_state(&self) -> FlowState {
        let isolated = self.config.mode == Mode::Popup
            && web_sys::window().is_some_and(|w| coop_probe::known(&w) == Some(true));
        FlowState::Ready {
            notice: ready_notice(isolated, self.in_app, self.config.redirect_uri.is_some()),
        }
    }
}

/// One `launch()`: alive from the click until its outcome is delivered.
pub(super) struct Run {
    /// Decides the run. A redirect run's page navigates away, so only
    /// `cancel()` (before it has gone) ever steps it.
    pub(super) correlator: RefCell<Correlator>,
    /// The one timer the correlator asked for (grace, code expiry, deadline).
    pub(super) timer: RefCell<Option<Timeout>>,
    /// The `message` listener for Meta's session events (popup runs).
    pub(super) listener: RefCell<Option<MessageListener>>,
    /// Where the outcome goes: the `launch()` future.
    pub(super) done: RefCell<Option<Sender<Outcome>>>,
    /// Keeps the flow alive while running even if every handle is dropped
    /// (e.g. `new EmbeddedSignup(o).launch()` in JS); released at the end.
    pub(super) keep_alive: RefCell<Option<Rc<Inner>>>,
    /// Meta's popup, when `window.open` was seen opening it: closed when the
    /// run ends other than connected (cancel, timeout, destroy).
    pub(super) popup: RefCell<Option<JsValue>>,
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
}
