//! Seeing the popup that `FB.login` opens: `window.open` is wrapped for the
//! duration of the synchronous `FB.login` call only, then the page's own
//! `window.open` (whatever it was) is put back. That tells a popup the
//! browser blocked (`null`) from one that opened, and gives the handle that
//! `cancel()` closes.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Window;

use super::cell_access::CellAccess;

/// What `window.open` did during the watched call.
#[derive(Debug, Clone, Default)]
pub(crate) enum Opened {
    /// `window.open` was not called (or could not be watched).
    #[default]
    NotCalled,
    /// It returned `null`: the popup blocker stopped it.
    Blocked,
    /// The popup's window proxy.
    Window(JsValue),
}

/// Runs `call` with `window.open` watched, and restores it before returning.
pub(crate) fn watch_open<R>(window: &Window, call: impl FnOnce() -> R) -> (R, Opened) {
    let key = JsValue::from_str("open");
    let Some(original) = Reflect::get(window, &key)
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return (call(), Opened::NotCalled);
    };
    let seen = Rc::new(RefCell::new(Opened::NotCalled));
    let wrapper = {
        let (original, seen, this) = (original.clone(), seen.clone(), window.clone());
        // Handed to JS for good: the SDK may keep a reference to the function it
        // called; a late call simply opens through the original.
        Closure::<dyn FnMut(JsValue, JsValue, JsValue) -> Result<JsValue, JsValue>>::new(
            move |url: JsValue, target: JsValue, features: JsValue| {
                let opened = original.call3(&this, &url, &target, &features)?;
                let _ = seen.with_mut(|seen| {
                    if matches!(*seen, Opened::NotCalled) {
                        *seen = if opened.is_null() || opened.is_undefined() {
                            Opened::Blocked
                        } else {
                            Opened::Window(opened.clone())
                        };
                    }
                });
                Ok(opened)
            },
        )
        .into_js_value()
    };
    if Reflect::set(window, &key, &wrapper).is_err() {
        return (call(), Opened::NotCalled);
    }
    let result = call();
    let _ = Reflect::set(window, &key, &original);
    let opened = seen.take();
    (result, opened)
}

/// Closes a popup we saw open (allowed cross-origin; a no-op once closed).
pub(crate) fn close(popup: &JsValue) {
    if let Some(close) = Reflect::get(popup, &JsValue::from_str("close"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    {
        let _ = close.call0(popup);
    }
}
