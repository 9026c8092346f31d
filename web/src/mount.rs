//! The JS entry point: `mount(element, options)` and its `MountHandle`.

use leptos::prelude::*;
use wa_signup::api::JsonValue;
use wa_signup::flow::browser::{claim_app_id, page_config};
use wa_signup::js_json::{to_value, JsJsonError};
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::components::EmbeddedSignup;
use crate::i18n::page_locale;
use crate::js_error::{js_error, to_js_error};
use crate::options::WidgetOptions;
use crate::registry;

/// `EmbeddedSignupExtras`, the core crate's one declaration.
#[wasm_bindgen(typescript_custom_section)]
const TS_EXTRAS: &'static str = wa_signup::flow::extras::EXTRAS_TS;

/// `EmbeddedSignupOptions`, the core crate's one declaration.
#[wasm_bindgen(typescript_custom_section)]
const TS_OPTIONS: &'static str = wa_signup::flow::options_ts::OPTIONS_TS;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/**
 * Options of `mount()`: the flow's (`EmbeddedSignupOptions`, from "wa-signup/flow") plus
 * the widget's switches.
 */
export interface WidgetOptions extends EmbeddedSignupOptions {
  /** Show the E.164 phone-number field (default false). */
  phoneField?: boolean;
  /**
   * "auto" (default): adopt a constructable stylesheet (not blocked by a
   * `style-src 'self'` Content-Security-Policy), or a `<style>` element with
   * `nonce` where constructable sheets are unsupported. "none": inject
   * nothing; the page links `wa-signup.css` (shipped beside this module).
   */
  styles?: "auto" | "none";
  /** The page's CSP nonce, put on the fallback `<style>` element. */
  nonce?: string;
}
"#;

/// A mounted widget. The page may keep it or not: the widget stays mounted
/// until `destroy()` or until it leaves the document. `destroy()` unmounts
/// it, ends a run in progress and removes its listeners; calling it again
/// does nothing.
#[wasm_bindgen]
pub struct MountHandle {
    /// The widget's key in the registry (the handle owns nothing else).
    id: Option<u32>,
}

#[wasm_bindgen]
impl MountHandle {
    /// Unmounts the widget and releases everything it holds (idempotent).
    pub fn destroy(&self) {
        if let Some(id) = self.id {
            registry::remove(id);
        }
    }

    /// True until the widget is destroyed (by `destroy()`, or because it
    /// left the document).
    #[wasm_bindgen(getter, js_name = isMounted)]
    pub fn is_mounted(&self) -> bool {
        self.id.is_some_and(registry::contains)
    }
}

/// The options as JSON (`JSON.stringify`, so `undefined` fields are absent).
/// Values JSON cannot hold (BigInt, cycles) are refused as `INVALID_CONFIG`.
fn options_json(options: &JsValue) -> Result<JsonValue, JsValue> {
    let invalid = |why: &str| {
        js_error(
            "INVALID_CONFIG",
            &format!("invalid configuration: options must be a plain object ({why})"),
        )
    };
    if options.is_undefined() || options.is_null() {
        return Ok(JsonValue::Null);
    }
    // What JSON.stringify writes (no undefined, functions, toJSON), read by
    // the core's JSON reader, as the flow's own options are.
    to_value(options).map_err(|err| match err {
        JsJsonError::Unreadable => invalid("not valid JSON"),
        _ => invalid("not serialisable as JSON"),
    })
}

/// Mounts the widget into `element` (appended to its children) with
/// `options` (see `WidgetOptions`). Throws a `WaSignupError` (`name`, `code`,
/// `message`) when `element` is not an HTML element or an option is invalid,
/// e.g. `SECRET_IN_BROWSER` for an `sk_admin_` key anywhere in `options`, or
/// `APP_ID_CONFLICT` while another widget or flow on the page holds a
/// different `appId` (`FB.init` is global).
#[wasm_bindgen(js_name = mount)]
pub fn mount(
    #[wasm_bindgen(unchecked_param_type = "HTMLElement")] element: JsValue,
    #[wasm_bindgen(unchecked_param_type = "WidgetOptions")] options: JsValue,
) -> Result<MountHandle, JsValue> {
    let element: HtmlElement = element.dyn_into().map_err(|_| {
        js_error(
            "INVALID_ELEMENT",
            "mount(element, options): element must be an HTML element",
        )
    })?;
    let raw = options_json(&options)?;
    let WidgetOptions {
        config,
        phone_field,
        styles,
        nonce,
        locale,
    } = WidgetOptions::read(&raw, page_config, page_locale).map_err(|err| to_js_error(&err))?;
    // FB.init is global: one appId per page, held while the widget lives.
    let claim = claim_app_id(&config.app_id).map_err(|err| to_js_error(&err))?;
    let unmount = leptos::mount::mount_to(element.clone(), move || {
        view! { <EmbeddedSignup config=config phone_field=phone_field styles=styles nonce=nonce locale=locale /> }
    });
    Ok(MountHandle {
        id: registry::insert(&element, Box::new((unmount, claim))),
    })
}
