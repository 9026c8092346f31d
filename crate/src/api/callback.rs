//! Seed 003: `POST /v1/organization/whatsapp/business-profiles/callback`.
//! The request carries the short-lived `code` from `FB.login` (it expires in
//! 30 seconds) plus what the session events told us; the response is the
//! new `wabp_…` business profile.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::error::ApiError;
use super::nullable;
use super::schema::{check, field, parse_object, Kind, Presence, Schema};
use super::timestamp::Timestamp;
use crate::http_url::{HttpUrl, Loopback};
use crate::json::Value;
use crate::{ids, meta_id};

/// The seed 003 request body (camelCase; absent options are not serialized).
///
/// Build it with [`CallbackRequest::builder`] or check a received body with
/// [`CallbackRequest::from_json`]; both validate, and so does serde's
/// `Deserialize` (it goes through the same checks, so a server can take it
/// straight from a request body). `Debug` never prints `code`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "Value")]
pub struct CallbackRequest {
    code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    redirect_uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    waba_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone_number_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    business_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    is_coexistence: Option<bool>,
}

/// Builds a [`CallbackRequest`]; nothing is checked until [`build`](Self::build).
#[derive(Clone)]
#[must_use]
pub struct CallbackRequestBuilder(CallbackRequest);

static REQUEST_SCHEMA: Schema = Schema {
    fields: &[
        field("code", Kind::Str, Presence::Required),
        field("redirectUri", Kind::Str, Presence::Optional),
        field("wabaId", Kind::Str, Presence::Optional),
        field("phoneNumberId", Kind::Str, Presence::Optional),
        field("businessId", Kind::Str, Presence::Optional),
        field("isCoexistence", Kind::Bool, Presence::Optional),
    ],
    deny_unknown: true,
};

impl CallbackRequest {
    /// The endpoint path (seed 003).
    pub const PATH: &'static str = "/v1/organization/whatsapp/business-profiles/callback";

    /// Starts a request with the authorization `code` from `FB.login`.
    pub fn builder(code: impl Into<String>) -> CallbackRequestBuilder {
        CallbackRequestBuilder(CallbackRequest {
            code: code.into(),
            redirect_uri: None,
            waba_id: None,
            phone_number_id: None,
            business_id: None,
            is_coexistence: None,
        })
    }

    /// Parses and validates a request body (as a server receives it, or a
    /// JS input object): unknown keys are refused, then the same checks as
    /// [`CallbackRequestBuilder::build`].
    pub fn from_json(json: &str) -> Result<Self, ApiError> {
        Self::try_from(parse_object(json)?)
    }

    fn validated(self) -> Result<Self, ApiError> {
        if self.code.trim().is_empty() {
            return Err(ApiError::EmptyCode);
        }
        if let Some(uri) = &self.redirect_uri {
            HttpUrl::parse_secure(uri, Loopback::AllowHttp).map_err(|rule| {
                ApiError::InvalidUrl {
                    field: "redirectUri".to_owned(),
                    rule,
                }
            })?;
        }
        for (name, value) in [
            ("wabaId", &self.waba_id),
            ("phoneNumberId", &self.phone_number_id),
            ("businessId", &self.business_id),
        ] {
            if let Some(id) = value {
                if !meta_id::is_meta_id(id) {
                    return Err(ApiError::InvalidMetaId { field: name.into() });
                }
            }
        }
        Ok(self)
    }

    /// The authorization code from `FB.login`. A secret: never log it.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The OAuth redirect URI (required by Chirp in redirect mode).
    pub fn redirect_uri(&self) -> Option<&str> {
        self.redirect_uri.as_deref()
    }

    /// The WABA id from the session event.
    pub fn waba_id(&self) -> Option<&str> {
        self.waba_id.as_deref()
    }

    /// Meta's phone-number id from the session event.
    pub fn phone_number_id(&self) -> Option<&str> {
        self.phone_number_id.as_deref()
    }

    /// The business portfolio id from the session event.
    pub fn business_id(&self) -> Option<&str> {
        self.business_id.as_deref()
    }

