//! The simulated Meta: the SDK script, the Embedded Signup dialog, the codes
//! it mints, and the attacker page of facebook mode.

pub mod assets;
pub mod code;
mod dialog;
pub mod facebook;
pub mod grants;
pub mod graph;
pub mod graph_store;
mod sdk;

pub use facebook::facebook_router;

use std::sync::Arc;

use axum::routing::{get, post};
use axum::Router;

use crate::state::AppState;

/// The sandbox Meta origin (`--meta-port`): SDK at `--sdk-path`, dialog at
/// `/{version}/dialog/oauth`, and `/__meta/*`.
pub fn sandbox_router(state: Arc<AppState>) -> Router {
    let sdk = sdk::script(&state.origins.sandbox_meta);
    let sdk_path = state.config.sdk_path.clone();
    Router::new()
        .route(&sdk_path, get(move || sdk::serve(sdk.clone())))
        .merge(dialog_routes())
        .merge(graph::routes())
        .with_state(state)
}

/// Dialog page, its assets, its configuration and the code mint.
fn dialog_routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/{version}/dialog/oauth", get(dialog::page))
        .route("/dialog/oauth", get(dialog::page))
        .route("/__meta/static/dialog.js", get(dialog::script))
        .route("/__meta/static/dialog.css", get(dialog::stylesheet))
        .route("/__meta/dialog-config", get(dialog::config))
        .route("/__meta/oauth/code", post(dialog::mint_code))
        .route(
            "/favicon.ico",
            get(|| async { crate::responses::asset("image/x-icon", Vec::<u8>::new()) }),
        )
}
