use super::*;

#[test]
fn upstream_errors_pass_through_only_in_the_platforms_shape() {
    let e = upstream_error(
        StatusCode::BAD_REQUEST,
        r#"{"error":{"code":"CODE_EXPIRED","message":"too late","status":400}}"#,
    );
    assert_eq!(
        (e.status().as_u16(), e.code().as_str()),
        (400, "CODE_EXPIRED")
    );
    assert_eq!(e.body()["error"]["message"], "too late");
    for (status, text) in [
        (StatusCode::BAD_GATEWAY, "<html>bad gateway</html>"),
        (StatusCode::BAD_REQUEST, r#"{"error":"nope"}"#),
        (
            StatusCode::BAD_REQUEST,
            r#"{"error":{"code":1,"message":"x"}}"#,
        ),
        (StatusCode::OK, r#"{"error":{"code":"X","message":"x"}}"#),
    ] {
        assert_eq!(
            upstream_error(status, text).code(),
            "UPSTREAM_INVALID_RESPONSE",
            "{text}"
        );
    }
}

#[test]
fn build_refuses_unsafe_configurations() {
    let url = BaseUrl::parse("https://api.example.com").expect("url");
    let ok = || SignupService::proxy(url.clone(), Secret::new("sk_admin_x1"));
    assert!(ok().build().is_err(), "no allowed origins");
    assert!(ok()
        .allowed_origins(["https://app.example.com/"])
        .build()
        .is_err());
    assert!(ok().allowed_origins(["app.example.com"]).build().is_err());
    for origin in [
        "https://app.example.com?x=1",
        "https://app.example.com#f",
        "https://user@app.example.com",
        "https://app.example.com:0",
    ] {
        assert!(ok().allowed_origins([origin]).build().is_err(), "{origin}");
    }
    for origin in ["https://app.example.com:8443", "http://localhost:3000"] {
        assert!(ok().allowed_origins([origin]).build().is_ok(), "{origin}");
    }
    assert!(ok()
        .allowed_origins(["https://app.example.com"])
        .build()
        .is_ok());
    let bad_key = SignupService::proxy(url.clone(), Secret::new("sk_live_x1"))
        .allowed_origins(["https://app.example.com"])
        .build()
        .expect_err("not an admin key");
    assert!(!bad_key.0.contains("sk_live_x1"));
    let s = ok()
        .allowed_origins(["https://app.example.com"])
        .build()
        .expect("ok");
    assert!(!format!("{s:?}").contains("sk_admin_x1"));
}
