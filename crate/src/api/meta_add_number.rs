//! Seed 004: Meta Graph `POST /{WABA-ID}/phone_numbers`, add a phone number
//! to a WhatsApp Business Account. Errors: see [`super::graph_error`].

use serde::{Deserialize, Serialize};

use super::error::ApiError;
use super::schema::{check, field, no_extra_check, parse_object, typed, Kind, Presence, Schema};
use crate::error::ErrorCode;
use crate::form_urlencoding;
use crate::{meta_id, phone};

/// The seed 004 parameters (snake_case; unset options are not sent).
///
/// `cc` and `phone_number` come from one E.164 number via
/// [`phone::to_meta_phone_params`]: `+15551234567` gives `cc = "1"`,
/// `phone_number = "5551234567"`. The access token is not a field: send it
/// as `Authorization: Bearer`, not in the URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MetaAddPhoneNumberParams {
    cc: String,
    phone_number: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    migrate_phone_number: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    preverified_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    verified_name: Option<String>,
}

/// Builds [`MetaAddPhoneNumberParams`]; checks happen in [`build`](Self::build).
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct MetaAddPhoneNumberParamsBuilder {
    phone_number: String,
    migrate_phone_number: Option<bool>,
    preverified_id: Option<String>,
    verified_name: Option<String>,
}

/// The JS adapter's input: Meta's names, with `phone_number` the whole E.164 number.
static INPUT_SCHEMA: Schema = Schema {
    fields: &[
        field("phone_number", Kind::Str, Presence::Required),
        field("migrate_phone_number", Kind::Bool, Presence::Optional),
        field("preverified_id", Kind::Str, Presence::Optional),
        field("verified_name", Kind::Str, Presence::Optional),
    ],
    deny_unknown: true,
};

impl MetaAddPhoneNumberParams {
    /// Starts from an international number (`+` or `00` required), e.g. `+15551234567`.
    pub fn builder(e164: impl Into<String>) -> MetaAddPhoneNumberParamsBuilder {
        MetaAddPhoneNumberParamsBuilder {
            phone_number: e164.into(),
            ..Default::default()
        }
    }

    /// Builds from `{ "phone_number": "+1…", "migrate_phone_number"?,
    /// "preverified_id"?, "verified_name"? }` (unknown keys refused), where
    /// `phone_number` is the whole international number to split.
    pub fn from_input_json(json: &str) -> Result<Self, ApiError> {
        let value = parse_object(json)?;
        let c = check(&value, &INPUT_SCHEMA)?;
        MetaAddPhoneNumberParamsBuilder {
            phone_number: c.string("phone_number"),
            migrate_phone_number: c.opt_bool("migrate_phone_number"),
            preverified_id: c.opt_string("preverified_id"),
            verified_name: c.opt_string("verified_name"),
        }
        .build()
    }

    /// `/{waba_id}/phone_numbers` (prefix it with the Graph host and version);
    /// `INVALID_META_ID` (field `waba_id`) unless `waba_id` is a Meta id.
    pub fn path(waba_id: &str) -> Result<String, ApiError> {
        if !meta_id::is_meta_id(waba_id) {
            return Err(ApiError::InvalidMetaId {
                field: "waba_id".into(),
            });
        }
        Ok(format!("/{waba_id}/phone_numbers"))
    }

    /// Country dial code, e.g. `"1"`.
    pub fn cc(&self) -> &str {
        &self.cc
    }

    /// The number without country code or `+`.
    pub fn phone_number(&self) -> &str {
        &self.phone_number
    }

    /// Whether to migrate a number registered on another WABA.
    pub fn migrate_phone_number(&self) -> Option<bool> {
        self.migrate_phone_number
    }

    /// The preverified number's id.
    pub fn preverified_id(&self) -> Option<&str> {
        self.preverified_id.as_deref()
    }

    /// The business name as shown in WhatsApp.
    pub fn verified_name(&self) -> Option<&str> {
        self.verified_name.as_deref()
    }

