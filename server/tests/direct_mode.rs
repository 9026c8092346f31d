//! Direct onboarding (wa-signup-service's direct mode) end to end against the
//! sandbox Meta's Graph API: exchange, debug_token, phone_numbers,
//! subscribed_apps, register.

mod common;

use std::sync::{Arc, Mutex};

use common::*;
use serde_json::json;
use wa_signup_demo::config::SANDBOX_APP_SECRET;
use wa_signup_demo::CALLBACK_PATH;
use wa_signup_service::{BaseUrl, DirectConfig, Onboarded, Secret, SignupService};

#[tokio::test]
async fn a_signup_is_exchanged_checked_subscribed_and_registered_once() {
    let server = start(direct_config()).await;
    let code = mint(&server, &finish_grant()).await;
    let r = post_from(&server, CALLBACK_PATH, &finish_body(&code)).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(
        r.json(),
        json!({
            "wabaId": "102290129340398",
            "phoneNumberId": "106540352242922",
            "businessId": "2729063490586005",
            "isCoexistence": false,
            "subscribed": true,
            "registered": true
        })
    );
    let again = post_from(&server, CALLBACK_PATH, &finish_body(&code)).await;
    assert_eq!(
        (again.status, again.error_code()),
        (409, "CODE_ALREADY_FORWARDED".to_owned())
    );
    let stats = graph_stats(&server).await;
    assert_eq!(
        (
            &stats["exchanged"],
            &stats["reusedCodes"],
            &stats["debugged"],
            &stats["subscribed"],
            &stats["registered"]
        ),
        (&json!(1), &json!(0), &json!(1), &json!(1), &json!(1)),
        "{stats}"
    );
    let log = received(&server, Some("direct.callback")).await;
    assert_eq!(log["count"], 2);
    assert!(!log.to_string().contains(&code));
    server.shutdown().await;
}

#[tokio::test]
async fn the_browsers_ids_are_claims_checked_against_the_token() {
    let server = start(direct_config()).await;
    let forged_waba =
        json!({ "code": mint(&server, &finish_grant()).await, "wabaId": "999999999999999" });
    let r = post_from(&server, CALLBACK_PATH, &forged_waba.to_string()).await;
    assert_eq!(
        (r.status, r.error_code()),
        (403, "WABA_NOT_GRANTED".to_owned()),
        "{}",
        r.body
    );
    let forged_phone = json!({
        "code": mint(&server, &finish_grant()).await,
        "wabaId": "102290129340398",
        "phoneNumberId": "999999999999999"
    });
    let r = post_from(&server, CALLBACK_PATH, &forged_phone.to_string()).await;
    assert_eq!(
        (r.status, r.error_code()),
        (403, "PHONE_NUMBER_NOT_GRANTED".to_owned()),
        "{}",
        r.body
    );
    assert_eq!(
        graph_stats(&server).await["subscribed"],
        0,
        "nothing was subscribed"
    );

    // No session info at all: the WABA comes from the token's granular scopes.
    let bare = json!({ "code": mint(&server, &finish_grant()).await });
    let r = post_from(&server, CALLBACK_PATH, &bare.to_string()).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(
        (&r.json()["wabaId"], &r.json()["registered"]),
        (&json!("102290129340398"), &json!(false))
    );
    server.shutdown().await;
}

#[tokio::test]
async fn coexistence_numbers_are_not_registered() {
    let server = start(direct_config()).await;
    let grant = json!({
        "wabaId": "102290129340398", "businessId": "2729063490586005", "businessName": "Acme Corp",
        "phoneNumberId": "117788990011223", "displayPhoneNumber": "+5511987654321",
        "isCoexistence": true, "appId": "1234567890"
    });
    let body = json!({
        "code": mint(&server, &grant).await, "wabaId": "102290129340398",
        "phoneNumberId": "117788990011223", "isCoexistence": true
    });
    let r = post_from(&server, CALLBACK_PATH, &body.to_string()).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(
        (&r.json()["subscribed"], &r.json()["registered"]),
        (&json!(true), &json!(false))
    );
    assert_eq!(graph_stats(&server).await["registered"], 0);

    // Meta decides, not the browser: a claim that differs is refused before anything changes.
    let mut lying = serde_json::from_str::<serde_json::Value>(&finish_body(
        &mint(&server, &finish_grant()).await,
    ))
    .expect("json");
    lying["isCoexistence"] = json!(true);
    let r = post_from(&server, CALLBACK_PATH, &lying.to_string()).await;
    assert_eq!(
        (r.status, r.error_code()),
        (400, "COEXISTENCE_MISMATCH".to_owned()),
        "{}",
        r.body
    );
    assert_eq!(
        graph_stats(&server).await["subscribed"],
        1,
        "only the first signup subscribed"
    );
    server.shutdown().await;
}