    /// Whether the signup finished as coexistence (`FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING`).
    pub fn is_coexistence(&self) -> Option<bool> {
        self.is_coexistence
    }
}

impl TryFrom<Value> for CallbackRequest {
    type Error = ApiError;

    /// Checks the document (types, unknown keys), then validates like `build`.
    fn try_from(value: Value) -> Result<Self, ApiError> {
        let c = check(&value, &REQUEST_SCHEMA)?;
        CallbackRequest {
            code: c.string("code"),
            redirect_uri: c.opt_string("redirectUri"),
            waba_id: c.opt_string("wabaId"),
            phone_number_id: c.opt_string("phoneNumberId"),
            business_id: c.opt_string("businessId"),
            is_coexistence: c.opt_bool("isCoexistence"),
        }
        .validated()
    }
}

impl fmt::Debug for CallbackRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CallbackRequest")
            .field("code", &"<redacted>")
            .field("redirect_uri", &self.redirect_uri)
            .field("waba_id", &self.waba_id)
            .field("phone_number_id", &self.phone_number_id)
            .field("business_id", &self.business_id)
            .field("is_coexistence", &self.is_coexistence)
            .finish()
    }
}

impl CallbackRequestBuilder {
    /// The redirect URI used in the OAuth flow: absolute `https://` (plain
    /// `http://` only on `localhost`/`127.0.0.1`/`[::1]`, for a local sandbox).
    pub fn redirect_uri(mut self, uri: impl Into<String>) -> Self {
        self.0.redirect_uri = Some(uri.into());
        self
    }

    /// The WABA id from session logging (a Meta id).
    pub fn waba_id(mut self, id: impl Into<String>) -> Self {
        self.0.waba_id = Some(id.into());
        self
    }

    /// Meta's phone-number id from session logging (a Meta id).
    pub fn phone_number_id(mut self, id: impl Into<String>) -> Self {
        self.0.phone_number_id = Some(id.into());
        self
    }

    /// The business portfolio id from session logging (a Meta id).
    pub fn business_id(mut self, id: impl Into<String>) -> Self {
        self.0.business_id = Some(id.into());
        self
    }

    /// Whether the signup finished in coexistence mode.
    pub fn is_coexistence(mut self, value: bool) -> Self {
        self.0.is_coexistence = Some(value);
        self
    }

    /// Validates: `code` not empty (`EMPTY_CODE`), `redirectUri` an https URL
    /// (`INVALID_URL`), the ids Meta ids (`INVALID_META_ID`).
    pub fn build(self) -> Result<CallbackRequest, ApiError> {
        self.0.validated()
    }
}

/// The seed 003 response: the business profile created by the callback.
///
/// `metaBusinessId`, `businessName`, `tokenExpiresAt` (null = the token never
/// expires) and `onboardingCompletedAt` are `T | null` but required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BusinessProfile {
    /// `wabp_[test_]{ksuid}`.
    pub id: String,
    /// The owning organization's id.
    pub organization_id: String,
    /// Meta's WhatsApp Business Account id.
    pub meta_waba_id: String,
    /// Meta's Business Portfolio id.
    #[serde(deserialize_with = "nullable::required")]
    pub meta_business_id: Option<String>,
    /// Business name from Meta.
    #[serde(deserialize_with = "nullable::required")]
    pub business_name: Option<String>,
    /// When the access token expires (`None` = never).
    #[serde(deserialize_with = "nullable::required")]
    pub token_expires_at: Option<Timestamp>,
    /// When onboarding was completed.
    #[serde(deserialize_with = "nullable::required")]
    pub onboarding_completed_at: Option<Timestamp>,
    /// When the profile was created.
    pub created_at: Timestamp,
    /// The WABA's phone numbers.
    pub phone_numbers: Vec<BusinessProfilePhoneNumber>,
    /// Whether this is a test profile (test mode separation).
    pub is_test_profile: bool,
}

