//! Loading Meta's JavaScript SDK once per page and `FB.init`-ing it.
//!
//! - an existing `window.FB` is reused (and initialised with our app id);
//! - otherwise `window.fbAsyncInit` is set *before* the `<script src=sdkUrl>` is
//!   added (chaining any host-defined one), and the script is added only once;
//! - concurrent `load()` calls share the same attempt; a failed attempt can be retried.

use std::cell::RefCell;

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlScriptElement, Window};

use super::cell_access::CellAccess;
use super::oneshot::{self, Sender};
use crate::flow::config::SignupConfig;
use crate::flow::FlowError;

/// The `id` of the injected script element (Meta's snippet uses the same one).
pub const SDK_SCRIPT_ID: &str = "facebook-jssdk";

/// Set on the script element when it failed to load, so a retry replaces it.
const FAILED_ATTR: &str = "data-wa-signup-failed";

enum Loading {
    Idle,
    /// Waiting for `fbAsyncInit` / script `load`; everyone waiting is answered.
    Pending {
        waiters: Vec<Sender<Result<(), FlowError>>>,
    },
}

thread_local! {
    static LOADING: RefCell<Loading> = const { RefCell::new(Loading::Idle) };
    /// The `FB` object we ran `FB.init` on, and the app id (a replaced
    /// `window.FB`, or another app once the first one's flows are gone, is
    /// initialised again).
    static INITIALISED: RefCell<Option<(JsValue, String)>> = const { RefCell::new(None) };
}

/// `window.FB` if it has a `login` function.
pub(crate) fn fb_object(window: &Window) -> Option<JsValue> {
    let fb = Reflect::get(window, &JsValue::from_str("FB")).ok()?;
    let login = Reflect::get(&fb, &JsValue::from_str("login")).ok()?;
    login.is_function().then_some(fb)
}

/// `window.FB`, if it is loaded and we initialised it for `app_id`: ready for `FB.login`.
pub(crate) fn ready_fb(window: &Window, app_id: &str) -> Option<JsValue> {
    let fb = fb_object(window)?;
    let inited = INITIALISED.with(|cell| {
        cell.with(|done| {
            done.as_ref()
                .is_some_and(|(done, id)| Object::is(done, &fb) && id == app_id)
        })
        .unwrap_or(false)
    });
    inited.then_some(fb)
}

/// Runs `FB.init({ appId, version, xfbml: true, cookie: true })` on `fb`.
fn init(fb: &JsValue, config: &SignupConfig) -> Result<(), FlowError> {
    let init = Reflect::get(fb, &JsValue::from_str("init"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| FlowError::SdkLoadFailed("FB.init is not a function".into()))?;
    let options = Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = Reflect::set(&options, &JsValue::from_str(k), &v);
    };
    set("appId", JsValue::from_str(&config.app_id));
    set("version", JsValue::from_str(&config.graph_api_version));
    set("xfbml", JsValue::TRUE);
    set("cookie", JsValue::TRUE);
    init.call1(fb, &options)
        .map_err(|e| FlowError::SdkLoadFailed(format!("FB.init threw: {}", js_message(&e))))?;
    INITIALISED.with(|cell| {
        let _ = cell.with_mut(|done| *done = Some((fb.clone(), config.app_id.clone())));
    });
    Ok(())
}

/// Makes `window.FB` ready, injecting `config.sdk_url` if needed. Idempotent.
pub(crate) async fn load(config: &SignupConfig) -> Result<(), FlowError> {
    let window = web_sys::window().ok_or_else(|| FlowError::SdkLoadFailed("no window".into()))?;
    if ready_fb(&window, &config.app_id).is_some() {
        return Ok(());
    }
    if let Some(fb) = fb_object(&window) {
        return init(&fb, config);
    }
    let (tx, rx) = oneshot::channel();
    LOADING.with(|cell| -> Result<(), FlowError> {
        let mut loading = cell
            .try_borrow_mut()
            .map_err(|_| FlowError::SdkLoadFailed("re-entrant load".into()))?;
        match &mut *loading {
            Loading::Pending { waiters, .. } => {
                waiters.push(tx);
                Ok(())
            }
            Loading::Idle => {
                start(&window, config)?;
                *loading = Loading::Pending { waiters: vec![tx] };
                Ok(())
            }
        }
    })?;
    rx.await
        .unwrap_or_else(|| Err(FlowError::SdkLoadFailed("the load was abandoned".into())))
}

