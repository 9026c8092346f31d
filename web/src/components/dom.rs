//! Small DOM helpers shared by the components: unique ids, events, focus.

use std::cell::Cell;

use serde::Serialize;
use web_sys::{Element, EventTarget};

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
/// as a plain JS object: the core's event dispatch and JSON conversion, as
/// for the flow's own events.
pub(crate) fn dispatch(target: &EventTarget, name: &str, detail: &impl Serialize) {
    wa_signup::flow::browser::dispatch(target, name, &wa_signup::js_json::to_js(detail));
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
