//! Test knobs: how the sandbox callback answers and how the simulated dialog
//! delivers its events. Set with `POST /__sandbox/control` (the whole document
//! replaces the previous one; absent fields take their defaults), read with
//! `GET /__sandbox/control`, cleared by `POST /__sandbox/reset`.

use serde::{Deserialize, Serialize};
use wa_signup::events::CANCEL_STEPS;

/// Longest delay a knob accepts (the flow never waits longer than 25 s).
pub const MAX_DELAY_MS: u64 = 60_000;

/// All knobs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Control {
    /// How `POST /api/signup/callback` answers.
    pub callback: CallbackControl,
    /// How the simulated dialog behaves.
    pub dialog: DialogControl,
}

/// How the sandbox callback answers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct CallbackControl {
    /// Answer with this status (400-599) and a `SANDBOX_FORCED_ERROR` body
    /// instead of processing the request. The code is not redeemed.
    pub force_status: Option<u16>,
    /// Wait this long before answering (ms, at most [`MAX_DELAY_MS`]).
    pub delay_ms: u64,
}

/// How the simulated dialog behaves.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct DialogControl {
    /// Walk the steps by itself and end with this outcome (no clicks needed).
    pub auto: Option<AutoOutcome>,
    /// Screen named in the `CANCEL` event for `auto: "cancel"`
    /// (default `PHONE_NUMBER_SETUP`).
    pub cancel_step: Option<String>,
    /// Override the `version` field of the events (3 or 4). Default: 3 when
    /// `FB.login` passed `extras.sessionInfoVersion`, else 4.
    pub version: Option<u8>,
    /// Delay between the first and the second message (ms).
    pub event_delay_ms: u64,
    /// Never post the `WA_EMBEDDED_SIGNUP` message (code only).
    pub omit_events: bool,
    /// Deliver the code first, then the session event.
    pub events_after_code: bool,
    /// Post every session event twice.
    pub duplicate_events: bool,
    /// Finish but call the `FB.login` callback without an `authResponse`
    /// (a known Meta failure).
    pub no_auth_response: bool,
    /// Add Meta's optional asset lists to the finish event (`ad_account_ids`,
    /// `page_ids`, `dataset_ids`, `catalog_ids`, `instagram_account_ids`),
    /// as the implementation page shows them for a person who shared those.
    pub with_assets: bool,
}

/// Outcomes the dialog can reach by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AutoOutcome {
    /// `FINISH` with a phone number.
    Finish,
    /// `FINISH_ONLY_WABA` (no number).
    FinishOnlyWaba,
    /// `FINISH_ONLY_WABA` carrying `phone_number_id` too, as the
    /// bypass-phone-addition page's sample does.
    FinishOnlyWabaWithPhone,
    /// `FINISH_OBO_MIGRATION` (on-behalf-of migration).
    OboMigration,
    /// `FINISH_GRANT_ONLY_API_ACCESS` (app-only install).
    GrantOnlyApiAccess,
    /// `FINISH` of a multi-WABA flow: `waba_ids` and no `waba_id`.
    MultiWaba,
    /// `FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING`.
    Coexistence,
    /// `CANCEL` with `current_step`.
    Cancel,
    /// `CANCEL` with `error_message`, `error_id`, `session_id`, `timestamp`.
    Error,
    /// `ERROR` (the implementation page names it, with no payload shape: the
    /// error-report fields are sent).
    MetaError,
}

impl Control {
    /// Rejects values outside the documented ranges; returns the field.
    pub fn validate(&self) -> Result<(), &'static str> {
        if self
            .callback
            .force_status
            .is_some_and(|s| !(400..=599).contains(&s))
        {
            return Err("callback.forceStatus");
        }
        if self.callback.delay_ms > MAX_DELAY_MS {
            return Err("callback.delayMs");
        }
        if self.dialog.event_delay_ms > MAX_DELAY_MS {
            return Err("dialog.eventDelayMs");
        }
        if self.dialog.version.is_some_and(|v| v != 3 && v != 4) {
            return Err("dialog.version");
        }
        if let Some(step) = &self.dialog.cancel_step {
            if !CANCEL_STEPS.contains(&step.as_str()) {
                return Err("dialog.cancelStep");
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_documents_take_defaults() {
        let c: Control =
            serde_json::from_str(r#"{"dialog":{"auto":"finishOnlyWaba","eventsAfterCode":true}}"#)
                .expect("valid");
        assert_eq!(c.dialog.auto, Some(AutoOutcome::FinishOnlyWaba));
        assert!(c.dialog.events_after_code);
        assert_eq!(c.callback, CallbackControl::default());
        for (name, auto) in [
            (
                "finishOnlyWabaWithPhone",
                AutoOutcome::FinishOnlyWabaWithPhone,
            ),
            ("oboMigration", AutoOutcome::OboMigration),
            ("grantOnlyApiAccess", AutoOutcome::GrantOnlyApiAccess),
            ("multiWaba", AutoOutcome::MultiWaba),
            ("metaError", AutoOutcome::MetaError),
        ] {
            let doc = format!(r#"{{"dialog":{{"auto":"{name}","withAssets":true}}}}"#);
            let c: Control = serde_json::from_str(&doc).expect(name);
            assert_eq!(c.dialog.auto, Some(auto));
            assert!(c.dialog.with_assets);
        }
        assert_eq!(c.validate(), Ok(()));
    }

    #[test]
    fn unknown_fields_and_out_of_range_values_are_refused() {
        assert!(serde_json::from_str::<Control>(r#"{"dialog":{"autoo":"finish"}}"#).is_err());
        let cases = [
            (
                r#"{"callback":{"forceStatus":200}}"#,
                "callback.forceStatus",
            ),
            (r#"{"callback":{"delayMs":60001}}"#, "callback.delayMs"),
            (
                r#"{"dialog":{"eventDelayMs":99999999}}"#,
                "dialog.eventDelayMs",
            ),
            (r#"{"dialog":{"version":2}}"#, "dialog.version"),
            (r#"{"dialog":{"cancelStep":"LOGIN"}}"#, "dialog.cancelStep"),
        ];
        for (json, field) in cases {
            let c: Control = serde_json::from_str(json).expect(json);
            assert_eq!(c.validate(), Err(field), "{json}");
        }
    }
}
