//! The sandbox Meta's Graph API: the server-to-server calls of direct
//! onboarding, in Meta's documented formats, so the whole flow runs with no
//! Meta app.
//!
//! - `GET /{version}/oauth/access_token?client_id&client_secret&code[&redirect_uri]`
//!   → `{ "access_token", "token_type": "bearer" }`
//!   (<https://developers.facebook.com/documentation/business-messaging/whatsapp/embedded-signup/onboarding-customers-as-a-tech-provider>;
//!   the `redirect_uri` rule: <https://developers.facebook.com/documentation/facebook-login/guides/advanced/manual-flow>)
//! - `GET /{version}/debug_token?input_token&access_token=<app_id>|<app_secret>`
//!   → `{ "data": { app_id, type, application, expires_at, is_valid, issued_at, scopes, granular_scopes, user_id } }`
//! - `GET /{version}/{waba-id}/phone_numbers` → `{ "data": [{ id, display_phone_number, verified_name }], "paging" }`
//! - `GET /{version}/{phone-number-id}?fields=is_on_biz_app,platform_type` → `{ is_on_biz_app, platform_type, id }`
//!   (the coexistence check of <https://developers.facebook.com/documentation/business-messaging/whatsapp/embedded-signup/onboarding-business-app-users>)
//! - `POST /{version}/{waba-id}/subscribed_apps` → `{ "success": true }`
//! - `POST /{version}/{phone-number-id}/register` with `{ messaging_product: "whatsapp", pin }` → `{ "success": true }`
//!
//! Errors are Graph errors, `{ "error": { message, type, code, error_subcode?, fbtrace_id } }`
//! (<https://developers.facebook.com/docs/graph-api/guides/error-handling>), with seed 004's codes.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

use super::graph_store::TokenGrant;
use crate::responses;
use crate::state::AppState;

mod nodes;
mod tokens;

use nodes::{phone_number, phone_numbers, register, subscribed_apps};
use tokens::{access_token, debug_token};

/// Graph routes on the sandbox Meta origin.
pub fn routes() -> axum::Router<Arc<AppState>> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/{version}/oauth/access_token", get(access_token))
        .route("/{version}/debug_token", get(debug_token))
        .route("/{version}/{id}/phone_numbers", get(phone_numbers))
        .route("/{version}/{id}", get(phone_number))
        .route("/{version}/{id}/subscribed_apps", post(subscribed_apps))
        .route("/{version}/{id}/register", post(register))
        .route("/__meta/graph", get(stats))
}

fn fbtrace() -> String {
    let raw = crate::random::bytes::<9>().unwrap_or([0; 9]);
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw)
}

/// A Graph error answer.
fn graph_error(status: StatusCode, code: i64, subcode: Option<i64>, message: &str) -> Response {
    let mut error = json!({
        "message": message,
        "type": if code == 100 || code == 190 || code == 1 { "OAuthException" } else { "GraphMethodException" },
        "code": code,
        "fbtrace_id": fbtrace(),
    });
    if let (Some(sub), Some(obj)) = (subcode, error.as_object_mut()) {
        obj.insert("error_subcode".into(), json!(sub));
    }
    responses::json(status, &json!({ "error": error }))
}

fn version_ok(version: &str) -> Option<Response> {
    if wa_signup::flow::config::is_graph_api_version(version) {
        None
    } else {
        Some(graph_error(
            StatusCode::BAD_REQUEST,
            100,
            None,
            "Unknown path components",
        ))
    }
}

fn query_map(query: Option<&str>) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for (k, v) in form_urlencoded::parse(query.unwrap_or("").as_bytes()) {
        // A repeated parameter is ambiguous: keep the first, like a strict server.
        map.entry(k.into_owned()).or_insert_with(|| v.into_owned());
    }
    map
}

/// The Graph node a call is made on, which the token must have been granted.
#[derive(Clone, Copy)]
enum Node<'a> {
    /// A WhatsApp Business Account id.
    Waba(&'a str),
    /// A phone number id.
    PhoneNumber(&'a str),
}

/// A Graph node call: a known API version, then the bearer token's grant,
/// then that grant's access to `node` (`not_granted` otherwise).
fn granted(
    state: &AppState,
    version: &str,
    headers: &HeaderMap,
    query: Option<&str>,
    node: Node<'_>,
) -> Result<TokenGrant, Box<Response>> {
    if let Some(r) = version_ok(version) {
        return Err(Box::new(r));
    }
    let grant = bearer(state, headers, query)?;
    let allowed = match node {
        Node::Waba(id) => grant.spec.waba_id == id,
        Node::PhoneNumber(id) => grant.spec.phone_number_id.as_deref() == Some(id),
    };
    if allowed {
        Ok(grant)
    } else {
        Err(Box::new(not_granted()))
    }
}

/// The grant of the token in `Authorization: Bearer …` or `?access_token=`.
fn bearer(
    state: &AppState,
    headers: &HeaderMap,
    query: Option<&str>,
) -> Result<TokenGrant, Box<Response>> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::to_owned)
        .or_else(|| query_map(query).remove("access_token"));
    let Some(token) = token else {
        return Err(Box::new(graph_error(
            StatusCode::BAD_REQUEST,
            104,
            None,
            "An access token is required to request this resource.",
        )));
    };
    state
        .sandbox()
        .graph
        .tokens
        .get(&token)
        .cloned()
        .ok_or_else(|| {
            Box::new(graph_error(
                StatusCode::UNAUTHORIZED,
                190,
                None,
                "Invalid OAuth access token - Cannot parse access token",
            ))
        })
}

fn not_granted() -> Response {
    graph_error(
        StatusCode::FORBIDDEN,
        200,
        None,
        "Permissions error: the token was not granted access to this object",
    )
}

async fn stats(State(state): State<Arc<AppState>>) -> Response {
    let stats = state.sandbox().graph.stats.clone();
    responses::json(
        StatusCode::OK,
        &serde_json::to_value(stats).unwrap_or(Value::Null),
    )
}
