//! Seed 002: Kapso `PATCH /platform/v1/whatsapp/phone_numbers/{phone_number_id}`,
//! update a number's access token and/or webhook URL (snake_case throughout).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::error::ApiError;
use super::schema::{check, field, no_extra_check, parse_object, typed, Kind, Presence, Schema};
use super::timestamp::Timestamp;
use crate::http_url::{HttpUrl, Loopback};
use crate::meta_id;

/// The seed 002 body: `{ "whatsapp_phone_number": { access_token?, webhook_destination_url? } }`.
///
/// At least one of the two must be set. `Debug` never prints the token.
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct KapsoPhoneNumberUpdate {
    whatsapp_phone_number: KapsoPhoneNumberFields,
}

/// The inner object of a [`KapsoPhoneNumberUpdate`]; absent fields are not sent.
#[derive(Clone, Default, PartialEq, Eq, Serialize)]
pub struct KapsoPhoneNumberFields {
    #[serde(skip_serializing_if = "Option::is_none")]
    access_token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    webhook_destination_url: Option<String>,
}

/// Builds a [`KapsoPhoneNumberUpdate`]; checks happen in [`build`](Self::build).
#[derive(Clone, Default)]
#[must_use]
pub struct KapsoPhoneNumberUpdateBuilder(KapsoPhoneNumberFields);

/// The inner object, as the JS adapter takes it (flat, snake_case).
static FIELDS_SCHEMA: Schema = Schema {
    fields: &[
        field("access_token", Kind::Str, Presence::Optional),
        field("webhook_destination_url", Kind::Str, Presence::Optional),
    ],
    deny_unknown: true,
};

impl KapsoPhoneNumberUpdate {
    /// Starts an empty update.
    pub fn builder() -> KapsoPhoneNumberUpdateBuilder {
        KapsoPhoneNumberUpdateBuilder::default()
    }

    /// Parses and validates the flat inner object
    /// `{ "access_token"?, "webhook_destination_url"? }` (unknown keys refused).
    pub fn from_fields_json(json: &str) -> Result<Self, ApiError> {
        let value = parse_object(json)?;
        let c = check(&value, &FIELDS_SCHEMA)?;
        KapsoPhoneNumberUpdateBuilder(KapsoPhoneNumberFields {
            access_token: c.opt_string("access_token"),
            webhook_destination_url: c.opt_string("webhook_destination_url"),
        })
        .build()
    }

    /// `/platform/v1/whatsapp/phone_numbers/{phone_number_id}` for Meta's
    /// phone-number id (`INVALID_META_ID`, field `phone_number_id`, otherwise).
    pub fn path(phone_number_id: &str) -> Result<String, ApiError> {
        if !meta_id::is_meta_id(phone_number_id) {
            return Err(ApiError::InvalidMetaId {
                field: "phone_number_id".into(),
            });
        }
        Ok(format!(
            "/platform/v1/whatsapp/phone_numbers/{phone_number_id}"
        ))
    }

    /// The new access token, if any. A secret: never log it.
    pub fn access_token(&self) -> Option<&str> {
        self.whatsapp_phone_number.access_token.as_deref()
    }

    /// The new webhook URL, if any.
    pub fn webhook_destination_url(&self) -> Option<&str> {
        self.whatsapp_phone_number
            .webhook_destination_url
            .as_deref()
    }
}

impl fmt::Debug for KapsoPhoneNumberUpdate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KapsoPhoneNumberUpdate")
            .field("whatsapp_phone_number", &self.whatsapp_phone_number)
            .finish()
    }
}

impl fmt::Debug for KapsoPhoneNumberFields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KapsoPhoneNumberFields")
            .field(
                "access_token",
                &self.access_token.as_ref().map(|_| "<redacted>"),
            )
            .field("webhook_destination_url", &self.webhook_destination_url)
            .finish()
    }
}

impl KapsoPhoneNumberUpdateBuilder {
    /// The new Meta access token.
    pub fn access_token(mut self, token: impl Into<String>) -> Self {
        self.0.access_token = Some(token.into());
        self
    }

    /// The new webhook URL (absolute `https://`).
    pub fn webhook_destination_url(mut self, url: impl Into<String>) -> Self {
        self.0.webhook_destination_url = Some(url.into());
        self
    }

    /// Validates: something to update (`EMPTY_UPDATE`), a token that is not
    /// blank (`EMPTY_FIELD`, field `access_token`), an https webhook URL
    /// (`INVALID_URL`, field `webhook_destination_url`).
    pub fn build(self) -> Result<KapsoPhoneNumberUpdate, ApiError> {
        let fields = self.0;
        if fields.access_token.is_none() && fields.webhook_destination_url.is_none() {
            return Err(ApiError::EmptyUpdate);
        }
        if fields
            .access_token
            .as_deref()
            .is_some_and(|t| t.trim().is_empty())
        {
            return Err(ApiError::EmptyField {
                field: "access_token".into(),
            });
        }
        if let Some(url) = &fields.webhook_destination_url {
            HttpUrl::parse_secure(url, Loopback::HttpsOnly).map_err(|rule| {
                ApiError::InvalidUrl {
                    field: "webhook_destination_url".to_owned(),
                    rule,
                }
            })?;
        }
        Ok(KapsoPhoneNumberUpdate {
            whatsapp_phone_number: fields,
        })
    }
}

