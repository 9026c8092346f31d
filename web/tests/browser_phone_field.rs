#![cfg(target_arch = "wasm32")]
//! The widget's phone field: live validation, Meta's `cc`/`phone_number`
//! split in its event, and a valid number pre-filling Meta's business phone
//! (fixtures in `support/`).

mod support;

use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::Element;

use support::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Types `value` into the input as a user would (value + `input` event).
fn type_into(input: &Element, value: &str) {
    js(
        "a.value = b; a.dispatchEvent(new Event('input', { bubbles: true }));",
        &[input.clone().into(), s(value)],
    );
}

#[wasm_bindgen_test]
async fn phone_field_validates_live_and_splits_for_meta() {
    let (el, handle) = ready_widget(r#""phoneField":true"#).await;
    let seen = record_events(&el);
    let input = find(&el, ".wa-signup-input");
    let hint_id = attr(&el, ".wa-signup-hint", "id").unwrap_or_default();
    assert_eq!(input.get_attribute("type").as_deref(), Some("tel"));
    assert_eq!(
        input.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    let label_for = attr(&el, ".wa-signup-label", "for");
    assert_eq!(label_for, input.get_attribute("id"));
    assert_eq!(
        input.get_attribute("aria-describedby"),
        Some(hint_id.clone())
    );
    assert!(find(&el, ".wa-signup-split").has_attribute("hidden"));

    // (typed, aria-invalid, hint fragment, split shown)
    let cases = [
        ("212 555 1234", "true", "Start with +", false),
        ("+1 212 555 12a4", "true", "“a” (character 14)", false),
        ("+999 1234", "true", "+999 is not a country code", false),
        (
            "+44 7911 123456",
            "false",
            "Valid number: +447911123456",
            true,
        ),
        ("", "false", "Include the country code", false),
    ];
    for (typed, invalid, fragment, split) in cases {
        type_into(&input, typed);
        sleep(0).await;
        assert_eq!(
            input.get_attribute("aria-invalid").as_deref(),
            Some(invalid),
            "{typed}"
        );
        let hint = text(&el, ".wa-signup-hint");
        assert!(hint.contains(fragment), "{typed}: {hint}");
        assert_eq!(
            !find(&el, ".wa-signup-split").has_attribute("hidden"),
            split,
            "{typed}"
        );
    }
    type_into(&input, "+44 7911 123456");
    sleep(0).await;
    assert_eq!(text(&el, ".wa-signup-cc"), "44");
    assert_eq!(text(&el, ".wa-signup-national"), "7911123456");
    let described = input.get_attribute("aria-describedby").unwrap_or_default();
    assert!(
        described.starts_with(&hint_id) && described.contains("-split"),
        "{described}"
    );

    let phone_events = events_of(&seen, "wa-signup:phone");
    assert_eq!(phone_events.len(), 6);
    let last = phone_events.last().cloned().unwrap_or(JsValue::UNDEFINED);
    assert_eq!(get(&last, "validity").as_string().as_deref(), Some("valid"));
    assert_eq!(get(&last, "cc").as_string().as_deref(), Some("44"));
    assert_eq!(
        get(&last, "phoneNumber").as_string().as_deref(),
        Some("7911123456")
    );
    assert_eq!(
        get(&last, "e164").as_string().as_deref(),
        Some("+447911123456")
    );
    let first = phone_events.first().cloned().unwrap_or(JsValue::UNDEFINED);
    assert_eq!(
        get(&first, "errorCode").as_string().as_deref(),
        Some("MISSING_PLUS")
    );
    assert!(get(&first, "cc").is_undefined());
    cleanup(el, handle);
}

/// Issue 10: a valid number in the phone field pre-fills Meta's business
/// phone (`extras.setup.business.phone`, split by our parser); an invalid
/// one sends nothing; the page's own `extras` win.
#[wasm_bindgen_test]
async fn a_typed_number_prefills_metas_business_phone() {
    let login_extras = |n: u32| {
        js(
            "return JSON.stringify(window.__wa.logins[a].o.extras);",
            &[JsValue::from(n)],
        )
        .as_string()
        .unwrap_or_default()
    };
    let (el, handle) = ready_widget(r#""phoneField":true"#).await;
    let input = find(&el, ".wa-signup-input");
    type_into(&input, "+44 7911 123456");
    sleep(0).await;
    primary(&el).click();
    assert_eq!(login_count(), 1);
    assert_eq!(
        login_extras(0),
        r#"{"setup":{"business":{"phone":{"code":44,"number":"7911123456"}}}}"#
    );
    answer_login(0, r#"{"status":"unknown","authResponse":null}"#);
    sleep(400).await; // sessionGraceMs 200: the run ends cancelled
    assert_eq!(title(&el), "Signup cancelled.");
    // "Try again" with an invalid number: nothing pre-filled.
    type_into(&input, "+44 79");
    sleep(0).await;
    primary(&el).click();
    assert_eq!(login_count(), 2, "Try again launches in the same click");
    assert_eq!(login_extras(1), r#"{"setup":{}}"#);
    cleanup(el, handle);

    let (el, handle) = ready_widget(
        r#""phoneField":true,"extras":{"setup":{"business":{"phone":{"code":1,"number":"6505559999"}}}}"#,
    )
    .await;
    type_into(&find(&el, ".wa-signup-input"), "+44 7911 123456");
    sleep(0).await;
    primary(&el).click();
    assert_eq!(
        login_extras(0),
        r#"{"setup":{"business":{"phone":{"code":1,"number":"6505559999"}}}}"#,
        "the page's own extras win"
    );
    cleanup(el, handle);
}
