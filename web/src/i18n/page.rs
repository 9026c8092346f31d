//! The page's language preferences (wasm32 only).

use wa_signup::flow::locale::Locale;

/// The locale the page asks for when the options name none: `<html lang>`,
/// then `navigator.languages` in order, then `navigator.language`; the first
/// with a catalogue wins, else English.
pub(crate) fn page_locale() -> Locale {
    let Some(window) = web_sys::window() else {
        return Locale::ENGLISH;
    };
    let html_lang = window
        .document()
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("lang"));
    if let Some(locale) = html_lang.as_deref().and_then(Locale::lookup) {
        return locale;
    }
    let navigator = window.navigator();
    for language in navigator.languages().iter() {
        if let Some(locale) = language.as_string().as_deref().and_then(Locale::lookup) {
            return locale;
        }
    }
    navigator
        .language()
        .as_deref()
        .and_then(Locale::lookup)
        .unwrap_or(Locale::ENGLISH)
}