/// The seed 002 response: `{ "data": { ... } }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KapsoPhoneNumberResponse {
    /// The updated phone number.
    pub data: KapsoPhoneNumber,
}

/// A Kapso phone number (seed 002 response `data`, snake_case).
///
/// The seed lists these keys in its example but hides their types and
/// nullability ("Show child attributes"). Required here: the identity
/// (`id`, `internal_id`, `phone_number_id`, `business_account_id`), the three
/// flags this integration relies on, and `created_at`/`updated_at`. Every
/// other field may be absent or `null` (-> `None`, not serialized), so a
/// number that is still being set up (no verified name yet, no rating) parses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KapsoPhoneNumber {
    /// Kapso's id for the number (the Meta phone-number id in Kapso's examples).
    pub id: String,
    /// Kapso's internal UUID.
    pub internal_id: String,
    /// Meta's phone-number id.
    pub phone_number_id: String,
    /// Display name inside Kapso.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Meta's WhatsApp Business Account id.
    pub business_account_id: String,
    /// Whether the number runs in coexistence mode (WhatsApp Business app + Cloud API).
    pub is_coexistence: bool,
    /// Whether Kapso processes inbound messages.
    pub inbound_processing_enabled: bool,
    /// Whether calling is enabled.
    pub calls_enabled: bool,
    /// When the webhook was verified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_verified_at: Option<Timestamp>,
    /// When the record was created.
    pub created_at: Timestamp,
    /// When the record was last updated.
    pub updated_at: Timestamp,
    /// The Kapso customer's UUID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// The number as Meta displays it, e.g. `+1 555-123-4567`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_phone_number: Option<String>,
    /// Digits only, e.g. `15551234567`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_phone_number_normalized: Option<String>,
    /// The business name Meta verified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified_name: Option<String>,
    /// Meta's quality rating, e.g. `GREEN`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality_rating: Option<String>,
    /// Meta's code verification status, e.g. `VERIFIED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_verification_status: Option<String>,
    /// Meta's display-name review status, e.g. `APPROVED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_status: Option<String>,
    /// Connection status, e.g. `CONNECTED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Messaging throughput tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub throughput_tier: Option<String>,
    /// Messaging limit (an integer, as in the seed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whatsapp_business_manager_messaging_limit: Option<u64>,
    /// Whether Meta marks this an official business account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_official_business_account: Option<bool>,
    /// Whether two-step verification (PIN) is enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_pin_enabled: Option<bool>,
}

static DATA: Schema = Schema {
    fields: &[
        field("id", Kind::Str, Presence::Required),
        field("internal_id", Kind::Str, Presence::Required),
        field("phone_number_id", Kind::Str, Presence::Required),
        field("name", Kind::Str, Presence::Optional),
        field("business_account_id", Kind::Str, Presence::Required),
        field("is_coexistence", Kind::Bool, Presence::Required),
        field("inbound_processing_enabled", Kind::Bool, Presence::Required),
        field("calls_enabled", Kind::Bool, Presence::Required),
        field("webhook_verified_at", Kind::Timestamp, Presence::Optional),
        field("created_at", Kind::Timestamp, Presence::Required),
        field("updated_at", Kind::Timestamp, Presence::Required),
        field("customer_id", Kind::Str, Presence::Optional),
        field("display_name", Kind::Str, Presence::Optional),
        field("display_phone_number", Kind::Str, Presence::Optional),
        field(
            "display_phone_number_normalized",
            Kind::Str,
            Presence::Optional,
        ),
        field("verified_name", Kind::Str, Presence::Optional),
        field("quality_rating", Kind::Str, Presence::Optional),
        field("code_verification_status", Kind::Str, Presence::Optional),
        field("name_status", Kind::Str, Presence::Optional),
        field("status", Kind::Str, Presence::Optional),
        field("throughput_tier", Kind::Str, Presence::Optional),
        field(
            "whatsapp_business_manager_messaging_limit",
            Kind::UInt,
            Presence::Optional,
        ),
        field(
            "is_official_business_account",
            Kind::Bool,
            Presence::Optional,
        ),
        field("is_pin_enabled", Kind::Bool, Presence::Optional),
    ],
    deny_unknown: false,
};

static RESPONSE_SCHEMA: Schema = Schema {
    fields: &[field("data", Kind::Object(&DATA), Presence::Required)],
    deny_unknown: false,
};

/// Parses a seed 002 response body; errors name fields as `data.<field>`.
pub fn parse_kapso_phone_number_response(json: &str) -> Result<KapsoPhoneNumberResponse, ApiError> {
    typed(json, &RESPONSE_SCHEMA, no_extra_check)
}

#[cfg(any(test, all(target_arch = "wasm32", feature = "js-api")))]
/// The same checks, for the JS adapter.
pub(crate) fn project_kapso_phone_number_response(
    json: &str,
) -> Result<super::schema::Projected, ApiError> {
    use super::schema::projected;
    projected(json, &RESPONSE_SCHEMA, no_extra_check)
}

#[cfg(test)]
mod tests;
