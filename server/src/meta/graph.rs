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

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};
use wa_signup::secret::constant_time_eq;

use super::grants::RedeemError;
use super::graph_store::TokenGrant;
use crate::config::SANDBOX_APP_SECRET;
use crate::responses;
use crate::state::AppState;

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

fn app_secret(state: &AppState) -> String {
    state
        .config
        .direct
        .as_ref()
        .filter(|d| d.graph_url.is_none())
        .map_or_else(
            || SANDBOX_APP_SECRET.to_owned(),
            |d| d.app_secret.expose().to_owned(),
        )
}

async fn access_token(
    State(state): State<Arc<AppState>>,
    Path(version): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    if let Some(r) = version_ok(&version) {
        return r;
    }
    let q = query_map(query.as_deref());
    let (Some(client_id), Some(secret), Some(code)) =
        (q.get("client_id"), q.get("client_secret"), q.get("code"))
    else {
        state.sandbox().graph.stats.refused_exchanges += 1;
        return graph_error(
            StatusCode::BAD_REQUEST,
            100,
            None,
            "Missing client_id, client_secret or code parameter.",
        );
    };
    if client_id != &state.config.app_id || !constant_time_eq(secret, &app_secret(&state)) {
        state.sandbox().graph.stats.refused_exchanges += 1;
        return graph_error(
            StatusCode::BAD_REQUEST,
            1,
            None,
            "Error validating client secret.",
        );
    }
    let now = state.clock.now_ms();
    let mut sandbox = state.sandbox();
    let grant = match sandbox.grants.redeem(code, now) {
        Ok(g) => g,
        Err(e) => {
            let (sub, message) = match e {
                RedeemError::Unknown => (36008, "Invalid verification code format."),
                RedeemError::Expired { .. } => (36007, "This authorization code has expired."),
                RedeemError::Used { .. } => (36009, "This authorization code has been used."),
            };
            if matches!(e, RedeemError::Used { .. }) {
                sandbox.graph.stats.reused_codes += 1;
            } else {
                sandbox.graph.stats.refused_exchanges += 1;
            }
            drop(sandbox);
            return graph_error(StatusCode::BAD_REQUEST, 100, Some(sub), message);
        }
    };
    if grant.spec.app_id.as_deref().is_some_and(|a| a != client_id)
        || q.get("redirect_uri").map(String::as_str) != grant.spec.redirect_uri.as_deref()
    {
        sandbox.graph.stats.refused_exchanges += 1;
        drop(sandbox);
        return graph_error(
            StatusCode::BAD_REQUEST,
            100,
            Some(36008),
            "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request",
        );
    }
    let token = match crate::random::bytes::<32>() {
        Ok(raw) => {
            use base64::Engine;
            format!(
                "EAAS{}",
                base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw)
            )
        }
        Err(_) => {
            return graph_error(
                StatusCode::INTERNAL_SERVER_ERROR,
                2,
                None,
                "An unexpected error has occurred.",
            )
        }
    };
    sandbox.graph.stats.exchanged += 1;
    if sandbox.graph.tokens.len() >= 100_000 {
        sandbox.graph.tokens.clear();
    }
    sandbox.graph.tokens.insert(
        token.clone(),
        TokenGrant {
            spec: grant.spec,
            issued_ms: now,
        },
    );
    drop(sandbox);
    responses::json(
        StatusCode::OK,
        &json!({ "access_token": token, "token_type": "bearer" }),
    )
}

async fn debug_token(
    State(state): State<Arc<AppState>>,
    Path(version): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    if let Some(r) = version_ok(&version) {
        return r;
    }
    let q = query_map(query.as_deref());
    let app_token = format!("{}|{}", state.config.app_id, app_secret(&state));
    if !q
        .get("access_token")
        .is_some_and(|t| constant_time_eq(t, &app_token))
    {
        return graph_error(
            StatusCode::BAD_REQUEST,
            190,
            None,
            "Invalid OAuth access token - Cannot parse access token",
        );
    }
    let Some(input) = q.get("input_token") else {
        return graph_error(
            StatusCode::BAD_REQUEST,
            100,
            None,
            "The parameter input_token is required",
        );
    };
    let mut sandbox = state.sandbox();
    sandbox.graph.stats.debugged += 1;
    let Some(grant) = sandbox.graph.tokens.get(input).cloned() else {
        drop(sandbox);
        return responses::json(
            StatusCode::OK,
            &json!({ "data": { "error": { "code": 190, "message": "Invalid OAuth access token." }, "is_valid": false, "scopes": [] } }),
        );
    };
    drop(sandbox);
    let waba = grant.spec.waba_id.clone();
    let data = json!({
        "app_id": state.config.app_id,
        "type": "SYSTEM_USER",
        "application": "wa-signup sandbox app",
        "data_access_expires_at": 0,
        "expires_at": 0,
        "is_valid": true,
        "issued_at": grant.issued_ms / 1000,
        "scopes": ["whatsapp_business_management", "whatsapp_business_messaging", "public_profile"],
        "granular_scopes": [
            { "scope": "whatsapp_business_management", "target_ids": [waba] },
            { "scope": "whatsapp_business_messaging", "target_ids": [waba] }
        ],
        "user_id": "10000000000001",
    });
    responses::json(StatusCode::OK, &json!({ "data": data }))
}

