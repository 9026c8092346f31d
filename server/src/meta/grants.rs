//! One-time authorization codes: minted by the simulated dialog, redeemed once
//! by the sandbox platform within [`CODE_TTL_MS`].
//!
//! The store keeps a keyed hash of each code (SipHash with a per-process random
//! key), never the code itself, so nothing that can be listed or logged leaks it.

use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::BuildHasher;

use serde::{Deserialize, Serialize};

use crate::rfc3339;

/// Meta's codes expire 30 seconds after `FB.login` returns them.
pub const CODE_TTL_MS: u64 = 30_000;

/// Grants older than this are forgotten when new ones are minted.
const FORGET_AFTER_MS: u64 = 10 * 60_000;

/// At most this many grants are kept.
const MAX_GRANTS: usize = 10_000;

/// What the customer chose in the dialog, bound to the code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GrantSpec {
    /// Meta WhatsApp Business Account id.
    pub waba_id: String,
    /// Meta business portfolio id.
    pub business_id: String,
    /// Business portfolio name.
    pub business_name: String,
    /// Meta phone number id (absent when finished without a number).
    #[serde(default)]
    pub phone_number_id: Option<String>,
    /// The number in E.164.
    #[serde(default)]
    pub display_phone_number: Option<String>,
    /// Onboarded through the WhatsApp Business app (coexistence).
    #[serde(default)]
    pub is_coexistence: bool,
    /// Redirect mode: the `redirect_uri` of the dialog request.
    #[serde(default)]
    pub redirect_uri: Option<String>,
    /// The `client_id` the dialog was opened for.
    #[serde(default)]
    pub app_id: Option<String>,
}

impl GrantSpec {
    /// Checks the ids and the number; returns the offending field.
    pub fn validate(&self) -> Result<(), &'static str> {
        use wa_signup::meta_id::is_meta_id;
        if !is_meta_id(&self.waba_id) {
            return Err("wabaId");
        }
        if !is_meta_id(&self.business_id) {
            return Err("businessId");
        }
        if self.business_name.trim().is_empty() || self.business_name.len() > 200 {
            return Err("businessName");
        }
        if self
            .phone_number_id
            .as_deref()
            .is_some_and(|id| !is_meta_id(id))
        {
            return Err("phoneNumberId");
        }
        if self.phone_number_id.is_some() != self.display_phone_number.is_some() {
            return Err("displayPhoneNumber");
        }
        if self
            .display_phone_number
            .as_deref()
            .is_some_and(|n| !wa_signup::phone::is_e164(n))
        {
            return Err("displayPhoneNumber");
        }
        if self.app_id.as_deref().is_some_and(|id| !is_meta_id(id)) {
            return Err("appId");
        }
        if self.redirect_uri.as_deref().is_some_and(|u| u.len() > 2048) {
            return Err("redirectUri");
        }
        Ok(())
    }
}

/// A minted code's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    /// Sequence number, shown instead of the code.
    pub id: u64,
    /// What the code grants.
    pub spec: GrantSpec,
    /// When it was minted (Unix ms).
    pub issued_ms: u64,
    /// When it was redeemed, if it was.
    pub used_ms: Option<u64>,
}

/// Why a code could not be redeemed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedeemError {
    /// Never minted here (or forgotten).
    Unknown,
    /// Older than [`CODE_TTL_MS`].
    Expired {
        /// The grant's id.
        grant_id: u64,
    },
    /// Already redeemed once.
    Used {
        /// The grant's id.
        grant_id: u64,
    },
}

/// A grant as listed by `GET /__sandbox/grants` (never the code).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GrantSummary {
    id: u64,
    state: &'static str,
    issued_at: String,
    expires_at: String,
    #[serde(flatten)]
    spec: GrantSpec,
}

/// The codes minted by this process.
#[derive(Debug)]
pub struct GrantStore {
    key: RandomState,
    by_digest: HashMap<u64, Grant>,
    next_id: u64,
}

impl Default for GrantStore {
    fn default() -> Self {
        Self {
            key: RandomState::new(),
            by_digest: HashMap::new(),
            next_id: 1,
        }
    }
}

impl GrantStore {
    /// Binds `code` to `spec`; returns the grant id.
    pub fn insert(&mut self, code: &str, spec: GrantSpec, now_ms: u64) -> u64 {
        self.forget_old(now_ms);
        let id = self.next_id;
        self.next_id += 1;
        let digest = self.key.hash_one(code);
        self.by_digest.insert(
            digest,
            Grant {
                id,
                spec,
                issued_ms: now_ms,
                used_ms: None,
            },
        );
        id
    }

