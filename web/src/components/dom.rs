//! Small DOM helpers shared by the components: unique ids, events, focus.

use std::cell::Cell;

use serde::Serialize;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element, EventTarget};

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// A page-unique element id like `wa-signup-3-phone`, so several widgets on
/// one page never share `id`s (and `aria-describedby` points to the right one).
pub(crate) fn unique_id(suffix: &str) -> String {
    let n = NEXT_ID.with(|next| {
        let n = next.get().wrapping_add(1);
        next.set(n);
        n
    });
    format!("wa-signup-{n}-{suffix}")
}

/// Dispatches a bubbling, composed `CustomEvent` whose `detail` is `detail`
/// as a plain JS object. Through JSON text and `JSON.parse`, like the flow's
/// own events: serde_json is already in the wasm, and a second serializer
/// (serde-wasm-bindgen) would duplicate every `Serialize` impl it reaches.
pub(crate) fn dispatch(target: &EventTarget, name: &str, detail: &impl Serialize) {
    let detail = serde_json::to_string(detail)
        .ok()
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .unwrap_or(JsValue::UNDEFINED);
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        // A throwing host listener must not break the widget.
        let _ = target.dispatch_event(&event);
    }
}

/// True when moving focus into `root` would not steal it from the host page:
/// nothing is focused, the body is, or the focus is already inside `root`.
pub(crate) fn focus_is_free(root: &Element) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    match document.active_element() {
        None => true,
        Some(active) => {
            let is_body = document.body().is_some_and(|body| {
                let body: &Element = body.as_ref();
                body == &active
            });
            is_body || root.contains(Some(active.as_ref()))
        }
    }
}
