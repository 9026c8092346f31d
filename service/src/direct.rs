//! Direct onboarding with Meta, for integrators who are their own Tech
//! Provider: the server-to-server steps after the browser's code.
//!
//! Meta's pages are the specification:
//! - Onboarding customers as a Tech Provider (exchange, subscribe, register):
//!   <https://developers.facebook.com/documentation/business-messaging/whatsapp/embedded-signup/onboarding-customers-as-a-tech-provider>
//! - Manual login flow (the `redirect_uri` rule and `debug_token`):
//!   <https://developers.facebook.com/documentation/facebook-login/guides/advanced/manual-flow>
//! - Graph API errors (`{ "error": { message, type, code, error_subcode, fbtrace_id } }`):
//!   <https://developers.facebook.com/docs/graph-api/guides/error-handling>
//!
//! The steps, each bounded by the per-upstream timeout:
//! 1. `GET /{version}/oauth/access_token?client_id&client_secret&code` (plus the
//!    exact `redirect_uri` for a redirect-flow code, none for a popup code) → the business token.
//! 2. `GET /{version}/debug_token?input_token=<token>&access_token=<app_id>|<app_secret>`:
//!    the token is valid, for this app, and its `granular_scopes` grant the WABA
//!    (`whatsapp_business_management`) the browser named. The browser's ids are claims.
//! 3. `GET /{version}/{waba-id}/phone_numbers?fields=id`: the phone-number id belongs to that WABA;
//!    `GET /{version}/{phone-number-id}?fields=is_on_biz_app,platform_type`: whether it is a
//!    coexistence number (Meta's answer decides; a browser claim that differs is refused).
//! 4. `POST /{version}/{waba-id}/subscribed_apps` → `{"success": true}`.
//! 5. `POST /{version}/{phone-number-id}/register` with
//!    `{"messaging_product":"whatsapp","pin":"<6 digits>"}` → `{"success": true}`,
//!    skipped for coexistence numbers (the WhatsApp Business app keeps them).
//!
//! The exchange is not the `oauth2` crate's: Meta documents a `GET` with the
//! client secret in the query, where RFC 6749 (and that crate) `POST` a form,
//! and the crate would bring an HTTP client of its own; the service already has one.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::http::Method;
use serde::Serialize;
use serde_json::Value;
use wa_signup::api::CallbackRequest;

use crate::client::HttpClient;
use crate::error::{GraphStep, ServiceError};
use crate::secret::Secret;
use crate::store::BoxFuture;
use crate::url::BaseUrl;

mod graph_call;
mod scopes;
#[cfg(test)]
mod tests;

use graph_call::{require_success, Graph};
use scopes::{granted, Targets};

/// Meta's Graph API host.
pub const GRAPH_URL: &str = "https://graph.facebook.com";

/// What direct onboarding produced, for the integrator to store. The
/// business token and the PIN are [`Secret`]s.
#[derive(Debug, Clone)]
pub struct Onboarded {
    /// The WhatsApp Business Account id (checked against the token's scopes).
    pub waba_id: String,
    /// The phone-number id (checked to belong to the WABA), if the customer chose a number.
    pub phone_number_id: Option<String>,
    /// The business portfolio id the browser reported (checked when the token names businesses).
    pub business_id: Option<String>,
    /// The number stays on the WhatsApp Business app (not registered here).
    pub is_coexistence: bool,
    /// The business integration system user access token.
    pub business_token: Secret,
    /// Seconds until the token expires, when Meta says.
    pub expires_in: Option<u64>,
    /// The two-step verification PIN set at registration.
    pub pin: Option<Secret>,
    /// Whether `POST /{phone-number-id}/register` ran.
    pub registered: bool,
}

/// Where the integrator keeps an [`Onboarded`] (their database); a failure
/// answers `500 ONBOARDING_HOOK_FAILED`.
pub type OnboardedHook =
    Arc<dyn Fn(Onboarded) -> BoxFuture<'static, Result<(), String>> + Send + Sync>;

/// The browser's answer after direct onboarding: ids only, never the token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OnboardingResult {
    /// The WABA id.
    pub waba_id: String,
    /// The phone-number id, if any.
    pub phone_number_id: Option<String>,
    /// The business portfolio id, if known.
    pub business_id: Option<String>,
    /// Coexistence (WhatsApp Business app) number.
    pub is_coexistence: bool,
    /// The app is subscribed to the WABA's webhooks.
    pub subscribed: bool,
    /// The number was registered for Cloud API.
    pub registered: bool,
}

/// Direct mode settings.
#[derive(Clone)]
pub struct DirectConfig {
    /// Graph API base (default [`GRAPH_URL`]; the demo's sandbox Meta in tests).
    pub graph: BaseUrl,
    /// Graph API version, e.g. `v25.0`.
    pub version: String,
    /// The Meta app id (`client_id`).
    pub app_id: String,
    /// The Meta app secret (`client_secret`).
    pub app_secret: Secret,
    /// The exact `redirect_uri`s of your redirect-flow dialogs (empty: popup codes only).
    pub redirect_uris: Vec<String>,
    /// The 6-digit PIN to register numbers with; `None` draws a random one per number.
    pub pin: Option<Secret>,
    /// Called with the result before the browser is answered.
    pub on_onboarded: Option<OnboardedHook>,
}

