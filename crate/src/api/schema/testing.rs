use std::fmt::Debug;

use serde::Serialize;
use serde_json::{Map, Value};

use super::{project, Schema};
use crate::api::error::ApiError;

/// Every object-key path in `doc` (arrays: their first item), in document order.
fn paths(doc: &Value, prefix: &str, out: &mut Vec<String>) {
    match doc {
        Value::Object(map) => {
            for (key, value) in map {
                let p = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                out.push(p.clone());
                paths(value, &p, out);
            }
        }
        Value::Array(items) => {
            if let Some(first) = items.first() {
                paths(first, &format!("{prefix}[0]"), out);
            }
        }
        _ => {}
    }
}

/// The object holding `path` and the last key (test documents only).
fn locate<'a>(doc: &'a mut Value, path: &str) -> (&'a mut Map<String, Value>, String) {
    let mut parts: Vec<&str> = path.split('.').collect();
    let last = parts.pop().unwrap().to_owned();
    let mut cur = doc;
    for part in parts {
        cur = match part.strip_suffix("[0]") {
            Some(name) => &mut cur[name][0],
            None => &mut cur[part],
        };
    }
    (cur.as_object_mut().unwrap(), last)
}

/// For every field of the `seed` document: removing it, setting it to
/// `null` and giving it the wrong type must each be caught and name the
/// field, except that fields listed in `nullable` (seed: `T | null`,
/// required) accept `null`, and fields in `optional` accept both absence
/// and `null`. The lists are the spec, written from the seed pages
/// independently of the schema tables.
pub(crate) fn assert_every_field_checked<T: Debug>(
    seed: &str,
    parse: impl Fn(&str) -> Result<T, ApiError>,
    nullable: &[&str],
    optional: &[&str],
) {
    let doc: Value = serde_json::from_str(seed).unwrap();
    assert!(
        parse(seed).is_ok(),
        "the seed itself parses: {:?}",
        parse(seed)
    );
    let mut all = Vec::new();
    paths(&doc, "", &mut all);
    for listed in nullable.iter().chain(optional) {
        assert!(
            all.iter().any(|p| p == listed),
            "`{listed}` is not a field of the seed"
        );
    }
    for path in all {
        let is_nullable = nullable.contains(&path.as_str());
        let is_optional = optional.contains(&path.as_str());

        let mut d = doc.clone();
        let (parent, key) = locate(&mut d, &path);
        parent.remove(&key);
        let got = parse(&d.to_string());
        if is_optional {
            assert!(got.is_ok(), "{path} may be absent: {got:?}");
        } else {
            let want = ApiError::MissingField {
                field: path.clone(),
            };
            assert_eq!(got.err(), Some(want), "missing {path}");
        }

        let mut d = doc.clone();
        let (parent, key) = locate(&mut d, &path);
        parent.insert(key, Value::Null);
        let got = parse(&d.to_string());
        if is_nullable || is_optional {
            assert!(got.is_ok(), "{path} may be null: {got:?}");
        } else {
            let err = got.err();
            assert!(
                matches!(&err, Some(ApiError::InvalidField { field, .. }) if *field == path),
                "null {path}: {err:?}"
            );
        }

        let mut d = doc.clone();
        let (parent, key) = locate(&mut d, &path);
        let wrong = if parent[&key].is_object() {
            Value::from(1)
        } else {
            Value::Object(Map::new())
        };
        parent.insert(key, wrong);
        let err = parse(&d.to_string()).err();
        assert!(
            matches!(&err, Some(ApiError::InvalidField { field, .. }) if *field == path),
            "wrong type {path}: {err:?}"
        );
    }
}

/// The JS view of `json` (the projection through `schema`) is the typed
/// value's serialization, byte for byte: same keys, order and `null`s.
pub(crate) fn assert_projection_matches<T: Serialize>(json: &str, schema: &Schema, typed: &T) {
    let doc = crate::json::parse(json).unwrap();
    assert_eq!(
        serde_json::to_string(&project(&doc, schema)).unwrap(),
        serde_json::to_string(typed).unwrap()
    );
}

/// `json` with the whitespace between tokens removed, key order kept: what
/// the seed's curl body looks like when serialized compactly.
pub(crate) fn minify(json: &str) -> String {
    let (mut out, mut in_string, mut escaped) = (String::new(), false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if !c.is_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}
