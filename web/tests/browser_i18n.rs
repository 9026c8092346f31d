#![cfg(target_arch = "wasm32")]
//! Browser tests of the widget's languages: the `locale` option, the page's
//! `<html lang>`, `lang`/`dir` on the root, the right-to-left layout, and the
//! locale of Meta's SDK script (caught before it is inserted, so nothing is
//! fetched from Meta). A language other than English is registered first, as
//! a page does (`registerCatalogue` with the text of its
//! `widget-locale-<tag>.js`); until then a widget in it shows English.

mod support;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlElement;

use support::*;
use wa_signup_web::{mount, register_catalogue};

wasm_bindgen_test_configure!(run_in_browser);

/// Removes `window.FB` and any SDK script, and catches the next SDK
/// `<script>` the widget appends: its `src` is recorded and it is not
/// inserted (no request leaves the page).
fn catch_sdk_script() {
    js(
        "delete window.FB;
         document.querySelectorAll('#facebook-jssdk').forEach((e) => e.remove());
         window.__sdk = { srcs: [], scripts: [] };
         if (!window.__append) window.__append = Node.prototype.appendChild;
         Node.prototype.appendChild = function (node) {
           if (node instanceof HTMLScriptElement && node.id === 'facebook-jssdk') {
             window.__sdk.srcs.push(node.getAttribute('src'));
             window.__sdk.scripts.push(node);
             return node;
           }
           return window.__append.call(this, node);
         };",
        &[],
    );
}

/// The `src` of each SDK script the widget tried to add.
fn sdk_srcs() -> Vec<String> {
    let srcs: js_sys::Array = js("return window.__sdk.srcs;", &[]).unchecked_into();
    srcs.iter().filter_map(|v| v.as_string()).collect()
}

/// Puts `appendChild` back and "loads" the caught script: a stand-in
/// `window.FB` appears and the script's `load` fires, so the widget gets ready.
fn finish_sdk_load() {
    install_fake_fb();
    js(
        "Node.prototype.appendChild = window.__append;
         for (const s of window.__sdk.scripts) s.onload && s.onload();",
        &[],
    );
}

/// The default export of `widget-locale-<tag>.js` for `web/i18n/<tag>.json`
/// (what scripts/i18n-modules.mjs writes: each text, then a NUL, in order).
fn catalogue(json: &str) -> String {
    js(
        "return Object.values(JSON.parse(a)).map((t) => t + '\\0').join('');",
        &[s(json)],
    )
    .as_string()
    .unwrap_or_default()
}

/// Registers the catalogue of `tag` as a page does before mounting.
fn register(tag: &str) {
    let json = match tag {
        "ar" => include_str!("../i18n/ar.json"),
        "de" => include_str!("../i18n/de.json"),
        "pt-BR" => include_str!("../i18n/pt-BR.json"),
        _ => "",
    };
    register_catalogue(tag, &catalogue(json)).expect("a valid catalogue");
}

fn root(el: &HtmlElement) -> web_sys::Element {
    find(el, ".wa-signup")
}

