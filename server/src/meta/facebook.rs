//! Facebook mode: one TLS listener answering as `connect.facebook.net` (SDK),
//! `www.facebook.com` / `web.facebook.com` (dialog) and `evilfacebook.com`
//! (a page posting forged events), chosen by the `Host` header. Chromium maps
//! those names to this server with `--host-resolver-rules`.

use std::sync::Arc;

use axum::extract::Request;
use axum::http::header;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get;
use axum::Router;

use super::sdk;
use crate::responses;
use crate::state::AppState;

/// Meta's production dialog origin.
pub const DIALOG_ORIGIN: &str = "https://www.facebook.com";

const FORGE_PAGE: &str = include_str!("../../static/meta/forge.html");

/// The host-dispatched router.
pub fn facebook_router(state: Arc<AppState>) -> Router {
    let sdk = sdk::script(DIALOG_ORIGIN);
    Router::new()
        .route("/{locale}/sdk.js", get(move || sdk::serve(sdk.clone())))
        .route("/", get(forge))
        .route("/forge", get(forge))
        .merge(super::dialog_routes())
        .layer(middleware::from_fn(host_guard))
        .with_state(state)
}

/// The forged-events page (only on `evilfacebook.com`).
pub async fn forge() -> Response {
    responses::asset("text/html; charset=utf-8", FORGE_PAGE)
}

/// Which host may serve `path`.
fn allowed(host: &str, path: &str) -> bool {
    match host {
        "connect.facebook.net" => path.ends_with("/sdk.js"),
        "www.facebook.com" | "web.facebook.com" => {
            path.ends_with("/dialog/oauth")
                || path.starts_with("/__meta/")
                || path == "/favicon.ico"
        }
        "evilfacebook.com" | "www.evilfacebook.com" => path == "/" || path == "/forge",
        _ => false,
    }
}

async fn host_guard(request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(|h| h.rsplit_once(':').map_or(h, |(name, _)| name))
        .unwrap_or("")
        .to_ascii_lowercase();
    if allowed(&host, request.uri().path()) {
        next.run(request).await
    } else {
        responses::not_found(&format!("{host}{}", request.uri().path()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_host_serves_only_its_part() {
        let cases = [
            ("connect.facebook.net", "/en_US/sdk.js", true),
            ("connect.facebook.net", "/v24.0/dialog/oauth", false),
            ("www.facebook.com", "/v24.0/dialog/oauth", true),
            ("web.facebook.com", "/__meta/oauth/code", true),
            ("www.facebook.com", "/en_US/sdk.js", false),
            ("www.facebook.com", "/", false),
            ("evilfacebook.com", "/", true),
            ("evilfacebook.com", "/v24.0/dialog/oauth", false),
            ("127.0.0.1", "/en_US/sdk.js", false),
        ];
        for (host, path, want) in cases {
            assert_eq!(allowed(host, path), want, "{host}{path}");
        }
    }
}
