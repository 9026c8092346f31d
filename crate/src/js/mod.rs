//! The JavaScript face of the crate, compiled only for `wasm32`.
//!
//! One file per concern adapts the plain-Rust API to `wasm-bindgen` exports;
//! no logic lives here beyond conversion.

pub mod api;
#[cfg(feature = "flow-js")]
pub mod embedded_signup;
mod error;
pub mod events;
pub mod ids;
pub mod phone;
mod plain;