/// One entry of [`BusinessProfile::phone_numbers`].
///
/// The seed shows its keys but not their types; `qualityRating` is read as
/// in the phone-number resource (`string | null`, required).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BusinessProfilePhoneNumber {
    /// The phone number's id.
    pub id: String,
    /// The number as displayed, e.g. `+15551234567`.
    pub display_phone_number: String,
    /// Meta's phone-number id.
    pub meta_phone_number_id: String,
    /// Whether Meta verified the number.
    pub verified: bool,
    /// Meta's quality rating, e.g. `GREEN`.
    #[serde(deserialize_with = "nullable::required")]
    pub quality_rating: Option<String>,
}

static PHONE_NUMBER: Schema = Schema {
    fields: &[
        field("id", Kind::Str, Presence::Required),
        field("displayPhoneNumber", Kind::Str, Presence::Required),
        field("metaPhoneNumberId", Kind::Str, Presence::Required),
        field("verified", Kind::Bool, Presence::Required),
        field("qualityRating", Kind::Str, Presence::Nullable),
    ],
    deny_unknown: false,
};

static RESPONSE_SCHEMA: Schema = Schema {
    fields: &[
        field("id", Kind::Str, Presence::Required),
        field("organizationId", Kind::Str, Presence::Required),
        field("metaWabaId", Kind::Str, Presence::Required),
        field("metaBusinessId", Kind::Str, Presence::Nullable),
        field("businessName", Kind::Str, Presence::Nullable),
        field("tokenExpiresAt", Kind::Timestamp, Presence::Nullable),
        field("onboardingCompletedAt", Kind::Timestamp, Presence::Nullable),
        field("createdAt", Kind::Timestamp, Presence::Required),
        field(
            "phoneNumbers",
            Kind::Array(&Kind::Object(&PHONE_NUMBER)),
            Presence::Required,
        ),
        field("isTestProfile", Kind::Bool, Presence::Required),
    ],
    deny_unknown: false,
};

/// Parses a seed 003 response body: required fields present (nullable ones
/// may be `null`), types and timestamps right, `id` a `wabp_` id.
pub fn parse_business_profile(json: &str) -> Result<BusinessProfile, ApiError> {
    let value = parse_object(json)?;
    let c = check(&value, &RESPONSE_SCHEMA)?;
    check_id(&value)?;
    // Read through the checked view, not serde's `Deserialize`: the browser
    // flow calls this, and serde_json's typed deserializer would add its
    // error formatting (with float printing) to the wasm for nothing.
    Ok(BusinessProfile {
        id: c.string("id"),
        organization_id: c.string("organizationId"),
        meta_waba_id: c.string("metaWabaId"),
        meta_business_id: c.opt_string("metaBusinessId"),
        business_name: c.opt_string("businessName"),
        token_expires_at: c.opt_timestamp("tokenExpiresAt"),
        onboarding_completed_at: c.opt_timestamp("onboardingCompletedAt"),
        created_at: c.timestamp("createdAt"),
        phone_numbers: c
            .objects("phoneNumbers")
            .map(|n| BusinessProfilePhoneNumber {
                id: n.string("id"),
                display_phone_number: n.string("displayPhoneNumber"),
                meta_phone_number_id: n.string("metaPhoneNumberId"),
                verified: n.bool("verified"),
                quality_rating: n.opt_string("qualityRating"),
            })
            .collect(),
        is_test_profile: c.bool("isTestProfile"),
    })
}

#[cfg(any(test, all(target_arch = "wasm32", feature = "js-api")))]
/// The same checks, for the JS adapter.
pub(crate) fn project_business_profile(json: &str) -> Result<super::schema::Projected, ApiError> {
    use super::schema::projected;
    projected(json, &RESPONSE_SCHEMA, check_id)
}

fn check_id(value: &Value) -> Result<(), ApiError> {
    match value.get("id").and_then(Value::as_str) {
        Some(id) if ids::is_business_profile_id(id) => Ok(()),
        _ => Err(ApiError::InvalidBusinessProfileId { field: "id".into() }),
    }
}

#[cfg(test)]
mod tests;
