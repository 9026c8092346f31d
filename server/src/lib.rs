//! # wa-signup-demo
//!
//! The demo server of `wa-signup`: serves the demo page and the widget
//! package, a simulated Meta (SDK + Embedded Signup dialog on a second
//! loopback origin, or as `facebook.com` over TLS for end-to-end tests), a
//! sandbox platform API (seeds 000, 001, 003) with test knobs, and the
//! integrator's backend from `wa-signup-service`: proxy mode (the callback
//! forwarded to a platform with the admin key added server-side) and direct
//! mode (onboarding with Meta's Graph API, served by the sandbox Meta too).
//! See `server/README.md`.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod callback_service;
pub mod clock;
pub mod config;
pub mod control;
mod demo;
pub mod meta;
pub mod platform;
mod random;
mod received;
pub mod request_log;
mod responses;
mod rfc3339;
mod sandbox_api;
mod server;
pub mod state;
mod tls;

pub use demo::CALLBACK_PATH;
pub use server::{banner, start, RunningServer, StartError};
