//! Seed 001: `POST /v1/organization/whatsapp/phone-numbers`, register a phone
//! number. The response is a [`PhoneNumberResource`](super::PhoneNumberResource).

use serde::{Deserialize, Serialize};

use super::app_ids::check_app_ids;
use super::error::ApiError;
use super::schema::{check, field, parse_object, Kind, Presence, Schema};
use crate::error::ErrorCode;
use crate::json::Value;
use crate::{meta_id, phone};

/// The seed 001 request body (camelCase; `appIds` only when set).
///
/// Build it with [`RegisterPhoneNumberRequest::builder`] or check a received
/// body with [`RegisterPhoneNumberRequest::from_json`]. Both normalize
/// `displayPhoneNumber` to canonical E.164 (`+1 (555) 123-4567` becomes
/// `+15551234567`); a number without `+` or `00` is refused, since no
/// default country is known here. serde's `Deserialize` goes through the
/// same checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "Value")]
pub struct RegisterPhoneNumberRequest {
    display_phone_number: String,
    meta_phone_number_id: String,
    meta_business_account_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    app_ids: Option<Vec<String>>,
}

/// Builds a [`RegisterPhoneNumberRequest`]; checks happen in [`build`](Self::build).
#[derive(Debug, Clone)]
#[must_use]
pub struct RegisterPhoneNumberRequestBuilder(RegisterPhoneNumberRequest);

static REQUEST_SCHEMA: Schema = Schema {
    fields: &[
        field("displayPhoneNumber", Kind::Str, Presence::Required),
        field("metaPhoneNumberId", Kind::Str, Presence::Required),
        field("metaBusinessAccountId", Kind::Str, Presence::Required),
        field("appIds", Kind::Array(&Kind::Str), Presence::Optional),
    ],
    deny_unknown: true,
};

impl RegisterPhoneNumberRequest {
    /// The endpoint path (seed 001).
    pub const PATH: &'static str = "/v1/organization/whatsapp/phone-numbers";

    /// Starts a request: the E.164 number, Meta's phone-number id and Meta's
    /// WABA id.
    pub fn builder(
        display_phone_number: impl Into<String>,
        meta_phone_number_id: impl Into<String>,
        meta_business_account_id: impl Into<String>,
    ) -> RegisterPhoneNumberRequestBuilder {
        RegisterPhoneNumberRequestBuilder(RegisterPhoneNumberRequest {
            display_phone_number: display_phone_number.into(),
            meta_phone_number_id: meta_phone_number_id.into(),
            meta_business_account_id: meta_business_account_id.into(),
            app_ids: None,
        })
    }

    /// Parses and validates a request body (unknown keys refused).
    pub fn from_json(json: &str) -> Result<Self, ApiError> {
        Self::try_from(parse_object(json)?)
    }

    fn validated(mut self) -> Result<Self, ApiError> {
        let number =
            phone::parse_without_extension(&self.display_phone_number, None).map_err(|e| {
                ApiError::InvalidPhoneNumber {
                    field: "displayPhoneNumber".into(),
                    reason: e.code(),
                    detail: e.to_string(),
                }
            })?;
        self.display_phone_number = number.e164().to_owned();
        for (name, value) in [
            ("metaPhoneNumberId", &self.meta_phone_number_id),
            ("metaBusinessAccountId", &self.meta_business_account_id),
        ] {
            if !meta_id::is_meta_id(value) {
                return Err(ApiError::InvalidMetaId { field: name.into() });
            }
        }
        if let Some(app_ids) = &self.app_ids {
            check_app_ids(app_ids)?;
        }
        Ok(self)
    }

    /// The number in canonical E.164, e.g. `+15551234567`.
    pub fn display_phone_number(&self) -> &str {
        &self.display_phone_number
    }

    /// Meta's phone-number id.
    pub fn meta_phone_number_id(&self) -> &str {
        &self.meta_phone_number_id
    }

