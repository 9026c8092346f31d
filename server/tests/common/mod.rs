//! Test helpers: start a sandbox server on ephemeral loopback ports and talk
//! to it with plain HTTP/1.1 over a TCP socket (independent of the server's
//! own client code).

#![allow(dead_code)]

use std::net::SocketAddr;

use serde_json::Value;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;

use wa_signup_demo::config::{Config, Upstream};
use wa_signup_demo::RunningServer;
use wa_signup_service::{BaseUrl, Secret};

/// An admin key for tests.
pub const ADMIN_KEY: &str = "sk_admin_test0123456789abcd";

/// A parsed response.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// `error.code` of an error body (`""` when there is none, or the body
    /// is not JSON).
    pub fn error_code(&self) -> String {
        serde_json::from_str::<Value>(&self.body)
            .ok()
            .and_then(|v| v["error"]["code"].as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

/// A sandbox server on ports chosen by the OS.
pub async fn sandbox() -> RunningServer {
    start(Config::ephemeral()).await
}

pub async fn start(config: Config) -> RunningServer {
    wa_signup_demo::start(config).await.expect("server starts")
}

/// Sends one request on a fresh connection and reads the whole answer.
pub async fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Resp {
    let stream = TcpStream::connect(addr).await.expect("connect");
    exchange(stream, &addr.to_string(), method, path, headers, body).await
}

/// Like [`request`], for load generators: `Err` (what went wrong) instead
/// of a panic when the connection, the exchange or the answer fails.
pub async fn try_request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Result<Resp, String> {
    let stream = TcpStream::connect(addr)
        .await
        .map_err(|e| format!("connect: {e}"))?;
    try_exchange(stream, &addr.to_string(), method, path, headers, body).await
}

/// Like [`request`] on any stream, with a `Host` header.
pub async fn exchange<S: AsyncRead + AsyncWrite + Unpin>(
    stream: S,
    host: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Resp {
    try_exchange(stream, host, method, path, headers, body)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

/// [`exchange`], with `Err` instead of a panic.
pub async fn try_exchange<S: AsyncRead + AsyncWrite + Unpin>(
    mut stream: S,
    host: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Result<Resp, String> {
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream
        .write_all(head.as_bytes())
        .await
        .map_err(|e| format!("write head: {e}"))?;
    stream
        .write_all(body.as_bytes())
        .await
        .map_err(|e| format!("write body: {e}"))?;
    let mut raw = Vec::new();
    // A TLS peer may close without close_notify; keep what was read.
    let _ = stream.read_to_end(&mut raw).await;
    parse(&raw)
}

fn parse(raw: &[u8]) -> Result<Resp, String> {
    let text = String::from_utf8_lossy(raw).into_owned();
    let (head, body) = text
        .split_once("\r\n\r\n")
        .ok_or_else(|| format!("no header end: {text:?}"))?;
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("no status line: {head:?}"))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    let body = if chunked {
        dechunk(body)
    } else {
        body.to_owned()
    };
    Ok(Resp {
        status,
        headers,
        body,
    })
}

fn dechunk(mut rest: &str) -> String {
    let mut out = String::new();
    while let Some((size, after)) = rest.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || after.len() < n {
            break;
        }
        out.push_str(&after[..n]);
        rest = after[n..].trim_start_matches("\r\n");
    }
    out
}

pub async fn get(addr: SocketAddr, path: &str) -> Resp {
    request(addr, "GET", path, &[], "").await
}

pub async fn post_json(addr: SocketAddr, path: &str, body: &str) -> Resp {
    request(
        addr,
        "POST",
        path,
        &[("Content-Type", "application/json")],
        body,
    )
    .await
}

/// Mints a code on the sandbox Meta origin for the default assets (FINISH).
pub async fn mint(server: &RunningServer, spec: &Value) -> String {
    let r = post_json(server.meta_addr, "/__meta/oauth/code", &spec.to_string()).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()["code"].as_str().expect("code").to_owned()
}

/// The dialog's grant for `FINISH` with the default assets.
pub fn finish_grant() -> Value {
    serde_json::json!({
        "wabaId": "102290129340398",
        "businessId": "2729063490586005",
        "businessName": "Acme Corp",
        "phoneNumberId": "106540352242922",
        "displayPhoneNumber": "+15551234567",
        "isCoexistence": false,
        "appId": "1234567890"
    })
}

/// The callback body a correct flow sends after `FINISH`.
pub fn finish_body(code: &str) -> String {
    serde_json::json!({
        "code": code,
        "wabaId": "102290129340398",
        "phoneNumberId": "106540352242922",
        "businessId": "2729063490586005",
        "isCoexistence": false
    })
    .to_string()
}

/// `GET /__sandbox/requests[?endpoint=…]` as JSON.
pub async fn received(server: &RunningServer, endpoint: Option<&str>) -> Value {
    let path = match endpoint {
        Some(e) => format!("/__sandbox/requests?endpoint={e}"),
        None => "/__sandbox/requests".to_owned(),
    };
    get(server.app_addr, &path).await.json()
}

/// A proxy-mode configuration forwarding to `upstream`.
pub fn proxy_config(upstream: &str, timeout_ms: u64) -> Config {
    let mut config = Config::ephemeral();
    config.upstream = Some(Upstream {
        url: BaseUrl::parse(upstream).expect("url"),
        admin_key: Secret::new(ADMIN_KEY),
        timeout: Duration::from_millis(timeout_ms),
    });
    config
}

/// POSTs JSON from the server's own page origin (what the widget sends).
pub async fn post_from(server: &RunningServer, path: &str, body: &str) -> Resp {
    request(
        server.app_addr,
        "POST",
        path,
        &[
            ("Content-Type", "application/json"),
            ("Origin", server.app_origin()),
        ],
        body,
    )
    .await
}

/// A direct-mode configuration against the server's own sandbox Meta.
pub fn direct_config() -> Config {
    let mut config = Config::ephemeral();
    config.direct = Some(wa_signup_demo::config::Direct {
        graph_url: None,
        app_secret: Secret::new(wa_signup_demo::config::SANDBOX_APP_SECRET),
        timeout: Duration::from_secs(5),
        redirect_uris: Vec::new(),
    });
    config
}

/// Serves `router` with `wa_signup_service::serve` on a loopback port; the
/// task ends when the returned sender is dropped.
pub async fn spawn_router(router: axum::Router) -> (SocketAddr, tokio::sync::oneshot::Sender<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(wa_signup_service::serve(
        listener,
        router,
        wa_signup_service::ServeOptions::default(),
        async move {
            let _ = rx.await;
        },
    ));
    (addr, tx)
}

/// POSTs JSON to a standalone service with `Origin: origin`.
pub async fn post_origin(addr: SocketAddr, path: &str, origin: &str, body: &str) -> Resp {
    request(
        addr,
        "POST",
        path,
        &[("Content-Type", "application/json"), ("Origin", origin)],
        body,
    )
    .await
}

/// The sandbox Graph API's counters.
pub async fn graph_stats(server: &RunningServer) -> Value {
    get(server.meta_addr, "/__meta/graph").await.json()
}

/// A `redis-server` on a free loopback port, stopped when dropped. `None`
/// (with a note) when Debian's `redis-server` is not installed, except in CI
/// (`CI=true`), where its absence fails the test.
pub struct Redis {
    pub port: u16,
    child: std::process::Child,
}

impl Drop for Redis {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub async fn redis() -> Option<Redis> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let child = std::process::Command::new("redis-server")
        .args([
            "--port",
            &port.to_string(),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--protected-mode",
            "yes",
        ])
        .stdout(std::process::Stdio::null())
        .spawn();
    let child = match child {
        Ok(c) => c,
        Err(e) if std::env::var("CI").as_deref() != Ok("true") => {
            eprintln!("redis-server not available ({e}): skipped (scripts/setup.sh installs it)");
            return None;
        }
        Err(e) => panic!("redis-server is needed in CI: {e}"),
    };
    let redis = Redis { port, child };
    for _ in 0..200 {
        if TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            return Some(redis);
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("redis-server did not start on port {port}");
}