/// Answers every waiter and forgets the attempt.
fn settle(result: Result<(), FlowError>) {
    let previous = LOADING.with(|cell| {
        cell.with_mut(|loading| std::mem::replace(loading, Loading::Idle))
            .unwrap_or(Loading::Idle)
    });
    if let Loading::Pending { waiters } = previous {
        for waiter in waiters {
            waiter.send(result.clone());
        }
    }
}

/// Sets `fbAsyncInit` (chaining a host one), then adds the script once.
///
/// The callbacks are handed to JS for good (`into_js_value`): the SDK or the
/// page may call `fbAsyncInit` again later, and a freed closure would throw;
/// a late call only re-runs an idempotent init.
fn start(window: &Window, config: &SignupConfig) -> Result<(), FlowError> {
    let doc = window
        .document()
        .ok_or_else(|| FlowError::SdkLoadFailed("no document".into()))?;
    let key = JsValue::from_str("fbAsyncInit");
    let previous = Reflect::get(window, &key).ok().filter(|f| f.is_function());

    let on_init = {
        let config = config.clone();
        let window = window.clone();
        Closure::<dyn FnMut()>::new(move || {
            if let Some(prev) = previous.as_ref().and_then(|f| f.dyn_ref::<Function>()) {
                let _ = prev.call0(&JsValue::UNDEFINED);
            }
            let result = match fb_object(&window) {
                Some(fb) => init(&fb, &config),
                None => Err(FlowError::SdkLoadFailed(
                    "fbAsyncInit ran but window.FB is missing".into(),
                )),
            };
            settle(result);
        })
        .into_js_value()
    };
    Reflect::set(window, &key, &on_init)
        .map_err(|_| FlowError::SdkLoadFailed("cannot set window.fbAsyncInit".into()))?;

    // Some SDK builds define FB without calling fbAsyncInit when it was set late;
    // the script's `load` event covers that.
    let on_load = {
        let config = config.clone();
        let window = window.clone();
        Closure::<dyn FnMut()>::new(move || {
            if ready_fb(&window, &config.app_id).is_some() {
                settle(Ok(()));
                return;
            }
            let result = match fb_object(&window) {
                Some(fb) => init(&fb, &config),
                None => Err(FlowError::SdkLoadFailed(
                    "the SDK script loaded but did not define FB".into(),
                )),
            };
            settle(result);
        })
        .into_js_value()
    };
    let on_error = {
        let doc = doc.clone();
        Closure::<dyn FnMut()>::new(move || {
            // Mark it so a retry replaces it instead of waiting on it.
            if let Some(script) = doc.get_element_by_id(SDK_SCRIPT_ID) {
                let _ = script.set_attribute(FAILED_ATTR, "");
            }
            settle(Err(FlowError::SdkLoadFailed(
                "the SDK script failed to load".into(),
            )));
        })
        .into_js_value()
    };

    // A script already in the page: the host's own snippet still loading is
    // awaited (never loaded twice); one that failed earlier is replaced.
    if let Some(existing) = doc.get_element_by_id(SDK_SCRIPT_ID) {
        if existing.has_attribute(FAILED_ATTR) {
            existing.remove();
        } else {
            let ok = existing
                .add_event_listener_with_callback("load", on_load.unchecked_ref())
                .and_then(|()| {
                    existing.add_event_listener_with_callback("error", on_error.unchecked_ref())
                });
            return ok.map_err(|e| {
                FlowError::SdkLoadFailed(format!("cannot watch the SDK script: {}", js_message(&e)))
            });
        }
    }
    let script: HtmlScriptElement = doc
        .create_element("script")
        .ok()
        .and_then(|e| e.dyn_into().ok())
        .ok_or_else(|| FlowError::SdkLoadFailed("cannot create a script element".into()))?;
    script.set_id(SDK_SCRIPT_ID);
    script.set_src(&config.sdk_url);
    script.set_async(true);
    script.set_defer(true);
    script.set_cross_origin(Some("anonymous"));
    script.set_onload(Some(on_load.unchecked_ref()));
    script.set_onerror(Some(on_error.unchecked_ref()));
    let parent = doc
        .head()
        .map(web_sys::Node::from)
        .or_else(|| doc.body().map(web_sys::Node::from))
        .ok_or_else(|| {
            FlowError::SdkLoadFailed("no <head> or <body> to add the script to".into())
        })?;
    parent.append_child(&script).map_err(|e| {
        FlowError::SdkLoadFailed(format!("cannot add the script: {}", js_message(&e)))
    })?;
    Ok(())
}

/// `err.message` of a thrown value, or its string form.
pub(crate) fn js_message(err: &JsValue) -> String {
    Reflect::get(err, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| err.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