    /// `application/x-www-form-urlencoded` text in seed order:
    /// `cc=1&phone_number=5551234567&migrate_phone_number=true&…`, usable as
    /// the POST body or the query string.
    pub fn to_query(&self) -> String {
        let migrate = self
            .migrate_phone_number
            .map(|m| if m { "true" } else { "false" });
        let pairs = [
            ("cc", Some(self.cc.as_str())),
            ("phone_number", Some(self.phone_number.as_str())),
            ("migrate_phone_number", migrate),
            ("preverified_id", self.preverified_id.as_deref()),
            ("verified_name", self.verified_name.as_deref()),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)));
        let mut query = String::new();
        form_urlencoding::push_pairs(&mut query, pairs);
        query
    }
}

impl MetaAddPhoneNumberParamsBuilder {
    /// `true` to migrate a number registered on another WABA.
    pub fn migrate_phone_number(mut self, migrate: bool) -> Self {
        self.migrate_phone_number = Some(migrate);
        self
    }

    /// The preverified number's id (a Meta id).
    pub fn preverified_id(mut self, id: impl Into<String>) -> Self {
        self.preverified_id = Some(id.into());
        self
    }

    /// The business name as shown in WhatsApp.
    pub fn verified_name(mut self, name: impl Into<String>) -> Self {
        self.verified_name = Some(name.into());
        self
    }

    /// Validates: an international number (`INVALID_PHONE_NUMBER`, field
    /// `phone_number`, phone error code as `reason`), `preverified_id` a Meta
    /// id (`INVALID_META_ID`), `verified_name` not blank (`EMPTY_FIELD`).
    pub fn build(self) -> Result<MetaAddPhoneNumberParams, ApiError> {
        let split = phone::to_meta_phone_params(&self.phone_number).map_err(|e| {
            ApiError::InvalidPhoneNumber {
                field: "phone_number".into(),
                reason: e.code(),
                detail: e.to_string(),
            }
        })?;
        if let Some(id) = &self.preverified_id {
            if !meta_id::is_meta_id(id) {
                return Err(ApiError::InvalidMetaId {
                    field: "preverified_id".into(),
                });
            }
        }
        if self
            .verified_name
            .as_deref()
            .is_some_and(|n| n.trim().is_empty())
        {
            return Err(ApiError::EmptyField {
                field: "verified_name".into(),
            });
        }
        Ok(MetaAddPhoneNumberParams {
            cc: split.cc().to_owned(),
            phone_number: split.phone_number().to_owned(),
            migrate_phone_number: self.migrate_phone_number,
            preverified_id: self.preverified_id,
            verified_name: self.verified_name,
        })
    }
}

/// The seed 004 success response, `{ "id": numeric string }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetaAddPhoneNumberResponse {
    /// Meta's id of the new phone number.
    pub id: String,
}

static RESPONSE_SCHEMA: Schema = Schema {
    fields: &[field("id", Kind::Str, Presence::Required)],
    deny_unknown: false,
};

