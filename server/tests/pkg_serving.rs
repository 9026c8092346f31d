//! The package files (`/web/pkg/…`, `/pkg/…`) over real HTTP on loopback:
//! Brotli or gzip by `Accept-Encoding` (a precompressed sibling when the build
//! wrote a fresh one, else compressed on the fly), identity when not asked,
//! `Vary: Accept-Encoding`, cache headers by file name, 304 on a matching
//! `If-Modified-Since`, and no path outside the package.

mod common;

use std::io::{Read, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use wa_signup_demo::config::Config;

/// One answer, body as bytes (de-chunked, never decoded).
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body with its `Content-Encoding` undone.
    fn decoded(&self) -> Vec<u8> {
        let mut out = Vec::new();
        match self.header("content-encoding") {
            None => out.extend_from_slice(&self.body),
            Some("gzip") => {
                flate2::read::GzDecoder::new(&self.body[..])
                    .read_to_end(&mut out)
                    .expect("gzip body");
            }
            Some("br") => {
                brotli_decompressor::Decompressor::new(&self.body[..], 4096)
                    .read_to_end(&mut out)
                    .expect("brotli body");
            }
            Some(other) => panic!("unexpected content-encoding {other}"),
        }
        out
    }
}

/// `GET path` on a fresh connection with `headers`.
async fn fetch(addr: SocketAddr, path: &str, headers: &[(&str, &str)]) -> Answer {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    let mut head = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).await.expect("write");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.expect("read");
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("header end");
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let mut body = raw[end + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        body = dechunk(&body);
    }
    Answer {
        status,
        headers,
        body,
    }
}

fn dechunk(mut rest: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = rest.windows(2).position(|w| w == b"\r\n") {
        let size = std::str::from_utf8(&rest[..eol]).expect("chunk size");
        let n = usize::from_str_radix(size.trim(), 16).expect("hex chunk size");
        if n == 0 {
            break;
        }
        out.extend_from_slice(&rest[eol + 2..eol + 2 + n]);
        rest = &rest[eol + 2 + n + 2..];
    }
    out
}

/// A repository-like layout: `<dir>/web/pkg` (the widget) and `<dir>/pkg`
/// (the npm package), removed on drop.
struct Layout(PathBuf);

impl Layout {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!(
            "wa-signup-demo-serving-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("web").join("pkg")).expect("mkdir");
        std::fs::create_dir_all(dir.join("pkg")).expect("mkdir");
        Layout(dir)
    }

    fn web_pkg(&self) -> PathBuf {
        self.0.join("web").join("pkg")
    }

    fn npm_pkg(&self) -> PathBuf {
        self.0.join("pkg")
    }

    async fn server(&self) -> wa_signup_demo::RunningServer {
        let mut config = Config::ephemeral();
        config.web_pkg = self.web_pkg();
        common::start(config).await
    }
}

impl Drop for Layout {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Bytes that compress well, a few kB of them (the layer skips tiny bodies).
fn payload(tag: &str) -> Vec<u8> {
    let mut out = b"\0asm\x01\0\0\0".to_vec();
    for i in 0..400 {
        out.extend_from_slice(format!("{tag} function_{i} (param i32) (result i32);\n").as_bytes());
    }
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("gzip");
    encoder.finish().expect("gzip")
}

fn set_mtime(path: &Path, when: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .expect("open")
        .set_modified(when)
        .expect("set mtime");
}

/// 2020-09-13T12:26:40Z, a fixed modification time for the 304 tests.
fn fixed_time() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_600_000_000)
}

const CHROME: &str = "gzip, deflate, br, zstd";

