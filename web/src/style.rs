//! The widget's scoped stylesheet, themable through CSS custom properties,
//! and how it reaches the page.
//!
//! The stylesheet is `web/wa-signup.css` (one source of truth: compiled in
//! here, and copied to `web/pkg/wa-signup.css` by `web/build.sh` for pages that
//! link it themselves). Every rule hangs off the `.wa-signup` root class, so the
//! widget never styles the host page. A host themes it by setting the variables
//! on the mount element or any ancestor (defaults are `var()` fallbacks, never
//! declared):
//!
//! ```css
//! .my-signup { --wa-signup-accent: #5b21b6; --wa-signup-radius: 0; }
//! ```
//!
//! By default ([`Styles::Auto`]) the widget adopts one constructable stylesheet
//! (`document.adoptedStyleSheets`), which a strict `style-src 'self'` Content
//! Security Policy does not block; where constructable sheets are unsupported
//! it falls back to one `<style>` element carrying the page's nonce.

/// The stylesheet, exactly as shipped in `web/pkg/wa-signup.css`.
pub const STYLESHEET: &str = include_str!("../wa-signup.css");

/// The `id` of the fallback `<style>` element (browsers without constructable
/// stylesheets); one per document, shared by every widget.
pub const STYLE_ELEMENT_ID: &str = "wa-signup-style";

/// The CSS custom properties a host page can set, with their defaults.
///
/// Listed here (and in the README) so the names are one source of truth; a
/// test checks that the stylesheet uses each with its default as fallback.
pub const THEME_VARIABLES: [(&str, &str); 11] = [
    ("--wa-signup-accent", "#008069"),
    ("--wa-signup-accent-text", "#ffffff"),
    ("--wa-signup-radius", "8px"),
    (
        "--wa-signup-font",
        "system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif",
    ),
    ("--wa-signup-text", "#111b21"),
    ("--wa-signup-muted", "#54656f"),
    ("--wa-signup-background", "#ffffff"),
    ("--wa-signup-border", "#d1d7db"),
    ("--wa-signup-success", "#05704f"),
    ("--wa-signup-error", "#b3261e"),
    ("--wa-signup-focus", "#1d4ed8"),
];

/// The whole stylesheet, each `var(--wa-signup-…)` with its default as the
/// fallback (`var(--wa-signup-accent,#008069)`).
///
/// The widget never declares the variables itself, so a value set on the
/// mount element or any ancestor is inherited and wins.
pub fn stylesheet() -> &'static str {
    STYLESHEET
}

/// How the widget brings its stylesheet into the page (option `styles`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Styles {
    /// `"auto"`: adopt one constructable stylesheet, shared by all widgets
    /// (not blocked by `style-src 'self'`); where constructable sheets are
    /// unsupported, one `<style>` element with the `nonce` option.
    #[default]
    Auto,
    /// `"none"`: inject nothing; the page links `wa-signup.css` (or its own CSS).
    None,
}

