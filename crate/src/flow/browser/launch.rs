//! The synchronous part of `launch()`, run inside the click: a popup run
//! (the `message` listener, then `FB.login`, watching the popup it opens)
//! or a redirect run (navigation to Meta's dialog).

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;
use web_sys::Window;

use super::clock::now_ms;
use super::coop_probe;
use super::listener::MessageListener;
use super::login::{call_login, read_response, LoginResponse};
use super::oneshot::{self, Receiver};
use super::popup::{self, Opened};
use super::run::{feed, finish};
use super::shared::{Inner, Run};
use super::{redirect, sdk};
use crate::flow::config::{Mode, SignupConfig};
use crate::flow::correlator::{Correlator, Input};
use crate::flow::session_input::input_from_event;
use crate::flow::{FlowError, FlowState, Outcome};

/// Starts a run of `inner`; the receiver gets its outcome. Fails at once
/// (nothing started) with `ABORTED`, `ALREADY_RUNNING` or `SDK_NOT_READY`.
pub(super) fn start(inner: &Rc<Inner>) -> Result<Receiver<Outcome>, FlowError> {
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
    let correlator = Correlator::new(u64::from(inner.config.session_grace_ms))
        .with_run_timeout(started_at, inner.config.run_timeout_ms);
    let run = Rc::new(Run::new(correlator, tx, Some(inner.clone())));
    inner.set_run(run.clone());

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
    run.set_listener(listener);

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
        Opened::Window(window) => run.set_popup(window),
        Opened::NotCalled => {}
    }
    // 4. Arm the run's deadline (`runTimeoutMs`).
    feed(&weak_inner, &weak_run, Input::Timer { at_ms: started_at });
    Ok(rx)
}

/// A redirect run: stores a fresh `state` and navigates to Meta's dialog.
/// The page then unloads; the code is read on the return page
/// ([`super::EmbeddedSignup::complete_redirect`]).
fn start_redirect(
    inner: &Rc<Inner>,
    window: &Window,
    config: &SignupConfig,
) -> Result<Receiver<Outcome>, FlowError> {
    let url = redirect::prepare(window, config).inspect_err(|err| {
        inner.publish_outcome(&Outcome::failed(err));
    })?;
    let (tx, rx) = oneshot::channel();
    inner.set_run(Rc::new(Run::new(Correlator::new(0), tx, None)));
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