#[tokio::test]
async fn a_fresh_precompressed_sibling_is_sent_as_is_when_its_encoding_is_accepted() {
    let layout = Layout::new("siblings");
    let wasm = payload("wasm");
    let file = layout.web_pkg().join("wa_signup_web_bg.wasm");
    std::fs::write(&file, &wasm).expect("write");
    // The build's Brotli output stands in as opaque bytes: the server must
    // send the file as it is, not recompress it.
    let br_sibling = b"precompressed brotli bytes".to_vec();
    std::fs::write(
        layout.web_pkg().join("wa_signup_web_bg.wasm.br"),
        &br_sibling,
    )
    .expect("br");
    let gz_sibling = gzip(&wasm);
    std::fs::write(
        layout.web_pkg().join("wa_signup_web_bg.wasm.gz"),
        &gz_sibling,
    )
    .expect("gz");
    let server = layout.server().await;
    let path = "/web/pkg/wa_signup_web_bg.wasm";

    for accept in ["br", CHROME] {
        let r = fetch(server.app_addr, path, &[("Accept-Encoding", accept)]).await;
        assert_eq!(r.status, 200, "{accept}");
        assert_eq!(r.header("content-encoding"), Some("br"), "{accept}");
        assert_eq!(r.body, br_sibling, "{accept}");
        assert_eq!(r.header("content-type"), Some("application/wasm"));
        assert_eq!(r.header("vary"), Some("accept-encoding"));
    }
    let r = fetch(server.app_addr, path, &[("Accept-Encoding", "gzip")]).await;
    assert_eq!(r.header("content-encoding"), Some("gzip"));
    assert_eq!(r.body, gz_sibling);
    assert_eq!(r.decoded(), wasm);
    assert_eq!(r.header("content-type"), Some("application/wasm"));

    for headers in [&[][..], &[("Accept-Encoding", "identity")][..]] {
        let r = fetch(server.app_addr, path, headers).await;
        assert_eq!(r.status, 200);
        assert_eq!(r.header("content-encoding"), None, "{headers:?}");
        assert_eq!(r.body, wasm, "{headers:?}");
        assert_eq!(r.header("vary"), Some("accept-encoding"), "{headers:?}");
        assert_eq!(r.header("content-type"), Some("application/wasm"));
    }
    server.shutdown().await;
}

#[tokio::test]
async fn files_without_a_fresh_sibling_are_compressed_on_the_fly() {
    let layout = Layout::new("on-the-fly");
    let js = payload("export const glue = 1; //");
    let file = layout.web_pkg().join("wa_signup_web.js");
    std::fs::write(&file, &js).expect("write");
    // A sibling left by an older build: older than its file, so never sent.
    let stale = layout.web_pkg().join("wa_signup_web.js.br");
    std::fs::write(&stale, b"stale brotli of an older build").expect("write");
    set_mtime(&stale, fixed_time());
    let server = layout.server().await;
    let path = "/web/pkg/wa_signup_web.js";

    for (accept, encoding) in [("br", "br"), (CHROME, "br"), ("gzip", "gzip")] {
        let r = fetch(server.app_addr, path, &[("Accept-Encoding", accept)]).await;
        assert_eq!(r.status, 200, "{accept}");
        assert_eq!(r.header("content-encoding"), Some(encoding), "{accept}");
        assert!(r.body.len() < js.len() / 4, "{accept}: {} B", r.body.len());
        assert_eq!(r.decoded(), js, "{accept}");
        assert_eq!(r.header("vary"), Some("accept-encoding"));
        assert!(r
            .header("content-type")
            .is_some_and(|v| v.starts_with("text/javascript")));
    }
    let r = fetch(server.app_addr, path, &[]).await;
    assert_eq!((r.header("content-encoding"), &r.body), (None, &js));
    server.shutdown().await;
}

