//! The WhatsApp phone-number resource Chirp returns from
//! `POST /v1/organization/whatsapp/phone-numbers` (seed 001) and
//! `PUT …/phone-numbers/{phoneNumberId}/apps` (seed 000).

use serde::{Deserialize, Serialize};

use super::error::ApiError;
use super::nullable;
use super::schema::{field, typed, Kind, Presence, Schema};
use super::timestamp::Timestamp;
use crate::ids;
use crate::json::Value;

/// A registered WhatsApp phone number (seeds 000/001 response, camelCase).
///
/// Every field is `required` in the seeds; `qualityRating` is `string | null`.
/// The parser checks `id` is a `wapn_[test_]{ksuid}`; the Meta ids are kept
/// as the server sent them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneNumberResource {
    /// `wapn_[test_]{ksuid}`.
    pub id: String,
    /// The number as displayed, E.164 when registered through this crate.
    pub display_phone_number: String,
    /// Meta's phone-number id.
    pub meta_phone_number_id: String,
    /// Meta's WhatsApp Business Account (WABA) id.
    pub meta_business_account_id: String,
    /// Whether Meta verified the number.
    pub verified: bool,
    /// Meta's quality rating (e.g. `GREEN`), `None` when the server sent `null`.
    #[serde(deserialize_with = "nullable::required")]
    pub quality_rating: Option<String>,
    /// Whether this is a test-mode number.
    pub is_test_number: bool,
    /// Whether the number has been registered with Meta Cloud API (two-step verification).
    pub cloud_api_registered: bool,
    /// The WhatsApp Business Account (WABA) this phone number belongs to.
    pub business_profile: PhoneNumberBusinessProfile,
    /// Apps the number is assigned to.
    pub apps: Vec<PhoneNumberApp>,
    /// When the resource was created.
    pub created_at: Timestamp,
    /// When the resource was last updated.
    pub updated_at: Timestamp,
}

/// The `businessProfile` object of a [`PhoneNumberResource`].
///
/// The seeds show its keys but not their types; we read them like the same
/// keys of the seed 003 business profile (`businessName` there is
/// `string | null`, required).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneNumberBusinessProfile {
    /// The business profile's id.
    pub id: String,
    /// Meta's WhatsApp Business Account id.
    pub meta_waba_id: String,
    /// Business name from Meta, `None` when `null`.
    #[serde(deserialize_with = "nullable::required")]
    pub business_name: Option<String>,
}

/// One entry of [`PhoneNumberResource::apps`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneNumberApp {
    /// The app's id.
    pub app_id: String,
    /// The app's display name.
    pub app_name: String,
    /// The app's slug.
    pub app_slug: String,
}

static BUSINESS_PROFILE: Schema = Schema {
    fields: &[
        field("id", Kind::Str, Presence::Required),
        field("metaWabaId", Kind::Str, Presence::Required),
        field("businessName", Kind::Str, Presence::Nullable),
    ],
    deny_unknown: false,
};

static APP: Schema = Schema {
    fields: &[
        field("appId", Kind::Str, Presence::Required),
        field("appName", Kind::Str, Presence::Required),
        field("appSlug", Kind::Str, Presence::Required),
    ],
    deny_unknown: false,
};

static SCHEMA: Schema = Schema {
    fields: &[
        field("id", Kind::Str, Presence::Required),
        field("displayPhoneNumber", Kind::Str, Presence::Required),
        field("metaPhoneNumberId", Kind::Str, Presence::Required),
        field("metaBusinessAccountId", Kind::Str, Presence::Required),
        field("verified", Kind::Bool, Presence::Required),
        field("qualityRating", Kind::Str, Presence::Nullable),
        field("isTestNumber", Kind::Bool, Presence::Required),
        field("cloudApiRegistered", Kind::Bool, Presence::Required),
        field(
            "businessProfile",
            Kind::Object(&BUSINESS_PROFILE),
            Presence::Required,
        ),
        field("apps", Kind::Array(&Kind::Object(&APP)), Presence::Required),
        field("createdAt", Kind::Timestamp, Presence::Required),
        field("updatedAt", Kind::Timestamp, Presence::Required),
    ],
    deny_unknown: false,
};

/// Parses a seed 000/001 response body: required fields present, types and
/// timestamps right, `id` a `wapn_` id. Unknown extra fields are ignored.
pub fn parse_phone_number_resource(json: &str) -> Result<PhoneNumberResource, ApiError> {
    typed(json, &SCHEMA, check_id)
}

#[cfg(any(test, all(target_arch = "wasm32", feature = "js-api")))]
/// The same checks, for the JS adapter.
pub(crate) fn project_phone_number_resource(
    json: &str,
) -> Result<super::schema::Projected, ApiError> {
    use super::schema::projected;
    projected(json, &SCHEMA, check_id)
}

