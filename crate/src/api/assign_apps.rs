//! Seed 000: `PUT /v1/organization/whatsapp/phone-numbers/{phoneNumberId}/apps`,
//! assign apps to a phone number. The response is a
//! [`PhoneNumberResource`](super::PhoneNumberResource).

use serde::Serialize;

use super::app_ids::check_app_ids;
use super::error::ApiError;
use super::schema::{check, field, parse_object, Kind, Presence, Schema};
use crate::ids;

/// The seed 000 request: the path's `phoneNumberId` and the body `{ "appIds": [...] }`.
///
/// Only `appIds` is serialized (it is the body); the path id is in
/// [`path`](Self::path). An empty list is allowed: `PUT` replaces the set.
/// A received body is checked with [`from_json`](Self::from_json).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AssignAppsRequest {
    #[serde(skip)]
    phone_number_id: String,
    app_ids: Vec<String>,
}

/// Builds an [`AssignAppsRequest`]; checks happen in [`build`](Self::build).
#[derive(Debug, Clone)]
#[must_use]
pub struct AssignAppsRequestBuilder(AssignAppsRequest);

static REQUEST_SCHEMA: Schema = Schema {
    fields: &[field("appIds", Kind::Array(&Kind::Str), Presence::Required)],
    deny_unknown: true,
};

impl AssignAppsRequest {
    /// Starts a request for the phone number `wapn_[test_]{ksuid}`.
    pub fn builder(phone_number_id: impl Into<String>) -> AssignAppsRequestBuilder {
        AssignAppsRequestBuilder(AssignAppsRequest {
            phone_number_id: phone_number_id.into(),
            app_ids: Vec::new(),
        })
    }

    /// Parses and validates a received body for the path id `phone_number_id`.
    pub fn from_json(phone_number_id: &str, json: &str) -> Result<Self, ApiError> {
        let value = parse_object(json)?;
        let c = check(&value, &REQUEST_SCHEMA)?;
        AssignAppsRequest {
            phone_number_id: phone_number_id.to_owned(),
            app_ids: c.strings("appIds"),
        }
        .validated()
    }

    fn validated(self) -> Result<Self, ApiError> {
        if !ids::is_phone_number_id(&self.phone_number_id) {
            return Err(ApiError::InvalidPhoneNumberId {
                field: "phoneNumberId".into(),
            });
        }
        check_app_ids(&self.app_ids)?;
        Ok(self)
    }

    /// The path parameter, `wapn_[test_]{ksuid}`.
    pub fn phone_number_id(&self) -> &str {
        &self.phone_number_id
    }

    /// The apps to assign.
    pub fn app_ids(&self) -> &[String] {
        &self.app_ids
    }

    /// `/v1/organization/whatsapp/phone-numbers/{phoneNumberId}/apps`.
    pub fn path(&self) -> String {
        format!(
            "/v1/organization/whatsapp/phone-numbers/{}/apps",
            self.phone_number_id
        )
    }
}

impl AssignAppsRequestBuilder {
    /// Adds apps (`app_…`) to the list.
    pub fn app_ids<I, S>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.0.app_ids.extend(ids.into_iter().map(Into::into));
        self
    }

    /// Adds one app.
    pub fn app_id(mut self, id: impl Into<String>) -> Self {
        self.0.app_ids.push(id.into());
        self
    }

    /// Validates: the path id is `wapn_…` (`INVALID_PHONE_NUMBER_ID`, field
    /// `phoneNumberId`), each app id `app_…` (`INVALID_APP_ID`, `appIds[i]`).
    pub fn build(self) -> Result<AssignAppsRequest, ApiError> {
        self.0.validated()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::schema::testing::minify;

    const PN: &str = "wapn_2DbBs7GWhGvVNJGrDXr5RG0mBWI";
    const APP: &str = "app_2DbBs7GWhGvVNJGrDXr5RG0mBWI";

    /// The request body of seed 000's curl example, verbatim.
    const SEED_REQUEST: &str = r#"
{
  "appIds": [
    "app_2DbBs7GWhGvVNJGrDXr5RG0mBWI"
  ]
}
"#;

    #[test]
    fn serializes_exactly_as_the_seed_body() {
        let r = AssignAppsRequest::builder(PN).app_id(APP).build().unwrap();
        assert_eq!(serde_json::to_string(&r).unwrap(), minify(SEED_REQUEST));
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"appIds":["app_2DbBs7GWhGvVNJGrDXr5RG0mBWI"]}"#
        );
        assert_eq!(
            AssignAppsRequest::from_json(PN, SEED_REQUEST),
            Ok(r.clone())
        );
        assert_eq!(
            r.path(),
            "/v1/organization/whatsapp/phone-numbers/wapn_2DbBs7GWhGvVNJGrDXr5RG0mBWI/apps"
        );
    }

    #[test]
    fn empty_list_is_allowed() {
        let r = AssignAppsRequest::builder("wapn_test_2DbBs7GWhGvVNJGrDXr5RG0mBWI")
            .build()
            .unwrap();
        assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"appIds":[]}"#);
    }

    #[test]
    fn rejects_bad_ids_naming_the_field() {
        let cases = [
            (
                AssignAppsRequest::builder("").app_id(APP).build(),
                ApiError::InvalidPhoneNumberId {
                    field: "phoneNumberId".into(),
                },
            ),
            (
                AssignAppsRequest::builder(APP).app_id(APP).build(),
                ApiError::InvalidPhoneNumberId {
                    field: "phoneNumberId".into(),
                },
            ),
            (
                AssignAppsRequest::builder("wapn_x/../../admin").build(),
                ApiError::InvalidPhoneNumberId {
                    field: "phoneNumberId".into(),
                },
            ),
            (
                AssignAppsRequest::builder(PN).app_ids([APP, PN]).build(),
                ApiError::InvalidAppId {
                    field: "appIds[1]".into(),
                },
            ),
        ];
        for (got, want) in cases {
            assert_eq!(got, Err(want));
        }
        assert_eq!(
            AssignAppsRequest::from_json(PN, "{}"),
            Err(ApiError::MissingField {
                field: "appIds".into()
            })
        );
        assert_eq!(
            AssignAppsRequest::from_json(PN, r#"{"appIds":"app_x"}"#),
            Err(ApiError::InvalidField {
                field: "appIds".into(),
                expected: "an array of strings"
            })
        );
    }
}
