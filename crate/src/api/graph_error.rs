//! Meta Graph API errors: the `{ "error": { ... } }` envelope and the error
//! codes seed 004 lists for `POST /{WABA-ID}/phone_numbers`.

use serde::{Deserialize, Serialize};

use super::error::ApiError;
use super::schema::{field, no_extra_check, typed, Kind, Presence, Schema};

/// The error codes seed 004 documents for adding a phone number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MetaErrorCode {
    /// 100: Invalid parameter.
    InvalidParameter,
    /// 104: Incorrect signature.
    IncorrectSignature,
    /// 200: Permissions error.
    PermissionsError,
    /// 102: Session key invalid or no longer valid.
    SessionKeyInvalid,
    /// 300: Edit failure.
    EditFailure,
    /// 200000: Cannot add phone number to WhatsApp Business Account.
    CannotAddPhoneNumber,
    /// 190: Invalid OAuth 2.0 Access Token.
    InvalidOAuthAccessToken,
}

impl MetaErrorCode {
    /// Every documented code, in the seed's order.
    pub const ALL: [MetaErrorCode; 7] = [
        Self::InvalidParameter,
        Self::IncorrectSignature,
        Self::PermissionsError,
        Self::SessionKeyInvalid,
        Self::EditFailure,
        Self::CannotAddPhoneNumber,
        Self::InvalidOAuthAccessToken,
    ];

    /// The documented code for a numeric `code`, or `None` for any other.
    pub fn from_code(code: i64) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The numeric code Meta sends.
    pub fn code(self) -> i64 {
        match self {
            Self::InvalidParameter => 100,
            Self::IncorrectSignature => 104,
            Self::PermissionsError => 200,
            Self::SessionKeyInvalid => 102,
            Self::EditFailure => 300,
            Self::CannotAddPhoneNumber => 200_000,
            Self::InvalidOAuthAccessToken => 190,
        }
    }

    /// The seed's description of the code.
    pub fn description(self) -> &'static str {
        match self {
            Self::InvalidParameter => "Invalid parameter",
            Self::IncorrectSignature => "Incorrect signature",
            Self::PermissionsError => "Permissions error",
            Self::SessionKeyInvalid => "Session key invalid or no longer valid",
            Self::EditFailure => "Edit failure",
            Self::CannotAddPhoneNumber => "Cannot add phone number to WhatsApp Business Account",
            Self::InvalidOAuthAccessToken => "Invalid OAuth 2.0 Access Token",
        }
    }
}

/// The inner object of a Graph API error response (snake_case, `type` as is).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphError {
    /// Meta's human message.
    pub message: String,
    /// Meta's error type, e.g. `OAuthException`.
    #[serde(rename = "type")]
    pub error_type: String,
    /// The numeric code; see [`GraphError::known_code`].
    pub code: i64,
    /// A finer code, when Meta sends one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_subcode: Option<i64>,
    /// Meta's trace id for support requests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fbtrace_id: Option<String>,
}

impl GraphError {
    /// The seed 004 code this error carries, if it is one of them.
    pub fn known_code(&self) -> Option<MetaErrorCode> {
        MetaErrorCode::from_code(self.code)
    }
}

/// `{ "error": GraphError }`, the body of every Graph API error response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphErrorEnvelope {
    /// The error.
    pub error: GraphError,
}

static ERROR: Schema = Schema {
    fields: &[
        field("message", Kind::Str, Presence::Required),
        field("type", Kind::Str, Presence::Required),
        field("code", Kind::Int, Presence::Required),
        field("error_subcode", Kind::Int, Presence::Optional),
        field("fbtrace_id", Kind::Str, Presence::Optional),
    ],
    deny_unknown: false,
};

static ENVELOPE_SCHEMA: Schema = Schema {
    fields: &[field("error", Kind::Object(&ERROR), Presence::Required)],
    deny_unknown: false,
};

/// Parses a Graph API error body `{ "error": { message, type, code, error_subcode?, fbtrace_id? } }`
/// and returns the inner error. Other keys Meta adds (`error_user_msg`, …) are ignored.
pub fn parse_graph_error(json: &str) -> Result<GraphError, ApiError> {
    typed::<GraphErrorEnvelope>(json, &ENVELOPE_SCHEMA, no_extra_check).map(|e| e.error)
}

