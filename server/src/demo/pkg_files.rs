//! Serves the widget package (`web/pkg/`) from disk: plain file names only,
//! no dot segments, content types the browser needs (`application/wasm` for
//! streaming instantiation).

use std::path::{Path, PathBuf};

use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;

use crate::responses;

/// Deepest path accepted under the package directory.
const MAX_DEPTH: usize = 4;

/// The file under `root` for the URL path `rest`, if `rest` is a plain path.
pub fn resolve(root: &Path, rest: &str) -> Option<PathBuf> {
    let segments: Vec<&str> = rest.split('/').collect();
    if segments.is_empty() || segments.len() > MAX_DEPTH {
        return None;
    }
    let mut path = root.to_path_buf();
    for segment in segments {
        let plain = !segment.is_empty()
            && !segment.starts_with('.')
            && segment.len() <= 128
            && segment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
        if !plain {
            return None;
        }
        path.push(segment);
    }
    Some(path)
}

/// Content type by extension.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json" | "map") => "application/json",
        Some("css") => "text/css; charset=utf-8",
        Some("html") => "text/html; charset=utf-8",
        Some("ts" | "md" | "txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// `GET /web/pkg/{rest}`.
pub async fn serve(root: &Path, rest: &str) -> Response {
    let Some(path) = resolve(root, rest) else {
        return responses::not_found(rest);
    };
    match tokio::fs::read(&path).await {
        Ok(bytes) => responses::asset(content_type(&path), bytes),
        Err(_) => responses::json(
            StatusCode::NOT_FOUND,
            &json!({ "error": {
                "code": "WIDGET_NOT_BUILT",
                "message": format!(
                    "{} is missing: build the widget first (scripts/demo.sh does it, or web/build.sh)",
                    path.display()
                ),
                "status": 404,
            }}),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_paths_resolve() {
        let root = Path::new("/srv/pkg");
        assert_eq!(
            resolve(root, "wa_signup_web_bg.wasm"),
            Some(PathBuf::from("/srv/pkg/wa_signup_web_bg.wasm"))
        );
        assert_eq!(
            resolve(root, "snippets/x-1/inline0.js"),
            Some(PathBuf::from("/srv/pkg/snippets/x-1/inline0.js"))
        );
        for bad in [
            "",
            "../secret",
            "a/../../b",
            ".env",
            "a//b",
            "a/b/c/d/e",
            "a\\b",
            "%2e%2e/x",
            "a b",
        ] {
            assert_eq!(resolve(root, bad), None, "{bad}");
        }
    }

    #[test]
    fn wasm_and_js_get_their_types() {
        assert_eq!(content_type(Path::new("x.wasm")), "application/wasm");
        assert!(content_type(Path::new("x.js")).starts_with("text/javascript"));
        assert_eq!(content_type(Path::new("x")), "application/octet-stream");
    }
}
