//! [`ApiError`]: why a request could not be built or a response not parsed.

use crate::error::ErrorCode;
use crate::http_url::UrlRule;

/// Why an API request was refused before sending, or a response was rejected.
///
/// Every variant that concerns one field names it in `field`, as a path into
/// the JSON document: `displayPhoneNumber`, `businessProfile.id`,
/// `apps[0].appId`, `data.created_at`. Messages never echo field values,
/// since some of them (the Meta `code`, access tokens) are secrets.
///
/// | code | meaning |
/// | --- | --- |
/// | `INVALID_JSON` | the text is not JSON, or the document is not an object |
/// | `MISSING_FIELD` | a required field is absent |
/// | `INVALID_FIELD` | a field has the wrong JSON type, or is `null` where that is not allowed |
/// | `UNKNOWN_FIELD` | a request input has a field the request does not define (typo guard) |
/// | `INVALID_TIMESTAMP` | a `date-time` field is not an RFC 3339 date-time |
/// | `INVALID_PHONE_NUMBER` | not an international (E.164) phone number; `reason` has the phone error code |
/// | `INVALID_META_ID` | not a Meta numeric id (digits, no leading zero, at most 20) |
/// | `INVALID_APP_ID` | not an `app_[test_]{ksuid}` id |
/// | `INVALID_PHONE_NUMBER_ID` | not a `wapn_[test_]{ksuid}` id |
/// | `INVALID_BUSINESS_PROFILE_ID` | not a `wabp_[test_]{ksuid}` id |
/// | `EMPTY_CODE` | the `FB.login` authorization `code` is empty |
/// | `EMPTY_FIELD` | a text field that must carry a value is empty |
/// | `INVALID_URL` | not an absolute `https://` URL; `reason` has the [`UrlRule`] code |
/// | `EMPTY_UPDATE` | a Kapso update that would change nothing |
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ApiError {
    /// The text is not valid JSON, or its top level is not an object.
    #[error("not a JSON object: {reason}")]
    InvalidJson {
        /// What the JSON parser reported.
        reason: String,
    },
    /// A required field is absent.
    #[error("missing required field `{field}`")]
    MissingField {
        /// Path of the missing field.
        field: String,
    },
    /// A field has the wrong JSON type (or is `null` where it may not be).
    #[error("field `{field}` must be {expected}")]
    InvalidField {
        /// Path of the field.
        field: String,
        /// What the field must be, e.g. `"a string"`.
        expected: &'static str,
    },
    /// A request input carries a field the request does not define.
    #[error("unknown field `{field}`")]
    UnknownField {
        /// Path of the unexpected field.
        field: String,
    },
    /// A `date-time` field is not an RFC 3339 date-time.
    #[error("field `{field}` must be an RFC 3339 date-time such as 2023-11-07T05:31:56Z")]
    InvalidTimestamp {
        /// Path of the field.
        field: String,
    },
    /// Not an international (E.164) phone number.
    #[error("field `{field}` is not an E.164 phone number: {detail}")]
    InvalidPhoneNumber {
        /// Path of the field.
        field: String,
        /// The phone parser's error code, e.g. `TOO_SHORT` (see `crate::phone`).
        reason: &'static str,
        /// The phone parser's message.
        detail: String,
    },
    /// Not a Meta numeric id.
    #[error("field `{field}` must be a Meta id: 1 to 20 ASCII digits without a leading zero")]
    InvalidMetaId {
        /// Path of the field.
        field: String,
    },
    /// Not an `app_…` id.
    #[error("field `{field}` must be an app id: `app_[test_]` followed by a 27-character KSUID")]
    InvalidAppId {
        /// Path of the field.
        field: String,
    },
    /// Not a `wapn_[test_]…` id.
    #[error("field `{field}` must be a phone number id: `wapn_[test_]` followed by a 27-character KSUID")]
    InvalidPhoneNumberId {
        /// Path of the field.
        field: String,
    },
    /// Not a `wabp_[test_]…` id.
    #[error("field `{field}` must be a business profile id: `wabp_[test_]` followed by a 27-character KSUID")]
    InvalidBusinessProfileId {
        /// Path of the field.
        field: String,
    },
    /// The `FB.login` authorization code is empty.
    #[error("field `code` must not be empty (minimum length 1)")]
    EmptyCode,
    /// A text field that must carry a value is empty or only whitespace.
    #[error("field `{field}` must not be empty")]
    EmptyField {
        /// Path of the field.
        field: String,
    },
    /// Not an acceptable absolute URL.
    #[error("field `{field}` must be an absolute https URL: {rule}")]
    InvalidUrl {
        /// Path of the field.
        field: String,
        /// Which rule was broken.
        rule: UrlRule,
    },
    /// A Kapso update carries neither an access token nor a webhook URL.
    #[error("a Kapso phone number update needs `access_token` or `webhook_destination_url`")]
    EmptyUpdate,
}