#[wasm_bindgen_test]
async fn arabic_is_right_to_left_and_loads_metas_arabic_sdk() {
    register("ar");
    catch_sdk_script();
    let el = container();
    let handle = mount(
        el.clone().into(),
        options(r#""locale":"ar","phoneField":true"#),
    )
    .expect("mounts");
    sleep(20).await;
    assert_eq!(
        sdk_srcs(),
        ["https://connect.facebook.net/ar_AR/sdk.js"],
        "the SDK in Meta's Arabic locale"
    );
    assert_eq!(root(&el).get_attribute("lang").as_deref(), Some("ar"));
    assert_eq!(root(&el).get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(title(&el), "جارٍ تحميل تسجيل الدخول عبر Facebook…");
    assert_eq!(primary(&el).text_content().as_deref(), Some("ربط WhatsApp"));

    finish_sdk_load();
    sleep(20).await;
    assert_eq!(
        title(&el),
        "كل شيء جاهز لربط حساب WhatsApp Business الخاص بك."
    );
    assert!(!primary(&el).has_attribute("disabled"));
    assert_eq!(text(&el, ".wa-signup-label"), "رقم هاتف WhatsApp");
    assert_eq!(
        text(&el, ".wa-signup-hint"),
        "اكتب الرقم مع رمز البلد، مثل \u{200E}+1 555 123 4567."
    );
    // Laid out right to left: the status reads RTL and the main button sits
    // at the right end of its row (flex-start in RTL).
    let layout = js(
        "const s = getComputedStyle(a.querySelector('.wa-signup-status')).direction;
         const row = a.querySelector('.wa-signup-actions').getBoundingClientRect();
         const btn = a.querySelector('.wa-signup-button').getBoundingClientRect();
         return [s, Math.round(row.right - btn.right), Math.round(btn.left - row.left)];",
        &[el.clone().into()],
    );
    let layout: js_sys::Array = layout.unchecked_into();
    assert_eq!(layout.get(0).as_string().as_deref(), Some("rtl"));
    assert_eq!(
        layout.get(1).as_f64(),
        Some(0.0),
        "button at the right edge"
    );
    assert!(
        layout.get(2).as_f64().unwrap_or(0.0) > 0.0,
        "not at the left"
    );
    cleanup(el, handle);
}

#[wasm_bindgen_test]
async fn the_pages_lang_picks_german_and_metas_german_sdk() {
    register("de");
    js(
        "document.documentElement.setAttribute('lang', 'de-AT');",
        &[],
    );
    catch_sdk_script();
    let el = container();
    let handle = mount(el.clone().into(), options("")).expect("mounts");
    sleep(20).await;
    assert_eq!(sdk_srcs(), ["https://connect.facebook.net/de_DE/sdk.js"]);
    finish_sdk_load();
    sleep(20).await;
    assert_eq!(root(&el).get_attribute("lang").as_deref(), Some("de"));
    assert_eq!(root(&el).get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(
        title(&el),
        "Bereit, Ihr WhatsApp Business-Konto zu verbinden."
    );
    assert_eq!(
        primary(&el).text_content().as_deref(),
        Some("WhatsApp verbinden")
    );
    assert_eq!(
        text(&el, ".wa-signup-status-detail"),
        "Die Registrierung bei Meta öffnet sich in einem neuen Fenster."
    );
    js("document.documentElement.removeAttribute('lang');", &[]);
    cleanup(el, handle);
}

#[wasm_bindgen_test]
async fn the_option_beats_the_page_and_the_pages_sdk_url_is_kept() {
    register("pt-BR");
    js("document.documentElement.setAttribute('lang', 'de');", &[]);
    catch_sdk_script();
    let el = container();
    let sandbox = "http://127.0.0.1:9/sdk.js";
    let handle = mount(
        el.clone().into(),
        options(&format!(r#""locale":"pt-BR","sdkUrl":"{sandbox}""#)),
    )
    .expect("mounts");
    sleep(20).await;
    assert_eq!(sdk_srcs(), [sandbox]);
    finish_sdk_load();
    sleep(20).await;
    js("document.documentElement.removeAttribute('lang');", &[]);
    assert_eq!(root(&el).get_attribute("lang").as_deref(), Some("pt-BR"));
    assert_eq!(
        primary(&el).text_content().as_deref(),
        Some("Conectar WhatsApp")
    );
    // A failure in Portuguese: the reason and the code line, the code as is.
    answer_login_after_click(&el);
    sleep(20).await;
    assert_eq!(title(&el), "Não foi possível conectar o WhatsApp.");
    assert_eq!(
        text(&el, ".wa-signup-status-code"),
        "Código do erro: NO_AUTH_RESPONSE"
    );
    assert_eq!(
        primary(&el).text_content().as_deref(),
        Some("Tentar novamente")
    );
    cleanup(el, handle);
}

/// Clicks Connect; Meta finishes but its login answer has no `authResponse`.
fn answer_login_after_click(el: &HtmlElement) {
    primary(el).click();
    post_session(FB_ORIGIN, FINISH);
    let last = login_count().saturating_sub(1);
    answer_login(last, r#"{"status":"unknown","authResponse":null}"#);
}

#[wasm_bindgen_test]
fn an_invalid_locale_is_invalid_config_naming_it() {
    for bad in [r#""locale":5"#, r#""locale":"""#, r#""locale":["ar"]"#] {
        let err = mount(container().into(), options(bad)).err();
        let err = err.unwrap_or(JsValue::UNDEFINED);
        assert_eq!(
            get(&err, "code").as_string().as_deref(),
            Some("INVALID_CONFIG"),
            "{bad}"
        );
        let message = get(&err, "message").as_string().unwrap_or_default();
        assert!(message.contains("locale"), "{bad}: {message}");
    }
}

#[wasm_bindgen_test]
async fn a_language_not_registered_is_english_as_english_with_metas_sdk_in_it() {
    // French is never registered in this file: the widget shows English with
    // English's lang and dir, never a mix; Meta's SDK still loads in French.
    catch_sdk_script();
    let el = container();
    let handle = mount(el.clone().into(), options(r#""locale":"fr-CA""#)).expect("mounts");
    sleep(20).await;
    assert_eq!(sdk_srcs(), ["https://connect.facebook.net/fr_FR/sdk.js"]);
    finish_sdk_load();
    sleep(20).await;
    assert_eq!(root(&el).get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(root(&el).get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(
        primary(&el).text_content().as_deref(),
        Some("Connect WhatsApp")
    );
    cleanup(el, handle);
}

#[wasm_bindgen_test]
fn register_catalogue_refuses_a_wrong_catalogue_with_a_typed_error() {
    let french = catalogue(include_str!("../i18n/fr.json"));
    let cases = [
        ("en", french.clone(), "English"),
        ("ja", french.clone(), "English"),
        ("fr", french.replacen('\0', "", 1), "texts, expected"),
        ("fr", french.replacen("{0}", "{1}", 1), "placeholders"),
    ];
    for (locale, text, says) in cases {
        let err = register_catalogue(locale, &text)
            .err()
            .unwrap_or(JsValue::UNDEFINED);
        assert_eq!(
            get(&err, "name").as_string().as_deref(),
            Some("WaSignupError")
        );
        assert_eq!(
            get(&err, "code").as_string().as_deref(),
            Some("INVALID_CATALOGUE"),
            "{locale}"
        );
        let message = get(&err, "message").as_string().unwrap_or_default();
        assert!(message.contains(says), "{locale}: {message}");
    }
}
