//! The defects issue 12 measured on the old demo server, one test each:
//! a cross-site text/plain POST forwarded with the key, the test knobs working
//! in proxy mode, slow-header connections never cut, no Host check, and the
//! code logged when it is not a top-level JSON string.

mod common;

use std::time::{Duration, Instant};

use common::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use wa_signup_demo::config::Config;
use wa_signup_demo::CALLBACK_PATH;

#[tokio::test]
async fn cross_site_and_non_json_posts_are_never_forwarded() {
    let platform = sandbox().await;
    let proxy = start(proxy_config(platform.app_origin(), 5_000)).await;
    let code = mint(&platform, &finish_grant()).await;
    let body = finish_body(&code);
    let own = proxy.app_origin().to_owned();
    type Case<'a> = (&'a [(&'a str, &'a str)], u16, &'a str);
    let cases: [Case; 5] = [
        // What a cross-site form or no-cors fetch can send without a preflight.
        (
            &[
                ("Origin", "https://evil.example"),
                ("Content-Type", "text/plain"),
            ],
            403,
            "ORIGIN_NOT_ALLOWED",
        ),
        (
            &[
                ("Origin", "https://evil.example"),
                ("Content-Type", "application/json"),
            ],
            403,
            "ORIGIN_NOT_ALLOWED",
        ),
        (
            &[("Content-Type", "application/json")],
            403,
            "ORIGIN_NOT_ALLOWED",
        ),
        (
            &[("Origin", &own), ("Content-Type", "text/plain")],
            415,
            "UNSUPPORTED_MEDIA_TYPE",
        ),
        (
            &[
                ("Origin", &own),
                ("Content-Type", "application/x-www-form-urlencoded"),
            ],
            415,
            "UNSUPPORTED_MEDIA_TYPE",
        ),
    ];
    for (headers, status, error) in cases {
        let r = request(proxy.app_addr, "POST", CALLBACK_PATH, headers, &body).await;
        assert_eq!(
            (r.status, r.error_code()),
            (status, error.to_owned()),
            "{headers:?}"
        );
    }
    // Oversized and malformed bodies.
    let big = format!(r#"{{"code":"{}"}}"#, "A".repeat(70_000));
    let r = post_from(&proxy, CALLBACK_PATH, &big).await;
    assert_eq!(
        (r.status, r.error_code()),
        (413, "BODY_TOO_LARGE".to_owned())
    );
    let r = post_from(&proxy, CALLBACK_PATH, "{not json").await;
    assert_eq!((r.status, r.error_code()), (400, "INVALID_JSON".to_owned()));
    assert_eq!(
        received(&platform, None).await["count"],
        0,
        "nothing reached the platform"
    );
    // The code was never spent: the real request still works.
    let r = post_from(&proxy, CALLBACK_PATH, &body).await;
    assert_eq!(r.status, 201, "{}", r.body);
    proxy.shutdown().await;
    platform.shutdown().await;
}

#[tokio::test]
async fn test_knobs_exist_only_in_sandbox_mode() {
    let platform = sandbox().await;
    let proxy = start(proxy_config(platform.app_origin(), 5_000)).await;
    // Knobs set through the control document are ignored too.
    let r = post_json(
        proxy.app_addr,
        "/__sandbox/control",
        r#"{"callback":{"forceStatus":500,"delayMs":20000}}"#,
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let code = mint(&platform, &finish_grant()).await;
    let started = Instant::now();
    let r = post_from(
        &proxy,
        &format!("{CALLBACK_PATH}?forceStatus=503&delayMs=20000"),
        &finish_body(&code),
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "no forced 20 s delay"
    );
    proxy.shutdown().await;
    platform.shutdown().await;
}

#[tokio::test]
async fn slow_header_connections_are_cut_while_requests_are_served() {
    let mut config = Config::ephemeral();
    config.header_timeout = Duration::from_millis(300);
    let server = start(config).await;
    let mut slow = Vec::new();
    // Connections that send nothing at all, and one idle after a keep-alive request.
    for _ in 0..5 {
        slow.push(TcpStream::connect(server.app_addr).await.expect("connect"));
    }
    let mut idle = TcpStream::connect(server.app_addr).await.expect("connect");
    let head = format!("GET /healthz HTTP/1.1\r\nHost: {}\r\n\r\n", server.app_addr);
    idle.write_all(head.as_bytes()).await.expect("write");
    let mut first = [0u8; 256];
    let n = idle.read(&mut first).await.expect("read");
    assert!(first[..n].starts_with(b"HTTP/1.1 200"));
    slow.push(idle);
    for _ in 0..50 {
        let mut s = TcpStream::connect(server.app_addr).await.expect("connect");
        s.write_all(b"POST /api/signup/callback HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            .await
            .expect("write");
        slow.push(s);
    }
    // Real requests are served meanwhile.
    assert_eq!(get(server.app_addr, "/healthz").await.status, 200);
    let started = Instant::now();
    for mut s in slow {
        let mut buf = [0u8; 1024];
        let closed = tokio::time::timeout(Duration::from_secs(5), async {
            loop {
                match s.read(&mut buf).await {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {} // a 408 may come first
                }
            }
        })
        .await;
        assert!(closed.is_ok(), "a slow-header connection is still open");
    }
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(get(server.app_addr, "/healthz").await.status, 200);
    server.shutdown().await;
}

#[tokio::test]
async fn a_slow_body_gets_408() {
    let mut config = Config::ephemeral();
    config.request_timeout = Duration::from_millis(300);
    let server = start(config).await;
    let mut s = TcpStream::connect(server.app_addr).await.expect("connect");
    let head = format!(
        "POST {CALLBACK_PATH} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"code\":",
        server.app_addr
    );
    s.write_all(head.as_bytes()).await.expect("write");
    let mut raw = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), s.read_to_end(&mut raw)).await;
    let text = String::from_utf8_lossy(&raw);
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
    server.shutdown().await;
}

#[tokio::test]
async fn only_our_own_host_names_are_served() {
    let server = sandbox().await;
    let port = server.app_addr.port();
    for host in [format!("127.0.0.1:{port}"), format!("localhost:{port}")] {
        let s = TcpStream::connect(server.app_addr).await.expect("connect");
        let r = exchange(s, &host, "GET", "/demo-config.json", &[], "").await;
        assert_eq!(r.status, 200, "{host}");
    }
    // A DNS-rebinding page reaches the loopback server under its own name.
    for host in [
        format!("rebind.evil.example:{port}"),
        "127.0.0.1".to_owned(),
    ] {
        let s = TcpStream::connect(server.app_addr).await.expect("connect");
        let r = exchange(s, &host, "GET", "/__sandbox/requests", &[], "").await;
        assert_eq!(
            (r.status, r.error_code()),
            (421, "HOST_NOT_ALLOWED".to_owned()),
            "{host}"
        );
    }
    let s = TcpStream::connect(server.meta_addr).await.expect("connect");
    let r = exchange(s, "evil.example", "GET", "/__meta/dialog-config", &[], "").await;
    assert_eq!(r.status, 421);
    server.shutdown().await;
}

#[tokio::test]
async fn the_code_is_never_logged_whatever_the_shape() {
    let server = sandbox().await;
    let secret = "AQtopsecretcode0123456789";
    let bodies = [
        format!("code={secret}&wabaId=1"),
        format!(r#"{{"code":"{secret}","code":"{secret}x"}}"#),
        format!(r#"{{"wrapper":{{"code":"{secret}"}}}}"#),
        format!(r#"{{"code":["{secret}"]}}"#),
        format!(r#"{{"\u0063ode":"{secret}"}}"#),
        format!("not json at all {secret}"),
    ];
    for body in &bodies {
        let r = post_json(server.app_addr, CALLBACK_PATH, body).await;
        assert!(r.status >= 400, "{body}: {}", r.body);
    }
    let r = post_json(
        server.app_addr,
        &format!("{CALLBACK_PATH}?code={secret}"),
        "{}",
    )
    .await;
    assert!(r.status >= 400);
    let log = received(&server, None).await;
    assert_eq!(log["count"], bodies.len() + 1);
    assert!(
        !log.to_string().contains("topsecret"),
        "the code reached the log: {log}"
    );
    server.shutdown().await;
}