/// The token of `Authorization: Bearer …` or `?access_token=`.
/// A Graph node call: a known API version, then the bearer token's grant.
fn granted(
    state: &AppState,
    version: &str,
    headers: &HeaderMap,
    query: Option<&str>,
) -> Result<TokenGrant, Box<Response>> {
    if let Some(r) = version_ok(version) {
        return Err(Box::new(r));
    }
    bearer(state, headers, query)
}

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

async fn phone_numbers(
    State(state): State<Arc<AppState>>,
    Path((version, id)): Path<(String, String)>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let grant = match granted(&state, &version, &headers, query.as_deref()) {
        Ok(g) => g,
        Err(r) => return *r,
    };
    if grant.spec.waba_id != id {
        return not_granted();
    }
    let data: Vec<Value> = match (
        &grant.spec.phone_number_id,
        &grant.spec.display_phone_number,
    ) {
        (Some(pn), Some(display)) => vec![json!({
            "id": pn,
            "display_phone_number": display,
            "verified_name": grant.spec.business_name,
        })],
        _ => Vec::new(),
    };
    responses::json(
        StatusCode::OK,
        &json!({ "data": data, "paging": { "cursors": { "before": "QVFI", "after": "QVFI" } } }),
    )
}

async fn phone_number(
    State(state): State<Arc<AppState>>,
    Path((version, id)): Path<(String, String)>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let grant = match granted(&state, &version, &headers, query.as_deref()) {
        Ok(g) => g,
        Err(r) => return *r,
    };
    if grant.spec.phone_number_id.as_deref() != Some(id.as_str()) {
        return not_granted();
    }
    let fields = query_map(query.as_deref())
        .remove("fields")
        .unwrap_or_else(|| "id".to_owned());
    let mut out = serde_json::Map::new();
    for field in fields.split(',').map(str::trim) {
        let value = match field {
            "is_on_biz_app" => json!(grant.spec.is_coexistence),
            "platform_type" => json!("CLOUD_API"),
            "display_phone_number" => json!(grant.spec.display_phone_number),
            "verified_name" => json!(grant.spec.business_name),
            _ => continue,
        };
        out.insert(field.to_owned(), value);
    }
    out.insert("id".to_owned(), json!(id));
    responses::json(StatusCode::OK, &Value::Object(out))
}

async fn subscribed_apps(
    State(state): State<Arc<AppState>>,
    Path((version, id)): Path<(String, String)>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let grant = match granted(&state, &version, &headers, query.as_deref()) {
        Ok(g) => g,
        Err(r) => return *r,
    };
    if grant.spec.waba_id != id {
        return not_granted();
    }
    state.sandbox().graph.stats.subscribed += 1;
    responses::json(StatusCode::OK, &json!({ "success": true }))
}

async fn register(
    State(state): State<Arc<AppState>>,
    Path((version, id)): Path<(String, String)>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let grant = match granted(&state, &version, &headers, query.as_deref()) {
        Ok(g) => g,
        Err(r) => return *r,
    };
    if grant.spec.phone_number_id.as_deref() != Some(id.as_str()) {
        return not_granted();
    }
    // JSON (as in Meta's examples) or form parameters.
    let params: HashMap<String, String> = match serde_json::from_slice::<Value>(&body) {
        Ok(Value::Object(o)) => o
            .into_iter()
            .filter_map(|(k, v)| v.as_str().map(|s| (k, s.to_owned())))
            .collect(),
        _ => query_map(std::str::from_utf8(&body).ok()),
    };
    if params.get("messaging_product").map(String::as_str) != Some("whatsapp") {
        return graph_error(
            StatusCode::BAD_REQUEST,
            100,
            None,
            "(#100) The parameter messaging_product is required and must be whatsapp",
        );
    }
    if !params
        .get("pin")
        .is_some_and(|p| p.len() == 6 && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return graph_error(
            StatusCode::BAD_REQUEST,
            100,
            None,
            "(#100) Param pin must be 6 digits",
        );
    }
    if grant.spec.is_coexistence {
        return graph_error(
            StatusCode::BAD_REQUEST,
            100,
            None,
            "(#100) This number is on the WhatsApp Business app (coexistence) and is registered already",
        );
    }
    state.sandbox().graph.stats.registered += 1;
    responses::json(StatusCode::OK, &json!({ "success": true }))
}

async fn stats(State(state): State<Arc<AppState>>) -> Response {
    let stats = state.sandbox().graph.stats.clone();
    responses::json(
        StatusCode::OK,
        &serde_json::to_value(stats).unwrap_or(Value::Null),
    )
}
