//! `parse_session_event`: from a `message` event's origin and data to a
//! [`SessionEvent`], or nothing.

use super::assets::AssetIds;
use super::fields;
use super::kind::SessionEventKind;
use super::origin::is_allowed_origin;
use super::session_event::SessionEvent;
use super::session_ids::SessionIds;
use crate::json::{Map, Value};

/// The `type` of every Embedded Signup session message.
pub const MESSAGE_TYPE: &str = "WA_EMBEDDED_SIGNUP";

/// The largest `data` text parsed, in bytes (64 KiB). Meta's messages are a
/// few hundred bytes; anything far bigger is not one of them.
pub const MAX_DATA_LEN: usize = 64 * 1024;

/// Parses one `message` event. `data` is the JSON text of `event.data`.
///
/// Returns `None`, never panics, for: an origin not allowed by
/// [`is_allowed_origin`]; data over [`MAX_DATA_LEN`]; data that is not a JSON
/// object; `type` other than exactly `WA_EMBEDDED_SIGNUP`; a missing or
/// non-string `event`, or one that is not an event name; a `data` member that
/// is neither an object nor `null`; and, whatever the event, any id field
/// (`waba_id`, `phone_number_id`, `business_id`, `waba_ids` and the
/// [`AssetIds`] lists) that is present
/// but not a valid Meta id. Dropping the whole event rather than the field is
/// deliberate: a FINISH carrying a forged or corrupted id must not reach the
/// signup callback, not even with the id blanked, since the rest of the
/// message is then equally suspect.
pub fn parse_session_event(
    origin: &str,
    data: &str,
    extra_origins: &[String],
) -> Option<SessionEvent> {
    if !is_allowed_origin(origin, extra_origins) || data.len() > MAX_DATA_LEN {
        return None;
    }
    let message = crate::json::parse(data).ok()?;
    from_message(message.as_object()?)
}

fn from_message(message: &Map) -> Option<SessionEvent> {
    if message.get("type").and_then(Value::as_str) != Some(MESSAGE_TYPE) {
        return None;
    }
    let event = message
        .get("event")
        .and_then(Value::as_str)
        .and_then(SessionEventKind::from_wire)?;
    let empty = Map::new();
    let payload = match message.get("data") {
        None | Some(Value::Null) => &empty,
        Some(Value::Object(map)) => map,
        Some(_) => return None,
    };
    Some(SessionEvent {
        version: fields::version(message),
        ids: SessionIds::from_payload(payload).ok()?,
        is_coexistence: event.is_coexistence(),
        current_step: fields::text(payload, "current_step"),
        error_message: fields::text(payload, "error_message"),
        error_code: fields::text_or_integer(payload, "error_code")
            .or_else(|| fields::text_or_integer(payload, "error_id")),
        session_id: fields::text_or_integer(payload, "session_id"),
        timestamp: fields::text_or_integer(payload, "timestamp"),
        waba_ids: fields::meta_id_list(payload, "waba_ids").ok()?,
        assets: AssetIds::from_payload(payload).ok()?,
        event,
    })
}
