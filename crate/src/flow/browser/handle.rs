//! [`EmbeddedSignup`]: one signup button's flow in the browser, the handle
//! the page (or the widget) holds.
//!
//! The plain-Rust [`Correlator`](crate::flow::Correlator) decides; the glue
//! around it is one file per concern: `launch.rs` starts a run inside the
//! click, `run.rs` feeds it browser inputs (the `FB.login` callback,
//! `message` events, one timer) and performs its actions (POST once, finish
//! once), `publish.rs` tells subscribers and the page (DOM events) every
//! [`FlowState`] change, `shared.rs` holds what they share.

use std::future::Future;
use std::rc::Rc;

use web_sys::EventTarget;

use super::app_id::claim_app_id;
use super::cell_access::CellAccess;
use super::clock::now_ms;
use super::coop_probe;
use super::launch::start;
use super::publish::Subscription;
use super::redirect;
use super::run::{feed, send};
use super::sdk;
use super::shared::Inner;
use crate::flow::body::CallbackBody;
use crate::flow::config::{ConfigError, Mode, SignupConfig};
use crate::flow::correlator::Input;
use crate::flow::extras::BusinessPhone;
use crate::flow::host_page::in_app_browser;
use crate::flow::{FlowError, FlowState, Outcome};

/// The Embedded Signup flow for one button. Cheap to clone (shared handle).
///
/// ```ignore
/// let signup = EmbeddedSignup::new(config)?;
/// spawn_local({ let s = signup.clone(); async move { let _ = s.load().await; } });
/// // in the click handler, synchronously:
/// let outcome = signup.launch();      // FB.login is called here
/// spawn_local(async move { let outcome = outcome.await; /* … */ });
/// ```
#[derive(Clone)]
pub struct EmbeddedSignup {
    inner: Rc<Inner>,
}

impl EmbeddedSignup {
    /// Validates `config` and claims its `appId` for the page
    /// (`APP_ID_CONFLICT` while another live flow uses a different one).
    /// Nothing is loaded yet; call [`load`](Self::load). The state starts as
    /// `SdkLoading` (popup) or `Ready` (redirect, no SDK needed). In popup
    /// mode the page's opener policy is probed at once, in parallel with
    /// everything else (see [`FlowState::Ready`]'s notice).
    pub fn new(config: SignupConfig) -> Result<EmbeddedSignup, ConfigError> {
        config.validate()?;
        let app_id = claim_app_id(&config.app_id)?;
        let state = match config.mode {
            Mode::Popup => FlowState::SdkLoading,
            Mode::Redirect => FlowState::READY,
        };
        let window = web_sys::window();
        let in_app = window
            .as_ref()
            .is_some_and(|w| in_app_browser(&coop_probe::user_agent(w)).is_some());
        let inner = Rc::new(Inner::new(config, state, in_app, app_id));
        if let (Mode::Popup, Some(window)) = (inner.config.mode, window) {
            let weak = Rc::downgrade(&inner);
            wasm_bindgen_futures::spawn_local(async move {
                coop_probe::probe(window).await;
                // Already ready: say it now (a second `wa-signup:state`).
                if let Some(inner) = weak.upgrade() {
                    let ready = inner
                        .state
                        .with(|s| *s == FlowState::READY)
                        .unwrap_or(false);
                    let state = inner.ready_state();
                    if ready && state != FlowState::READY && !inner.destroyed.get() {
                        inner.set_state(state);
                    }
                }
            });
        }
        Ok(EmbeddedSignup { inner })
    }

    /// The validated configuration.
    pub fn config(&self) -> &SignupConfig {
        &self.inner.config
    }

    /// The current state.
    pub fn state(&self) -> FlowState {
        self.inner
            .state
            .with(Clone::clone)
            .unwrap_or(FlowState::SdkLoading)
    }

    /// True while a run is in progress.
    pub fn is_running(&self) -> bool {
        self.inner.is_running()
    }

    /// Calls `f` on every state change until the [`Subscription`] is dropped.
    pub fn subscribe(&self, f: impl Fn(&FlowState) + 'static) -> Subscription {
        Inner::subscribe(&self.inner, Rc::new(f))
    }

    /// Where the `wa-signup:*` DOM events are dispatched (default: `window`).
    pub fn set_event_target(&self, target: Option<EventTarget>) {
        let _ = self.inner.target.with_mut(|t| *t = target);
    }

