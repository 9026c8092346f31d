//! `<EmbeddedSignup/>`: the "Connect WhatsApp" button and its status region.

use std::rc::Rc;

use leptos::html;
use leptos::prelude::*;
use wa_signup::flow::extras::BusinessPhone;
use wa_signup::flow::locale::Locale;
use wa_signup::flow::{FlowState, Mode, SignupConfig};
use web_sys::EventTarget;

use super::controller::Controller;
use super::dom::{focus_is_free, unique_id};
use super::phone_field::PhoneField;
use crate::i18n::{loaded, messages, page_locale, Key};
use crate::options::redirect_config;
use crate::status::{status_view, PrimaryAction, StatusContext};
use crate::style::{self, Styles};

/// The Embedded Signup widget: a "Connect WhatsApp" button, an `aria-live`
/// status for every flow state (SDK loading, ready, waiting for Meta,
/// sending, connected with the business and its numbers, cancelled at a
/// step, failed with the reason and "Try again"), a "Cancel" button while
/// Meta's window is open, and optionally the phone
/// field. The `wa-signup:*` events of the flow are dispatched on the
/// widget's root element and bubble to the host.
#[component]
pub fn EmbeddedSignup(
    /// The flow configuration; validate it first (`SignupConfig::validate`).
    config: SignupConfig,
    /// Show the E.164 phone-number field under the button.
    #[prop(optional)]
    phone_field: bool,
    /// How the stylesheet reaches the page: adopted (default) or not at all.
    #[prop(optional)]
    styles: Styles,
    /// The page's CSP nonce, for the fallback `<style>` element
    /// (`nonce=Some(…)`, default `None`).
    #[prop(optional_no_strip)]
    nonce: Option<String>,
    /// The language of its words and its `lang`/`dir` (default: the page's:
    /// `<html lang>`, then the browser's languages, then English). Meta's SDK
    /// loads from `config.sdk_url` as given: set it to `locale.sdk_url()` for
    /// the SDK in the same locale (`mount()` does).
    #[prop(optional)]
    locale: Option<Locale>,
) -> impl IntoView {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        style::install(&document, styles, nonce.as_deref());
    }
    // A language whose catalogue is not registered shows English, as English.
    let locale = loaded(locale.unwrap_or_else(page_locale));
    let m = messages(locale.language);
    let context = StatusContext {
        redirect_mode: config.mode == Mode::Redirect,
        redirect_available: redirect_config(&config).is_some(),
        messages: m,
    };
    let initial = match config.mode {
        Mode::Popup => FlowState::SdkLoading,
        Mode::Redirect => FlowState::READY,
    };
    let state = RwSignal::new(initial);
    let runs_ended = RwSignal::new(0_u32);
    let controller = StoredValue::new_local(Rc::new(Controller::new(config, state, runs_ended)));
    // Recomputed on each read (cheap); a `Memo` would cost more wasm than it saves.
    let view_model = move || state.with(|s| status_view(s, context));
    let untracked = move || state.with_untracked(|s| status_view(s, context));

    let root = NodeRef::<html::Div>::new();
    let status = NodeRef::<html::Div>::new();
    let primary = NodeRef::<html::Button>::new();
    let status_id = unique_id("status");

    // Start the flow once the root exists, so its events have a target.
    root.on_load(move |element| {
        if let Some(controller) = controller.try_get_value() {
            controller.start(EventTarget::from(element));
        }
    });

    // When a run ends, put focus on the result (the button for a retry, the
    // status otherwise), unless the host page has focus elsewhere.
    Effect::new(move |_| {
        if runs_ended.get() == 0 {
            return;
        }
        let target = if untracked().primary.is_some() {
            primary.get_untracked().map(web_sys::HtmlElement::from)
        } else {
            status.get_untracked().map(web_sys::HtmlElement::from)
        };
        let free = root
            .get_untracked()
            .is_some_and(|r| focus_is_free(r.as_ref()));
        if let (Some(target), true) = (target, free) {
            let _ = target.focus();
        }
    });

    // The phone field's text: a valid number pre-fills Meta's business phone.
    let phone_text = RwSignal::new(String::new());
    let prefill_phone = move |controller: &Controller| {
        let phone = phone_field
            .then(|| phone_text.with_untracked(|t| BusinessPhone::from_number(t)))
            .flatten();
        controller.set_business_phone(phone);
    };

    let on_primary = move |_| {
        let v = untracked();
        let (action, disabled) = (v.primary, v.primary_disabled);
        let Some(controller) = controller.try_get_value() else {
            return;
        };
        prefill_phone(&controller);
        match (action, disabled) {
            (Some(PrimaryAction::Connect), false) => controller.connect(),
            (Some(PrimaryAction::TryAgain), false) => controller.try_again(),
            _ => {}
        }
    };
    let on_redirect = move |_| {
        if let Some(controller) = controller.try_get_value() {
            prefill_phone(&controller);
            controller.continue_in_redirect_mode();
        }
    };
    let on_cancel = move |_| {
        if let Some(controller) = controller.try_get_value() {
            controller.cancel();
        }
    };

    view! {
        <div class="wa-signup" lang=locale.language.tag() dir=locale.language.dir() node_ref=root>
            <div
                class="wa-signup-status"
                id=status_id.clone()
                node_ref=status
                role="status"
                aria-live="polite"
                aria-atomic="true"
                tabindex="-1"
                aria-busy=move || if view_model().busy { "true" } else { "false" }
                data-tone=move || view_model().tone.as_str()
            >
                // One reactive child for the whole text: tachys rebuilds it in
                // place (same nodes, new text), and one closure is less wasm than four.
                {move || {
                    let v = view_model();
                    let code_line = v.error_code_line(m);
                    let numbers = (!v.phone_numbers.is_empty())
                        .then(|| {
                            view! {
                                <ul class="wa-signup-numbers">
                                    {v
                                        .phone_numbers
                                        .into_iter()
                                        .map(|number| view! { <li>{number}</li> })
                                        .collect_view()}
                                </ul>
                            }
                        });
                    view! {
                        <p class="wa-signup-status-title">{v.title}</p>
                        {v.detail.map(|detail| view! { <p class="wa-signup-status-detail">{detail}</p> })}
                        {numbers}
                        {code_line
                            .map(|line| {
                                view! {
                                    <p class="wa-signup-status-detail wa-signup-status-code">
                                        {line}
                                    </p>
                                }
                            })}
                    }
                }}
            </div>
            <div class="wa-signup-actions">
                <button
                    type="button"
                    class="wa-signup-button"
                    node_ref=primary
                    aria-describedby=status_id.clone()
                    disabled=move || view_model().primary_disabled
                    hidden=move || view_model().primary.is_none()
                    on:click=on_primary
                >
                    {move || view_model().primary_label(m).unwrap_or(m.text(Key::Connect))}
                </button>
                <button
                    type="button"
                    class="wa-signup-button wa-signup-button-secondary wa-signup-redirect"
                    hidden=move || !view_model().offer_redirect
                    on:click=on_redirect
                >
                    {m.text(Key::Redirect)}
                </button>
                <button
                    type="button"
                    class="wa-signup-button wa-signup-button-secondary wa-signup-cancel"
                    aria-describedby=status_id
                    hidden=move || !view_model().offer_cancel
                    on:click=on_cancel
                >
                    {m.text(Key::Cancel)}
                </button>
            </div>
            {phone_field.then(|| view! { <PhoneField text=phone_text locale=locale /> })}
        </div>
    }
}
