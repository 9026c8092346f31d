//! Reading the loosely typed fields of a session event payload.
//!
//! Meta documents every field as a string, but ids, codes and timestamps are
//! numbers in some payloads, so integers are accepted and normalised to their
//! decimal string. Id fields are strict (a malformed one makes the whole event
//! untrustworthy); informational fields are lenient (a wrong type just makes
//! the field absent).

use crate::error::push_decimal;
use crate::json::{Map, Value};
use crate::meta_id::is_meta_id;

/// The largest integer a JavaScript number holds exactly (2^53 - 1). A
/// numeric id above it may already have been rounded by `JSON.parse` or by
/// the structured clone that carried it, so it is not trusted.
pub const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// The most entries accepted in an id list such as `waba_ids`.
pub const MAX_ID_LIST_LEN: usize = 100;

/// A field that is present but cannot be trusted; the event is dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed;

/// A Meta id field: absent, `null` or `""` give `Ok(None)`; a valid id (string,
/// or a safe positive integer) gives its string; anything else is [`Malformed`].
pub fn meta_id(payload: &Map, key: &str) -> Result<Option<String>, Malformed> {
    match payload.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.is_empty() => Ok(None),
        Some(value) => id_value(value).map(Some),
    }
}

/// A list of Meta ids: absent or `null` give an empty list; otherwise it must
/// be an array of at most [`MAX_ID_LIST_LEN`] valid ids, else [`Malformed`].
pub fn meta_id_list(payload: &Map, key: &str) -> Result<Vec<String>, Malformed> {
    match payload.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) if items.len() <= MAX_ID_LIST_LEN => {
            items.iter().map(id_value).collect()
        }
        Some(_) => Err(Malformed),
    }
}

fn id_value(value: &Value) -> Result<String, Malformed> {
    match value {
        Value::String(s) if is_meta_id(s) => Ok(s.clone()),
        Value::Number(n) => match n.as_u64() {
            Some(u @ 1..=MAX_SAFE_INTEGER) => Ok(decimal(u)),
            _ => Err(Malformed),
        },
        _ => Err(Malformed),
    }
}

/// A non-empty string field; other types and `""` give `None`.
pub fn text(payload: &Map, key: &str) -> Option<String> {
    match payload.get(key) {
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        _ => None,
    }
}

/// A non-empty string or an integer (as its decimal string); else `None`.
pub fn text_or_integer(payload: &Map, key: &str) -> Option<String> {
    match payload.get(key) {
        // Integers only, printed as such (a `Number`'s own `Display` would
        // bring its float printer into the wasm).
        Some(Value::Number(n)) => n.as_u64().map(decimal).or_else(|| n.as_i64().map(decimal)),
        _ => text(payload, key),
    }
}

/// The top-level `version`: an integer or a decimal string that fits `u32`.
pub fn version(message: &Map) -> Option<u32> {
    match message.get("version")? {
        Value::Number(n) => n.as_u64().and_then(|v| u32::try_from(v).ok()),
        Value::String(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
            s.parse().ok()
        }
        _ => None,
    }
}

/// `n` in decimal (not `to_string`, which brings `core::fmt` into the wasm).
fn decimal(n: impl itoa::Integer) -> String {
    let mut text = String::new();
    push_decimal(&mut text, n);
    text
}
