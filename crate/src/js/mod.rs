//! The JavaScript face of the crate, compiled only for `wasm32`.
//!
//! One file per concern adapts the plain-Rust API to `wasm-bindgen` exports;
//! no logic lives here beyond conversion (JSON across the boundary goes
//! through [`crate::js_json`], shared with the flow's glue and the widget). Each npm entry point is a wasm
//! module of its own, built with one feature: `js-core` (phone, ids, events),
//! `js-api` (API models), `js-flow` (`EmbeddedSignup`).

#[cfg(feature = "js-api")]
pub mod api;
#[cfg(feature = "js-flow")]
pub mod embedded_signup;
mod error;
#[cfg(feature = "js-core")]
pub mod events;
#[cfg(feature = "js-core")]
pub mod ids;
#[cfg(feature = "js-core")]
pub mod phone;
#[cfg(feature = "js-flow")]
pub mod profile;
