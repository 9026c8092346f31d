//! How a signup run ends ([`Outcome`]) and what it carries besides Meta's
//! session info and error ([`super::session_info`]): the callback's answer,
//! who cancelled.

use serde::{Deserialize, Serialize};

use super::failure::{FailureKind, FlowError};
use super::session_info::{MetaError, SessionInfo};

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
