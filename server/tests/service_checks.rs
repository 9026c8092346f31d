//! wa-signup-service mounted in an app (as server/README.md shows): CSRF
//! header, the session hook, the Host allowlist; refusals never reach the platform.

mod common;

use axum::http::HeaderName;
use common::*;
use wa_signup_service::{BaseUrl, HostAllowlist, Secret, ServiceError, SignupService};

const ORIGIN: &str = "https://app.example.com";

#[tokio::test]
async fn csrf_session_and_host_are_checked_before_anything_is_sent() {
    let platform = sandbox().await;
    let service = SignupService::proxy(
        BaseUrl::parse(platform.app_origin()).expect("url"),
        Secret::new(ADMIN_KEY),
    )
    .allowed_origins([ORIGIN])
    .csrf_header(HeaderName::from_static("x-csrf-token"))
    .authorize(|headers| {
        let cookie = headers
            .get("cookie")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        async move {
            match cookie.as_str() {
                "session=admin" => Ok(()),
                "session=viewer" => Err(ServiceError::Forbidden),
                _ => Err(ServiceError::Unauthenticated),
            }
        }
    })
    .build()
    .expect("service");
    let (addr, _stop) =
        spawn_router(axum::Router::new().nest("/api/signup", service.router())).await;
    let hosts = HostAllowlist::new([addr.to_string()]);
    let with_hosts = service
        .clone()
        .allowed_hosts(hosts)
        .build()
        .expect("service");
    let (hosted, _stop2) =
        spawn_router(axum::Router::new().nest("/api/signup", with_hosts.router())).await;

    let code = mint(&platform, &finish_grant()).await;
    let body = finish_body(&code);
    let base = [("Content-Type", "application/json"), ("Origin", ORIGIN)];
    type Case<'a> = (Vec<(&'a str, &'a str)>, u16, &'a str);
    let cases: Vec<Case> = vec![
        (base.to_vec(), 403, "CSRF_HEADER_MISSING"),
        (
            [&base[..], &[("X-CSRF-Token", "t")]].concat(),
            401,
            "UNAUTHENTICATED",
        ),
        (
            [
                &base[..],
                &[("X-CSRF-Token", "t"), ("Cookie", "session=viewer")],
            ]
            .concat(),
            403,
            "FORBIDDEN",
        ),
    ];
    for (headers, status, error) in cases {
        let r = request(addr, "POST", "/api/signup/callback", &headers, &body).await;
        assert_eq!(
            (r.status, r.error_code()),
            (status, error.to_owned()),
            "{headers:?}"
        );
    }
    let good = [
        &base[..],
        &[("X-CSRF-Token", "t"), ("Cookie", "session=admin")],
    ]
    .concat();
    // Under a foreign Host name (DNS rebinding): 421.
    let s = tokio::net::TcpStream::connect(hosted)
        .await
        .expect("connect");
    let r = exchange(
        s,
        "rebind.evil.example",
        "POST",
        "/api/signup/callback",
        &good,
        &body,
    )
    .await;
    assert_eq!(
        (r.status, r.error_code()),
        (421, "HOST_NOT_ALLOWED".to_owned())
    );
    assert_eq!(received(&platform, None).await["count"], 0);

    let r = request(addr, "POST", "/api/signup/callback", &good, &body).await;
    assert_eq!(r.status, 201, "{}", r.body);
    let r = request(addr, "GET", "/api/signup/callback", &good, "").await;
    assert_eq!(
        (r.status, r.error_code()),
        (405, "METHOD_NOT_ALLOWED".to_owned())
    );
    assert_eq!(r.header("allow"), Some("POST"));
    platform.shutdown().await;
}
