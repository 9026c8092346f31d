//! Recognising server secrets (`sk_admin_…`) that must never reach a browser.
//!
//! The platform's admin keys (`Authorization: Bearer sk_admin_…`, seeds
//! 000–003) are server secrets. Browser-facing configuration is checked with
//! [`find_secret_in_json`] and rejected if any string in it carries one.
//!
//! The rule errs on the side of catching a key: a value carries an admin key
//! when `sk_admin_` followed by at least one key character (`A-Za-z0-9`)
//! appears at the start of the value or after any character other than an
//! ASCII letter, digit or `_` (`Bearer sk_admin_…`, `?key=sk_admin_…`,
//! `"sk_admin_…"`, `ésk_admin_…`). The boundary keeps ordinary words such as
//! `task_admin_users` from matching. Keys are ASCII, so the word characters
//! are ASCII too: a non-ASCII letter before the prefix counts as a boundary
//! (caught rather than missed; no Unicode tables in the wasm either).

use crate::json::Value;

/// The prefix of a platform admin key.
pub const ADMIN_KEY_PREFIX: &str = "sk_admin_";

/// `true` when `input` is, or carries, a platform admin key: the bare key,
/// a `Bearer sk_admin_…` header value, or a key inside a URL or other text.
pub fn is_secret_key(input: &str) -> bool {
    // A plain byte scan, not `str::match_indices`: its two-way searcher is
    // ~2 kB of wasm, and the prefix is ASCII, so every match starts and ends
    // on a char boundary.
    let prefix = ADMIN_KEY_PREFIX.as_bytes();
    input
        .as_bytes()
        .windows(prefix.len())
        .enumerate()
        .filter(|(_, window)| *window == prefix)
        .any(|(start, _)| {
            let before = input.get(..start).unwrap_or_default();
            let after = input.get(start + prefix.len()..).unwrap_or_default();
            let at_boundary = before.chars().next_back().is_none_or(|c| !is_word_char(c));
            let key_follows = after
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_alphanumeric());
            at_boundary && key_follows
        })
}

