//! The demo page, its configuration, the widget and npm packages and the
//! callback endpoint the widget posts to.
//!
//! The page, its script and stylesheet and the package files go through
//! tower-http's `CompressionLayer` (Brotli or gzip by `Accept-Encoding`, with
//! `Vary: Accept-Encoding`); a package file with a precompressed sibling is
//! sent as that sibling instead (see [`pkg_files`]).

mod cache;
mod callback;
mod pkg_files;

pub use callback::PATH as CALLBACK_PATH;

use std::sync::Arc;

use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};
use tower_http::compression::CompressionLayer;

use crate::config::MetaMode;
use crate::responses;
use crate::state::AppState;

const INDEX: &str = include_str!("../../static/demo/index.html");
const SCRIPT: &str = include_str!("../../static/demo/demo.js");
const STYLESHEET: &str = include_str!("../../static/demo/demo.css");

/// Demo routes.
pub fn router() -> Router<Arc<AppState>> {
    Router::new()
        .merge(assets())
        .route("/demo-config.json", get(page_config))
        .route(CALLBACK_PATH, post(callback::handle))
        .route("/healthz", get(|| async { "ok" }))
        .route(
            "/favicon.ico",
            get(|| async { responses::asset("image/x-icon", Vec::<u8>::new()) }),
        )
}

/// The page, its script and stylesheet, and the two packages, compressed.
fn assets() -> Router<Arc<AppState>> {
    Router::new()
        .route(
            "/",
            get(|| async { responses::asset("text/html; charset=utf-8", INDEX) }),
        )
        .route(
            "/static/demo.js",
            get(|| async { responses::asset("text/javascript; charset=utf-8", SCRIPT) }),
        )
        .route(
            "/static/demo.css",
            get(|| async { responses::asset("text/css; charset=utf-8", STYLESHEET) }),
        )
        .route("/web/pkg/{*rest}", get(web_pkg_file))
        .route("/pkg/{*rest}", get(npm_pkg_file))
        .layer(CompressionLayer::new())
}

async fn web_pkg_file(
    State(state): State<Arc<AppState>>,
    Path(rest): Path<String>,
    request: Request,
) -> Response {
    pkg_files::serve(&state.config.web_pkg, &rest, request).await
}

async fn npm_pkg_file(
    State(state): State<Arc<AppState>>,
    Path(rest): Path<String>,
    request: Request,
) -> Response {
    match pkg_files::npm_pkg_dir(&state.config.web_pkg) {
        Some(root) => pkg_files::serve(&root, &rest, request).await,
        None => responses::not_found(&rest),
    }
}

/// What the page needs to mount the widget in this mode.
pub fn page_config_value(state: &AppState) -> Value {
    let config = &state.config;
    let mut widget = json!({
        "appId": config.app_id,
        "configId": config.config_id,
        "graphApiVersion": config.graph_version,
        "callbackPath": CALLBACK_PATH,
    });
    let (mode, dialog_origin) = match &config.meta {
        MetaMode::Sandbox => {
            let origin = state.origins.sandbox_meta.clone();
            widget["sdkUrl"] = Value::String(format!("{origin}{}", config.sdk_path));
            widget["allowedOrigins"] = json!([origin]);
            ("sandbox", origin)
        }
        MetaMode::Facebook(_) => ("facebook", "https://www.facebook.com".to_owned()),
        MetaMode::Real => ("real", "https://www.facebook.com".to_owned()),
    };
    json!({
        "metaMode": mode,
        "dialogOrigin": dialog_origin,
        "redirectSupported": mode != "sandbox",
        "sandboxControls": mode != "real",
        "proxy": state.service.as_ref().filter(|s| s.mode == "proxy").map(|s| json!({ "upstream": s.target })),
        "direct": state.service.as_ref().filter(|s| s.mode == "direct").map(|s| json!({ "graph": s.target })),
        "widget": widget,
    })
}

async fn page_config(State(state): State<Arc<AppState>>) -> Response {
    responses::json(StatusCode::OK, &page_config_value(&state))
}
