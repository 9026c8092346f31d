//! # wa-signup
//!
//! WhatsApp Business Embedded Signup for the browser, in Rust and WebAssembly.
//!
//! The same types work natively (a backend can validate what the browser sent)
//! and in wasm, where the `js` module exports them to JavaScript.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod api;
pub mod error;
pub mod events;
pub mod flow;
mod form_urlencoding;
pub mod http_url;
pub mod ids;
#[cfg(target_arch = "wasm32")]
pub mod js_json;
mod json;
pub mod ksuid;
pub mod meta_id;
pub mod phone;
pub mod secret;

// Public but hidden only so the browser tests (crate/tests/browser_*.rs) can
// call the exported JS functions; not part of the Rust API.
#[cfg(all(
    target_arch = "wasm32",
    any(feature = "js-core", feature = "js-api", feature = "js-flow")
))]
#[doc(hidden)]
pub mod js;

pub use error::ErrorCode;

/// With the `small-alloc` feature, Talc replaces dlmalloc as the wasm
/// allocator: ~4 kB less wasm in every module built from this crate.
#[cfg(all(
    target_arch = "wasm32",
    not(target_feature = "atomics"),
    feature = "small-alloc"
))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