#[tokio::test]
async fn metas_refusals_are_typed_graph_errors() {
    let server = start(direct_config()).await;
    let r = post_from(&server, CALLBACK_PATH, &finish_body("AQnever-issued")).await;
    assert_eq!((r.status, r.error_code()), (400, "INVALID_CODE".to_owned()));
    let meta = &r.json()["error"]["metaError"];
    assert_eq!(
        (&meta["code"], &meta["error_subcode"], &meta["type"]),
        (&json!(100), &json!(36008), &json!("OAuthException"))
    );
    server.shutdown().await;

    // A wrong app secret is the integrator's error, not the browser's.
    let sandbox = sandbox().await;
    let mut config = DirectConfig::new("1234567890", Secret::new("0000000000000000"));
    config.graph = BaseUrl::parse(sandbox.meta_origin()).expect("url");
    let service = SignupService::direct(config)
        .allowed_origins(["https://app.example.com"])
        .build()
        .expect("service");
    let (addr, _stop) =
        spawn_router(axum::Router::new().nest("/api/signup", service.router())).await;
    let code = mint(&sandbox, &finish_grant()).await;
    let r = post_origin(
        addr,
        "/api/signup/callback",
        "https://app.example.com",
        &finish_body(&code),
    )
    .await;
    assert_eq!(
        (r.status, r.error_code()),
        (502, "META_GRAPH_ERROR".to_owned()),
        "{}",
        r.body
    );
    assert_eq!(r.json()["error"]["step"], "exchangeCode");
    sandbox.shutdown().await;
}

#[tokio::test]
async fn redirect_codes_need_their_exact_redirect_uri_and_the_hook_gets_the_token() {
    let sandbox = sandbox().await;
    let stored: Arc<Mutex<Vec<Onboarded>>> = Arc::default();
    let mut config = DirectConfig::new("1234567890", Secret::new(SANDBOX_APP_SECRET));
    config.graph = BaseUrl::parse(sandbox.meta_origin()).expect("url");
    config.redirect_uris = vec!["https://app.example.com/return".into()];
    config.pin = Some(Secret::new("246810"));
    let sink = stored.clone();
    let config = config.on_onboarded(move |o| {
        let sink = sink.clone();
        async move {
            sink.lock().map_err(|e| e.to_string())?.push(o);
            Ok(())
        }
    });
    let service = SignupService::direct(config)
        .allowed_origins(["https://app.example.com"])
        .build()
        .expect("service");
    let (addr, _stop) =
        spawn_router(axum::Router::new().nest("/api/signup", service.router())).await;
    let post = |body: String| async move {
        post_origin(
            addr,
            "/api/signup/callback",
            "https://app.example.com",
            &body,
        )
        .await
    };

    let mut grant = finish_grant();
    grant["redirectUri"] = json!("https://app.example.com/return");
    let code = mint(&sandbox, &grant).await;
    let body = json!({
        "code": code, "redirectUri": "https://app.example.com/return",
        "wabaId": "102290129340398", "phoneNumberId": "106540352242922"
    });
    let r = post(body.to_string()).await;
    assert_eq!(r.status, 201, "{}", r.body);
    // A popup code sent with a redirect_uri: Meta refuses (36008).
    let popup = mint(&sandbox, &finish_grant()).await;
    let r =
        post(json!({ "code": popup, "redirectUri": "https://app.example.com/return" }).to_string())
            .await;
    assert_eq!((r.status, r.error_code()), (400, "INVALID_CODE".to_owned()));
    // A redirect_uri that is not configured is never sent to Meta.
    let other = mint(&sandbox, &grant).await;
    let r =
        post(json!({ "code": other, "redirectUri": "https://evil.example/return" }).to_string())
            .await;
    assert_eq!(
        (r.status, r.error_code()),
        (400, "INVALID_FIELD".to_owned())
    );

    let stored = stored.lock().expect("lock").clone();
    assert_eq!(stored.len(), 1);
    let o = &stored[0];
    assert!(o.business_token.expose().starts_with("EAAS"));
    assert_eq!(o.pin.as_ref().map(Secret::expose), Some("246810"));
    assert!(o.registered && !format!("{o:?}").contains(o.business_token.expose()));
    sandbox.shutdown().await;
}
