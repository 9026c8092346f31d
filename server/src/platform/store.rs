//! The sandbox platform's in-memory state: business profiles (seed 003) and
//! phone numbers (seeds 000/001), with real `wabp_test_` / `wapn_test_` ids.

use axum::http::StatusCode;
use serde_json::{json, Value};
use wa_signup::api::{
    AssignAppsRequest, BusinessProfile, BusinessProfilePhoneNumber, PhoneNumberApp,
    PhoneNumberBusinessProfile, PhoneNumberResource, RegisterPhoneNumberRequest, Timestamp,
};
use wa_signup::ids::{IdKind, PlatformId};
use wa_signup::ksuid::Ksuid;

use super::error::PlatformError;
use crate::meta::grants::GrantSpec;
use crate::{random, rfc3339};

/// The organization every sandbox profile belongs to.
pub const ORGANIZATION_ID: &str = "org_sandbox";

/// Meta's Embedded Signup template issues 60-day business tokens.
const TOKEN_LIFETIME_MS: u64 = 60 * 24 * 3600 * 1000;

/// Quality rating of sandbox numbers.
const QUALITY_RATING: &str = "GREEN";

/// At most this many profiles and this many numbers are kept.
const MAX_RESOURCES: usize = 10_000;

/// Profiles and numbers.
#[derive(Debug, Default)]
pub struct PlatformStore {
    profiles: Vec<BusinessProfile>,
    numbers: Vec<PhoneNumberResource>,
}

/// Mints `wabp_test_…` / `wapn_test_…` / … with a real KSUID for `now_ms`.
pub fn mint_id(kind: IdKind, now_ms: u64) -> Result<String, PlatformError> {
    let payload = random::bytes::<16>().map_err(|e| PlatformError::internal(e.to_string()))?;
    let ksuid = Ksuid::from_parts(now_ms / 1000, payload)
        .map_err(|e| PlatformError::internal(format!("cannot mint an id: {e}")))?;
    Ok(PlatformId::new(kind, true, ksuid).to_string())
}

fn timestamp(ms: u64) -> Result<Timestamp, PlatformError> {
    Timestamp::parse(&rfc3339::format_seconds(ms))
        .map_err(|e| PlatformError::internal(format!("cannot format a timestamp: {e}")))
}

fn full() -> PlatformError {
    PlatformError::new(
        StatusCode::INSUFFICIENT_STORAGE,
        "SANDBOX_FULL",
        "the sandbox keeps at most 10000 resources; POST /__sandbox/reset",
    )
}

/// A sandbox name and slug for an app id.
fn app(app_id: &str) -> PhoneNumberApp {
    let tail: String = app_id
        .chars()
        .rev()
        .take(6)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    PhoneNumberApp {
        app_id: app_id.to_owned(),
        app_name: format!("Sandbox app {tail}"),
        app_slug: format!("sandbox-app-{}", tail.to_ascii_lowercase()),
    }
}

fn apps(ids: &[String]) -> Vec<PhoneNumberApp> {
    let mut out: Vec<PhoneNumberApp> = Vec::new();
    for id in ids {
        if !out.iter().any(|a| &a.app_id == id) {
            out.push(app(id));
        }
    }
    out
}