#[tokio::test]
async fn package_files_are_revalidated_unless_their_name_carries_a_hash() {
    let layout = Layout::new("cache");
    let plain = layout.web_pkg().join("wa_signup_web.js");
    let hashed = layout.web_pkg().join("chunk.3f2a9c1b.js");
    for f in [&plain, &hashed] {
        std::fs::write(f, payload("x")).expect("write");
        set_mtime(f, fixed_time());
    }
    let server = layout.server().await;

    let r = fetch(server.app_addr, "/web/pkg/wa_signup_web.js", &[]).await;
    assert_eq!(r.header("cache-control"), Some("no-cache"));
    let last_modified = r.header("last-modified").expect("a validator").to_owned();
    assert_eq!(last_modified, "Sun, 13 Sep 2020 12:26:40 GMT");
    let r = fetch(server.app_addr, "/web/pkg/chunk.3f2a9c1b.js", &[]).await;
    assert_eq!(
        r.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );

    // The browser's revalidation, with and without compression.
    for accept in ["identity", CHROME] {
        let r = fetch(
            server.app_addr,
            "/web/pkg/wa_signup_web.js",
            &[
                ("If-Modified-Since", last_modified.as_str()),
                ("Accept-Encoding", accept),
            ],
        )
        .await;
        assert_eq!(r.status, 304, "{accept}");
        assert!(r.body.is_empty());
        assert_eq!(r.header("cache-control"), Some("no-cache"));
        assert_eq!(r.header("vary"), Some("accept-encoding"));
        assert_eq!(r.header("content-encoding"), None);
    }
    let r = fetch(
        server.app_addr,
        "/web/pkg/wa_signup_web.js",
        &[("If-Modified-Since", "Tue, 31 Dec 2019 00:00:00 GMT")],
    )
    .await;
    assert_eq!((r.status, r.body.len()), (200, payload("x").len()));

    // The demo page itself is compressed but never stored.
    let page = fetch(server.app_addr, "/", &[("Accept-Encoding", CHROME)]).await;
    assert_eq!(page.header("content-encoding"), Some("br"));
    assert!(String::from_utf8_lossy(&page.decoded()).contains("/static/demo.js"));
    assert_eq!(page.header("cache-control"), Some("no-store"));
    // The sandbox SDK too keeps no-store.
    let sdk = fetch(
        server.meta_addr,
        "/en_US/sdk.js",
        &[("Accept-Encoding", CHROME)],
    )
    .await;
    assert_eq!(
        (sdk.status, sdk.header("cache-control")),
        (200, Some("no-store"))
    );
    server.shutdown().await;
}

#[tokio::test]
async fn the_npm_package_is_served_beside_the_widget_with_the_same_rules() {
    let layout = Layout::new("npm");
    let files = [
        ("wa_signup_flow_bg.wasm", "application/wasm"),
        ("wa_signup_flow.js", "text/javascript; charset=utf-8"),
        ("wa-signup.css", "text/css; charset=utf-8"),
    ];
    for (name, _) in files {
        std::fs::write(layout.npm_pkg().join(name), payload(name)).expect("write");
    }
    let server = layout.server().await;
    for (name, content_type) in files {
        let path = format!("/pkg/{name}");
        let r = fetch(server.app_addr, &path, &[("Accept-Encoding", CHROME)]).await;
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("content-type"), Some(content_type), "{path}");
        assert_eq!(r.header("content-encoding"), Some("br"), "{path}");
        assert_eq!(r.decoded(), payload(name), "{path}");
        assert_eq!(r.header("cache-control"), Some("no-cache"), "{path}");
        assert_eq!(r.header("vary"), Some("accept-encoding"), "{path}");
        assert!(r.header("last-modified").is_some(), "{path}");
    }
    let missing = fetch(server.app_addr, "/pkg/nope.js", &[]).await;
    assert_eq!(missing.status, 404);
    assert!(String::from_utf8_lossy(&missing.body).contains("WIDGET_NOT_BUILT"));
    server.shutdown().await;
}

#[tokio::test]
async fn no_path_leaves_either_package() {
    let layout = Layout::new("traversal");
    std::fs::write(layout.0.join("secret.txt"), b"not for the browser").expect("write");
    std::fs::write(layout.web_pkg().join(".hidden"), b"hidden").expect("write");
    std::fs::create_dir_all(layout.npm_pkg().join("snippets")).expect("mkdir");
    let server = layout.server().await;
    for path in [
        "/web/pkg/../../secret.txt",
        "/web/pkg/%2e%2e/%2e%2e/secret.txt",
        "/web/pkg/.hidden",
        "/web/pkg/a//b",
        "/pkg/../secret.txt",
        "/pkg/%2e%2e/secret.txt",
        "/pkg/..%2fsecret.txt",
        "/pkg/snippets",
        "/pkg/a/b/c/d/e",
    ] {
        let r = fetch(server.app_addr, path, &[("Accept-Encoding", CHROME)]).await;
        assert_eq!(r.status, 404, "{path}");
        assert!(
            !String::from_utf8_lossy(&r.decoded()).contains("not for the browser"),
            "{path}"
        );
    }
    server.shutdown().await;
}
