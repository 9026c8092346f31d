//! [`EmbeddedSignup`]: one signup widget's flow in the browser.
//!
//! The plain-Rust [`Correlator`] decides; this file only wires browser inputs
//! (the `FB.login` callback, `message` events, one timer) into it and performs
//! its actions (POST once, finish once), publishing [`FlowState`] changes to
//! subscribers and as DOM events.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;
use web_sys::{EventTarget, Window};

use super::app_id::{claim_app_id, AppIdClaim};
use super::clock::now_ms;
use super::coop_probe;
use super::dom_events::{self, CANCEL_EVENT, ERROR_EVENT, STATE_EVENT, SUCCESS_EVENT};
use super::js_object::{outcome_to_js, state_to_js};
use super::listener::MessageListener;
use super::login::{call_login, read_response, LoginResponse};
use super::oneshot::{self, Receiver, Sender};
use super::popup::{self, Opened};
use super::post::post_callback;
use super::{redirect, sdk};
use crate::flow::body::CallbackBody;
use crate::flow::config::{ConfigError, Mode, SignupConfig};
use crate::flow::correlator::{Action, Correlator, Input};
use crate::flow::extras::BusinessPhone;
use crate::flow::host_page::{in_app_browser, ready_notice};
use crate::flow::session_input::input_from_event;
use crate::flow::{FlowError, FlowState, Outcome, SessionInfo};

type Subscriber = Rc<dyn Fn(&FlowState)>;

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

struct Inner {
    config: SignupConfig,
    state: RefCell<FlowState>,
    subscribers: RefCell<Vec<(u64, Subscriber)>>,
    next_subscriber: Cell<u64>,
    target: RefCell<Option<EventTarget>>,
    run: RefCell<Option<Rc<Run>>>,
    destroyed: Cell<bool>,
    /// The page runs in an in-app browser (Facebook, Instagram, …).
    in_app: bool,
    /// This flow's share of the page's one `appId` (released by `destroy()`
    /// or on drop).
    app_id: RefCell<Option<AppIdClaim>>,
    /// A business phone to pre-fill in Meta's dialog (the widget's phone
    /// field), unless the configured extras set one.
    business_phone: RefCell<Option<BusinessPhone>>,
}

