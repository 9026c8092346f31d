//! Leptos widget for WhatsApp Business Embedded Signup.
#![deny(missing_docs)]
