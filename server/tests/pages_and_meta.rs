//! The demo page, its configuration, the widget package files, and the
//! simulated Meta origin (SDK, dialog, knobs, code mint).

mod common;

use common::*;
use serde_json::json;
use wa_signup_demo::config::Config;

#[tokio::test]
async fn the_demo_page_and_its_sandbox_configuration() {
    let server = sandbox().await;
    let page = get(server.app_addr, "/").await;
    assert_eq!(page.status, 200);
    assert!(page
        .header("content-type")
        .is_some_and(|v| v.starts_with("text/html")));
    assert!(page.body.contains("/static/demo.js"));
    let script = get(server.app_addr, "/static/demo.js").await;
    assert!(script.body.contains("/web/pkg/wa_signup_web.js"));
    assert_eq!(page.header("cache-control"), Some("no-store"));

    let config = get(server.app_addr, "/demo-config.json").await.json();
    let meta = server.meta_origin().to_owned();
    assert_eq!(config["metaMode"], "sandbox");
    assert_eq!(config["widget"]["sdkUrl"], format!("{meta}/en_US/sdk.js"));
    assert_eq!(config["widget"]["allowedOrigins"], json!([meta]));
    assert_eq!(config["widget"]["callbackPath"], "/api/signup/callback");
    assert_eq!(config["widget"]["appId"], "1234567890");
    assert_eq!(config["redirectSupported"], false);
    server.shutdown().await;
}

#[tokio::test]
async fn widget_files_are_served_from_disk_with_their_types_and_no_traversal() {
    let dir = std::env::temp_dir().join(format!("wa-signup-demo-pkg-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("snippets")).expect("mkdir");
    std::fs::write(dir.join("wa_signup_web_bg.wasm"), b"\0asm\x01\0\0\0").expect("write");
    std::fs::write(dir.join("wa_signup_web.js"), b"export default 1;").expect("write");
    let mut config = Config::ephemeral();
    config.web_pkg = dir.clone();
    let server = start(config).await;
    let wasm = get(server.app_addr, "/web/pkg/wa_signup_web_bg.wasm").await;
    assert_eq!(
        (wasm.status, wasm.header("content-type")),
        (200, Some("application/wasm"))
    );
    let js = get(server.app_addr, "/web/pkg/wa_signup_web.js").await;
    assert_eq!(js.body, "export default 1;");
    for path in [
        "/web/pkg/../Cargo.toml",
        "/web/pkg/%2e%2e/x",
        "/web/pkg/.hidden",
    ] {
        assert_eq!(get(server.app_addr, path).await.status, 404, "{path}");
    }
    let missing = get(server.app_addr, "/web/pkg/nope.js").await;
    assert_eq!(missing.error_code(), "WIDGET_NOT_BUILT");
    server.shutdown().await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn the_meta_origin_serves_the_sdk_dialog_and_knobs() {
    let server = sandbox().await;
    let sdk = get(server.meta_addr, "/en_US/sdk.js").await;
    assert_eq!(sdk.status, 200);
    assert!(sdk
        .header("content-type")
        .is_some_and(|v| v.starts_with("text/javascript")));
    let expected = format!("var DIALOG_ORIGIN = \"{}\";", server.meta_origin());
    assert!(
        sdk.body.contains(&expected),
        "the SDK trusts only the dialog origin"
    );
    assert!(sdk.body.contains("fbAsyncInit"));
    assert_eq!(
        get(server.app_addr, "/en_US/sdk.js").await.status,
        404,
        "not on the page origin"
    );

    let dialog = get(
        server.meta_addr,
        "/v24.0/dialog/oauth?client_id=1&config_id=2&response_type=code",
    )
    .await;
    assert!(dialog.body.contains("/__meta/static/dialog.js"));
    let js = get(server.meta_addr, "/__meta/static/dialog.js").await.body;
    for documented in [
        "WA_EMBEDDED_SIGNUP",
        "FINISH_ONLY_WABA",
        "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING",
        "current_step",
        "error_message",
        "session_id",
    ] {
        assert!(js.contains(documented), "dialog emits {documented}");
    }

    post_json(
        server.app_addr,
        "/__sandbox/control",
        r#"{"dialog":{"auto":"coexistence","eventsAfterCode":true,"eventDelayMs":250,"version":3}}"#,
    )
    .await;
    let config = get(server.meta_addr, "/__meta/dialog-config").await.json();
    assert_eq!(config["control"]["auto"], "coexistence");
    assert_eq!(config["control"]["eventsAfterCode"], true);
    assert_eq!(config["control"]["eventDelayMs"], 250);
    assert_eq!(config["codeTtlSeconds"], 30);
    assert_eq!(
        config["assets"]["businesses"][0]["wabas"][0]["id"],
        "102290129340398"
    );
    server.shutdown().await;
}

#[tokio::test]
async fn the_mint_refuses_malformed_grants() {
    let server = sandbox().await;
    let mut grant = finish_grant();
    grant["wabaId"] = json!("0001");
    let r = post_json(server.meta_addr, "/__meta/oauth/code", &grant.to_string()).await;
    assert_eq!(
        (r.status, r.error_code()),
        (400, "INVALID_GRANT".to_owned())
    );
    let r = post_json(
        server.meta_addr,
        "/__meta/oauth/code",
        r#"{"wabaId":"1","extra":1}"#,
    )
    .await;
    assert_eq!(r.status, 400);
    let ok = post_json(
        server.meta_addr,
        "/__meta/oauth/code",
        &finish_grant().to_string(),
    )
    .await
    .json();
    let code = ok["code"].as_str().unwrap_or("");
    assert!(code.starts_with("AQ") && code.len() == 66, "{code}");
    assert_eq!(
        (ok["expiresIn"].as_u64(), ok["grantId"].as_u64()),
        (Some(30), Some(1))
    );
    server.shutdown().await;
}
