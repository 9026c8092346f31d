//! Meta Embedded Signup session events (`WA_EMBEDDED_SIGNUP` messages).
//!
//! While the signup popup runs, Meta posts "session logging" messages to the
//! window that opened it. Their shapes, as Meta documents them:
//!
//! - Finish (Implementation guide, "Session logging message event listener",
//!   <https://developers.facebook.com/documentation/business-messaging/whatsapp/embedded-signup/implementation>):
//!   `{ data: { phone_number_id, waba_id, business_id, ad_account_ids?,
//!   page_ids?, dataset_ids?, catalog_ids?, instagram_account_ids?,
//!   waba_ids? /* multi-WABA flows */ }, type: "WA_EMBEDDED_SIGNUP",
//!   event: "FINISH" | "FINISH_ONLY_WABA" | "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING"
//!   | "FINISH_OBO_MIGRATION" | "FINISH_GRANT_ONLY_API_ACCESS" }`; the same
//!   table lists `ERROR` ("the user encountered an error during the flow").
//! - Abandoned: `{ data: { current_step }, type, event: "CANCEL" }`.
//! - User-reported error: `{ data: { error_message, error_code, session_id,
//!   timestamp }, type, event: "CANCEL" }`; the v3 page names the code
//!   `error_id` instead of `error_code`. Both are read (`error_code` first).
//! - Coexistence (`.../embedded-signup/onboarding-business-app-users`):
//!   `{ data: { waba_id }, type, event: "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING",
//!   version: 3 }`, with no phone number id.
//! - Without a phone number (`.../embedded-signup/bypass-phone-addition`):
//!   `{ data: { waba_id }, type, event: "FINISH_ONLY_WABA", version: 3 }`.
//! - App-only install (`.../embedded-signup/app-only-install`):
//!   `{ data: { phone_number_id, waba_id, business_id }, type,
//!   event: "FINISH_GRANT_ONLY_API_ACCESS" }`.
//!
//! Meta's sample listener checks `event.origin.endsWith('facebook.com')`,
//! which `https://evilfacebook.com` passes; [`is_allowed_origin`] is exact.
//! Ad account, page, dataset, catalog and Instagram ids are kept
//! ([`AssetIds`]) for the page (`outcome.session`); the signup callback
//! (seed 003) takes none of them.

mod assets;
mod cancel_steps;
mod fields;
mod kind;
mod origin;
mod parse;
mod session_event;
mod session_ids;

#[cfg(test)]
mod tests;

pub use assets::AssetIds;
pub use cancel_steps::CANCEL_STEPS;
pub use fields::{MAX_ID_LIST_LEN, MAX_SAFE_INTEGER};
pub use kind::{SessionEventKind, MAX_EVENT_NAME_LEN};
pub use origin::{is_allowed_origin, FACEBOOK_ORIGINS};
pub use parse::{parse_session_event, MAX_DATA_LEN, MESSAGE_TYPE};
pub use session_event::SessionEvent;
pub use session_ids::SessionIds;