impl PlatformStore {
    /// Completes onboarding for a redeemed code: creates (or refreshes) the
    /// WABA's business profile and its phone number. `true` when created.
    pub fn onboard(
        &mut self,
        grant: &GrantSpec,
        now_ms: u64,
    ) -> Result<(bool, BusinessProfile), PlatformError> {
        let now = timestamp(now_ms)?;
        let token_expires = timestamp(now_ms.saturating_add(TOKEN_LIFETIME_MS))?;
        let existing = self
            .profiles
            .iter()
            .position(|p| p.meta_waba_id == grant.waba_id);
        let (created, index) = match existing {
            Some(i) => (false, i),
            None => {
                if self.profiles.len() >= MAX_RESOURCES {
                    return Err(full());
                }
                self.profiles.push(BusinessProfile {
                    id: mint_id(IdKind::BusinessProfile, now_ms)?,
                    organization_id: ORGANIZATION_ID.to_owned(),
                    meta_waba_id: grant.waba_id.clone(),
                    meta_business_id: None,
                    business_name: None,
                    token_expires_at: None,
                    onboarding_completed_at: None,
                    created_at: now.clone(),
                    phone_numbers: Vec::new(),
                    is_test_profile: true,
                });
                (true, self.profiles.len() - 1)
            }
        };
        let (profile_id, business_name) = match self.profiles.get_mut(index) {
            Some(profile) => {
                profile.meta_business_id = Some(grant.business_id.clone());
                profile.business_name = Some(grant.business_name.clone());
                profile.token_expires_at = Some(token_expires);
                profile.onboarding_completed_at = Some(now.clone());
                (profile.id.clone(), profile.business_name.clone())
            }
            None => return Err(PlatformError::internal("profile vanished")),
        };
        if let (Some(meta_id), Some(display)) =
            (&grant.phone_number_id, &grant.display_phone_number)
        {
            match self
                .numbers
                .iter_mut()
                .find(|n| &n.meta_phone_number_id == meta_id)
            {
                Some(number) => {
                    number.meta_business_account_id = grant.waba_id.clone();
                    number.business_profile = PhoneNumberBusinessProfile {
                        id: profile_id.clone(),
                        meta_waba_id: grant.waba_id.clone(),
                        business_name: business_name.clone(),
                    };
                    number.updated_at = now.clone();
                }
                None => {
                    if self.numbers.len() >= MAX_RESOURCES {
                        return Err(full());
                    }
                    self.numbers.push(PhoneNumberResource {
                        id: mint_id(IdKind::PhoneNumber, now_ms)?,
                        display_phone_number: display.clone(),
                        meta_phone_number_id: meta_id.clone(),
                        meta_business_account_id: grant.waba_id.clone(),
                        verified: true,
                        quality_rating: Some(QUALITY_RATING.to_owned()),
                        is_test_number: true,
                        cloud_api_registered: true,
                        business_profile: PhoneNumberBusinessProfile {
                            id: profile_id.clone(),
                            meta_waba_id: grant.waba_id.clone(),
                            business_name: business_name.clone(),
                        },
                        apps: Vec::new(),
                        created_at: now.clone(),
                        updated_at: now.clone(),
                    });
                }
            }
        }
        self.refresh_profile_numbers(index);
        let profile = self
            .profiles
            .get(index)
            .cloned()
            .ok_or_else(|| PlatformError::internal("profile vanished"))?;
        Ok((created, profile))
    }

    /// Seed 001: registers a number on a WABA that completed onboarding.
    pub fn register(
        &mut self,
        req: &RegisterPhoneNumberRequest,
        now_ms: u64,
    ) -> Result<PhoneNumberResource, PlatformError> {
        if self
            .numbers
            .iter()
            .any(|n| n.meta_phone_number_id == req.meta_phone_number_id())
        {
            return Err(PlatformError::new(
                StatusCode::CONFLICT,
                "PHONE_NUMBER_ALREADY_REGISTERED",
                "a phone number with this metaPhoneNumberId is already registered",
            )
            .with_field("metaPhoneNumberId"));
        }
        let index = self
            .profiles
            .iter()
            .position(|p| p.meta_waba_id == req.meta_business_account_id())
            .ok_or_else(|| {
                PlatformError::new(
                    StatusCode::NOT_FOUND,
                    "BUSINESS_PROFILE_NOT_FOUND",
                    "no business profile for this metaBusinessAccountId: complete Embedded Signup (the callback) first",
                )
                .with_field("metaBusinessAccountId")
            })?;
        if self.numbers.len() >= MAX_RESOURCES {
            return Err(full());
        }
        let profile = self
            .profiles
            .get(index)
            .ok_or_else(|| PlatformError::internal("profile vanished"))?;
        let now = timestamp(now_ms)?;
        let number = PhoneNumberResource {
            id: mint_id(IdKind::PhoneNumber, now_ms)?,
            display_phone_number: req.display_phone_number().to_owned(),
            meta_phone_number_id: req.meta_phone_number_id().to_owned(),
            meta_business_account_id: req.meta_business_account_id().to_owned(),
            verified: true,
            quality_rating: Some(QUALITY_RATING.to_owned()),
            is_test_number: true,
            cloud_api_registered: true,
            business_profile: PhoneNumberBusinessProfile {
                id: profile.id.clone(),
                meta_waba_id: profile.meta_waba_id.clone(),
                business_name: profile.business_name.clone(),
            },
            apps: apps(req.app_ids().unwrap_or(&[])),
            created_at: now.clone(),
            updated_at: now,
        };
        self.numbers.push(number.clone());
        self.refresh_profile_numbers(index);
        Ok(number)
    }

    /// Seed 000: replaces the apps of a phone number.
    pub fn assign_apps(
        &mut self,
        req: &AssignAppsRequest,
        now_ms: u64,
    ) -> Result<PhoneNumberResource, PlatformError> {
        let now = timestamp(now_ms)?;
        let number = self
            .numbers
            .iter_mut()
            .find(|n| n.id == req.phone_number_id())
            .ok_or_else(|| {
                PlatformError::new(
                    StatusCode::NOT_FOUND,
                    "PHONE_NUMBER_NOT_FOUND",
                    "no phone number with this id",
                )
                .with_field("phoneNumberId")
            })?;
        number.apps = apps(req.app_ids());
        number.updated_at = now;
        Ok(number.clone())
    }

