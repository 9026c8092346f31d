//! The flow in the browser (wasm32 only): thin glue around the plain-Rust
//! correlator, one file per concern.

mod app_id;
mod cell_access;
mod clock;
mod coop_probe;
mod dom_events;
mod handle;
mod js_object;
mod launch;
mod listener;
mod login;
mod oneshot;
mod page_config;
mod popup;
mod post;
mod publish;
mod redirect;
mod run;
mod sdk;
mod shared;

pub use app_id::{claim_app_id, AppIdClaim};
pub use cell_access::{CellAccess, Reentered};
pub use dom_events::{dispatch, CANCEL_EVENT, ERROR_EVENT, STATE_EVENT, SUCCESS_EVENT};
pub use handle::EmbeddedSignup;
pub use js_object::{outcome_to_js, state_to_js};
pub use page_config::page_config;
pub use publish::Subscription;
pub use sdk::SDK_SCRIPT_ID;
