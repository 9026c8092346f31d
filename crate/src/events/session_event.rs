//! The parsed, validated session event.

use super::assets::AssetIds;
use super::kind::SessionEventKind;
use super::session_ids::SessionIds;

/// One `WA_EMBEDDED_SIGNUP` message from Meta, validated.
///
/// Every id field ([`SessionIds`], the lists) holds a valid Meta id (see [`crate::meta_id::is_meta_id`])
/// or is `None`. Serialises (serde, camelCase) to the JavaScript shape
/// `{ event, version, wabaId, phoneNumberId, businessId, isCoexistence,
/// currentStep, errorMessage, errorCode, sessionId, timestamp, wabaIds,
/// adAccountIds, pageIds, datasetIds, catalogIds, instagramAccountIds }`
/// with absent fields (and empty lists) left out.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionEvent {
    /// What happened.
    pub event: SessionEventKind,
    /// The top-level `version` (3 in Meta's v3 samples), if sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    /// `data.waba_id`, `data.phone_number_id` and `data.business_id`.
    #[serde(flatten)]
    pub ids: SessionIds,
    /// `true` for `FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING`.
    pub is_coexistence: bool,
    /// `data.current_step`: the screen an abandoned flow was on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_step: Option<String>,
    /// `data.error_message`: the error text the user saw.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
    /// `data.error_code` (v4), or `data.error_id` (v3), as a string.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// `data.session_id`: Meta's session id, for support requests.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    /// `data.timestamp`: Unix seconds of an error report, as a string.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    /// `data.waba_ids`: every WABA of a multi-WABA flow.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub waba_ids: Vec<String>,
    /// The other assets the person shared (`ad_account_ids`, `page_ids`, …).
    #[serde(flatten)]
    pub assets: AssetIds,
}
