//! What Meta's session events hand the flow: the session info of a
//! `FINISH*` event ([`SessionInfo`]) and the error of a `CANCEL` or `ERROR`
//! event ([`MetaError`]).

use serde::{Deserialize, Serialize};

use crate::events::{AssetIds, SessionIds};

/// What the correlator learned from Meta's session-info `FINISH*` event.
///
/// This is the part of [`crate::events::SessionEvent`] that the flow hands
/// back in [`Outcome::Connected`](super::Outcome::Connected); the callback gets seed 003's fields of it
/// (`wabaId`, `phoneNumberId`, `businessId`, `isCoexistence`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionInfo {
    /// The wire name of the event, e.g. `FINISH` or `FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING`.
    pub event: String,
    /// The ids Meta sent; `wabaId` is `waba_id`, or the first of `waba_ids`
    /// when Meta sent only the list.
    #[serde(flatten)]
    pub ids: SessionIds,
    /// True for `FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING` (coexistence).
    #[serde(default)]
    pub is_coexistence: bool,
    /// Every WABA of a multi-WABA flow (`waba_ids`), when Meta sent them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waba_ids: Vec<String>,
    /// The other assets the person shared, when Meta sent them.
    #[serde(flatten)]
    pub assets: AssetIds,
}

/// The error Meta reported in a `CANCEL` (with `error_message`) or `ERROR` session event.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MetaError {
    /// Meta's human message (`error_message`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Meta's error code or id (`error_code` / `error_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Meta's session id, useful when contacting Meta support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    /// Meta's timestamp of the error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    /// The step the user was on, when Meta said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_step: Option<String>,
}
