//! The JS export `registerCatalogue(locale, text)`: hands the widget a
//! language's texts (the default export of `widget-locale-<tag>.js`) before
//! a widget in that language is mounted. `wa-signup/widget` calls it itself;
//! pages that use this glue directly call it before `mount()`.

use wasm_bindgen::prelude::*;

use crate::i18n::register;
use crate::js_error::js_error;

/// Registers the texts of the language `locale` names (`"ar"`, `"pt-BR"`…),
/// `text` being the default export of `widget-locale-<tag>.js`. Widgets
/// mounted afterwards in that language show it; until then they show English
/// (with `lang="en"`). Throws a `WaSignupError` with code `INVALID_CATALOGUE`,
/// keeping nothing, when the locale is English's or none of the widget's, or
/// the texts do not match the widget's messages (count, blank text, `{n}`
/// placeholders). Registering a language again keeps its first texts.
#[wasm_bindgen(js_name = registerCatalogue)]
pub fn register_catalogue(locale: &str, text: &str) -> Result<(), JsValue> {
    register(locale, text)
        .map(drop)
        .map_err(|err| js_error("INVALID_CATALOGUE", &err.to_string()))
}