    /// Redeems `code` once, if it is known and unexpired.
    pub fn redeem(&mut self, code: &str, now_ms: u64) -> Result<Grant, RedeemError> {
        let digest = self.key.hash_one(code);
        let grant = self
            .by_digest
            .get_mut(&digest)
            .ok_or(RedeemError::Unknown)?;
        if grant.used_ms.is_some() {
            return Err(RedeemError::Used { grant_id: grant.id });
        }
        if now_ms >= grant.issued_ms.saturating_add(CODE_TTL_MS) {
            return Err(RedeemError::Expired { grant_id: grant.id });
        }
        grant.used_ms = Some(now_ms);
        Ok(grant.clone())
    }

    /// The grant id of `code`, without redeeming it.
    pub fn peek_id(&self, code: &str) -> Option<u64> {
        self.by_digest.get(&self.key.hash_one(code)).map(|g| g.id)
    }

    /// All grants, oldest first.
    pub fn summaries(&self, now_ms: u64) -> Vec<GrantSummary> {
        let mut out: Vec<GrantSummary> = self
            .by_digest
            .values()
            .map(|g| {
                let expires = g.issued_ms.saturating_add(CODE_TTL_MS);
                let state = if g.used_ms.is_some() {
                    "used"
                } else if now_ms >= expires {
                    "expired"
                } else {
                    "unused"
                };
                GrantSummary {
                    id: g.id,
                    state,
                    issued_at: rfc3339::format_millis(g.issued_ms),
                    expires_at: rfc3339::format_millis(expires),
                    spec: g.spec.clone(),
                }
            })
            .collect();
        out.sort_by_key(|s| s.id);
        out
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        self.by_digest.clear();
    }

    fn forget_old(&mut self, now_ms: u64) {
        self.by_digest
            .retain(|_, g| now_ms < g.issued_ms.saturating_add(FORGET_AFTER_MS));
        if self.by_digest.len() >= MAX_GRANTS {
            let oldest = self.by_digest.values().map(|g| g.id).min();
            self.by_digest.retain(|_, g| Some(g.id) != oldest);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> GrantSpec {
        GrantSpec {
            waba_id: "102290129340398".into(),
            business_id: "2729063490586005".into(),
            business_name: "Acme Corp".into(),
            phone_number_id: Some("106540352242922".into()),
            display_phone_number: Some("+15551234567".into()),
            is_coexistence: false,
            redirect_uri: None,
            app_id: Some("1234567890".into()),
        }
    }

    #[test]
    fn a_code_redeems_once_within_its_lifetime() {
        let mut store = GrantStore::default();
        let id = store.insert("AQabc", spec(), 1_000);
        assert_eq!(store.peek_id("AQabc"), Some(id));
        assert_eq!(store.redeem("AQnope", 1_001), Err(RedeemError::Unknown));
        let grant = store
            .redeem("AQabc", 1_000 + CODE_TTL_MS - 1)
            .expect("fresh");
        assert_eq!(grant.spec, spec());
        assert_eq!(
            store.redeem("AQabc", 1_002),
            Err(RedeemError::Used { grant_id: id })
        );
        assert_eq!(store.summaries(1_003)[0].state, "used");
    }

    #[test]
    fn a_code_expires_at_thirty_seconds() {
        let mut store = GrantStore::default();
        let id = store.insert("AQabc", spec(), 1_000);
        assert_eq!(store.summaries(1_000 + CODE_TTL_MS)[0].state, "expired");
        assert_eq!(
            store.redeem("AQabc", 1_000 + CODE_TTL_MS),
            Err(RedeemError::Expired { grant_id: id })
        );
    }

    #[test]
    fn old_grants_are_forgotten() {
        let mut store = GrantStore::default();
        store.insert("AQold", spec(), 0);
        store.insert("AQnew", spec(), FORGET_AFTER_MS);
        assert_eq!(store.peek_id("AQold"), None);
        assert!(store.peek_id("AQnew").is_some());
    }

    #[test]
    fn spec_validation_names_the_field() {
        type Edit = fn(&mut GrantSpec);
        let cases: Vec<(Edit, Option<&str>)> = vec![
            (|_| {}, None),
            (|s| s.waba_id = "01".into(), Some("wabaId")),
            (|s| s.business_id = "x".into(), Some("businessId")),
            (|s| s.business_name = " ".into(), Some("businessName")),
            (
                |s| s.phone_number_id = Some("12a".into()),
                Some("phoneNumberId"),
            ),
            (
                |s| s.display_phone_number = Some("5551234567".into()),
                Some("displayPhoneNumber"),
            ),
            (
                |s| s.display_phone_number = None,
                Some("displayPhoneNumber"),
            ),
            (
                |s| {
                    s.display_phone_number = None;
                    s.phone_number_id = None;
                },
                None,
            ),
            (|s| s.app_id = Some("abc".into()), Some("appId")),
        ];
        for (edit, want) in cases {
            let mut s = spec();
            edit(&mut s);
            assert_eq!(s.validate().err(), want, "{s:?}");
        }
    }
}
