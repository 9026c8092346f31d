//! The Leptos components (wasm32 only): one file each, plus the flow glue.

mod controller;
mod dom;
mod phone_field;
mod signup_widget;

pub use phone_field::{PhoneField, PHONE_EVENT};
pub use signup_widget::EmbeddedSignup;
