//! The three ids a finished signup is about: the WhatsApp Business Account,
//! its phone number and the business portfolio. Declared once, and carried
//! unchanged from Meta's session event ([`super::SessionEvent`]) into the
//! flow's session info and the callback body (seed 003).

use serde::{Deserialize, Serialize};

use super::fields::{meta_id, Malformed};
use crate::json::Map;

/// `waba_id`, `phone_number_id` and `business_id`: each a valid Meta id (see
/// [`crate::meta_id::is_meta_id`]) or `None`. Serialises (camelCase) as
/// `wabaId`, `phoneNumberId`, `businessId`, absent ones left out; the types
/// that hold it flatten it into their own fields.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionIds {
    /// The WhatsApp Business Account id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waba_id: Option<String>,
    /// The business phone number id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number_id: Option<String>,
    /// The business portfolio id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_id: Option<String>,
}

impl SessionIds {
    /// Reads the three ids from an event's `data`; an id that is present but
    /// not a valid Meta id is [`Malformed`] (the event is dropped).
    pub(crate) fn from_payload(payload: &Map) -> Result<SessionIds, Malformed> {
        Ok(SessionIds {
            waba_id: meta_id(payload, "waba_id")?,
            phone_number_id: meta_id(payload, "phone_number_id")?,
            business_id: meta_id(payload, "business_id")?,
        })
    }
}
