//! Proxy mode against a real upstream on loopback: a second sandbox instance.

mod common;

use common::*;
use serde_json::json;
use wa_signup_demo::CALLBACK_PATH;

#[tokio::test]
async fn the_callback_is_forwarded_with_the_admin_key_added_server_side() {
    let platform = sandbox().await;
    let proxy = start(proxy_config(platform.app_origin(), 5_000)).await;
    let code = mint(&platform, &finish_grant()).await;
    let body = finish_body(&code);

    let r = post_from(&proxy, CALLBACK_PATH, &body).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert!(r.json()["id"]
        .as_str()
        .is_some_and(|id| id.starts_with("wabp_test_")));

    let upstream = received(&platform, None).await;
    assert_eq!(upstream["count"], 1);
    let forwarded = &upstream["requests"][0];
    assert_eq!(forwarded["endpoint"], "platform.callback");
    assert_eq!(
        forwarded["path"],
        "/v1/organization/whatsapp/business-profiles/callback"
    );
    assert_eq!(
        forwarded["headers"]["authorization"],
        "Bearer sk_admin_…abcd"
    );
    assert_eq!(
        forwarded["bodyText"],
        body.replace(&code, "[redacted]"),
        "forwarded byte for byte"
    );
    assert!(forwarded["headers"].get("origin").is_none());
    assert_eq!(forwarded["grant"]["result"], "redeemed");

    let local = received(&proxy, None).await;
    assert_eq!(local["requests"][0]["endpoint"], "proxy.callback");
    assert_eq!(local["requests"][0]["status"], 201);
    assert!(
        !local.to_string().contains("sk_admin_test"),
        "the key is never logged"
    );

    // The same code again is refused here, never sent a second time.
    let reused = post_from(&proxy, CALLBACK_PATH, &body).await;
    assert_eq!(
        (reused.status, reused.error_code()),
        (409, "CODE_ALREADY_FORWARDED".to_owned())
    );
    assert_eq!(received(&platform, None).await["count"], 1);

    // The upstream's own errors pass through with their status and code.
    let unknown = post_from(&proxy, CALLBACK_PATH, &finish_body("AQnever-issued")).await;
    assert_eq!(
        (unknown.status, unknown.error_code()),
        (400, "INVALID_CODE".to_owned())
    );
    proxy.shutdown().await;
    platform.shutdown().await;
}

#[tokio::test]
async fn invalid_bodies_never_reach_the_upstream() {
    let platform = sandbox().await;
    let proxy = start(proxy_config(platform.app_origin(), 5_000)).await;
    let r = post_from(
        &proxy,
        CALLBACK_PATH,
        &json!({ "code": "x", "wabaId": "nope" }).to_string(),
    )
    .await;
    assert_eq!(
        (r.status, r.error_code()),
        (400, "INVALID_META_ID".to_owned())
    );
    assert_eq!(received(&platform, None).await["count"], 0);
    proxy.shutdown().await;
    platform.shutdown().await;
}

#[tokio::test]
async fn an_unreachable_or_silent_upstream_becomes_502_or_504() {
    // A port nobody listens on.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let closed_addr = closed.local_addr().expect("addr");
    drop(closed);
    let proxy = start(proxy_config(&format!("http://{closed_addr}"), 2_000)).await;
    let r = post_from(&proxy, CALLBACK_PATH, &finish_body("AQx")).await;
    assert_eq!(
        (r.status, r.error_code()),
        (502, "UPSTREAM_UNREACHABLE".to_owned())
    );
    // Nothing was sent, so the claim was given up: the same code may be posted again.
    let r = post_from(&proxy, CALLBACK_PATH, &finish_body("AQx")).await;
    assert_eq!(
        (r.status, r.error_code()),
        (502, "UPSTREAM_UNREACHABLE".to_owned())
    );
    proxy.shutdown().await;

    // A server that accepts and never answers.
    let silent = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let silent_addr = silent.local_addr().expect("addr");
    let holder = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((s, _)) = silent.accept().await {
            held.push(s);
        }
    });
    let proxy = start(proxy_config(&format!("http://{silent_addr}"), 300)).await;
    let r = post_from(&proxy, CALLBACK_PATH, &finish_body("AQy")).await;
    assert_eq!(
        (r.status, r.error_code()),
        (504, "UPSTREAM_TIMEOUT".to_owned())
    );
    // It may have arrived: the code stays claimed.
    let r = post_from(&proxy, CALLBACK_PATH, &finish_body("AQy")).await;
    assert_eq!(
        (r.status, r.error_code()),
        (409, "CODE_ALREADY_FORWARDED".to_owned())
    );
    proxy.shutdown().await;
    holder.abort();
}
