//! Field schemas: a JSON document is checked against its seed page's field
//! list *before* serde sees it, so every error names the field by its path
//! (`apps[0].appId`, `data.created_at`). serde then only maps checked data
//! onto the struct.
//!
//! Each model file declares one `static` [`Schema`] next to its struct; the
//! tests in each file check the two agree (every schema field is serialized,
//! every serialized key is in the schema).

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::error::ApiError;
use super::timestamp::is_rfc3339;

/// The JSON type (and format) a field must have.
pub(crate) enum Kind {
    /// A string.
    Str,
    /// `true` or `false`.
    Bool,
    /// An integer that fits `u64`.
    UInt,
    /// An integer that fits `i64`.
    Int,
    /// A string holding an RFC 3339 date-time.
    Timestamp,
    /// An array whose items all have this kind.
    Array(&'static Kind),
    /// A nested object.
    Object(&'static Schema),
}

/// Whether a field may be absent or `null`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Presence {
    /// Must be present and not `null` (seed: `required`).
    Required,
    /// Must be present, may be `null` (seed: `T | null`, `required`).
    Nullable,
    /// May be absent or `null` (seed: no `required`).
    Optional,
}

/// One field of an object.
pub(crate) struct Field {
    /// The key, spelled exactly as in the seed page.
    pub(crate) name: &'static str,
    /// Its JSON type.
    pub(crate) kind: Kind,
    /// Whether it may be absent or `null`.
    pub(crate) presence: Presence,
}

/// The fields of one JSON object.
pub(crate) struct Schema {
    /// Known fields, checked in this order.
    pub(crate) fields: &'static [Field],
    /// Reject keys not in `fields` (request inputs: catches typos such as
    /// `wabaID`). Responses ignore unknown keys so new server fields do not
    /// break old clients.
    pub(crate) deny_unknown: bool,
}

/// Shorthand for a [`Field`] in a `static` schema.
pub(crate) const fn field(name: &'static str, kind: Kind, presence: Presence) -> Field {
    Field {
        name,
        kind,
        presence,
    }
}

/// Parses `json`, checks it against `schema`, then deserializes it.
pub(crate) fn decode<T: DeserializeOwned>(json: &str, schema: &Schema) -> Result<T, ApiError> {
    let value: Value = serde_json::from_str(json).map_err(|e| ApiError::InvalidJson {
        reason: e.to_string(),
    })?;
    let Some(object) = value.as_object() else {
        return Err(ApiError::InvalidJson {
            reason: "the top level is not an object".to_owned(),
        });
    };
    check_object(object, schema, "")?;
    // The check above guarantees what serde needs; a failure here means the
    // schema and the struct disagree, which the per-model tests rule out.
    T::deserialize(value).map_err(|e| ApiError::InvalidJson {
        reason: e.to_string(),
    })
}

/// Checks one object's fields, reporting the first problem found.
pub(crate) fn check_object(
    object: &Map<String, Value>,
    schema: &Schema,
    path: &str,
) -> Result<(), ApiError> {
    if schema.deny_unknown {
        if let Some(key) = object
            .keys()
            .find(|key| !schema.fields.iter().any(|f| f.name == key.as_str()))
        {
            return Err(ApiError::UnknownField {
                field: join(path, key),
            });
        }
    }
    for f in schema.fields {
        let field_path = join(path, f.name);
        match (object.get(f.name), f.presence) {
            (None, Presence::Optional) | (Some(Value::Null), Presence::Optional) => {}
            (None, _) => return Err(ApiError::MissingField { field: field_path }),
            (Some(Value::Null), Presence::Nullable) => {}
            (Some(value), _) => check_value(value, &f.kind, &field_path)?,
        }
    }
    Ok(())
}

fn check_value(value: &Value, kind: &Kind, path: &str) -> Result<(), ApiError> {
    let ok = match kind {
        Kind::Str => value.is_string(),
        Kind::Bool => value.is_boolean(),
        Kind::UInt => value.is_u64(),
        Kind::Int => value.is_i64(),
        Kind::Timestamp => match value.as_str() {
            Some(text) if is_rfc3339(text) => true,
            Some(_) => {
                return Err(ApiError::InvalidTimestamp {
                    field: path.to_owned(),
                })
            }
            None => false,
        },
        Kind::Array(item) => match value.as_array() {
            Some(items) => {
                for (i, v) in items.iter().enumerate() {
                    check_value(v, item, &format!("{path}[{i}]"))?;
                }
                true
            }
            None => false,
        },
        Kind::Object(schema) => match value.as_object() {
            Some(object) => return check_object(object, schema, path),
            None => false,
        },
    };
    if ok {
        Ok(())
    } else {
        Err(ApiError::InvalidField {
            field: path.to_owned(),
            expected: expected(kind),
        })
    }
}

/// What a value of `kind` must be, for error messages.
fn expected(kind: &Kind) -> &'static str {
    match kind {
        Kind::Str => "a string",
        Kind::Bool => "a boolean",
        Kind::UInt => "a non-negative integer",
        Kind::Int => "an integer",
        Kind::Timestamp => "an RFC 3339 date-time string",
        Kind::Array(Kind::Str) => "an array of strings",
        Kind::Array(_) => "an array",
        Kind::Object(_) => "an object",
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

/// Test helpers shared by the model files: drive every field of a schema.
#[cfg(test)]
pub(crate) mod testing {
    use serde_json::Value;

    use super::{join, Kind, Presence, Schema};
    use crate::api::error::ApiError;

    /// Every field path in `schema` (arrays: their first item), with its
    /// presence and whether it is an object/array container.
    pub(crate) fn paths(schema: &Schema) -> Vec<(String, Presence)> {
        let mut out = Vec::new();
        walk(schema, "", &mut out);
        out
    }

    fn walk(schema: &Schema, path: &str, out: &mut Vec<(String, Presence)>) {
        for f in schema.fields {
            let p = join(path, f.name);
            out.push((p.clone(), f.presence));
            match &f.kind {
                Kind::Object(inner) => walk(inner, &p, out),
                Kind::Array(Kind::Object(inner)) => walk(inner, &format!("{p}[0]"), out),
                _ => {}
            }
        }
    }

    /// The parent object of `path` in `doc` and the last key.
    fn locate<'a>(doc: &'a mut Value, path: &str) -> (&'a mut Value, String) {
        let mut parts: Vec<&str> = path.split('.').collect();
        let last = parts.pop().unwrap().to_owned();
        let mut cur = doc;
        for part in parts {
            cur = match part.strip_suffix("[0]") {
                Some(name) => &mut cur[name][0],
                None => &mut cur[part],
            };
        }
        (cur, last)
    }

    /// For each field of `schema` in `seed`: removing it, setting it to
    /// `null`, and setting it to a wrong type must give the documented result.
    pub(crate) fn assert_every_field_checked<T: std::fmt::Debug>(
        seed: &str,
        schema: &Schema,
        parse: impl Fn(&str) -> Result<T, ApiError>,
    ) {
        let doc: Value = serde_json::from_str(seed).unwrap();
        assert!(parse(seed).is_ok(), "the seed itself parses");
        for (path, presence) in paths(schema) {
            // Missing.
            let mut d = doc.clone();
            let (parent, key) = locate(&mut d, &path);
            parent.as_object_mut().unwrap().remove(&key);
            let got = parse(&d.to_string());
            match presence {
                Presence::Optional => assert!(got.is_ok(), "{path} may be absent: {got:?}"),
                _ => assert_eq!(
                    got.err(),
                    Some(ApiError::MissingField {
                        field: path.clone()
                    }),
                    "missing {path}"
                ),
            }
            // Null.
            let mut d = doc.clone();
            let (parent, key) = locate(&mut d, &path);
            parent[key.as_str()] = Value::Null;
            let got = parse(&d.to_string());
            match presence {
                Presence::Required => {
                    let err = got.err();
                    assert!(
                        matches!(&err, Some(ApiError::InvalidField { field, .. }) if *field == path),
                        "null {path}: {err:?}"
                    );
                }
                _ => assert!(got.is_ok(), "{path} may be null: {got:?}"),
            }
            // Wrong type: an object where a string/number/bool/array is due,
            // a number where an object is due.
            let mut d = doc.clone();
            let (parent, key) = locate(&mut d, &path);
            let wrong = if parent[key.as_str()].is_object() {
                Value::from(1)
            } else {
                Value::Object(Default::default())
            };
            parent[key.as_str()] = wrong;
            let err = parse(&d.to_string()).err();
            assert!(
                matches!(&err, Some(ApiError::InvalidField { field, .. }) if *field == path),
                "wrong type {path}: {err:?}"
            );
        }
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

    /// The keys `value` serializes to match the schema exactly (recursively).
    pub(crate) fn assert_serializes_schema_keys(value: &Value, schema: &Schema) {
        let object = value.as_object().expect("an object");
        for key in object.keys() {
            assert!(
                schema.fields.iter().any(|f| f.name == key.as_str()),
                "serialized key `{key}` is not in the schema"
            );
        }
        for f in schema.fields {
            let v = object.get(f.name);
            assert!(
                v.is_some() || f.presence == Presence::Optional,
                "schema field `{}` is not serialized",
                f.name
            );
            match (&f.kind, v) {
                (Kind::Object(inner), Some(v)) if !v.is_null() => {
                    assert_serializes_schema_keys(v, inner)
                }
                (Kind::Array(Kind::Object(inner)), Some(Value::Array(items))) => {
                    for item in items {
                        assert_serializes_schema_keys(item, inner);
                    }
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static INNER: Schema = Schema {
        fields: &[field("n", Kind::UInt, Presence::Required)],
        deny_unknown: false,
    };
    static SCHEMA: Schema = Schema {
        fields: &[
            field("s", Kind::Str, Presence::Required),
            field("t", Kind::Timestamp, Presence::Nullable),
            field("o", Kind::Object(&INNER), Presence::Optional),
            field("a", Kind::Array(&Kind::Object(&INNER)), Presence::Optional),
            field("i", Kind::Int, Presence::Optional),
        ],
        deny_unknown: true,
    };

    fn check(json: &str) -> Result<Value, ApiError> {
        decode(json, &SCHEMA)
    }

    #[test]
    fn case_table() {
        let missing = |f: &str| Err(ApiError::MissingField { field: f.into() });
        let invalid = |f: &str, e| {
            Err(ApiError::InvalidField {
                field: f.into(),
                expected: e,
            })
        };
        let cases: Vec<(&str, Result<(), ApiError>)> = vec![
            (r#"{"s":"x","t":null}"#, Ok(())),
            (r#"{"s":"x","t":"2023-11-07T05:31:56Z","i":-5}"#, Ok(())),
            (r#"{"t":null}"#, missing("s")),
            (r#"{"s":"x"}"#, missing("t")),
            (r#"{"s":null,"t":null}"#, invalid("s", "a string")),
            (r#"{"s":1,"t":null}"#, invalid("s", "a string")),
            (
                r#"{"s":"x","t":"soon"}"#,
                Err(ApiError::InvalidTimestamp { field: "t".into() }),
            ),
            (r#"{"s":"x","t":null,"o":{}}"#, missing("o.n")),
            (
                r#"{"s":"x","t":null,"o":{"n":-1}}"#,
                invalid("o.n", "a non-negative integer"),
            ),
            (
                r#"{"s":"x","t":null,"o":{"n":1.5}}"#,
                invalid("o.n", "a non-negative integer"),
            ),
            (r#"{"s":"x","t":null,"o":{"n":1,"extra":1}}"#, Ok(())),
            (r#"{"s":"x","t":null,"a":[{"n":1},{}]}"#, missing("a[1].n")),
            (
                r#"{"s":"x","t":null,"a":[{"n":1},7]}"#,
                invalid("a[1]", "an object"),
            ),
            (r#"{"s":"x","t":null,"a":{}}"#, invalid("a", "an array")),
            (
                r#"{"s":"x","t":null,"i":18446744073709551615}"#,
                invalid("i", "an integer"),
            ),
            (
                r#"{"s":"x","t":null,"S":"typo"}"#,
                Err(ApiError::UnknownField { field: "S".into() }),
            ),
        ];
        for (json, want) in cases {
            assert_eq!(check(json).map(|_| ()), want, "{json}");
        }
    }

    #[test]
    fn not_json_or_not_an_object() {
        for bad in [
            "",
            "{",
            "[]",
            "null",
            "\"x\"",
            "{\"s\":\"x\",}",
            "{\"s\":\"\\ud800\"}",
        ] {
            let err = check(bad).unwrap_err();
            assert!(
                matches!(err, ApiError::InvalidJson { .. }),
                "{bad}: {err:?}"
            );
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(10_000);
        assert!(matches!(check(&deep), Err(ApiError::InvalidJson { .. })));
    }
}
