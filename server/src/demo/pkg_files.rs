//! Serves the widget package (`web/pkg/`) and the npm package (`pkg/`) from
//! disk: plain file names only, no dot segments, the content types the browser
//! needs (`application/wasm` for streaming compilation), Brotli or gzip by
//! `Accept-Encoding`, and cache headers by file name ([`super::cache`]).
//!
//! tower-http's `ServeFile` answers: it sends a precompressed sibling
//! (`x.wasm.br`, `x.wasm.gz`, written by the build) when the client accepts its
//! encoding, sends `Last-Modified` and answers a matching `If-Modified-Since`
//! with 304. A sibling older than its file is left out (a half-done rebuild
//! must never pair a new `.js` with an old `.wasm.br`); the router's
//! `CompressionLayer` then compresses the file on the fly.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;
use tower_http::services::ServeFile;

use super::cache;
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

/// The npm package's directory (`pkg/`) for the widget package's directory
/// (`web/pkg/`): the repository keeps them two levels apart, `<root>/web/pkg`
/// and `<root>/pkg`. `None` when `web_pkg` has no grandparent.
pub fn npm_pkg_dir(web_pkg: &Path) -> Option<PathBuf> {
    web_pkg.parent()?.parent().map(|root| root.join("pkg"))
}

/// `GET /web/pkg/{rest}` and `GET /pkg/{rest}`: the file `rest` under `root`.
pub async fn serve(root: &Path, rest: &str, request: Request) -> Response {
    let Some(path) = resolve(root, rest) else {
        return responses::not_found(rest);
    };
    let Some(modified) = modified(&path).await else {
        return not_built(&path);
    };
    let mut file = ServeFile::new(&path);
    if sibling_is_fresh(&path, "br", modified).await {
        file = file.precompressed_br();
    }
    if sibling_is_fresh(&path, "gz", modified).await {
        file = file.precompressed_gzip();
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    match file.try_call(request).await {
        Ok(response) => responses::package_file(
            response.map(Body::new),
            content_type(&path),
            cache::cache_control(name),
        ),
        Err(e) => responses::json(
            StatusCode::INTERNAL_SERVER_ERROR,
            &json!({ "error": {
                "code": "PACKAGE_FILE_UNREADABLE",
                "message": format!("{} could not be read: {e}", path.display()),
                "status": 500,
            }}),
        ),
    }
}

/// The modification time of the regular file at `path`.
async fn modified(path: &Path) -> Option<SystemTime> {
    let meta = tokio::fs::metadata(path).await.ok()?;
    if !meta.is_file() {
        return None;
    }
    meta.modified().ok()
}

/// Whether `path` + `.ext` is a file written no earlier than `path` itself.
async fn sibling_is_fresh(path: &Path, ext: &str, source_modified: SystemTime) -> bool {
    let mut sibling = path.as_os_str().to_owned();
    sibling.push(".");
    sibling.push(ext);
    modified(Path::new(&sibling))
        .await
        .is_some_and(|m| m >= source_modified)
}

fn not_built(path: &Path) -> Response {
    responses::json(
        StatusCode::NOT_FOUND,
        &json!({ "error": {
            "code": "WIDGET_NOT_BUILT",
            "message": format!(
                "{} is missing: build the packages first (scripts/demo.sh does it, or web/build.sh and scripts/build-pkg.sh)",
                path.display()
            ),
            "status": 404,
        }}),
    )
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
        assert!(content_type(Path::new("x.css")).starts_with("text/css"));
        assert_eq!(content_type(Path::new("x")), "application/octet-stream");
    }

    #[test]
    fn the_npm_package_sits_two_levels_above_the_widget_package() {
        assert_eq!(
            npm_pkg_dir(Path::new("/repo/web/pkg")),
            Some(PathBuf::from("/repo/pkg"))
        );
        assert_eq!(
            npm_pkg_dir(Path::new("web/pkg")),
            Some(PathBuf::from("pkg"))
        );
        assert_eq!(npm_pkg_dir(Path::new("/")), None);
    }
}
