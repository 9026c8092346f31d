//! The flow in the browser (wasm32 only): thin glue around the plain-Rust
//! correlator, one file per concern.

mod app_id;
mod clock;
mod coop_probe;
mod dom_events;
mod embedded_signup;
mod js_object;
mod listener;
mod login;
mod oneshot;
mod page_config;
mod popup;
mod post;
mod redirect;
mod sdk;

pub use app_id::{claim_app_id, AppIdClaim};
pub use dom_events::{CANCEL_EVENT, ERROR_EVENT, STATE_EVENT, SUCCESS_EVENT};
pub use embedded_signup::{EmbeddedSignup, Subscription};
pub use js_object::{outcome_to_js, state_to_js};
pub use page_config::page_config;
pub use sdk::SDK_SCRIPT_ID;
