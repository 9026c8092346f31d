//! The token calls: the code exchange (`oauth/access_token`) and `debug_token`.

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;
use wa_signup::secret::constant_time_eq;

use super::{graph_error, query_map, version_ok};
use crate::config::SANDBOX_APP_SECRET;
use crate::meta::grants::RedeemError;
use crate::meta::graph_store::TokenGrant;
use crate::responses;
use crate::state::AppState;

/// The app secret the exchange checks: the direct config's, or the sandbox's.
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

/// `GET /{version}/oauth/access_token`: a code for the business token.
pub(super) async fn access_token(
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

/// `GET /{version}/debug_token`: what a token grants.
pub(super) async fn debug_token(
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