#[cfg(any(test, all(target_arch = "wasm32", feature = "js-api")))]
/// The same checks, for the JS adapter: the projected inner `error` object,
/// plus `description` when `code` is one of seed 004's.
pub(crate) fn project_graph_error(json: &str) -> Result<super::schema::Projected, ApiError> {
    use super::schema::{projected, Projected};
    let Projected::Object(mut outer) = projected(json, &ENVELOPE_SCHEMA, no_extra_check)? else {
        return Ok(Projected::Object(Vec::new()));
    };
    let Some(("error", Projected::Object(mut fields))) = outer.pop() else {
        return Ok(Projected::Object(Vec::new()));
    };
    let known = fields.iter().find_map(|(key, value)| match (key, value) {
        (&"code", Projected::Leaf(code)) => code.as_i64().and_then(MetaErrorCode::from_code),
        _ => None,
    });
    if let Some(code) = known {
        fields.push((
            "description",
            Projected::Leaf(crate::json::Value::String(code.description().to_owned())),
        ));
    }
    Ok(Projected::Object(fields))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::schema::testing::{assert_every_field_checked, assert_projection_matches};

    const SAMPLE: &str = r#"{
  "error": {
    "message": "Invalid OAuth access token - Cannot parse access token",
    "type": "OAuthException",
    "code": 190,
    "error_subcode": 463,
    "fbtrace_id": "AbCdEfGhIjK"
  }
}"#;

    #[test]
    fn code_table_matches_the_seed() {
        let seed = [
            (100, "Invalid parameter"),
            (104, "Incorrect signature"),
            (200, "Permissions error"),
            (102, "Session key invalid or no longer valid"),
            (300, "Edit failure"),
            (
                200000,
                "Cannot add phone number to WhatsApp Business Account",
            ),
            (190, "Invalid OAuth 2.0 Access Token"),
        ];
        assert_eq!(MetaErrorCode::ALL.len(), seed.len());
        for (c, (code, description)) in MetaErrorCode::ALL.into_iter().zip(seed) {
            assert_eq!((c.code(), c.description()), (code, description));
            assert_eq!(MetaErrorCode::from_code(code), Some(c));
        }
        for other in [0, 1, 101, 2000, 131_000, -190, i64::MAX] {
            assert_eq!(MetaErrorCode::from_code(other), None);
        }
    }

    #[test]
    fn parses_the_envelope() {
        let e = parse_graph_error(SAMPLE).unwrap();
        assert_eq!(e.code, 190);
        assert_eq!(e.error_type, "OAuthException");
        assert_eq!(e.error_subcode, Some(463));
        assert_eq!(e.known_code(), Some(MetaErrorCode::InvalidOAuthAccessToken));
        let envelope = GraphErrorEnvelope { error: e.clone() };
        assert_eq!(
            serde_json::to_value(&envelope).unwrap(),
            serde_json::from_str::<serde_json::Value>(SAMPLE).unwrap()
        );
        assert_projection_matches(SAMPLE, &ENVELOPE_SCHEMA, &envelope);
        let inner = serde_json::to_string(&project_graph_error(SAMPLE).unwrap()).unwrap();
        let typed = serde_json::to_string(&e).unwrap();
        let described = format!(
            "{},\"description\":\"Invalid OAuth 2.0 Access Token\"}}",
            typed.trim_end_matches('}')
        );
        assert_eq!(inner, described);
        let unknown = r#"{"error":{"message":"m","type":"t","code":1}}"#;
        assert_eq!(
            serde_json::to_string(&project_graph_error(unknown).unwrap()).unwrap(),
            r#"{"message":"m","type":"t","code":1}"#
        );
    }

    #[test]
    fn every_field_is_checked_by_name() {
        let optional = ["error.error_subcode", "error.fbtrace_id"];
        assert_every_field_checked(SAMPLE, parse_graph_error, &[], &optional);
        assert_every_field_checked(SAMPLE, project_graph_error, &[], &optional);
    }

    #[test]
    fn unknown_code_and_extra_keys_are_kept_or_ignored() {
        let e = parse_graph_error(
            r#"{"error":{"message":"m","type":"GraphMethodException","code":131000,"error_user_msg":"u"}}"#,
        )
        .unwrap();
        assert_eq!(
            (e.code, e.known_code(), e.error_subcode, e.fbtrace_id),
            (131_000, None, None, None)
        );
    }

    #[test]
    fn not_an_error_body() {
        assert_eq!(
            parse_graph_error(r#"{"id":"123"}"#),
            Err(ApiError::MissingField {
                field: "error".into()
            })
        );
        assert_eq!(
            parse_graph_error(r#"{"error":{"message":"m","type":"t","code":"190"}}"#),
            Err(ApiError::InvalidField {
                field: "error.code".into(),
                expected: "an integer"
            })
        );
        assert!(matches!(
            parse_graph_error("<html>"),
            Err(ApiError::InvalidJson { .. })
        ));
    }
}
