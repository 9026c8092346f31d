//! Reading the callback's answer: a seed-003 business profile when it is one,
//! otherwise the JSON as-is (or the text as a JSON string).

use crate::json::Value;

use super::outcome::CallbackResponse;

/// A 2xx body: the business profile when it parses as one, else the JSON
/// (`null` for an empty body, a JSON string for non-JSON text).
pub fn parse_callback_body(text: &str) -> CallbackResponse {
    match crate::api::parse_business_profile(text) {
        Ok(profile) => CallbackResponse::Profile(Box::new(profile)),
        Err(_) => CallbackResponse::Json(parse_error_body(text)),
    }
}

/// Any body as JSON: parsed when it is JSON, `null` when empty, else a JSON string.
pub fn parse_error_body(text: &str) -> Value {
    if text.trim().is_empty() {
        return Value::Null;
    }
    crate::json::parse(text).unwrap_or_else(|_| Value::String(text.to_owned()))
}
