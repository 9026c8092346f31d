//! Field schemas: a JSON document is checked against its seed page's field
//! list (a `static` table, data rather than code) *before* anything else
//! reads it, so every error names the field by its path (`apps[0].appId`,
//! `data.created_at`) and says whether it was missing, `null` or mistyped.
//!
//! After the check, Rust callers get the typed struct through serde
//! ([`typed`]); the JS adapter gets a [`Projected`] copy of the checked
//! fields, which needs no per-type code in the wasm. Requests read their
//! few fields through [`Checked`]. Each model file declares its `static`
//! [`Schema`] next to its struct; its tests check the two agree field for
//! field (same keys, same order, same `null`s).

use serde::de::DeserializeOwned;

use super::error::ApiError;
use super::timestamp::{is_rfc3339, Timestamp};
use crate::json::{Map, Value};

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

/// Parses `json`, which must be an object at the top level.
pub(crate) fn parse_object(json: &str) -> Result<Value, ApiError> {
    let value = crate::json::parse(json).map_err(|e| ApiError::InvalidJson {
        reason: format!(
            "{} at line {} column {}",
            if e.eof {
                "unexpected end of input"
            } else {
                "syntax error"
            },
            e.line,
            e.column
        ),
    })?;
    if value.is_object() {
        Ok(value)
    } else {
        Err(not_an_object())
    }
}

fn not_an_object() -> ApiError {
    ApiError::InvalidJson {
        reason: "the top level is not an object".to_owned(),
    }
}

/// Checks a whole document against `schema`; the result reads its fields.
pub(crate) fn check<'a>(value: &'a Value, schema: &Schema) -> Result<Checked<'a>, ApiError> {
    let object = value.as_object().ok_or_else(not_an_object)?;
    check_object(object, schema, "")?;
    Ok(Checked(object))
}

/// Checks beyond types that a response needs (its id's format).
pub(crate) type ExtraCheck = fn(&Value) -> Result<(), ApiError>;

/// Parses, checks (schema, then `extra`) and deserializes a response into
/// its serde type: the Rust path.
pub(crate) fn typed<T: DeserializeOwned>(
    json: &str,
    schema: &Schema,
    extra: ExtraCheck,
) -> Result<T, ApiError> {
    let value = parse_object(json)?;
    check(&value, schema)?;
    extra(&value)?;
    // The check guarantees what serde needs; a failure here means the schema
    // and the struct disagree, which the per-model tests rule out.
    T::deserialize(value).map_err(|e| ApiError::InvalidJson {
        reason: e.to_string(),
    })
}

#[cfg(any(test, all(target_arch = "wasm32", feature = "js-api")))]
/// Parses and checks a response like [`typed`], then projects it: the JS path.
pub(crate) fn projected(
    json: &str,
    schema: &Schema,
    extra: ExtraCheck,
) -> Result<Projected, ApiError> {
    let value = parse_object(json)?;
    check(&value, schema)?;
    extra(&value)?;
    Ok(project(&value, schema))
}

/// An [`ExtraCheck`] that checks nothing more.
pub(crate) fn no_extra_check(_: &Value) -> Result<(), ApiError> {
    Ok(())
}

/// The top-level object of a document that passed [`check`]: its fields have
/// the schema's types, so these readers need no error path.
#[derive(Clone, Copy)]
pub(crate) struct Checked<'a>(&'a Map);

impl<'a> Checked<'a> {
    /// The objects of an array-of-objects field, each checked by the schema
    /// like the top level.
    pub(crate) fn objects(self, key: &str) -> impl Iterator<Item = Checked<'a>> {
        self.0
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_object)
            .map(Checked)
    }
}

impl Checked<'_> {
    /// A required string field.
    pub(crate) fn string(self, key: &str) -> String {
        self.opt_string(key).unwrap_or_default()
    }

    /// An optional string field (`None` when absent or `null`).
    pub(crate) fn opt_string(self, key: &str) -> Option<String> {
        self.0.get(key).and_then(Value::as_str).map(str::to_owned)
    }

    /// An optional boolean field.
    pub(crate) fn opt_bool(self, key: &str) -> Option<bool> {
        self.0.get(key).and_then(Value::as_bool)
    }

    /// A required array-of-strings field.
    pub(crate) fn strings(self, key: &str) -> Vec<String> {
        self.opt_strings(key).unwrap_or_default()
    }

    /// A required boolean field.
    pub(crate) fn bool(self, key: &str) -> bool {
        self.opt_bool(key).unwrap_or_default()
    }

    /// A (nullable) timestamp field; the schema checked its format.
    pub(crate) fn opt_timestamp(self, key: &str) -> Option<Timestamp> {
        self.opt_string(key).map(Timestamp::checked)
    }

    /// A required timestamp field.
    pub(crate) fn timestamp(self, key: &str) -> Timestamp {
        Timestamp::checked(self.string(key))
    }

    /// An optional array-of-strings field.
    pub(crate) fn opt_strings(self, key: &str) -> Option<Vec<String>> {
        let items = self.0.get(key)?.as_array()?;
        Some(
            items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
        )
    }
}

#[cfg(any(test, all(target_arch = "wasm32", feature = "js-api")))]
/// A checked document reduced to its schema's fields, in schema (= seed)
/// order: unknown keys dropped, optional `null`s dropped (absent), nullable
/// `null`s kept. The JS adapter turns it into a plain object without a serde
/// round trip through the typed structs (that keeps the wasm small); tests
/// check it serializes exactly like the typed struct.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Projected {
    /// A string, number, boolean or `null`, as it was.
    Leaf(Value),
    /// An array.
    Array(Vec<Projected>),
    /// An object, keys in schema order.
    Object(Vec<(&'static str, Projected)>),
}

#[cfg(any(test, all(target_arch = "wasm32", feature = "js-api")))]
/// Projects a value that passed [`check`] against `schema`.
pub(crate) fn project(value: &Value, schema: &Schema) -> Projected {
    let mut fields = Vec::new();
    if let Some(object) = value.as_object() {
        for f in schema.fields {
            match object.get(f.name) {
                None => {}
                Some(Value::Null) if f.presence == Presence::Optional => {}
                Some(v) => fields.push((f.name, project_kind(v, &f.kind))),
            }
        }
    }
    Projected::Object(fields)
}

#[cfg(any(test, all(target_arch = "wasm32", feature = "js-api")))]
fn project_kind(value: &Value, kind: &Kind) -> Projected {
    match (kind, value) {
        (Kind::Object(schema), Value::Object(_)) => project(value, schema),
        (Kind::Array(item), Value::Array(items)) => {
            Projected::Array(items.iter().map(|v| project_kind(v, item)).collect())
        }
        _ => Projected::Leaf(value.clone()),
    }
}

#[cfg(any(test, all(target_arch = "wasm32", feature = "js-api")))]
/// Ordered JSON output (for tests and Rust callers; the JS adapter walks
/// [`Projected`] itself).
impl serde::Serialize for Projected {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Projected::Leaf(v) => v.serialize(serializer),
            Projected::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Projected::Object(fields) => {
                let mut map = serializer.serialize_map(Some(fields.len()))?;
                for (k, v) in fields {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

/// Checks one object's fields, reporting the first problem found.
pub(crate) fn check_object(object: &Map, schema: &Schema, path: &str) -> Result<(), ApiError> {
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

/// Test helpers shared by the model files.
#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests;
