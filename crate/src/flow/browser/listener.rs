//! The window `message` listener for Meta's session events; removed on drop.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Window};

use crate::events::{is_allowed_origin, MAX_DATA_LEN};
use crate::js_json;

/// Calls back with `(origin, data as JSON text)` for every `message` on
/// `window` from an allowed origin (Meta's, or `extra`), until dropped.
///
/// The origin is checked first: a message from any other origin is dropped
/// before its `data` is read, so a hostile page's payload (a huge object, a
/// `toJSON` with side effects) is never serialised. Strings are the text,
/// objects are `JSON.stringify`-ed ([`js_json::json_text`]); others are skipped.
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
            // As `parseSessionEvent` reads it: text over MAX_DATA_LEN is
            // refused before it is copied into wasm memory.
            if let Ok(text) = js_json::json_text(&event.data(), MAX_DATA_LEN) {
                on_message(origin, text);
            }
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

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use js_sys::Function;
    use wasm_bindgen::JsValue;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    use super::MessageListener;
    use crate::events::MAX_DATA_LEN;

    wasm_bindgen_test_configure!(run_in_browser);

    /// Dispatches a `message` from Meta's origin whose `data` is the value of
    /// `data_source`; the number of errors a listener threw while it ran.
    fn post_from_meta(data_source: &str) -> f64 {
        let body = format!(
            "let errors = 0; const count = () => {{ errors += 1; }};
             window.addEventListener('error', count);
             window.dispatchEvent(new MessageEvent('message',
                 {{ origin: 'https://www.facebook.com', data: {data_source} }}));
             window.removeEventListener('error', count);
             return errors;"
        );
        Function::new_no_args(&body)
            .call0(&JsValue::UNDEFINED)
            .ok()
            .and_then(|errors| errors.as_f64())
            .expect("the test page dispatches")
    }

    /// Each message's data as the listener hands it over: a string as is, an
    /// object as JSON; nothing (and nothing thrown) for data without JSON text
    /// or over MAX_DATA_LEN (regression: an object whose `JSON.stringify` is
    /// `undefined` threw from the listener, and long text was copied in).
    #[wasm_bindgen_test]
    fn hands_over_json_text_and_skips_data_without_it() {
        let window = web_sys::window().expect("window");
        let texts = Rc::new(RefCell::new(Vec::new()));
        let seen = Rc::clone(&texts);
        let listener = MessageListener::install(&window, Vec::new(), move |_, text| {
            seen.borrow_mut().push(text);
        })
        .expect("installed");
        let long = MAX_DATA_LEN + 1;
        let cases = [
            (
                r#"'{"type":"WA_EMBEDDED_SIGNUP"}'"#.to_owned(),
                Some(r#"{"type":"WA_EMBEDDED_SIGNUP"}"#),
            ),
            ("{ a: [1, 'é'] }".to_owned(), Some(r#"{"a":[1,"é"]}"#)),
            ("7".to_owned(), None),
            ("{ toJSON() { return undefined; } }".to_owned(), None),
            ("{ n: 1n }".to_owned(), None),
            (format!("'x'.repeat({long})"), None),
            (format!("{{ x: 'x'.repeat({long}) }}"), None),
        ];
        for (source, want) in cases {
            texts.borrow_mut().clear();
            assert_eq!(post_from_meta(&source), 0.0, "{source}: nothing thrown");
            let got = texts.borrow().clone();
            assert_eq!(
                got,
                want.into_iter().map(str::to_owned).collect::<Vec<_>>(),
                "{source}"
            );
        }
        drop(listener);
    }
}
