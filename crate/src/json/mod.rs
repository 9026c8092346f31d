//! JSON text to a [`Value`], the crate's own small JSON value, with its own
//! small reader.
//!
//! Why not `serde_json::from_str` and `serde_json::Value`: in the wasm the
//! parser (generic deserializer, float tables, error texts) cost more than
//! the rest of the validation put together, and `Value`'s map is a
//! `BTreeMap`, whose code is several kB more. This reader builds the value
//! `serde_json` would — it is checked against `serde_json` itself (case
//! table and property tests) — with the same rules: RFC 8259 grammar, no
//! lone surrogates, no raw control characters in strings, nesting deeper
//! than 127 refused, integers that fit `u64`/`i64` kept exact, other numbers
//! as `f64` (out-of-range ones refused), the last of duplicate keys wins,
//! object members in key order. The one number conversion it leaves to
//! others, decimal text to `f64`, is the engine's `parseFloat` in wasm and
//! `str::parse` natively: both correctly rounded.
//!
//! `serde_json` still writes JSON (`to_string`); only reading is replaced.
//! [`Value`] implements serde's traits for native callers (see `serde_impl`).

mod reader;
mod serde_impl;
mod value;

pub(crate) use reader::parse;
pub use value::{Map, Number, Value};

/// A `serde_json` value as ours: tests build their documents with `json!`.
#[cfg(test)]
pub(crate) fn from_serde(value: &serde_json::Value) -> Value {
    serde_json::from_value(value.clone()).expect("every serde_json value converts")
}
