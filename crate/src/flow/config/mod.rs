//! The signup configuration ([`SignupConfig`]) and its validation ([`ConfigError`]).
//!
//! Validation runs before anything touches the network: ids are Meta ids,
//! URLs are https (http only on loopback), bounds are checked, and no
//! `sk_admin_` key may appear anywhere — a browser must never hold one.
//!
//! One file per part: `signup_config.rs` (the options, their defaults and
//! limits), `error.rs` (the error codes), `from_json.rs` (reading a JS options
//! object), `validate.rs` (the rules).

mod error;
mod from_json;
mod signup_config;
mod validate;

pub use error::ConfigError;
pub use signup_config::{
    Credentials, Mode, SignupConfig, DEFAULT_GRAPH_API_VERSION, DEFAULT_RUN_TIMEOUT_MS,
    DEFAULT_SDK_URL, DEFAULT_SESSION_GRACE_MS, DEFAULT_TIMEOUT_MS, MAX_ALLOWED_ORIGINS,
    MAX_HEADERS, MAX_ID_LEN, MAX_RUN_TIMEOUT_MS, MAX_TIMEOUT_MS, MIN_RUN_TIMEOUT_MS,
    MIN_TIMEOUT_MS,
};
pub use validate::is_graph_api_version;
