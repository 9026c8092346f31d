//! The Embedded Signup flow: configuration, event correlation, the callback POST.
//!
//! Plain Rust (tested natively): [`SignupConfig`] and its validation, the
//! [`correlator`] state machine that decides when to POST the code, the
//! seed-003 [`CallbackBody`], Meta's `FB.login` options and redirect-mode
//! `dialog/oauth` URL, what the host page allows ([`host_page`]), and the
//! [`Outcome`], [`FlowState`] and [`FlowError`] types. The browser glue
//! lives in the `browser` module (wasm32 only).

pub mod app_ids;
pub mod body;
pub mod config;
pub mod correlator;
pub mod extras;
pub mod failure;
pub mod headers;
pub mod host_page;
pub mod locale;
pub mod login_options;
pub mod options_ts;
pub mod outcome;
pub mod redirect;
pub mod response;
pub mod session_info;
pub mod session_input;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod browser;

// Native only: they use proptest.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use body::{AuthCode, CallbackBody};
pub use config::{ConfigError, Credentials, Mode, SignupConfig};
pub use correlator::{Action, Correlator, Input};
pub use extras::{Extras, ExtrasError, ExtrasRule};
pub use failure::{FailureKind, FlowError};
pub use headers::Headers;
pub use outcome::{CallbackResponse, CancelSource, Outcome};
pub use session_info::{MetaError, SessionInfo};
pub use state::{FlowState, NoticeKind, ReadyNotice};
