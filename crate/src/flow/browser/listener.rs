//! The window `message` listener for Meta's session events; removed on drop.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Window};

use crate::events::is_allowed_origin;

/// Calls back with `(origin, data as JSON text)` for every `message` on
/// `window` from an allowed origin (Meta's, or `extra`), until dropped.
///
/// The origin is checked first: a message from any other origin is dropped
/// before its `data` is read, so a hostile page's payload (a huge object, a
/// `toJSON` with side effects) is never serialised. Object payloads are
/// `JSON.stringify`-ed; others are skipped.
#[must_use = "the listener is removed when dropped"]
pub(crate) struct MessageListener {
    window: Window,
    closure: Closure<dyn FnMut(MessageEvent)>,
}

impl MessageListener {
    /// Installs the listener; `None` if the browser refused it.
    pub(crate) fn install(
        window: &Window,
        extra: Vec<String>,
        mut on_message: impl FnMut(String, String) + 'static,
    ) -> Option<MessageListener> {
        let closure = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let origin = event.origin();
            if !is_allowed_origin(&origin, &extra) {
                return;
            }
            let data = event.data();
            let text = if let Some(text) = data.as_string() {
                text
            } else if data.is_object() {
                match js_sys::JSON::stringify(&data) {
                    Ok(text) => text.into(),
                    Err(_) => return,
                }
            } else {
                return;
            };
            on_message(origin, text);
        });
        window
            .add_event_listener_with_callback("message", closure.as_ref().unchecked_ref())
            .ok()?;
        Some(MessageListener {
            window: window.clone(),
            closure,
        })
    }
}

impl Drop for MessageListener {
    fn drop(&mut self) {
        let _ = self
            .window
            .remove_event_listener_with_callback("message", self.closure.as_ref().unchecked_ref());
    }
}
