#![cfg(target_arch = "wasm32")]
//! How the widget's stylesheet reaches the page: one adopted constructable
//! sheet (not blocked by `style-src 'self'`), a `<style>` with the page's
//! nonce where constructable sheets are unsupported, or nothing with
//! `styles: "none"`. Its own page: one test puts a strict CSP on it for good.

mod support;

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use support::*;
use wa_signup_web::mount;

wasm_bindgen_test_configure!(run_in_browser);

/// The nonce of the strict policy below; the fallback test uses it too, so it
/// passes whether or not the policy is in force yet.
const NONCE: &str = "wa-test-nonce";

/// Puts `style-src 'self' 'nonce-wa-test-nonce'` on the page (a policy
/// cannot be removed: it holds for the rest of this file's tests).
fn enforce_strict_csp() {
    js(
        "if (!document.querySelector('meta[http-equiv=Content-Security-Policy]')) {
           const meta = document.createElement('meta');
           meta.httpEquiv = 'Content-Security-Policy';
           meta.content = \"style-src 'self' 'nonce-\" + a + \"'\";
           document.head.append(meta);
         }",
        &[s(NONCE)],
    );
}

#[wasm_bindgen_test]
async fn strict_csp_leaves_the_widget_styled() {
    enforce_strict_csp();
    // The policy is in force: an inline <style> without the nonce is blocked.
    let probe = js(
        "const style = document.createElement('style');
         style.textContent = '#wa-csp-probe { color: rgb(1, 2, 3) }';
         document.head.append(style);
         const probe = document.createElement('p');
         probe.id = 'wa-csp-probe';
         document.body.append(probe);
         const color = getComputedStyle(probe).color;
         probe.remove(); style.remove();
         return color;",
        &[],
    );
    assert_ne!(probe.as_string().as_deref(), Some("rgb(1, 2, 3)"));

    remove_widget_sheets();
    let (el, handle) = ready_widget("").await;
    assert_eq!(
        button_background(&el),
        ACCENT,
        "styled under style-src 'self'"
    );
    assert_eq!(widget_sheets(), 1);
    cleanup(el, handle);
}

#[wasm_bindgen_test]
async fn the_sheet_is_adopted_once_after_the_host_sheets() {
    remove_widget_sheets();
    let host_sheets = js(
        "const mine = new CSSStyleSheet();
         mine.replaceSync('.host-rule { color: red }');
         document.adoptedStyleSheets = [...document.adoptedStyleSheets, mine];
         return document.adoptedStyleSheets.length;",
        &[],
    )
    .as_f64()
    .unwrap_or(0.0) as u32;
    let (a, ha) = ready_widget("").await;
    let (b, hb) = ready_widget("").await;
    assert_eq!(widget_sheets(), 1, "one sheet for both widgets");
    let kept = js(
        "const sheets = document.adoptedStyleSheets;
         return sheets.length === a + 1
           && sheets.slice(0, a).some((s) => s.cssRules[0]?.selectorText === '.host-rule')
           && sheets[a].cssRules[0].selectorText === '.wa-signup';",
        &[host_sheets.into()],
    );
    assert_eq!(kept.as_bool(), Some(true), "the host's sheets stay, first");
    assert!(document().get_element_by_id("wa-signup-style").is_none());
    assert_eq!(button_background(&b), ACCENT);

    // A host that later replaces the list: the next widget adopts it again.
    js("document.adoptedStyleSheets = [];", &[]);
    let (c, hc) = ready_widget("").await;
    assert_eq!(widget_sheets(), 1);
    assert_eq!(button_background(&a), ACCENT);
    for (el, handle) in [(a, ha), (b, hb), (c, hc)] {
        cleanup(el, handle);
    }
}

#[wasm_bindgen_test]
async fn without_constructable_sheets_a_style_element_carries_the_nonce() {
    remove_widget_sheets();
    // An engine without `document.adoptedStyleSheets`.
    js(
        "Object.defineProperty(document, 'adoptedStyleSheets', { value: undefined, configurable: true });",
        &[],
    );
    let (a, ha) = ready_widget(&format!(r#""nonce":"{NONCE}""#)).await;
    let (b, hb) = ready_widget(&format!(r#""nonce":"{NONCE}""#)).await;
    let style = document().get_element_by_id("wa-signup-style");
    js("delete document.adoptedStyleSheets;", &[]);
    let nonce = style.map(|e| get(&e, "nonce").as_string());
    assert_eq!(nonce, Some(Some(NONCE.to_owned())));
    assert_eq!(widget_sheets(), 1, "one <style> for both widgets");
    assert_eq!(button_background(&a), ACCENT);
    for (el, handle) in [(a, ha), (b, hb)] {
        cleanup(el, handle);
    }
    remove_widget_sheets();
}

#[wasm_bindgen_test]
async fn styles_none_injects_nothing() {
    remove_widget_sheets();
    let (el, handle) = ready_widget(r#""styles":"none","nonce":"abc""#).await;
    assert_eq!(widget_sheets(), 0);
    assert_ne!(
        button_background(&el),
        ACCENT,
        "unstyled until the page links wa-signup.css"
    );
    // The page brings the same rules itself (here as a constructed sheet).
    js(
        "const sheet = new CSSStyleSheet();
         sheet.replaceSync(a);
         document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];",
        &[s(wa_signup_web::style::stylesheet())],
    );
    assert_eq!(button_background(&el), ACCENT);
    cleanup(el, handle);
    remove_widget_sheets();
}

#[wasm_bindgen_test]
fn invalid_style_options_throw_invalid_config() {
    let el = container();
    for extra in [
        r#""styles":"inline""#,
        r#""styles":false"#,
        r#""nonce":"'nonce-abc'""#,
        r#""nonce":"""#,
    ] {
        let err = mount(el.clone().into(), options(extra))
            .err()
            .expect("throws");
        assert_eq!(
            get(&err, "code").as_string().as_deref(),
            Some("INVALID_CONFIG")
        );
        let message = get(&err, "message").as_string().unwrap_or_default();
        let field = if extra.contains("styles") {
            "styles"
        } else {
            "nonce"
        };
        assert!(message.contains(field), "{extra}: {message}");
    }
    assert_eq!(el.child_element_count(), 0);
    el.remove();
}

#[wasm_bindgen_test]
async fn host_page_themes_the_widget_with_css_variables() {
    let (el, handle) = ready_widget("").await;
    assert_eq!(button_background(&el), ACCENT, "default accent #008069");
    // Set on the mount element (an ancestor of the widget root): inherited, wins.
    el.style()
        .set_property("--wa-signup-accent", "#5b21b6")
        .expect("set");
    assert_eq!(button_background(&el), "rgb(91, 33, 182)");
    cleanup(el, handle);
}
