//! How a signup run ends ([`Outcome`]) and what it carries: Meta's session
//! info, Meta's error, the callback's answer, who cancelled.

use serde::{Deserialize, Serialize};

use super::failure::{FailureKind, FlowError};
use crate::events::AssetIds;

/// What the correlator learned from Meta's session-info `FINISH*` event.
///
/// This is the part of [`crate::events::SessionEvent`] that the flow hands
/// back in [`Outcome::Connected`]; the callback gets seed 003's fields of it
/// (`wabaId`, `phoneNumberId`, `businessId`, `isCoexistence`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionInfo {
    /// The wire name of the event, e.g. `FINISH` or `FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING`.
    pub event: String,
    /// The WhatsApp Business Account id: `waba_id`, or the first of
    /// `waba_ids` when Meta sent only the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waba_id: Option<String>,
    /// The business phone number id, when Meta sent one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number_id: Option<String>,
    /// The business portfolio id, when Meta sent one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_id: Option<String>,
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

/// Who ended a run as cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CancelSource {
    /// The person cancelled or closed Meta's dialog (Meta's `CANCEL`, or the
    /// popup closed without a code).
    Meta,
    /// The page ended the run with `cancel()` (e.g. the widget's Cancel button).
    Page,
}

/// What the callback answered with a 2xx status.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum CallbackResponse {
    /// The body matched the seed-003 business profile.
    Profile(Box<crate::api::BusinessProfile>),
    /// Any other JSON body (or `null` for an empty body), handed back unchanged.
    Json(crate::json::Value),
}

/// How one signup run ended. Exactly one per `launch()`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Outcome {
    /// The callback accepted the code.
    #[serde(rename_all = "camelCase")]
    Connected {
        /// The callback's answer (usually the `wabp_…` business profile).
        profile: CallbackResponse,
        /// The session info that was sent along with the code, if it arrived in time.
        #[serde(skip_serializing_if = "Option::is_none")]
        session: Option<SessionInfo>,
    },
    /// The user closed or cancelled Meta's dialog, or the page called `cancel()`.
    #[serde(rename_all = "camelCase")]
    Cancelled {
        /// The step Meta said the user left at (`current_step`), if any.
        #[serde(skip_serializing_if = "Option::is_none")]
        current_step: Option<String>,
        /// Who cancelled.
        source: CancelSource,
    },
    /// Something went wrong; `kind` says what.
    #[serde(rename_all = "camelCase")]
    Failed {
        /// The stable error code (same as [`FlowError`]'s [`ErrorCode::code`](crate::ErrorCode::code)).
        kind: FailureKind,
        /// Meta's error details, for `META_ERROR`.
        #[serde(skip_serializing_if = "Option::is_none")]
        meta_error: Option<MetaError>,
        /// The callback's HTTP status, for `CALLBACK_HTTP_ERROR`.
        #[serde(skip_serializing_if = "Option::is_none")]
        status: Option<u16>,
        /// The callback's response body (JSON, or a JSON string for non-JSON text).
        #[serde(skip_serializing_if = "Option::is_none")]
        body: Option<crate::json::Value>,
        /// A human message saying what happened and what to do.
        message: String,
    },
}

impl Outcome {
    /// `Cancelled` by the person in Meta's dialog, at `current_step` if known.
    pub fn cancelled_in_meta(current_step: Option<String>) -> Outcome {
        Outcome::Cancelled {
            current_step,
            source: CancelSource::Meta,
        }
    }

    /// The `Failed` outcome for `err`, carrying its status, body and Meta details.
    pub fn failed(err: &FlowError) -> Outcome {
        let (status, body, meta_error) = match err {
            FlowError::CallbackHttp { status, body } => (Some(*status), Some(body.clone()), None),
            FlowError::Meta(meta) => (None, None, Some(meta.clone())),
            _ => (None, None, None),
        };
        Outcome::Failed {
            kind: err.kind(),
            meta_error,
            status,
            body,
            message: err.to_string(),
        }
    }
}
