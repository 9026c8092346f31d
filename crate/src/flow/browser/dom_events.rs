//! DOM `CustomEvent`s for the host page: `wa-signup:state`, `wa-signup:success`,
//! `wa-signup:cancel`, `wa-signup:error`. `detail` is a plain JSON-like object.

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, EventTarget};

/// Every state change; `detail` is the new [`FlowState`](crate::flow::FlowState).
pub const STATE_EVENT: &str = "wa-signup:state";
/// The run connected; `detail` is the [`Outcome`](crate::flow::Outcome).
pub const SUCCESS_EVENT: &str = "wa-signup:success";
/// The user cancelled; `detail` is the outcome.
pub const CANCEL_EVENT: &str = "wa-signup:cancel";
/// The run failed; `detail` is the outcome.
pub const ERROR_EVENT: &str = "wa-signup:error";

/// Dispatches a bubbling, composed `CustomEvent` named `name` on `target`
/// (the flow's events here, the widget's own too); a plain object for
/// `detail` comes from [`crate::js_json::to_js`] or `outcome_to_js`.
pub fn dispatch(target: &EventTarget, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        // A throwing host listener must not break the flow or the widget.
        let _ = target.dispatch_event(&event);
    }
}