impl ApiError {
    /// The path of the field this error is about, if it concerns one field.
    pub fn field(&self) -> Option<&str> {
        match self {
            Self::InvalidJson { .. } | Self::EmptyUpdate => None,
            Self::EmptyCode => Some("code"),
            Self::MissingField { field }
            | Self::InvalidField { field, .. }
            | Self::UnknownField { field }
            | Self::InvalidTimestamp { field }
            | Self::InvalidPhoneNumber { field, .. }
            | Self::InvalidMetaId { field }
            | Self::InvalidAppId { field }
            | Self::InvalidPhoneNumberId { field }
            | Self::InvalidBusinessProfileId { field }
            | Self::EmptyField { field }
            | Self::InvalidUrl { field, .. } => Some(field),
        }
    }

    /// The finer reason code, for errors that carry one (`INVALID_PHONE_NUMBER`
    /// gives the phone error code such as `TOO_SHORT`, `INVALID_URL` the
    /// [`UrlRule`] code such as `NOT_HTTPS`).
    pub fn reason(&self) -> Option<&'static str> {
        match self {
            Self::InvalidPhoneNumber { reason, .. } => Some(reason),
            Self::InvalidUrl { rule, .. } => Some(rule.code()),
            _ => None,
        }
    }
}

impl ErrorCode for ApiError {
    fn code(&self) -> &'static str {
        match self {
            Self::InvalidJson { .. } => "INVALID_JSON",
            Self::MissingField { .. } => "MISSING_FIELD",
            Self::InvalidField { .. } => "INVALID_FIELD",
            Self::UnknownField { .. } => "UNKNOWN_FIELD",
            Self::InvalidTimestamp { .. } => "INVALID_TIMESTAMP",
            Self::InvalidPhoneNumber { .. } => "INVALID_PHONE_NUMBER",
            Self::InvalidMetaId { .. } => "INVALID_META_ID",
            Self::InvalidAppId { .. } => "INVALID_APP_ID",
            Self::InvalidPhoneNumberId { .. } => "INVALID_PHONE_NUMBER_ID",
            Self::InvalidBusinessProfileId { .. } => "INVALID_BUSINESS_PROFILE_ID",
            Self::EmptyCode => "EMPTY_CODE",
            Self::EmptyField { .. } => "EMPTY_FIELD",
            Self::InvalidUrl { .. } => "INVALID_URL",
            Self::EmptyUpdate => "EMPTY_UPDATE",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable_and_fields_named() {
        let cases: Vec<(ApiError, &str, Option<&str>)> = vec![
            (
                ApiError::InvalidJson { reason: "x".into() },
                "INVALID_JSON",
                None,
            ),
            (
                ApiError::MissingField { field: "id".into() },
                "MISSING_FIELD",
                Some("id"),
            ),
            (
                ApiError::InvalidField {
                    field: "apps[0]".into(),
                    expected: "an object",
                },
                "INVALID_FIELD",
                Some("apps[0]"),
            ),
            (
                ApiError::UnknownField {
                    field: "wabaID".into(),
                },
                "UNKNOWN_FIELD",
                Some("wabaID"),
            ),
            (
                ApiError::InvalidTimestamp {
                    field: "createdAt".into(),
                },
                "INVALID_TIMESTAMP",
                Some("createdAt"),
            ),
            (
                ApiError::InvalidPhoneNumber {
                    field: "displayPhoneNumber".into(),
                    reason: "TOO_SHORT",
                    detail: "d".into(),
                },
                "INVALID_PHONE_NUMBER",
                Some("displayPhoneNumber"),
            ),
            (
                ApiError::InvalidMetaId {
                    field: "wabaId".into(),
                },
                "INVALID_META_ID",
                Some("wabaId"),
            ),
            (
                ApiError::InvalidAppId {
                    field: "appIds[0]".into(),
                },
                "INVALID_APP_ID",
                Some("appIds[0]"),
            ),
            (
                ApiError::InvalidPhoneNumberId { field: "id".into() },
                "INVALID_PHONE_NUMBER_ID",
                Some("id"),
            ),
            (
                ApiError::InvalidBusinessProfileId { field: "id".into() },
                "INVALID_BUSINESS_PROFILE_ID",
                Some("id"),
            ),
            (ApiError::EmptyCode, "EMPTY_CODE", Some("code")),
            (
                ApiError::EmptyField {
                    field: "verified_name".into(),
                },
                "EMPTY_FIELD",
                Some("verified_name"),
            ),
            (
                ApiError::InvalidUrl {
                    field: "redirectUri".into(),
                    rule: UrlRule::NotHttps,
                },
                "INVALID_URL",
                Some("redirectUri"),
            ),
            (ApiError::EmptyUpdate, "EMPTY_UPDATE", None),
        ];
        for (err, code, field) in cases {
            assert_eq!(err.code(), code, "{err:?}");
            assert_eq!(err.field(), field, "{err:?}");
            if let Some(f) = field {
                assert!(
                    err.to_string().contains(f),
                    "message names the field: {err}"
                );
            }
        }
    }

    #[test]
    fn an_invalid_url_gives_its_rule_as_the_reason() {
        let err = ApiError::InvalidUrl {
            field: "redirectUri".into(),
            rule: UrlRule::NotHttps,
        };
        assert_eq!(err.reason(), Some("NOT_HTTPS"));
    }
}