    /// Loads and initialises the SDK (idempotent; shared by every instance).
    /// Popup mode: `SdkLoading` → `Ready`, or `Failed { kind: SDK_LOAD_FAILED }`.
    /// Redirect mode needs no SDK and resolves at once.
    pub fn load(&self) -> impl Future<Output = Result<(), FlowError>> + 'static {
        let inner = self.inner.clone();
        async move {
            if inner.config.mode == Mode::Redirect {
                return Ok(());
            }
            let result = sdk::load(&inner.config).await;
            if inner.destroyed.get() || inner.is_running() {
                return result;
            }
            match &result {
                Ok(()) => inner.set_state(inner.ready_state()),
                Err(err) => inner.set_state(FlowState::from(err)),
            }
            result
        }
    }

    /// Starts a run. Call it directly in the click handler: the synchronous part
    /// (before the future is polled) installs the `message` listener and calls
    /// `FB.login`, so the popup is not blocked. Then await the future (e.g. with
    /// `spawn_local`); it resolves exactly once.
    ///
    /// Fails at once with `SDK_NOT_READY` if the SDK is not loaded (rather than
    /// opening the popup late), `ALREADY_RUNNING` during a run (the running one
    /// is not disturbed), `ABORTED` after [`destroy`](Self::destroy).
    /// In redirect mode the page navigates to Meta's dialog; the future then
    /// never resolves (the page unloads) — see [`complete_redirect`](Self::complete_redirect).
    pub fn launch(&self) -> impl Future<Output = Outcome> + 'static {
        let started = start(&self.inner);
        async move {
            match started {
                Ok(rx) => rx
                    .await
                    .unwrap_or_else(|| Outcome::failed(&FlowError::Aborted)),
                Err(err) => Outcome::failed(&err),
            }
        }
    }

    /// On the page Meta redirected back to: checks `state`, removes `code` from
    /// the address bar, POSTs `{ code, redirectUri }` once, and resolves to the
    /// outcome. `None` when the URL carries no `code`/`state`/`error`.
    pub fn complete_redirect(&self) -> impl Future<Output = Option<Outcome>> + 'static {
        let inner = self.inner.clone();
        let taken = web_sys::window().and_then(|w| redirect::take_return(&w, &inner.config));
        async move {
            let ret = match taken? {
                Ok(ret) => ret,
                Err(err) => {
                    let outcome = Outcome::failed(&err);
                    inner.publish_outcome(&outcome);
                    return Some(outcome);
                }
            };
            let Some(code) = ret.code else {
                let outcome = Outcome::cancelled_in_meta(None);
                inner.publish_outcome(&outcome);
                return Some(outcome);
            };
            let body = CallbackBody::new(code, inner.config.redirect_uri.clone(), None);
            inner.set_state(FlowState::Sending);
            let outcome = send(&inner, &body, None).await;
            inner.publish_outcome(&outcome);
            Some(outcome)
        }
    }

    /// Pre-fills `extras.setup.business.phone` of the next launches with
    /// `phone` (e.g. what the person typed in the widget's phone field),
    /// unless the configured extras set one; `None` clears it.
    pub fn set_business_phone(&self, phone: Option<BusinessPhone>) {
        let _ = self.inner.business_phone.with_mut(|slot| *slot = phone);
    }

    /// Ends the run in progress while it waits for Meta: the `launch()`
    /// future resolves `Cancelled { source: Page }`, the listener and timers
    /// are removed, Meta's window is closed when we saw it open, and no POST
    /// follows even if a code arrives. Returns false (and does nothing) when
    /// no run is waiting for Meta, e.g. once the POST is under way.
    pub fn cancel(&self) -> bool {
        let Some(run) = self.inner.current_run() else {
            return false;
        };
        if run.is_decided() {
            return false;
        }
        feed(
            &Rc::downgrade(&self.inner),
            &Rc::downgrade(&run),
            Input::PageCancel { at_ms: now_ms() },
        );
        true
    }

    /// Ends any run (its future resolves to `Failed { kind: ABORTED }`), removes
    /// the listener and timer, and refuses later launches.
    pub fn destroy(&self) {
        self.inner.destroyed.set(true);
        drop(self.inner.app_id.with_mut(Option::take));
        if let Some(run) = self.inner.take_run() {
            run.end(Outcome::failed(&FlowError::Aborted));
        }
        let _ = self.inner.subscribers.with_mut(Vec::clear);
    }
}