/// Parses the seed 004 success body; `id` must be a Meta id.
pub fn parse_meta_add_phone_number_response(
    json: &str,
) -> Result<MetaAddPhoneNumberResponse, ApiError> {
    let response: MetaAddPhoneNumberResponse = typed(json, &RESPONSE_SCHEMA, no_extra_check)?;
    if !meta_id::is_meta_id(&response.id) {
        return Err(ApiError::InvalidMetaId { field: "id".into() });
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_the_number_like_the_seed_sample() {
        // Seed 004: cc=COUNTRY-CODE&phone_number=PHONE-NUMBER&migrate_phone_number=true
        let p = MetaAddPhoneNumberParams::builder("+15551234567")
            .migrate_phone_number(true)
            .build()
            .unwrap();
        assert_eq!((p.cc(), p.phone_number()), ("1", "5551234567"));
        assert_eq!(
            p.to_query(),
            "cc=1&phone_number=5551234567&migrate_phone_number=true"
        );
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"cc":"1","phone_number":"5551234567","migrate_phone_number":true}"#
        );
    }

    #[test]
    fn all_options_in_seed_order_and_encoded() {
        let p = MetaAddPhoneNumberParams::builder("+44 7911 123456")
            .migrate_phone_number(false)
            .preverified_id("1234567890")
            .verified_name("Acme & Sons")
            .build()
            .unwrap();
        assert_eq!(
            p.to_query(),
            "cc=44&phone_number=7911123456&migrate_phone_number=false&preverified_id=1234567890&verified_name=Acme+%26+Sons"
        );
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"cc":"44","phone_number":"7911123456","migrate_phone_number":false,"preverified_id":"1234567890","verified_name":"Acme & Sons"}"#
        );
    }

    #[test]
    fn names_are_encoded_like_url_search_params() {
        // Expected strings are what `new URLSearchParams(pairs).toString()` gives.
        let cases = [
            ("Acme & Sons, Inc.", "Acme+%26+Sons%2C+Inc."),
            ("a+b=c/d?e#f%", "a%2Bb%3Dc%2Fd%3Fe%23f%25"),
            ("Café ☕", "Caf%C3%A9+%E2%98%95"),
            ("*-._~!", "*-._%7E%21"),
        ];
        for (name, want) in cases {
            let p = MetaAddPhoneNumberParams::builder("+15551234567")
                .verified_name(name)
                .build()
                .unwrap();
            assert_eq!(
                p.to_query(),
                format!("cc=1&phone_number=5551234567&verified_name={want}"),
                "{name}"
            );
        }
    }

    #[test]
    fn only_the_number_when_no_options() {
        let p = MetaAddPhoneNumberParams::builder("+15551234567")
            .build()
            .unwrap();
        assert_eq!(p.to_query(), "cc=1&phone_number=5551234567");
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"cc":"1","phone_number":"5551234567"}"#
        );
    }

    #[test]
    fn rejects_bad_input_naming_the_field() {
        let cases: Vec<(MetaAddPhoneNumberParamsBuilder, &str, Option<&str>)> = vec![
            (
                MetaAddPhoneNumberParams::builder("5551234567"),
                "INVALID_PHONE_NUMBER",
                Some("phone_number"),
            ),
            (
                MetaAddPhoneNumberParams::builder("+1"),
                "INVALID_PHONE_NUMBER",
                Some("phone_number"),
            ),
            (
                MetaAddPhoneNumberParams::builder("+1555abc4567"),
                "INVALID_PHONE_NUMBER",
                Some("phone_number"),
            ),
            (
                MetaAddPhoneNumberParams::builder("+15551234567").preverified_id("pv-1"),
                "INVALID_META_ID",
                Some("preverified_id"),
            ),
            (
                MetaAddPhoneNumberParams::builder("+15551234567").verified_name("  "),
                "EMPTY_FIELD",
                Some("verified_name"),
            ),
        ];
        for (builder, code, field) in cases {
            let err = builder.build().unwrap_err();
            assert_eq!((err.code(), err.field()), (code, field), "{err}");
        }
    }

    #[test]
    fn from_input_json() {
        let p = MetaAddPhoneNumberParams::from_input_json(
            r#"{"phone_number":"+15551234567","migrate_phone_number":true,"verified_name":null}"#,
        )
        .unwrap();
        assert_eq!(
            p.to_query(),
            "cc=1&phone_number=5551234567&migrate_phone_number=true"
        );
        assert_eq!(
            MetaAddPhoneNumberParams::from_input_json(
                r#"{"cc":"1","phone_number":"+15551234567"}"#
            ),
            Err(ApiError::UnknownField { field: "cc".into() })
        );
        assert_eq!(
            MetaAddPhoneNumberParams::from_input_json(
                r#"{"phone_number":"+15551234567","migrate_phone_number":"true"}"#
            ),
            Err(ApiError::InvalidField {
                field: "migrate_phone_number".into(),
                expected: "a boolean"
            })
        );
    }

    #[test]
    fn path_and_response() {
        assert_eq!(
            MetaAddPhoneNumberParams::path("524126980791429").as_deref(),
            Ok("/524126980791429/phone_numbers")
        );
        assert_eq!(
            MetaAddPhoneNumberParams::path("WHATSAPP-BUSINESS-ACCOUNT-ID"),
            Err(ApiError::InvalidMetaId {
                field: "waba_id".into()
            })
        );
        assert_eq!(
            parse_meta_add_phone_number_response(r#"{"id":"106540352242922"}"#).map(|r| r.id),
            Ok("106540352242922".to_owned())
        );
        // The seed's placeholder "POST-ID" is not numeric.
        assert_eq!(
            parse_meta_add_phone_number_response(r#"{ "id": "POST-ID" }"#),
            Err(ApiError::InvalidMetaId { field: "id".into() })
        );
    }
}