fn check_id(value: &Value) -> Result<(), ApiError> {
    match value.get("id").and_then(Value::as_str) {
        Some(id) if ids::is_phone_number_id(id) => Ok(()),
        _ => Err(ApiError::InvalidPhoneNumberId { field: "id".into() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::schema::testing::{assert_every_field_checked, assert_projection_matches};

    /// The response example of seeds 000 and 001, verbatim.
    const SEED_RESPONSE: &str = r#"{
  "id": "wapn_2DbBs7GWhGvVNJGrDXr5RG0mBWI",
  "displayPhoneNumber": "<string>",
  "metaPhoneNumberId": "<string>",
  "metaBusinessAccountId": "<string>",
  "verified": true,
  "qualityRating": "<string>",
  "isTestNumber": true,
  "cloudApiRegistered": true,
  "businessProfile": {
    "id": "<string>",
    "metaWabaId": "<string>",
    "businessName": "<string>"
  },
  "apps": [
    {
      "appId": "<string>",
      "appName": "<string>",
      "appSlug": "<string>"
    }
  ],
  "createdAt": "2023-11-07T05:31:56Z",
  "updatedAt": "2023-11-07T05:31:56Z"
}"#;

    #[test]
    fn seed_response_parses() {
        let r = parse_phone_number_resource(SEED_RESPONSE).unwrap();
        assert_eq!(r.id, "wapn_2DbBs7GWhGvVNJGrDXr5RG0mBWI");
        assert!(r.verified && r.is_test_number && r.cloud_api_registered);
        assert_eq!(r.quality_rating.as_deref(), Some("<string>"));
        assert_eq!(r.business_profile.meta_waba_id, "<string>");
        assert_eq!(r.apps.len(), 1);
        assert_eq!(r.apps[0].app_slug, "<string>");
        assert_eq!(r.created_at.as_str(), "2023-11-07T05:31:56Z");
    }

    #[test]
    fn every_field_is_checked_by_name() {
        // Seeds 000/001: every field required; `qualityRating` is `string | null`.
        // `businessName` is read like seed 003's (`string | null`, required).
        let nullable = ["qualityRating", "businessProfile.businessName"];
        assert_every_field_checked(SEED_RESPONSE, parse_phone_number_resource, &nullable, &[]);
        assert_every_field_checked(SEED_RESPONSE, project_phone_number_resource, &nullable, &[]);
    }

    #[test]
    fn serializes_back_to_the_seed() {
        let r = parse_phone_number_resource(SEED_RESPONSE).unwrap();
        let out = serde_json::to_value(&r).unwrap();
        let seed: serde_json::Value = serde_json::from_str(SEED_RESPONSE).unwrap();
        assert_eq!(out, seed);
        assert_projection_matches(SEED_RESPONSE, &SCHEMA, &r);
        // serde alone reads the seed the same way.
        assert_eq!(
            serde_json::from_str::<PhoneNumberResource>(SEED_RESPONSE).ok(),
            Some(r)
        );
    }

    #[test]
    fn null_quality_rating_and_business_name_are_none() {
        let json = SEED_RESPONSE
            .replace(r#""qualityRating": "<string>""#, r#""qualityRating": null"#)
            .replace(r#""businessName": "<string>""#, r#""businessName": null"#);
        let r = parse_phone_number_resource(&json).unwrap();
        assert_eq!(r.quality_rating, None);
        assert_eq!(r.business_profile.business_name, None);
        assert_projection_matches(&json, &SCHEMA, &r);
        // And serde alone keeps the distinction: null is None, missing is an error.
        assert_eq!(
            serde_json::from_str::<PhoneNumberResource>(&json).ok(),
            Some(r)
        );
        let missing = json.replace(r#""qualityRating": null,"#, "");
        let err = serde_json::from_str::<PhoneNumberResource>(&missing).unwrap_err();
        assert!(
            err.to_string().contains("missing field `qualityRating`"),
            "{err}"
        );
    }

    #[test]
    fn id_must_be_a_phone_number_id() {
        for bad in [
            "wabp_2DbBs7GWhGvVNJGrDXr5RG0mBWI",
            "wapn_",
            "<string>",
            "wapn_2DbBs7GWhGvVNJGrDXr5RG0mBW!",
        ] {
            let json = SEED_RESPONSE.replace("wapn_2DbBs7GWhGvVNJGrDXr5RG0mBWI", bad);
            assert_eq!(
                parse_phone_number_resource(&json),
                Err(ApiError::InvalidPhoneNumberId { field: "id".into() }),
                "{bad}"
            );
        }
        let test = SEED_RESPONSE.replace("wapn_", "wapn_test_");
        assert!(parse_phone_number_resource(&test).is_ok());
    }

    #[test]
    fn bad_timestamp_names_the_field() {
        let json = SEED_RESPONSE.replacen("2023-11-07T05:31:56Z", "2023-11-07 05:31:56", 2);
        assert_eq!(
            parse_phone_number_resource(&json),
            Err(ApiError::InvalidTimestamp {
                field: "createdAt".into()
            })
        );
        let json = SEED_RESPONSE.replace(
            r#""updatedAt": "2023-11-07T05:31:56Z""#,
            r#""updatedAt": "2023-02-30T05:31:56Z""#,
        );
        assert_eq!(
            parse_phone_number_resource(&json),
            Err(ApiError::InvalidTimestamp {
                field: "updatedAt".into()
            })
        );
    }

    #[test]
    fn second_app_missing_a_field_is_named_by_index() {
        let json = SEED_RESPONSE.replace(
            "\n  ],",
            r#", {"appId": "app_2DbBs7GWhGvVNJGrDXr5RG0mBWI", "appName": "x"}
  ],"#,
        );
        assert_eq!(
            parse_phone_number_resource(&json),
            Err(ApiError::MissingField {
                field: "apps[1].appSlug".into()
            })
        );
    }
}