/// One `launch()`: alive from the click until its outcome is delivered.
struct Run {
    correlator: RefCell<Correlator>,
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

/// Unsubscribes when dropped (see [`EmbeddedSignup::subscribe`]).
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
            if let Ok(mut subs) = inner.subscribers.try_borrow_mut() {
                subs.retain(|(id, _)| *id != self.id);
            }
        }
    }
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
        let inner = Rc::new(Inner {
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
        });
        if let (Mode::Popup, Some(window)) = (inner.config.mode, window) {
            let weak = Rc::downgrade(&inner);
            wasm_bindgen_futures::spawn_local(async move {
                coop_probe::probe(window).await;
                // Already ready: say it now (a second `wa-signup:state`).
                if let Some(inner) = weak.upgrade() {
                    let ready = inner
                        .state
                        .try_borrow()
                        .is_ok_and(|s| *s == FlowState::READY);
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
            .try_borrow()
            .map(|s| s.clone())
            .unwrap_or(FlowState::SdkLoading)
    }

    /// True while a run is in progress.
    pub fn is_running(&self) -> bool {
        self.inner
            .run
            .try_borrow()
            .map(|r| r.is_some())
            .unwrap_or(true)
    }

    /// Calls `f` on every state change until the [`Subscription`] is dropped.
    pub fn subscribe(&self, f: impl Fn(&FlowState) + 'static) -> Subscription {
        let id = self.inner.next_subscriber.get();
        self.inner.next_subscriber.set(id.wrapping_add(1));
        if let Ok(mut subs) = self.inner.subscribers.try_borrow_mut() {
            subs.push((id, Rc::new(f)));
        }
        Subscription {
            inner: Rc::downgrade(&self.inner),
            id,
        }
    }

    /// Where the `wa-signup:*` DOM events are dispatched (default: `window`).
    pub fn set_event_target(&self, target: Option<EventTarget>) {
        if let Ok(mut t) = self.inner.target.try_borrow_mut() {
            *t = target;
        }
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
        if let Ok(mut slot) = self.inner.business_phone.try_borrow_mut() {
            *slot = phone;
        }
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
        if run.correlator.try_borrow().map_or(true, |c| c.is_decided()) {
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
        let claim = self
            .inner
            .app_id
            .try_borrow_mut()
            .ok()
            .and_then(|mut c| c.take());
        drop(claim);
        let run = self
            .inner
            .run
            .try_borrow_mut()
            .ok()
            .and_then(|mut r| r.take());
        if let Some(run) = run {
            run.end(Outcome::failed(&FlowError::Aborted));
        }
        if let Ok(mut subs) = self.inner.subscribers.try_borrow_mut() {
            subs.clear();
        }
    }
}

/// The synchronous part of `launch()`.
fn start(inner: &Rc<Inner>) -> Result<Receiver<Outcome>, FlowError> {
    if inner.destroyed.get() {
        return Err(FlowError::Aborted);
    }
    if inner.is_running() {
        return Err(FlowError::AlreadyRunning);
    }
    let window = web_sys::window().ok_or(FlowError::SdkNotReady)?;
    let config = inner.launch_config();
    if config.mode == Mode::Redirect {
        return start_redirect(inner, &window, &config);
    }
    let Some(fb) = sdk::ready_fb(&window, &inner.config.app_id) else {
        inner.publish_outcome(&Outcome::failed(&FlowError::SdkNotReady));
        return Err(FlowError::SdkNotReady);
    };

    let (tx, rx) = oneshot::channel();
    let started_at = now_ms();
    let run = Rc::new(Run {
        correlator: RefCell::new(
            Correlator::new(u64::from(inner.config.session_grace_ms), None)
                .with_run_timeout(started_at, inner.config.run_timeout_ms),
        ),
        timer: RefCell::new(None),
        listener: RefCell::new(None),
        done: RefCell::new(Some(tx)),
        keep_alive: RefCell::new(Some(inner.clone())),
        popup: RefCell::new(None),
    });
    if let Ok(mut slot) = inner.run.try_borrow_mut() {
        *slot = Some(run.clone());
    }

    // 1. The listener, before FB.login.
    let listener = {
        let weak_run = Rc::downgrade(&run);
        let weak_inner = Rc::downgrade(inner);
        let extra = inner.config.allowed_origins.clone();
        MessageListener::install(&window, extra.clone(), move |origin, data| {
            let Some(event) = crate::events::parse_session_event(&origin, &data, &extra) else {
                return;
            };
            if let Some(input) = input_from_event(&event, now_ms()) {
                feed(&weak_inner, &weak_run, input);
            }
        })
    };
    if let Ok(mut slot) = run.listener.try_borrow_mut() {
        *slot = listener;
    }

    // 2. The FB.login callback. Handed to JS for good (`into_js_value`): Meta
    // may call it after the run ended or the flow was destroyed, and a freed
    // closure would throw inside Meta's code; a late call is a no-op (weak refs).
    let callback = {
        let weak_run = Rc::downgrade(&run);
        let weak_inner = Rc::downgrade(inner);
        let window = window.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |response: JsValue| {
            let at_ms = now_ms();
            let input = match read_response(&response) {
                LoginResponse::Code(code) => Input::Code { code, at_ms },
                // On a page whose opener policy severs popups, the window
                // "closed" because it was cut off, not because the person
                // closed it: never report that as a cancellation.
                LoginResponse::NoAuthResponse if coop_probe::known(&window) == Some(true) => {
                    Input::PopupIsolated { at_ms }
                }
                LoginResponse::NoAuthResponse => Input::NoAuthResponse { at_ms },
            };
            feed(&weak_inner, &weak_run, input);
        })
        .into_js_value()
    };

    inner.set_state(FlowState::WaitingForMeta);

    // 3. FB.login, still inside the click, watching the popup it opens.
    let (called, opened) = popup::watch_open(&window, || call_login(&fb, &config, &callback));
    if let Err(err) = called {
        finish(inner, &run, Outcome::failed(&err));
        return Ok(rx);
    }
    let (weak_inner, weak_run) = (Rc::downgrade(inner), Rc::downgrade(&run));
    match opened {
        Opened::Blocked => feed(
            &weak_inner,
            &weak_run,
            Input::PopupBlocked { at_ms: now_ms() },
        ),
        Opened::Window(window) => {
            if let Ok(mut slot) = run.popup.try_borrow_mut() {
                *slot = Some(window);
            }
        }
        Opened::NotCalled => {}
    }
    // 4. Arm the run's deadline (`runTimeoutMs`).
    feed(&weak_inner, &weak_run, Input::Timer { at_ms: started_at });
    Ok(rx)
}

fn start_redirect(
    inner: &Rc<Inner>,
    window: &Window,
    config: &SignupConfig,
) -> Result<Receiver<Outcome>, FlowError> {
    let url = redirect::prepare(window, config).inspect_err(|err| {
        inner.publish_outcome(&Outcome::failed(err));
    })?;
    let (tx, rx) = oneshot::channel();
    let run = Rc::new(Run {
        correlator: RefCell::new(Correlator::new(0, inner.config.redirect_uri.clone())),
        timer: RefCell::new(None),
        listener: RefCell::new(None),
        done: RefCell::new(Some(tx)),
        keep_alive: RefCell::new(None),
        popup: RefCell::new(None),
    });
    if let Ok(mut slot) = inner.run.try_borrow_mut() {
        *slot = Some(run);
    }
    inner.set_state(FlowState::WaitingForMeta);
    if let Err(err) = window.location().assign(&url) {
        let outcome = Outcome::failed(&FlowError::Network(sdk::js_message(&err)));
        if let Some(run) = inner.take_run() {
            run.end(outcome.clone());
        }
        inner.publish_outcome(&outcome);
    }
    Ok(rx)
}

/// Feeds one input to the run's correlator and performs the resulting action.
fn feed(inner: &Weak<Inner>, run: &Weak<Run>, input: Input) {
    let (Some(inner), Some(run)) = (inner.upgrade(), run.upgrade()) else {
        return;
    };
    // Only the current run may act.
    let current = inner
        .run
        .try_borrow()
        .ok()
        .and_then(|r| r.as_ref().map(|r| Rc::ptr_eq(r, &run)))
        .unwrap_or(false);
    if !current {
        return;
    }
    let action = match run.correlator.try_borrow_mut() {
        Ok(mut correlator) => correlator.step(input),
        Err(_) => return,
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
            if let Ok(mut slot) = run.timer.try_borrow_mut() {
                *slot = Some(timer);
            }
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
async fn send(inner: &Inner, body: &CallbackBody, session: Option<SessionInfo>) -> Outcome {
    match post_callback(&inner.config, body).await {
        Ok(profile) => Outcome::Connected { profile, session },
        Err(err) => Outcome::failed(&err),
    }
}

/// Ends `run` with `outcome` (once), if it is still the current run.
fn finish(inner: &Rc<Inner>, run: &Rc<Run>, outcome: Outcome) {
    let is_current = inner
        .run
        .try_borrow()
        .ok()
        .and_then(|r| r.as_ref().map(|r| Rc::ptr_eq(r, run)))
        .unwrap_or(false);
    if !is_current {
        return;
    }
    let _ = inner.take_run();
    inner.publish_outcome(&outcome);
    run.end(outcome);
}

impl Run {
    /// Removes the `message` listener and the timer.
    fn stop_listening(&self) {
        let listener = self
            .listener
            .try_borrow_mut()
            .ok()
            .and_then(|mut l| l.take());
        drop(listener);
        let timer = self.timer.try_borrow_mut().ok().and_then(|mut t| t.take());
        drop(timer);
    }

    /// Cleans up and hands `outcome` to the `launch()` future. Meta's window
    /// is closed unless the run connected (Meta closes it then).
    fn end(&self, outcome: Outcome) {
        self.stop_listening();
        let popup = self.popup.try_borrow_mut().ok().and_then(|mut p| p.take());
        if let (Some(popup), false) = (popup, matches!(outcome, Outcome::Connected { .. })) {
            popup::close(&popup);
        }
        let done = self.done.try_borrow_mut().ok().and_then(|mut d| d.take());
        if let Some(done) = done {
            done.send(outcome);
        }
        let keep_alive = self
            .keep_alive
            .try_borrow_mut()
            .ok()
            .and_then(|mut k| k.take());
        drop(keep_alive);
    }
}

impl Inner {
    fn is_running(&self) -> bool {
        self.run.try_borrow().map(|r| r.is_some()).unwrap_or(true)
    }

    /// The configuration a launch uses: the validated one, with the business
    /// phone pre-filled when one was set (the configured extras win).
    fn launch_config(&self) -> SignupConfig {
        let phone = self
            .business_phone
            .try_borrow()
            .ok()
            .and_then(|p| p.clone());
        match phone {
            Some(phone) => SignupConfig {
                extras: self.config.extras.with_business_phone(phone),
                ..self.config.clone()
            },
            None => self.config.clone(),
        }
    }

    fn current_run(&self) -> Option<Rc<Run>> {
        self.run.try_borrow().ok().and_then(|r| r.clone())
    }

    /// `Ready`, with what the page is known to break ([`ready_notice`]).
    fn ready_state(&self) -> FlowState {
        let isolated = self.config.mode == Mode::Popup
            && web_sys::window().is_some_and(|w| coop_probe::known(&w) == Some(true));
        FlowState::Ready {
            notice: ready_notice(isolated, self.in_app, self.config.redirect_uri.is_some()),
        }
    }

    fn take_run(&self) -> Option<Rc<Run>> {
        self.run.try_borrow_mut().ok().and_then(|mut r| r.take())
    }

    fn event_target(&self) -> Option<EventTarget> {
        let target = self.target.try_borrow().ok().and_then(|t| t.clone());
        target.or_else(|| web_sys::window().map(EventTarget::from))
    }

    /// Stores `state`, tells subscribers, dispatches `wa-signup:state`.
    /// No borrow is held while foreign code runs (subscribers may re-enter).
    fn set_state(&self, state: FlowState) {
        if let Ok(mut current) = self.state.try_borrow_mut() {
            *current = state.clone();
        }
        let subscribers: Vec<Subscriber> = self
            .subscribers
            .try_borrow()
            .map(|subs| subs.iter().map(|(_, f)| f.clone()).collect())
            .unwrap_or_default();
        for subscriber in subscribers {
            subscriber(&state);
        }
        if let Some(target) = self.event_target() {
            dom_events::dispatch(&target, STATE_EVENT, &state_to_js(&state));
        }
    }

    /// The final state plus the matching `wa-signup:success|cancel|error` event.
    fn publish_outcome(&self, outcome: &Outcome) {
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
