//! The integrator's backend half of WhatsApp Embedded Signup.
//!
//! The widget posts `{ code, wabaId, phoneNumberId, businessId, isCoexistence }`
//! (seed 003) to your server. [`SignupService`] is the `Router` that receives it:
//!
//! - refuses what a browser attack looks like before reading the body: a `Host`
//!   not yours (`421`), an `Origin` not in your allowlist (`403`), a body that is
//!   not `application/json` (`415`: no cross-site "simple" request gets through),
//!   a missing CSRF header (`403`), a request your session hook refuses (`401`/`403`);
//! - bounds the body ([`tower_http::limit::RequestBodyLimitLayer`], `413`) and the
//!   time ([`tower_http::timeout::TimeoutLayer`], `408`; each upstream call `504`);
//! - validates the body with the core crate (`wa_signup::api::CallbackRequest`, `400`);
//! - sends each code on **at most once** ([`CodeStore`]: [`MemoryStore`], or
//!   `RedisStore` shared by several instances; a repeat is `409 CODE_ALREADY_FORWARDED`);
//! - then either forwards it to the platform with the `sk_admin_` key
//!   ([`SignupService::proxy`]; the key is a [`Secret`] that never prints), or
//!   onboards directly with Meta's Graph API ([`SignupService::direct`], see [`direct`]).
//!
//! Every refusal is one [`ServiceError`] with a stable `code`.
//!
//! ```no_run
//! use axum::{http::HeaderName, Router};
//! use wa_signup_service::{serve, BaseUrl, Secret, ServeOptions, SignupService};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let key = Secret::from_env_or_file("WA_SIGNUP_ADMIN_KEY")?; // or WA_SIGNUP_ADMIN_KEY_FILE
//! let signup = SignupService::proxy(BaseUrl::parse("https://api.example.com")?, key)
//!     .allowed_origins(["https://app.example.com"])
//!     .csrf_header(HeaderName::from_static("x-csrf-token"))
//!     .authorize(|headers| {
//!         let signed_in = headers.contains_key("cookie"); // look the session up here
//!         async move { if signed_in { Ok(()) } else { Err(wa_signup_service::ServiceError::Unauthenticated) } }
//!     })
//!     .build()?;
//! let app = Router::new().nest("/api/signup", signup.router()); // POST /api/signup/callback
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
//! serve(listener, app, ServeOptions::default(), std::future::pending()).await;
//! # Ok(()) }
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod checks;
pub mod client;
pub mod direct;
mod error;
mod secret;
mod serve;
mod service;
pub mod store;
mod url;

pub use checks::{check_csrf, check_json, check_origin, HostAllowlist};
pub use direct::{DirectConfig, Onboarded, OnboardingResult};
pub use error::{GraphStep, ServiceError};
pub use secret::{Secret, SecretError};
pub use serve::{serve, ServeOptions};
pub use service::{
    with_limits, AuthorizeHook, ConfigError, Mode, ProxyConfig, SignupService, DEFAULT_CODE_TTL,
    DEFAULT_MAX_BODY_BYTES, DEFAULT_REQUEST_TIMEOUT, DEFAULT_UPSTREAM_TIMEOUT,
};
#[cfg(feature = "redis")]
pub use store::RedisStore;
pub use store::{CodeStore, MemoryStore, StoreError};
pub use url::{is_loopback_host, BaseUrl, InvalidUrl};
