//! # wa-signup-web
//!
//! A Leptos (client-side rendered) widget for WhatsApp Business Embedded
//! Signup: a "Connect WhatsApp" button with a status for every step of the
//! flow, and an E.164 phone-number field with Meta's `cc` / `phone_number`
//! split. Pages without Rust use the `mount(element, options)` export, and
//! `registerCatalogue(locale, text)` for a language other than English (see
//! [`i18n`]).
//!
//! The non-DOM logic (what each state shows, the phone field's view model,
//! option parsing, the stylesheet) is plain Rust, tested natively; the
//! components and the JS export are compiled for `wasm32` only.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod i18n;
pub mod options;
pub mod phone_model;
pub mod status;
pub mod style;

#[cfg(target_arch = "wasm32")]
mod catalogue;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod js_error;
#[cfg(target_arch = "wasm32")]
mod mount;
#[cfg(target_arch = "wasm32")]
mod registry;

#[cfg(target_arch = "wasm32")]
pub use catalogue::register_catalogue;
#[cfg(target_arch = "wasm32")]
pub use components::{EmbeddedSignup, PhoneField, PHONE_EVENT};
#[cfg(target_arch = "wasm32")]
pub use mount::{mount, MountHandle};