    /// Everything, for `GET /__sandbox/state`.
    pub fn snapshot(&self) -> Value {
        json!({ "businessProfiles": self.profiles, "phoneNumbers": self.numbers })
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        self.profiles.clear();
        self.numbers.clear();
    }

    fn refresh_profile_numbers(&mut self, index: usize) {
        let Some(profile) = self.profiles.get_mut(index) else {
            return;
        };
        profile.phone_numbers = self
            .numbers
            .iter()
            .filter(|n| n.meta_business_account_id == profile.meta_waba_id)
            .map(|n| BusinessProfilePhoneNumber {
                id: n.id.clone(),
                display_phone_number: n.display_phone_number.clone(),
                meta_phone_number_id: n.meta_phone_number_id.clone(),
                verified: n.verified,
                quality_rating: n.quality_rating.clone(),
            })
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::assets;

    const NOW: u64 = 1_699_335_116_000;

    fn grant(phone: bool) -> GrantSpec {
        GrantSpec {
            waba_id: assets::WABA_ID.into(),
            business_id: assets::BUSINESS_ID.into(),
            business_name: assets::BUSINESS_NAME.into(),
            phone_number_id: phone.then(|| assets::PHONE_NUMBER_ID.into()),
            display_phone_number: phone.then(|| assets::DISPLAY_PHONE_NUMBER.into()),
            is_coexistence: false,
            redirect_uri: None,
            app_id: None,
        }
    }

    #[test]
    fn onboarding_creates_a_profile_with_real_ids_then_refreshes_it() {
        let mut store = PlatformStore::default();
        let (created, profile) = store.onboard(&grant(true), NOW).expect("ok");
        assert!(created);
        assert!(
            wa_signup::ids::is_business_profile_id(&profile.id),
            "{}",
            profile.id
        );
        let parsed = wa_signup::ids::parse_id(&profile.id).expect("id");
        assert!(parsed.is_test());
        assert_eq!(parsed.timestamp(), NOW / 1000);
        assert_eq!(profile.created_at.to_string(), "2023-11-07T05:31:56Z");
        assert_eq!(profile.phone_numbers.len(), 1);
        assert!(wa_signup::ids::is_phone_number_id(
            &profile.phone_numbers[0].id
        ));
        let json = serde_json::to_string(&profile).expect("json");
        assert!(
            wa_signup::api::parse_business_profile(&json).is_ok(),
            "{json}"
        );

        let (created, again) = store.onboard(&grant(false), NOW + 1000).expect("ok");
        assert!(!created);
        assert_eq!(again.id, profile.id);
        assert_eq!(again.phone_numbers.len(), 1, "keeps the WABA's numbers");
    }

    #[test]
    fn register_needs_an_onboarded_waba_and_refuses_duplicates() {
        let mut store = PlatformStore::default();
        let req = RegisterPhoneNumberRequest::from_json(&format!(
            r#"{{"displayPhoneNumber":"+15550001111","metaPhoneNumberId":"123456789012345","metaBusinessAccountId":"{}","appIds":["app_2DbBs7GWhGvVNJGrDXr5RG0mBWI"]}}"#,
            assets::WABA_ID
        ))
        .expect("valid");
        let e = store.register(&req, NOW).expect_err("no profile yet");
        assert_eq!(
            (e.status, e.code),
            (StatusCode::NOT_FOUND, "BUSINESS_PROFILE_NOT_FOUND")
        );
        store.onboard(&grant(false), NOW).expect("ok");
        let number = store.register(&req, NOW).expect("registered");
        assert_eq!(number.apps.len(), 1);
        assert_eq!(number.apps[0].app_slug, "sandbox-app-g0mbwi");
        let json = serde_json::to_string(&number).expect("json");
        assert!(
            wa_signup::api::parse_phone_number_resource(&json).is_ok(),
            "{json}"
        );
        let e = store.register(&req, NOW).expect_err("duplicate");
        assert_eq!(e.status, StatusCode::CONFLICT);

        let assign = AssignAppsRequest::from_json(&number.id, r#"{"appIds":[]}"#).expect("valid");
        assert!(store.assign_apps(&assign, NOW).expect("ok").apps.is_empty());
        let missing =
            AssignAppsRequest::from_json("wapn_2DbBs7GWhGvVNJGrDXr5RG0mBWI", r#"{"appIds":[]}"#)
                .expect("valid");
        assert_eq!(
            store.assign_apps(&missing, NOW).expect_err("404").code,
            "PHONE_NUMBER_NOT_FOUND"
        );
    }
}
