//! The simulated SDK script, templated with the dialog origin it trusts and
//! the default Graph API version (the core crate's one constant).

use std::sync::Arc;

use axum::http::{header, HeaderValue};
use axum::response::Response;

use crate::responses;

const TEMPLATE: &str = include_str!("../../static/meta/sdk.js");
const PLACEHOLDER: &str = "__WA_SANDBOX_DIALOG_ORIGIN__";
const VERSION_PLACEHOLDER: &str = "__WA_SANDBOX_GRAPH_VERSION__";

/// The script for a dialog served on `dialog_origin`.
pub fn script(dialog_origin: &str) -> Arc<str> {
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned());
    Arc::from(
        TEMPLATE
            .replace(PLACEHOLDER, &quote(dialog_origin))
            .replace(
                VERSION_PLACEHOLDER,
                &quote(wa_signup::flow::config::DEFAULT_GRAPH_API_VERSION),
            ),
    )
}

/// Serves `script`. Like Meta's CDN, with `Access-Control-Allow-Origin: *`,
/// so pages may load it with `crossorigin="anonymous"`.
pub async fn serve(script: Arc<str>) -> Response {
    let mut response = responses::asset("text/javascript; charset=utf-8", script.to_string());
    response.headers_mut().insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dialog_origin_is_templated_as_a_js_string() {
        let js = script("https://www.facebook.com");
        assert!(js.contains(r#"var DIALOG_ORIGIN = "https://www.facebook.com";"#));
        assert!(
            js.contains(r#"version: "v25.0""#),
            "the one default Graph version"
        );
        assert!(!js.contains(PLACEHOLDER) && !js.contains(VERSION_PLACEHOLDER));
    }
}