/// ASCII characters that continue an identifier-like word (so `task_admin_x`
/// is not a key: `sk_admin_` there is preceded by `a`).
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Walks a whole JSON value (object keys and values, nested objects and
/// arrays) and returns the path of the first string that carries an admin
/// key, never the key itself.
///
/// Paths use dots for object members and `[i]` for array items, e.g.
/// `headers.Authorization` or `extra[2].token`; members whose name is not
/// an identifier are written `headers["X-Api-Key"]`; a member whose *name*
/// is a key is written `headers[<redacted key>]`; the value itself is `$`.
/// Objects are visited in key order (a [`JsonValue`](crate::api::JsonValue)'s
/// members are sorted, as serde_json's were), depth-first,
/// without recursion, so any depth is safe.
pub fn find_secret_in_json(value: &Value) -> Option<String> {
    // Path segments are stored once, each pointing at its parent, and only
    // joined for the hit: building every path eagerly would be quadratic
    // in the depth.
    let mut segments: Vec<(Option<usize>, Segment<'_>)> = Vec::new();
    let mut stack: Vec<(&Value, Option<usize>)> = vec![(value, None)];
    while let Some((value, at)) = stack.pop() {
        match value {
            Value::String(s) if is_secret_key(s) => return Some(join_path(&segments, at)),
            Value::Array(items) => {
                // Reversed so the stack yields items in order.
                for (i, item) in items.iter().enumerate().rev() {
                    segments.push((at, Segment::Index(i)));
                    stack.push((item, Some(segments.len() - 1)));
                }
            }
            Value::Object(map) => {
                if map.keys().any(|k| is_secret_key(k)) {
                    // Never put the key itself in the path.
                    segments.push((at, Segment::RedactedKey));
                    return Some(join_path(&segments, Some(segments.len() - 1)));
                }
                for (key, item) in map.iter().rev() {
                    segments.push((at, Segment::Member(key)));
                    stack.push((item, Some(segments.len() - 1)));
                }
            }
            _ => {}
        }
    }
    None
}

/// One step of a JSON path.
enum Segment<'a> {
    Index(usize),
    Member(&'a str),
    RedactedKey,
}

/// Renders the path ending at segment `at` (`$` for the root).
fn join_path(segments: &[(Option<usize>, Segment<'_>)], mut at: Option<usize>) -> String {
    let mut chain = Vec::new();
    while let Some((parent, segment)) = at.and_then(|i| segments.get(i)) {
        chain.push(segment);
        at = *parent;
    }
    if chain.is_empty() {
        return "$".to_owned();
    }
    let mut out = String::new();
    for segment in chain.into_iter().rev() {
        match segment {
            Segment::Index(i) => out.push_str(&format!("[{i}]")),
            Segment::RedactedKey => out.push_str("[<redacted key>]"),
            Segment::Member(key) if is_identifier(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Member(key) => {
                out.push('[');
                // serde_json's string writer, not `Value`'s `Display` (which
                // brings an io::Write-over-Formatter adapter into the wasm).
                out.push_str(&serde_json::to_string(*key).unwrap_or_default());
                out.push(']');
            }
        }
    }
    out
}

/// A member name that can be written after a dot.
fn is_identifier(key: &str) -> bool {
    key.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// `a == b` for secret values (an OAuth `state`, an app secret) in time that
/// depends only on their lengths, not on where they first differ, so a
/// remote caller cannot guess a secret byte by byte from response times.
/// Hand-written rather than the `subtle` crate: measured, `subtle` made
/// `wa-signup/flow` 118 B gz larger, and the widget is at its size budget.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn recognises_keys_in_every_form_seen_in_config() {
        let cases: &[(&str, bool)] = &[
            ("sk_admin_abc123", true),
            ("sk_admin_A", true),
            ("sk_admin_2DbBs7GWhGvVNJGrDXr5RG0mBWI", true),
            ("Bearer sk_admin_abc123", true),
            ("bearer  sk_admin_abc123", true),
            ("Bearer\tsk_admin_abc123", true),
            ("  sk_admin_abc123  ", true),
            ("https://api.example.test/cb?key=sk_admin_abc123", true),
            ("\"sk_admin_abc123\"", true),
            ("x-sk_admin_abc", true),
            ("task_admin_users sk_admin_k", true), // second occurrence counts
            ("sk_admin_", false),                  // prefix alone is no key
            ("sk_admin_ ", false),
            ("sk_admin__x", false),
            ("sk_admin_-x", false),
            ("task_admin_users", false),
            ("disk_admin_panel", false),
            ("ask_admin_bob", false),
            ("SK_ADMIN_abc", false),
            ("sk_live_abc123", false),
            ("sk_admin", false),
            ("", false),
            ("Bearer ", false),
            ("wapn_2DbBs7GWhGvVNJGrDXr5RG0mBWI", false),
            ("éesk_admin_x", false), // preceded by a letter
            ("é sk_admin_x", true),
            ("ésk_admin_x", true), // a non-ASCII letter is a boundary: caught
            ("日本sk_admin_x", true),
            ("1sk_admin_x", false), // preceded by a digit
        ];
        for (input, want) in cases {
            assert_eq!(is_secret_key(input), *want, "{input:?}");
        }
    }

    #[test]
    fn finds_the_path_never_the_secret() {
        let cases: Vec<(serde_json::Value, Option<&str>)> = vec![
            (
                json!({"headers": {"Authorization": "Bearer sk_admin_abc"}}),
                Some("headers.Authorization"),
            ),
            (
                json!({"headers": {"X-Api-Key": "sk_admin_abc"}}),
                Some("headers[\"X-Api-Key\"]"),
            ),
            (
                json!({"a": [1, {"b": ["x", "sk_admin_q"]}]}),
                Some("a[1].b[1]"),
            ),
            (
                json!({"callbackUrl": "https://x.test/?k=sk_admin_z"}),
                Some("callbackUrl"),
            ),
            (
                json!({"headers": {"sk_admin_inkey": "v"}}),
                Some("headers[<redacted key>]"),
            ),
            (json!("sk_admin_root"), Some("$")),
            (json!([["sk_admin_deep"]]), Some("[0][0]")),
            (
                json!({"appId": "123", "headers": {"Authorization": "Bearer token"}}),
                None,
            ),
            (
                json!({"n": 1, "b": true, "z": null, "s": "task_admin_users"}),
                None,
            ),
            (json!({}), None),
            (json!(null), None),
        ];
        for (value, want) in cases {
            let got = find_secret_in_json(&crate::json::from_serde(&value));
            assert_eq!(got.as_deref(), want, "{value}");
            if let Some(path) = got {
                assert!(!is_secret_key(&path), "path leaks the key: {path}");
            }
        }
    }

    #[test]
    fn reports_the_first_in_key_order() {
        let v = crate::json::parse(r#"{"b": "sk_admin_1", "a": {"c": "sk_admin_2"}}"#).unwrap();
        assert_eq!(find_secret_in_json(&v).as_deref(), Some("a.c"));
    }

    #[test]
    fn survives_very_deep_nesting() {
        let mut v = Value::String("sk_admin_bottom".into());
        for _ in 0..100_000 {
            v = Value::Array(vec![v]);
        }
        let path = find_secret_in_json(&v).unwrap();
        assert_eq!(path.len(), 300_000);
        // Drop iteratively too: serde_json's recursive drop would overflow.
        let mut cur = v;
        while let Value::Array(mut items) = cur {
            cur = items.pop().unwrap_or(Value::Null);
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        fn json_value() -> impl Strategy<Value = Value> {
            let leaf = prop_oneof![
                Just(Value::Null),
                any::<bool>().prop_map(Value::Bool),
                any::<i64>().prop_map(|n| Value::Number(n.into())),
                "\\PC{0,12}".prop_map(Value::String),
                "(Bearer )?sk_admin_[a-z0-9]{0,3}".prop_map(Value::String),
            ];
            leaf.prop_recursive(4, 32, 4, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                    prop::collection::btree_map("\\PC{0,6}", inner, 0..4)
                        .prop_map(|m| Value::Object(m.into_iter().collect())),
                ]
            })
        }

        /// Slow reference: collect every string (keys included) recursively.
        fn any_secret(v: &Value) -> bool {
            match v {
                Value::String(s) => is_secret_key(s),
                Value::Array(a) => a.iter().any(any_secret),
                Value::Object(m) => m.iter().any(|(k, v)| is_secret_key(k) || any_secret(v)),
                _ => false,
            }
        }

        proptest! {
            #[test]
            fn never_panics_on_text(s in "\\PC*") {
                let _ = is_secret_key(&s);
            }

            #[test]
            fn finds_a_secret_iff_one_exists(v in json_value()) {
                let found = find_secret_in_json(&v);
                prop_assert_eq!(found.is_some(), any_secret(&v));
                if let Some(path) = found {
                    prop_assert!(!is_secret_key(&path), "{}", path);
                }
            }
        }
    }

    #[test]
    fn constant_time_eq_is_equality() {
        let cases = [
            ("", "", true),
            ("abc", "abc", true),
            ("abc", "abd", false),
            ("abc", "ab", false),
            ("", "a", false),
            ("état", "état", true),
            ("état", "etat", false),
        ];
        for (a, b, want) in cases {
            assert_eq!(constant_time_eq(a, b), want, "{a:?} {b:?}");
            assert_eq!(constant_time_eq(b, a), want, "{b:?} {a:?}");
        }
    }
}
