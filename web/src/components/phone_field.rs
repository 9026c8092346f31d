//! `<PhoneField/>`: a phone-number input with live E.164 validation and the
//! `cc` / `phone_number` split of Meta's add-number call (seed 004).

use leptos::html;
use leptos::prelude::*;
use web_sys::EventTarget;

use wa_signup::flow::locale::Locale;

use super::dom::{dispatch, unique_id};
use crate::i18n::{messages, page_locale, Key};
use crate::phone_model::{phone_field_view, Validity};

/// The DOM event fired (bubbling) on every edit; `detail` is the field's view
/// model: `{ validity, message, errorCode?, e164?, cc?, phoneNumber? }`.
pub const PHONE_EVENT: &str = "wa-signup:phone";

/// A labelled `type="tel"` input. Each edit is validated as E.164; the hint
/// under it (its `aria-describedby`) says what is wrong in words, the input
/// gets `aria-invalid`, and a valid number shows Meta's `cc` and
/// `phone_number`.
#[component]
pub fn PhoneField(
    /// The visible label (default: the catalogue's "WhatsApp phone number").
    #[prop(optional, into)]
    label: Option<String>,
    /// The language of the label and hints (default: the page's, as for
    /// the widget: `<html lang>`, then the browser's languages, then English).
    #[prop(optional)]
    locale: Option<Locale>,
    /// The initial value.
    #[prop(optional, into)]
    value: Option<String>,
    /// Where the text lives, when the parent reads it too (the widget
    /// pre-fills Meta's dialog with a valid number); a new signal otherwise.
    #[prop(optional)]
    text: Option<RwSignal<String>>,
) -> impl IntoView {
    let m = messages(locale.unwrap_or_else(page_locale).language);
    let text = text.unwrap_or_else(|| RwSignal::new(String::new()));
    if let Some(value) = value {
        text.set(value);
    }
    // Recomputed on each read (cheap); a `Memo` would cost more wasm than it saves.
    let view_model = move || text.with(|t| phone_field_view(t, m));
    let input = NodeRef::<html::Input>::new();

    let input_id = unique_id("phone");
    let hint_id = format!("{input_id}-hint");
    let split_id = format!("{input_id}-split");
    let described_by = {
        let (hint_id, split_id) = (hint_id.clone(), split_id.clone());
        move || {
            if view_model().validity == Validity::Valid {
                format!("{hint_id} {split_id}")
            } else {
                hint_id.clone()
            }
        }
    };

    let on_input = move |event| {
        let value = event_target_value(&event);
        let model = phone_field_view(&value, m);
        text.set(value);
        if let Some(element) = input.get_untracked() {
            dispatch(&EventTarget::from(element), PHONE_EVENT, &model);
        }
    };
    let part = move |f: fn(&crate::phone_model::PhoneFieldView) -> Option<String>| {
        move || f(&view_model()).unwrap_or_default()
    };

    view! {
        <div class="wa-signup-field">
            <label class="wa-signup-label" for=input_id.clone()>
                {label.unwrap_or_else(|| m.text(Key::PhoneLabel).into())}
            </label>
            <input
                id=input_id
                node_ref=input
                class="wa-signup-input"
                type="tel"
                inputmode="tel"
                autocomplete="tel"
                spellcheck="false"
                placeholder="+1 555 123 4567"
                prop:value=move || text.get()
                aria-invalid=move || view_model().aria_invalid()
                aria-describedby=described_by
                on:input=on_input
            />
            <p class="wa-signup-hint" id=hint_id data-tone=move || view_model().tone()>
                {move || view_model().message}
            </p>
            <p
                class="wa-signup-split"
                id=split_id
                hidden=move || view_model().validity != Validity::Valid
            >
                "cc: "
                <span class="wa-signup-cc">{part(|v| v.cc.clone())}</span>
                " · phone_number: "
                <span class="wa-signup-national">{part(|v| v.phone_number.clone())}</span>
            </p>
        </div>
    }
}
