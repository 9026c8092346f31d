//! The authorization code (kept out of logs) and the callback's JSON body (seed 003).

use serde::Serialize;

use super::session_info::SessionInfo;
use crate::events::SessionIds;

/// Meta's short-lived, single-use authorization code.
///
/// `Debug` prints `AuthCode(<redacted>)` and there is no `Display`, so the code
/// cannot end up in a log by accident; only the callback body serialises it.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct AuthCode(String);

impl AuthCode {
    /// Wraps a code; `None` for an empty string (Meta's code has at least one character).
    pub fn new(code: impl Into<String>) -> Option<AuthCode> {
        let code = code.into();
        if code.is_empty() {
            None
        } else {
            Some(AuthCode(code))
        }
    }

    /// The code itself. Only for the callback request.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for AuthCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuthCode(<redacted>)")
    }
}

/// The JSON body POSTed to `callbackUrl`, field for field as seed 003
/// (`POST …/business-profiles/callback`): absent fields are left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CallbackBody {
    /// The authorization code (redacted in `Debug`).
    pub code: AuthCode,
    /// The redirect URI used in the OAuth dialog (redirect mode only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirect_uri: Option<String>,
    /// The WABA, phone number and business portfolio ids from the session info.
    #[serde(flatten)]
    pub ids: SessionIds,
    /// Whether the FINISH event was `FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING`;
    /// present only when a FINISH event arrived.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_coexistence: Option<bool>,
}

impl CallbackBody {
    /// The body for `code`, with the session ids when `session` is known.
    pub fn new(
        code: AuthCode,
        redirect_uri: Option<String>,
        session: Option<&SessionInfo>,
    ) -> CallbackBody {
        CallbackBody {
            code,
            redirect_uri,
            ids: session.map(|s| s.ids.clone()).unwrap_or_default(),
            is_coexistence: session.map(|s| s.is_coexistence),
        }
    }

    /// The JSON text of the body.
    pub fn to_json(&self) -> String {
        // Serialising plain strings and bools cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn code() -> AuthCode {
        AuthCode::new("AQBx-secret-code").unwrap()
    }

    #[test]
    fn empty_code_is_refused() {
        assert!(AuthCode::new("").is_none());
    }

    #[test]
    fn debug_never_shows_the_code() {
        let body = CallbackBody::new(code(), Some("https://a.test/r".into()), None);
        let printed = format!("{body:?} {:?}", code());
        assert!(!printed.contains("AQBx"), "{printed}");
        assert!(printed.contains("<redacted>"));
    }

    #[test]
    fn body_without_session_has_only_the_code() {
        let body = CallbackBody::new(code(), None, None);
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&body.to_json()).unwrap(),
            json!({ "code": "AQBx-secret-code" })
        );
    }

    #[test]
    fn body_with_session_matches_seed_003_field_names() {
        let session = SessionInfo {
            event: "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING".into(),
            ids: SessionIds {
                waba_id: Some("1234".into()),
                phone_number_id: Some("5678".into()),
                business_id: Some("9012".into()),
            },
            is_coexistence: true,
            // Never in the body: seed 003 takes none of these.
            waba_ids: vec!["1234".into(), "1235".into()],
            assets: crate::events::AssetIds {
                page_ids: vec!["77".into()],
                ..Default::default()
            },
        };
        let body = CallbackBody::new(code(), Some("https://a.test/r".into()), Some(&session));
        assert_eq!(
            serde_json::to_value(&body).unwrap(),
            json!({
                "code": "AQBx-secret-code",
                "redirectUri": "https://a.test/r",
                "wabaId": "1234",
                "phoneNumberId": "5678",
                "businessId": "9012",
                "isCoexistence": true
            })
        );
    }

    #[test]
    fn finish_without_ids_still_says_is_coexistence_false() {
        let session = SessionInfo {
            event: "FINISH".into(),
            ..SessionInfo::default()
        };
        let body = CallbackBody::new(code(), None, Some(&session));
        assert_eq!(
            serde_json::to_value(&body).unwrap(),
            json!({ "code": "AQBx-secret-code", "isCoexistence": false })
        );
    }
}