impl std::fmt::Debug for DirectConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DirectConfig")
            .field("graph", &self.graph)
            .field("version", &self.version)
            .field("app_id", &self.app_id)
            .field("app_secret", &self.app_secret)
            .field("redirect_uris", &self.redirect_uris)
            .field("pin", &self.pin)
            .field("on_onboarded", &self.on_onboarded.is_some())
            .finish()
    }
}

impl DirectConfig {
    /// Settings for app `app_id` with its secret, on Meta's Graph API at
    /// the core crate's default Graph version.
    pub fn new(app_id: impl Into<String>, app_secret: Secret) -> Self {
        Self {
            graph: BaseUrl {
                https: true,
                host: "graph.facebook.com".into(),
                port: 443,
                base_path: String::new(),
            },
            version: wa_signup::flow::config::DEFAULT_GRAPH_API_VERSION.to_owned(),
            app_id: app_id.into(),
            app_secret,
            redirect_uris: Vec::new(),
            pin: None,
            on_onboarded: None,
        }
    }

    /// Sets the hook that stores each [`Onboarded`].
    pub fn on_onboarded<F, Fut>(mut self, hook: F) -> Self
    where
        F: Fn(Onboarded) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<(), String>> + Send + 'static,
    {
        self.on_onboarded = Some(Arc::new(move |o| Box::pin(hook(o))));
        self
    }

    pub(crate) fn validate(&self) -> Result<(), String> {
        if !wa_signup::meta_id::is_meta_id(&self.app_id) {
            return Err("the Meta app id must be a numeric id".into());
        }
        if !wa_signup::flow::config::is_graph_api_version(&self.version) {
            return Err(format!(
                "{:?} is not a Graph API version (vNN.N)",
                self.version
            ));
        }
        if self.app_secret.expose().is_empty()
            || !self
                .app_secret
                .expose()
                .bytes()
                .all(|b| b.is_ascii_alphanumeric())
        {
            return Err("the app secret must be Meta's hexadecimal app secret".into());
        }
        if let Some(pin) = &self.pin {
            if !is_pin(pin.expose()) {
                return Err("the PIN must be 6 digits".into());
            }
        }
        Ok(())
    }

    pub(crate) fn check_redirect_uri(&self, request: &CallbackRequest) -> Result<(), ServiceError> {
        match request.redirect_uri() {
            Some(uri) if !self.redirect_uris.iter().any(|u| u == uri) => Err(
                ServiceError::InvalidRequest(wa_signup::api::ApiError::InvalidField {
                    field: "redirectUri".into(),
                    expected: "one of the configured redirect URIs",
                }),
            ),
            _ => Ok(()),
        }
    }

    fn path(&self, rest: &str) -> String {
        format!("/{}/{rest}", self.version)
    }