impl Styles {
    /// Reads the option's value: `"auto"` or `"none"`.
    pub fn from_name(name: &str) -> Option<Styles> {
        match name {
            "auto" => Some(Styles::Auto),
            "none" => Some(Styles::None),
            _ => None,
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub(crate) use dom::install;

/// Putting the stylesheet into the document (wasm32 only).
#[cfg(target_arch = "wasm32")]
mod dom {
    use std::cell::RefCell;

    use js_sys::{Array, Reflect};
    use wasm_bindgen::JsValue;
    use web_sys::{CssStyleSheet, Document};

    use super::{stylesheet, Styles, STYLE_ELEMENT_ID};

    thread_local! {
        /// The one constructed sheet every widget adopts (the same object, so
        /// adopting it again is recognised and never duplicates it).
        static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    }

    /// Brings the stylesheet into `document` as `styles` says, once per
    /// document however many widgets mount. Failing only loses styling: the
    /// widget still works.
    pub(crate) fn install(document: &Document, styles: Styles, nonce: Option<&str>) {
        if styles == Styles::None || adopt(document) {
            return;
        }
        insert_style_element(document, nonce);
    }

    /// The shared constructed sheet, made on first use; `None` where
    /// `new CSSStyleSheet()` or `replaceSync` is unsupported.
    fn shared_sheet() -> Option<CssStyleSheet> {
        let cached = SHEET.with(|cell| cell.borrow().clone());
        if cached.is_some() {
            return cached;
        }
        let sheet = CssStyleSheet::new().ok()?;
        sheet.replace_sync(stylesheet()).ok()?;
        SHEET.with(|cell| *cell.borrow_mut() = Some(sheet.clone()));
        Some(sheet)
    }

    /// Appends the shared sheet to `document.adoptedStyleSheets`, keeping the
    /// sheets the host adopted, unless it is already there. Assigns a new
    /// array (older engines freeze the current one). False where the document
    /// has no `adoptedStyleSheets` or refuses the sheet.
    fn adopt(document: &Document) -> bool {
        let key = JsValue::from_str("adoptedStyleSheets");
        let Ok(adopted) = Reflect::get(document, &key) else {
            return false;
        };
        if !Array::is_array(&adopted) {
            return false;
        }
        let Some(sheet) = shared_sheet() else {
            return false;
        };
        let adopted = Array::from(&adopted);
        if adopted.includes(&sheet, 0) {
            return true;
        }
        adopted.push(&sheet);
        // Through Reflect: a throwing setter (a sheet of another document)
        // becomes `Err` here instead of unwinding through the wasm.
        Reflect::set(document, &key, &adopted).unwrap_or(false)
    }

    /// The fallback: one `<style id="wa-signup-style">` in `<head>`, with
    /// `nonce` (the page's CSP nonce) when given.
    fn insert_style_element(document: &Document, nonce: Option<&str>) {
        if document.get_element_by_id(STYLE_ELEMENT_ID).is_some() {
            return;
        }
        let Ok(style) = document.create_element("style") else {
            return;
        };
        style.set_id(STYLE_ELEMENT_ID);
        if let Some(nonce) = nonce {
            let _ = style.set_attribute("nonce", nonce);
        }
        style.set_text_content(Some(stylesheet()));
        let parent = document
            .head()
            .map(web_sys::Node::from)
            .or_else(|| document.document_element().map(web_sys::Node::from));
        if let Some(parent) = parent {
            let _ = parent.append_child(&style);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rule lines of the stylesheet (one rule or at-rule block each).
    fn rules() -> impl Iterator<Item = &'static str> {
        STYLESHEET.lines().map(str::trim).filter(|l| !l.is_empty())
    }

    #[test]
    fn the_shipped_file_is_the_stylesheet() {
        // web/build.sh copies this very file to web/pkg/wa-signup.css.
        assert_eq!(
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/wa-signup.css")).ok(),
            Some(stylesheet().to_owned())
        );
        assert!(stylesheet().ends_with("}\n"));
    }

    #[test]
    fn every_theme_variable_is_prefixed_used_and_has_its_default_as_fallback() {
        let css = stylesheet();
        for (name, value) in THEME_VARIABLES {
            assert!(name.starts_with("--wa-signup-"), "{name}");
            assert!(css.contains(&format!("var({name},{value})")), "{name}");
        }
    }

    #[test]
    fn variables_are_never_declared_so_ancestors_can_set_them() {
        let css = stylesheet();
        for (name, _) in THEME_VARIABLES {
            assert!(!css.contains(&format!("{name}:")), "{name} is declared");
        }
    }

    #[test]
    fn every_variable_used_by_a_rule_is_declared_with_its_default() {
        let mut rest = stylesheet();
        let mut uses = 0;
        while let Some(at) = rest.find("var(") {
            rest = &rest[at + 4..];
            let name = rest.split([',', ')']).next().unwrap_or("");
            let default = THEME_VARIABLES.iter().find(|(n, _)| *n == name);
            assert!(default.is_some(), "undeclared variable {name}");
            let fallback = default.map(|(n, v)| format!("{n},{v})"));
            assert!(
                fallback.is_some_and(|f| rest.starts_with(&f)),
                "{name} lacks its default as fallback"
            );
            uses += 1;
        }
        assert!(uses >= THEME_VARIABLES.len());
    }

    #[test]
    fn every_selector_is_scoped_to_the_widget() {
        let mut checked = 0;
        for line in rules() {
            if line.starts_with("@keyframes") {
                continue;
            }
            let body = line
                .strip_prefix("@media (prefers-reduced-motion:reduce){")
                .unwrap_or(line);
            let selectors = body.split('{').next().unwrap_or("");
            for selector in selectors.split(',') {
                assert!(
                    selector.trim().starts_with(".wa-signup"),
                    "unscoped: {selector}"
                );
                checked += 1;
            }
        }
        assert!(checked > 20, "{checked} selectors");
    }

    #[test]
    fn layout_uses_logical_directions_so_rtl_mirrors_it() {
        // `margin-inline-start`, not `margin-left`: the widget's `dir="rtl"`
        // (Arabic) then mirrors every rule. A physical word is one not glued
        // to a letter before it (`brightness` is fine).
        let css = stylesheet();
        for word in ["left", "right"] {
            let physical = css.match_indices(word).any(|(at, _)| {
                css.get(..at)
                    .and_then(|before| before.chars().next_back())
                    .is_none_or(|c| !c.is_ascii_alphabetic())
            });
            assert!(!physical, "a physical `{word}` in the stylesheet");
        }
        assert!(css.contains("padding-inline-start"));
        assert!(css.contains("margin-inline-end"));
    }

    #[test]
    fn braces_balance_on_every_line() {
        // One rule (or one at-rule block) per line: a stray brace would make
        // the browser drop the rules after it.
        for line in rules() {
            let open = line.matches('{').count();
            let close = line.matches('}').count();
            assert_eq!(open, close, "{line}");
        }
    }

    #[test]
    fn styles_option_names() {
        let cases = [
            ("auto", Some(Styles::Auto)),
            ("none", Some(Styles::None)),
            ("", None),
            ("Auto", None),
            ("inline", None),
            (" none", None),
        ];
        for (name, styles) in cases {
            assert_eq!(Styles::from_name(name), styles, "{name:?}");
        }
        assert_eq!(Styles::default(), Styles::Auto);
    }
}
