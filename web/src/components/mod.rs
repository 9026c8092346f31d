//! The Leptos components (wasm32 only): one file each, plus the flow glue.

mod controller;
mod dom;
mod embedded_signup;
mod phone_field;

pub use embedded_signup::EmbeddedSignup;
pub use phone_field::{PhoneField, PHONE_EVENT};