    /// Runs steps 1–5 and the hook.
    pub(crate) async fn onboard(
        &self,
        client: &HttpClient,
        timeout: Duration,
        request: &CallbackRequest,
    ) -> Result<OnboardingResult, ServiceError> {
        let graph = Graph {
            config: self,
            client,
            timeout,
            spent: false,
        };
        // 1. Exchange.
        let exchange = {
            let mut query = form_urlencoded::Serializer::new(String::new());
            query
                .append_pair("client_id", &self.app_id)
                .append_pair("client_secret", self.app_secret.expose())
                .append_pair("code", request.code());
            if let Some(uri) = request.redirect_uri() {
                query.append_pair("redirect_uri", uri);
            }
            format!("{}?{}", self.path("oauth/access_token"), query.finish())
        };
        let answer = graph
            .call(GraphStep::ExchangeCode, Method::GET, &exchange, None, None)
            .await
            .map_err(|e| match e {
                // 100 (invalid parameter: the code is unknown, expired, used, or its
                // redirect_uri differs) is the browser's problem; anything else
                // (e.g. 1/101 for a wrong app secret) is ours.
                ServiceError::Graph { error, .. } if error.code == 100 => {
                    ServiceError::InvalidCode(error)
                }
                other => other,
            })?;
        // From here on the code is spent at Meta: a later unreachable call must not
        // give up the claim.
        let graph = Graph {
            spent: true,
            ..graph
        };
        let token = answer
            .get("access_token")
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_graphic()))
            .map(Secret::new)
            .ok_or_else(|| ServiceError::UpstreamInvalidResponse("no access_token".into()))?;
        let expires_in = answer.get("expires_in").and_then(Value::as_u64);

        // 2. Inspect the token; the browser's ids are claims.
        let inspect = format!(
            "{}?{}",
            self.path("debug_token"),
            form_urlencoded::Serializer::new(String::new())
                .append_pair("input_token", token.expose())
                .append_pair(
                    "access_token",
                    &format!("{}|{}", self.app_id, self.app_secret.expose())
                )
                .finish()
        );
        let debug = graph
            .call(GraphStep::DebugToken, Method::GET, &inspect, None, None)
            .await?;
        let data = debug.get("data").ok_or_else(|| {
            ServiceError::UpstreamInvalidResponse("debug_token without data".into())
        })?;
        if data.get("is_valid") != Some(&Value::Bool(true)) {
            return Err(ServiceError::TokenNotValid("is_valid is not true".into()));
        }
        if data.get("app_id").and_then(Value::as_str) != Some(self.app_id.as_str()) {
            return Err(ServiceError::TokenNotValid("issued for another app".into()));
        }
        let waba_targets = granted(data, "whatsapp_business_management");
        let waba_id = match (request.waba_id(), &waba_targets) {
            (Some(claim), Some(Targets::Ids(ids))) if ids.iter().any(|i| i == claim) => {
                claim.to_owned()
            }
            (Some(claim), Some(Targets::All)) => claim.to_owned(),
            (None, Some(Targets::Ids(ids)))
                if ids.len() == 1 && wa_signup::meta_id::is_meta_id(&ids[0]) =>
            {
                ids[0].clone()
            }
            _ => return Err(ServiceError::NotGranted { field: "wabaId" }),
        };
        if let (Some(claim), Some(Targets::Ids(ids))) =
            (request.business_id(), granted(data, "business_management"))
        {
            if !ids.iter().any(|i| i == claim) {
                return Err(ServiceError::NotGranted {
                    field: "businessId",
                });
            }
        }
        // 3. The number belongs to the WABA.
        if let Some(phone) = request.phone_number_id() {
            let numbers = graph
                .call(
                    GraphStep::CheckPhoneNumber,
                    Method::GET,
                    &self.path(&format!("{waba_id}/phone_numbers?fields=id")),
                    Some(&token),
                    None,
                )
                .await?;
            let listed = numbers
                .get("data")
                .and_then(Value::as_array)
                .is_some_and(|d| {
                    d.iter()
                        .any(|n| n.get("id").and_then(Value::as_str) == Some(phone))
                });
            if !listed {
                return Err(ServiceError::NotGranted {
                    field: "phoneNumberId",
                });
            }
        }
        // 3b. Coexistence is Meta's answer, not the browser's claim.
        let mut is_coexistence = false;
        if let Some(phone) = request.phone_number_id() {
            let number = graph
                .call(
                    GraphStep::CheckPhoneNumber,
                    Method::GET,
                    &self.path(&format!("{phone}?fields=is_on_biz_app,platform_type")),
                    Some(&token),
                    None,
                )
                .await?;
            is_coexistence = number.get("is_on_biz_app") == Some(&Value::Bool(true));
            if request
                .is_coexistence()
                .is_some_and(|claim| claim != is_coexistence)
            {
                return Err(ServiceError::CoexistenceMismatch);
            }
        }
        // 4. Subscribe the app to the WABA.
        let sub = graph
            .call(
                GraphStep::SubscribeApp,
                Method::POST,
                &self.path(&format!("{waba_id}/subscribed_apps")),
                Some(&token),
                None,
            )
            .await?;
        require_success(&sub)?;
        // 5. Register the number (not for coexistence).
        let mut pin = None;
        let mut registered = false;
        if let (Some(phone), false) = (request.phone_number_id(), is_coexistence) {
            let chosen = match &self.pin {
                Some(p) => p.clone(),
                None => random_pin()?,
            };
            let body =
                serde_json::json!({ "messaging_product": "whatsapp", "pin": chosen.expose() });
            let reg = graph
                .call(
                    GraphStep::RegisterPhoneNumber,
                    Method::POST,
                    &self.path(&format!("{phone}/register")),
                    Some(&token),
                    Some(body),
                )
                .await?;
            require_success(&reg)?;
            pin = Some(chosen);
            registered = true;
        }
        let result = OnboardingResult {
            waba_id: waba_id.clone(),
            phone_number_id: request.phone_number_id().map(str::to_owned),
            business_id: request.business_id().map(str::to_owned),
            is_coexistence,
            subscribed: true,
            registered,
        };
        if let Some(hook) = &self.on_onboarded {
            hook(Onboarded {
                waba_id,
                phone_number_id: result.phone_number_id.clone(),
                business_id: result.business_id.clone(),
                is_coexistence,
                business_token: token,
                expires_in,
                pin,
                registered,
            })
            .await
            .map_err(ServiceError::HookFailed)?;
        }
        Ok(result)
    }
}

/// `true` for exactly six ASCII digits.
pub fn is_pin(pin: &str) -> bool {
    pin.len() == 6 && pin.bytes().all(|b| b.is_ascii_digit())
}

fn random_pin() -> Result<Secret, ServiceError> {
    let mut bytes = [0u8; 4];
    getrandom::getrandom(&mut bytes)
        .map_err(|e| ServiceError::HookFailed(format!("no randomness: {e}")))?;
    let n = u32::from_le_bytes(bytes) % 1_000_000;
    Ok(Secret::new(format!("{n:06}")))
}
