//! The widget's scoped stylesheet, themable through CSS custom properties.
//!
//! Every rule hangs off the `.wa-signup` root class, so the widget never styles
//! the host page. A host themes it by setting the variables on the mount
//! element or any ancestor (defaults are `var()` fallbacks, never declared):
//!
//! ```css
//! .my-signup { --wa-signup-accent: #5b21b6; --wa-signup-radius: 0; }
//! ```

/// The `id` of the single `<style>` element the widget injects into `<head>`.
pub const STYLE_ELEMENT_ID: &str = "wa-signup-style";

/// The CSS custom properties a host page can set, with their defaults.
///
/// Listed here (and in the README) so the names are one source of truth.
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

/// The stylesheet body (without the variable defaults, see [`stylesheet`]).
const RULES: &str = r#"
.wa-signup{font-family:var(--wa-signup-font);color:var(--wa-signup-text);display:flex;flex-direction:column;gap:.75rem;max-width:28rem;line-height:1.4}
.wa-signup *{box-sizing:border-box}
.wa-signup-button{font:inherit;font-weight:600;cursor:pointer;border:0;border-radius:var(--wa-signup-radius);padding:.65rem 1.1rem;background:var(--wa-signup-accent);color:var(--wa-signup-accent-text);align-self:flex-start}
.wa-signup-button:hover:not(:disabled){filter:brightness(1.08)}
.wa-signup-button:disabled{cursor:not-allowed;opacity:.6}
.wa-signup-button-secondary{background:transparent;color:var(--wa-signup-accent);box-shadow:inset 0 0 0 1px var(--wa-signup-accent)}
.wa-signup-button:focus-visible,.wa-signup-status:focus-visible,.wa-signup-input:focus-visible{outline:2px solid var(--wa-signup-focus);outline-offset:2px}
.wa-signup-actions{display:flex;flex-wrap:wrap;gap:.5rem}
.wa-signup-status{border-radius:var(--wa-signup-radius);padding:.6rem .8rem;border:1px solid var(--wa-signup-border);background:var(--wa-signup-background)}
.wa-signup-status-title{font-weight:600;margin:0}
.wa-signup-status-detail{margin:.25rem 0 0;color:var(--wa-signup-muted)}
.wa-signup-status[data-tone=busy] .wa-signup-status-title::before{content:"";display:inline-block;width:.8em;height:.8em;margin-right:.45em;border:2px solid currentColor;border-right-color:transparent;border-radius:50%;vertical-align:-.1em;animation:wa-signup-spin .8s linear infinite}
.wa-signup-status[data-tone=success]{border-color:var(--wa-signup-success)}
.wa-signup-status[data-tone=success] .wa-signup-status-title{color:var(--wa-signup-success)}
.wa-signup-status[data-tone=error]{border-color:var(--wa-signup-error)}
.wa-signup-status[data-tone=error] .wa-signup-status-title{color:var(--wa-signup-error)}
.wa-signup-numbers{margin:.35rem 0 0;padding-left:1.2rem}
.wa-signup-field{display:flex;flex-direction:column;gap:.3rem}
.wa-signup-label{font-weight:600}
.wa-signup-input{font:inherit;padding:.5rem .6rem;border:1px solid var(--wa-signup-border);border-radius:var(--wa-signup-radius);color:inherit;background:var(--wa-signup-background)}
.wa-signup-input[aria-invalid=true]{border-color:var(--wa-signup-error)}
.wa-signup-hint{margin:0;font-size:.9em;color:var(--wa-signup-muted)}
.wa-signup-hint[data-tone=error]{color:var(--wa-signup-error)}
.wa-signup-hint[data-tone=success]{color:var(--wa-signup-success)}
.wa-signup-split{margin:0;font-size:.9em;font-family:ui-monospace,monospace}
@keyframes wa-signup-spin{to{transform:rotate(360deg)}}
@media (prefers-reduced-motion:reduce){.wa-signup-status[data-tone=busy] .wa-signup-status-title::before{animation:none}}
"#;

/// The whole stylesheet: the rules, with each `var(--wa-signup-…)` given its
/// default as the fallback (`var(--wa-signup-accent,#008069)`).
///
/// The widget never declares the variables itself, so a value set on the
/// mount element or any ancestor is inherited and wins.
pub fn stylesheet() -> String {
    let mut css = RULES.trim().to_owned();
    for (name, value) in THEME_VARIABLES {
        css = css.replace(&format!("var({name})"), &format!("var({name},{value})"));
    }
    css
}

/// Adds the stylesheet to `<head>` unless an element with
/// [`STYLE_ELEMENT_ID`] is already there, so many widgets share one copy.
#[cfg(target_arch = "wasm32")]
pub(crate) fn inject_once(document: &web_sys::Document) {
    if document.get_element_by_id(STYLE_ELEMENT_ID).is_some() {
        return;
    }
    let Ok(style) = document.create_element("style") else {
        return;
    };
    style.set_id(STYLE_ELEMENT_ID);
    style.set_text_content(Some(&stylesheet()));
    let parent = document
        .head()
        .map(web_sys::Node::from)
        .or_else(|| document.document_element().map(web_sys::Node::from));
    if let Some(parent) = parent {
        // Failing to append only loses styling; the widget still works.
        let _ = parent.append_child(&style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn every_variable_used_by_a_rule_is_declared_with_a_fallback() {
        let css = stylesheet();
        let mut rest = css.as_str();
        let mut uses = 0;
        while let Some(at) = rest.find("var(") {
            rest = &rest[at + 4..];
            let name = rest.split([',', ')']).next().unwrap_or("");
            assert!(
                THEME_VARIABLES.iter().any(|(n, _)| *n == name),
                "undeclared variable {name}"
            );
            let end = rest.find(')').unwrap_or(0);
            assert!(rest[..end].contains(','), "no fallback for {name}");
            uses += 1;
        }
        assert!(uses >= THEME_VARIABLES.len());
    }

    #[test]
    fn every_selector_is_scoped_to_the_widget() {
        for line in RULES.lines().map(str::trim).filter(|l| !l.is_empty()) {
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
            }
        }
    }
}