    /// Meta's WhatsApp Business Account id.
    pub fn meta_business_account_id(&self) -> &str {
        &self.meta_business_account_id
    }

    /// Apps to assign the number to, if given.
    pub fn app_ids(&self) -> Option<&[String]> {
        self.app_ids.as_deref()
    }
}

impl TryFrom<Value> for RegisterPhoneNumberRequest {
    type Error = ApiError;

    /// Checks the document (types, unknown keys), then validates like `build`.
    fn try_from(value: Value) -> Result<Self, ApiError> {
        let c = check(&value, &REQUEST_SCHEMA)?;
        RegisterPhoneNumberRequest {
            display_phone_number: c.string("displayPhoneNumber"),
            meta_phone_number_id: c.string("metaPhoneNumberId"),
            meta_business_account_id: c.string("metaBusinessAccountId"),
            app_ids: c.opt_strings("appIds"),
        }
        .validated()
    }
}

impl RegisterPhoneNumberRequestBuilder {
    /// Apps (`app_…`) to assign the number to. Replaces earlier calls; an
    /// empty list is sent as `[]`.
    pub fn app_ids<I, S>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.0.app_ids = Some(ids.into_iter().map(Into::into).collect());
        self
    }

    /// Validates: `displayPhoneNumber` E.164 (`INVALID_PHONE_NUMBER`, with the
    /// phone error code as `reason`), the Meta ids (`INVALID_META_ID`), each
    /// app id (`INVALID_APP_ID`, field `appIds[i]`).
    pub fn build(self) -> Result<RegisterPhoneNumberRequest, ApiError> {
        self.0.validated()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::schema::testing::{assert_every_field_checked, minify};

    /// The request body of seed 001's curl example, verbatim.
    const SEED_REQUEST: &str = r#"
{
  "displayPhoneNumber": "+15551234567",
  "metaPhoneNumberId": "123456789012345",
  "metaBusinessAccountId": "987654321098765",
  "appIds": [
    "app_2DbBs7GWhGvVNJGrDXr5RG0mBWI"
  ]
}
"#;

    fn seed_built() -> RegisterPhoneNumberRequest {
        RegisterPhoneNumberRequest::builder("+15551234567", "123456789012345", "987654321098765")
            .app_ids(["app_2DbBs7GWhGvVNJGrDXr5RG0mBWI"])
            .build()
            .unwrap()
    }

    #[test]
    fn serializes_exactly_as_the_seed_body() {
        assert_eq!(
            serde_json::to_string(&seed_built()).unwrap(),
            minify(SEED_REQUEST)
        );
        assert_eq!(
            serde_json::to_string(&seed_built()).unwrap(),
            r#"{"displayPhoneNumber":"+15551234567","metaPhoneNumberId":"123456789012345","metaBusinessAccountId":"987654321098765","appIds":["app_2DbBs7GWhGvVNJGrDXr5RG0mBWI"]}"#
        );
    }

    #[test]
    fn seed_body_round_trips_through_from_json() {
        assert_eq!(
            RegisterPhoneNumberRequest::from_json(SEED_REQUEST),
            Ok(seed_built())
        );
    }

    #[test]
    fn every_field_of_the_body_is_checked_by_name() {
        // Seed 001: appIds is the only optional field.
        assert_every_field_checked(
            SEED_REQUEST,
            RegisterPhoneNumberRequest::from_json,
            &[],
            &["appIds"],
        );
        assert_eq!(
            serde_json::from_str::<RegisterPhoneNumberRequest>(SEED_REQUEST).ok(),
            Some(seed_built())
        );
    }

    #[test]
    fn app_ids_are_optional_and_skipped_when_absent() {
        let r = RegisterPhoneNumberRequest::builder("+15551234567", "1", "2")
            .build()
            .unwrap();
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"displayPhoneNumber":"+15551234567","metaPhoneNumberId":"1","metaBusinessAccountId":"2"}"#
        );
        assert_eq!(r.app_ids(), None);
    }

    #[test]
    fn display_number_is_normalized_to_e164() {
        let r = RegisterPhoneNumberRequest::builder("+1 (555) 123-4567", "1", "2")
            .build()
            .unwrap();
        assert_eq!(r.display_phone_number(), "+15551234567");
    }

    #[test]
    fn builder_rejects_bad_input_with_the_right_code_and_field() {
        let b = |phone: &str, pn: &str, waba: &str| {
            RegisterPhoneNumberRequest::builder(phone, pn, waba)
        };
        let cases: Vec<(RegisterPhoneNumberRequestBuilder, &str, &str)> = vec![
            (
                b("5551234567", "1", "2"),
                "INVALID_PHONE_NUMBER",
                "displayPhoneNumber",
            ),
            (
                b("", "1", "2"),
                "INVALID_PHONE_NUMBER",
                "displayPhoneNumber",
            ),
            (
                b("+1555", "1", "2"),
                "INVALID_PHONE_NUMBER",
                "displayPhoneNumber",
            ),
            (
                b("+15551234567", "", "2"),
                "INVALID_META_ID",
                "metaPhoneNumberId",
            ),
            (
                b("+15551234567", "01", "2"),
                "INVALID_META_ID",
                "metaPhoneNumberId",
            ),
            (
                b("+15551234567", "1", "-2"),
                "INVALID_META_ID",
                "metaBusinessAccountId",
            ),
            (
                b("+15551234567", "1", "123456789012345678901"),
                "INVALID_META_ID",
                "metaBusinessAccountId",
            ),
            (
                b("+15551234567", "1", "2").app_ids([
                    "app_2DbBs7GWhGvVNJGrDXr5RG0mBWI",
                    "wapn_2DbBs7GWhGvVNJGrDXr5RG0mBWI",
                ]),
                "INVALID_APP_ID",
                "appIds[1]",
            ),
            (
                b("+15551234567", "1", "2").app_ids([""]),
                "INVALID_APP_ID",
                "appIds[0]",
            ),
        ];
        for (builder, code, field) in cases {
            let err = builder.build().unwrap_err();
            assert_eq!((err.code(), err.field()), (code, Some(field)), "{err}");
        }
    }

    #[test]
    fn phone_error_reason_is_kept() {
        let err = RegisterPhoneNumberRequest::builder("5551234567", "1", "2")
            .build()
            .unwrap_err();
        assert_eq!(err.reason(), Some("MISSING_PLUS"));
    }

    #[test]
    fn from_json_names_type_errors_and_typos() {
        let cases = [
            (
                r#"{"displayPhoneNumber":"+15551234567","metaPhoneNumberId":123,"metaBusinessAccountId":"2"}"#,
                ApiError::InvalidField {
                    field: "metaPhoneNumberId".into(),
                    expected: "a string",
                },
            ),
            (
                r#"{"displayPhoneNumber":"+15551234567","metaPhoneNumberId":"1","metaBusinessAccountId":"2","appIds":["app_x",3]}"#,
                ApiError::InvalidField {
                    field: "appIds[1]".into(),
                    expected: "a string",
                },
            ),
            (
                r#"{"displayPhoneNumber":"+15551234567","metaPhoneNumberId":"1"}"#,
                ApiError::MissingField {
                    field: "metaBusinessAccountId".into(),
                },
            ),
            (
                r#"{"displayPhoneNumber":"+15551234567","metaPhoneNumberId":"1","metaBusinessAccountId":"2","appIDs":[]}"#,
                ApiError::UnknownField {
                    field: "appIDs".into(),
                },
            ),
        ];
        for (json, want) in cases {
            assert_eq!(
                RegisterPhoneNumberRequest::from_json(json),
                Err(want),
                "{json}"
            );
        }
    }
}
