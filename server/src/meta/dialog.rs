//! The simulated Embedded Signup dialog: page, assets, knobs and code mint.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;

use super::assets;
use super::code;
use super::grants::{GrantSpec, CODE_TTL_MS};
use crate::responses;
use crate::state::AppState;

const PAGE: &str = include_str!("../../static/meta/dialog.html");
const SCRIPT: &str = include_str!("../../static/meta/dialog.js");
const STYLESHEET: &str = include_str!("../../static/meta/dialog.css");

/// `GET /{version}/dialog/oauth`.
pub async fn page() -> Response {
    responses::asset("text/html; charset=utf-8", PAGE)
}

/// `GET /__meta/static/dialog.js`.
pub async fn script() -> Response {
    responses::asset("text/javascript; charset=utf-8", SCRIPT)
}

/// `GET /__meta/static/dialog.css`.
pub async fn stylesheet() -> Response {
    responses::asset("text/css; charset=utf-8", STYLESHEET)
}

/// `GET /__meta/dialog-config`: the dialog knobs and the assets to offer.
pub async fn config(State(state): State<Arc<AppState>>) -> Response {
    let control = state.sandbox().control.dialog.clone();
    responses::json(
        StatusCode::OK,
        &json!({
            "control": control,
            "assets": assets::assets(),
            "codeTtlSeconds": CODE_TTL_MS / 1000,
        }),
    )
}

/// `POST /__meta/oauth/code` with a [`GrantSpec`]: mints a one-time code.
/// The code appears only in this response body.
pub async fn mint_code(State(state): State<Arc<AppState>>, body: Bytes) -> Response {
    let spec: GrantSpec = match serde_json::from_slice(&body) {
        Ok(spec) => spec,
        Err(e) => return bad_request("INVALID_GRANT", &e.to_string()),
    };
    if let Err(field) = spec.validate() {
        return bad_request("INVALID_GRANT", &format!("invalid field {field}"));
    }
    let code = match code::new_code() {
        Ok(code) => code,
        Err(e) => {
            return responses::json(
                StatusCode::INTERNAL_SERVER_ERROR,
                &json!({ "error": { "code": "INTERNAL", "message": e.to_string(), "status": 500 } }),
            )
        }
    };
    let now = state.clock.now_ms();
    let grant_id = state.sandbox().grants.insert(&code, spec, now);
    responses::json(
        StatusCode::OK,
        &json!({ "code": code, "expiresIn": CODE_TTL_MS / 1000, "grantId": grant_id }),
    )
}

fn bad_request(code: &str, message: &str) -> Response {
    responses::json(
        StatusCode::BAD_REQUEST,
        &json!({ "error": { "code": code, "message": message, "status": 400 } }),
    )
}
