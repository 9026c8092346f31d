//! Seed 003: the business-profile callback, as a platform implements it:
//! validate the body, exchange the code with Meta (here: the sandbox's grant
//! store; once, within 30 s, same `redirect_uri`), check the session ids
//! against what the code grants, then create the `wabp_` profile.

use axum::http::StatusCode;
use serde_json::Value;
use wa_signup::api::CallbackRequest;

use super::error::PlatformError;
use super::store::PlatformStore;
use crate::meta::grants::{Grant, GrantStore, RedeemError};
use crate::request_log::GrantRef;

/// What the callback answered.
#[derive(Debug, Clone)]
pub struct Answer {
    /// 201 (created), 200 (refreshed) or the error status.
    pub status: StatusCode,
    /// The profile, or `{ "error": … }`.
    pub body: Value,
    /// What happened to the code.
    pub grant: Option<GrantRef>,
}

impl Answer {
    fn error(err: PlatformError, grant: Option<GrantRef>) -> Self {
        Self {
            status: err.status,
            body: err.body(),
            grant,
        }
    }
}

/// Handles one callback body.
pub fn process(
    grants: &mut GrantStore,
    platform: &mut PlatformStore,
    raw: &[u8],
    now_ms: u64,
) -> Answer {
    let request = match std::str::from_utf8(raw)
        .map_err(|_| wa_signup::api::ApiError::InvalidJson {
            reason: "the body is not UTF-8".into(),
        })
        .and_then(CallbackRequest::from_json)
    {
        Ok(r) => r,
        Err(e) => {
            // Refused before the exchange: the code (if any) stays valid.
            let grant = serde_json::from_slice::<Value>(raw)
                .ok()
                .and_then(|v| v.get("code").and_then(Value::as_str).map(str::to_owned))
                .map(|code| GrantRef {
                    id: grants.peek_id(&code),
                    result: "notRedeemed",
                });
            return Answer::error(PlatformError::invalid_request(&e), grant);
        }
    };
    let grant = match grants.redeem(request.code(), now_ms) {
        Ok(g) => g,
        Err(RedeemError::Unknown) => {
            return Answer::error(
                PlatformError::unknown_code(),
                Some(GrantRef {
                    id: None,
                    result: "unknown",
                }),
            )
        }
        Err(RedeemError::Expired { grant_id }) => {
            return Answer::error(
                PlatformError::expired_code(),
                Some(GrantRef {
                    id: Some(grant_id),
                    result: "expired",
                }),
            )
        }
        Err(RedeemError::Used { grant_id }) => {
            return Answer::error(
                PlatformError::used_code(),
                Some(GrantRef {
                    id: Some(grant_id),
                    result: "used",
                }),
            )
        }
    };
    let grant_ref = Some(GrantRef {
        id: Some(grant.id),
        result: "redeemed",
    });
    if let Err(e) = check_against_grant(&request, &grant) {
        return Answer::error(e, grant_ref);
    }
    match platform.onboard(&grant.spec, now_ms) {
        Ok((created, profile)) => Answer {
            status: if created {
                StatusCode::CREATED
            } else {
                StatusCode::OK
            },
            body: serde_json::to_value(&profile).unwrap_or(Value::Null),
            grant: grant_ref,
        },
        Err(e) => Answer::error(e, grant_ref),
    }
}

/// The session ids the browser sent must be the ones the code grants.
fn check_against_grant(request: &CallbackRequest, grant: &Grant) -> Result<(), PlatformError> {
    let spec = &grant.spec;
    if request.redirect_uri() != spec.redirect_uri.as_deref() {
        return Err(PlatformError::redirect_uri_mismatch());
    }
    let not_granted = |code, field: &str, what: &str| {
        PlatformError::new(
            StatusCode::FORBIDDEN,
            code,
            format!("the authorization code does not grant access to this {what}"),
        )
        .with_field(field)
    };
    if request.waba_id().is_some_and(|id| id != spec.waba_id) {
        return Err(not_granted(
            "WABA_NOT_GRANTED",
            "wabaId",
            "WhatsApp Business Account",
        ));
    }
    if request
        .phone_number_id()
        .is_some_and(|id| Some(id) != spec.phone_number_id.as_deref())
    {
        return Err(not_granted(
            "PHONE_NUMBER_NOT_GRANTED",
            "phoneNumberId",
            "phone number",
        ));
    }
    if request
        .business_id()
        .is_some_and(|id| id != spec.business_id)
    {
        return Err(not_granted(
            "BUSINESS_NOT_GRANTED",
            "businessId",
            "business portfolio",
        ));
    }
    if request
        .is_coexistence()
        .is_some_and(|c| c != spec.is_coexistence)
    {
        let message = if spec.is_coexistence {
            "the number was onboarded from the WhatsApp Business app (FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING): isCoexistence must be true, or registering it for Cloud API only would log the business out of the app"
        } else {
            "isCoexistence is true but the signup did not go through WhatsApp Business app onboarding"
        };
        return Err(
            PlatformError::new(StatusCode::BAD_REQUEST, "COEXISTENCE_MISMATCH", message)
                .with_field("isCoexistence"),
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::assets;
    use crate::meta::grants::{GrantSpec, CODE_TTL_MS};

    const NOW: u64 = 1_700_000_000_000;

    fn spec() -> GrantSpec {
        GrantSpec {
            waba_id: assets::WABA_ID.into(),
            business_id: assets::BUSINESS_ID.into(),
            business_name: assets::BUSINESS_NAME.into(),
            phone_number_id: Some(assets::PHONE_NUMBER_ID.into()),
            display_phone_number: Some(assets::DISPLAY_PHONE_NUMBER.into()),
            is_coexistence: false,
            redirect_uri: None,
            app_id: None,
        }
    }

    fn run(body: &str, at: u64) -> (Answer, GrantStore, PlatformStore) {
        let mut grants = GrantStore::default();
        let mut platform = PlatformStore::default();
        grants.insert("AQgood", spec(), NOW);
        let a = process(&mut grants, &mut platform, body.as_bytes(), at);
        (a, grants, platform)
    }

    fn code_of(a: &Answer) -> &str {
        a.body["error"]["code"].as_str().unwrap_or("")
    }

    #[test]
    fn body_errors_are_refused_before_the_code_is_spent() {
        let cases = [
            ("nope", "INVALID_JSON"),
            ("{}", "MISSING_FIELD"),
            (r#"{"code":""}"#, "EMPTY_CODE"),
            (r#"{"code":"AQgood","wabaId":"0123"}"#, "INVALID_META_ID"),
            (
                r#"{"code":"AQgood","isCoexistence":"yes"}"#,
                "INVALID_FIELD",
            ),
            (r#"{"code":"AQgood","wabaID":"1"}"#, "UNKNOWN_FIELD"),
        ];
        for (body, want) in cases {
            let (a, mut grants, _) = run(body, NOW);
            assert_eq!(
                (a.status, code_of(&a)),
                (StatusCode::BAD_REQUEST, want),
                "{body}"
            );
            assert!(
                grants.redeem("AQgood", NOW).is_ok(),
                "code still usable after {body}"
            );
        }
    }

    #[test]
    fn code_errors_look_like_a_failed_meta_exchange() {
        let (a, _, _) = run(r#"{"code":"AQbad"}"#, NOW);
        assert_eq!(code_of(&a), "INVALID_CODE");
        assert_eq!(a.grant.map(|g| g.result), Some("unknown"));
        let (a, _, _) = run(r#"{"code":"AQgood"}"#, NOW + CODE_TTL_MS);
        assert_eq!(code_of(&a), "CODE_EXPIRED");
        assert_eq!(a.body["error"]["metaError"]["code"], 100);
    }

    #[test]
    fn a_valid_body_creates_the_profile_and_the_code_cannot_be_reused() {
        let body = format!(
            r#"{{"code":"AQgood","wabaId":"{}","phoneNumberId":"{}","businessId":"{}","isCoexistence":false}}"#,
            assets::WABA_ID,
            assets::PHONE_NUMBER_ID,
            assets::BUSINESS_ID
        );
        let mut grants = GrantStore::default();
        let mut platform = PlatformStore::default();
        grants.insert("AQgood", spec(), NOW);
        let a = process(&mut grants, &mut platform, body.as_bytes(), NOW + 10);
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
        assert_eq!(a.body["metaWabaId"], assets::WABA_ID);
        assert_eq!(
            a.body["phoneNumbers"][0]["displayPhoneNumber"],
            assets::DISPLAY_PHONE_NUMBER
        );
        let again = process(&mut grants, &mut platform, body.as_bytes(), NOW + 20);
        assert_eq!(code_of(&again), "CODE_ALREADY_USED");
    }

    #[test]
    fn session_ids_must_match_the_grant() {
        let cases = [
            (r#"{"code":"AQgood","wabaId":"999"}"#, "WABA_NOT_GRANTED"),
            (
                r#"{"code":"AQgood","phoneNumberId":"999"}"#,
                "PHONE_NUMBER_NOT_GRANTED",
            ),
            (
                r#"{"code":"AQgood","businessId":"999"}"#,
                "BUSINESS_NOT_GRANTED",
            ),
            (
                r#"{"code":"AQgood","isCoexistence":true}"#,
                "COEXISTENCE_MISMATCH",
            ),
            (
                r#"{"code":"AQgood","redirectUri":"https://app.example.com/return"}"#,
                "REDIRECT_URI_MISMATCH",
            ),
        ];
        for (body, want) in cases {
            let (a, _, _) = run(body, NOW);
            assert_eq!(code_of(&a), want, "{body}");
        }
        let (a, _, _) = run(r#"{"code":"AQgood"}"#, NOW);
        assert_eq!(
            a.status,
            StatusCode::CREATED,
            "ids are optional: fetched from Meta"
        );
    }
}
