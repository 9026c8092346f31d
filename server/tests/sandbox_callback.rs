//! The sandbox callback (`POST /api/signup/callback`, seed 003) over real HTTP.

mod common;

use std::time::{Duration, Instant};

use common::*;
use serde_json::json;
use wa_signup_demo::CALLBACK_PATH;

#[tokio::test]
async fn a_valid_code_creates_a_business_profile_with_real_ids() {
    let server = sandbox().await;
    let code = mint(&server, &finish_grant()).await;
    let r = post_json(server.app_addr, CALLBACK_PATH, &finish_body(&code)).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert!(r
        .header("content-type")
        .is_some_and(|v| v.starts_with("application/json")));
    let profile = wa_signup::api::parse_business_profile(&r.body).expect("a seed 003 profile");
    let id = wa_signup::ids::parse_id(&profile.id).expect("wabp id");
    assert_eq!(id.kind(), wa_signup::ids::IdKind::BusinessProfile);
    assert!(id.is_test());
    assert_eq!(profile.meta_waba_id, "102290129340398");
    assert_eq!(
        profile.meta_business_id.as_deref(),
        Some("2729063490586005")
    );
    assert_eq!(profile.business_name.as_deref(), Some("Acme Corp"));
    assert!(profile.token_expires_at.is_some() && profile.onboarding_completed_at.is_some());
    assert_eq!(profile.phone_numbers.len(), 1);
    let number = &profile.phone_numbers[0];
    assert!(
        wa_signup::ids::is_phone_number_id(&number.id),
        "{}",
        number.id
    );
    assert_eq!(
        (
            number.display_phone_number.as_str(),
            number.meta_phone_number_id.as_str()
        ),
        ("+15551234567", "106540352242922")
    );
    assert!(profile.is_test_profile);
    server.shutdown().await;
}

#[tokio::test]
async fn the_log_holds_the_exact_body_with_the_code_redacted() {
    let server = sandbox().await;
    let code = mint(&server, &finish_grant()).await;
    let body = finish_body(&code);
    post_json(server.app_addr, CALLBACK_PATH, &body).await;
    let log = received(&server, Some("callback")).await;
    assert_eq!(log["count"], 1);
    let entry = &log["requests"][0];
    assert_eq!(entry["method"], "POST");
    assert_eq!(entry["path"], CALLBACK_PATH);
    assert_eq!(entry["status"], 201);
    assert_eq!(entry["grant"], json!({ "id": 1, "result": "redeemed" }));
    assert_eq!(entry["bodyText"], body.replace(&code, "[redacted]"));
    assert_eq!(entry["body"]["code"], "[redacted]");
    assert_eq!(entry["headers"]["content-type"], "application/json");
    let everything = get(server.app_addr, "/__sandbox/requests").await.body
        + &get(server.app_addr, "/__sandbox/grants").await.body;
    assert!(
        !everything.contains(&code),
        "the code never appears in introspection"
    );
    let grants = get(server.app_addr, "/__sandbox/grants").await.json();
    assert_eq!(grants["grants"][0]["state"], "used");
    server.shutdown().await;
}

#[tokio::test]
async fn a_code_works_once() {
    let server = sandbox().await;
    let code = mint(&server, &finish_grant()).await;
    assert_eq!(
        post_json(server.app_addr, CALLBACK_PATH, &finish_body(&code))
            .await
            .status,
        201
    );
    let again = post_json(server.app_addr, CALLBACK_PATH, &finish_body(&code)).await;
    assert_eq!(
        (again.status, again.error_code()),
        (400, "CODE_ALREADY_USED".to_owned())
    );
    assert_eq!(again.json()["error"]["metaError"]["type"], "OAuthException");
    let log = received(&server, Some("callback")).await;
    assert_eq!(log["requests"][1]["grant"]["result"], "used");
    server.shutdown().await;
}

#[tokio::test]
async fn a_code_expires_after_thirty_seconds_on_the_sandbox_clock() {
    let server = sandbox().await;
    let fresh = mint(&server, &finish_grant()).await;
    let stale = mint(&server, &finish_grant()).await;
    let r = post_json(
        server.app_addr,
        "/__sandbox/clock",
        r#"{"advanceMs":29000}"#,
    )
    .await;
    assert_eq!(r.json()["offsetMs"], 29000);
    assert_eq!(
        post_json(server.app_addr, CALLBACK_PATH, &finish_body(&fresh))
            .await
            .status,
        201
    );
    post_json(server.app_addr, "/__sandbox/clock", r#"{"advanceMs":1000}"#).await;
    let r = post_json(server.app_addr, CALLBACK_PATH, &finish_body(&stale)).await;
    assert_eq!((r.status, r.error_code()), (400, "CODE_EXPIRED".to_owned()));
    assert_eq!(r.json()["error"]["field"], "code");
    server.shutdown().await;
}

#[tokio::test]
async fn malformed_bodies_are_refused_without_spending_the_code() {
    let server = sandbox().await;
    let code = mint(&server, &finish_grant()).await;
    let cases = [
        (
            json!({ "code": code, "wabaId": "12a" }).to_string(),
            "INVALID_META_ID",
            Some("wabaId"),
        ),
        (
            json!({ "code": code, "phoneNumberId": "" }).to_string(),
            "INVALID_META_ID",
            Some("phoneNumberId"),
        ),
        (
            json!({ "code": code, "businessId": 7 }).to_string(),
            "INVALID_FIELD",
            Some("businessId"),
        ),
        (
            json!({ "code": code, "isCoexistence": "false" }).to_string(),
            "INVALID_FIELD",
            Some("isCoexistence"),
        ),
        (
            json!({ "code": code, "waba_id": "1" }).to_string(),
            "UNKNOWN_FIELD",
            Some("waba_id"),
        ),
        (
            json!({ "code": "" }).to_string(),
            "EMPTY_CODE",
            Some("code"),
        ),
        (
            json!({ "wabaId": "1" }).to_string(),
            "MISSING_FIELD",
            Some("code"),
        ),
        ("[1,2]".to_owned(), "INVALID_JSON", None),
        ("{\"code\":".to_owned(), "INVALID_JSON", None),
    ];
    for (body, want, field) in cases {
        let r = post_json(server.app_addr, CALLBACK_PATH, &body).await;
        assert_eq!((r.status, r.error_code()), (400, want.to_owned()), "{body}");
        assert_eq!(r.json()["error"]["field"].as_str(), field, "{body}");
    }
    let unknown = post_json(
        server.app_addr,
        CALLBACK_PATH,
        &finish_body("AQnever-issued"),
    )
    .await;
    assert_eq!(
        (unknown.status, unknown.error_code()),
        (400, "INVALID_CODE".to_owned())
    );
    let ok = post_json(server.app_addr, CALLBACK_PATH, &finish_body(&code)).await;
    assert_eq!(
        ok.status, 201,
        "the code survived the refused bodies: {}",
        ok.body
    );
    server.shutdown().await;
}

#[tokio::test]
async fn forged_session_ids_are_not_granted() {
    let server = sandbox().await;
    let code = mint(&server, &finish_grant()).await;
    let body = json!({ "code": code, "wabaId": "999999999999999", "isCoexistence": false });
    let r = post_json(server.app_addr, CALLBACK_PATH, &body.to_string()).await;
    assert_eq!(
        (r.status, r.error_code()),
        (403, "WABA_NOT_GRANTED".to_owned())
    );
    server.shutdown().await;
}

#[tokio::test]
async fn knobs_force_errors_and_delays_without_redeeming() {
    let server = sandbox().await;
    let code = mint(&server, &finish_grant()).await;
    let set = post_json(
        server.app_addr,
        "/__sandbox/control",
        r#"{"callback":{"forceStatus":503}}"#,
    )
    .await;
    assert_eq!(set.status, 200, "{}", set.body);
    let r = post_json(server.app_addr, CALLBACK_PATH, &finish_body(&code)).await;
    assert_eq!(
        (r.status, r.error_code()),
        (503, "SANDBOX_FORCED_ERROR".to_owned())
    );
    let log = received(&server, Some("callback")).await;
    assert_eq!(log["requests"][0]["grant"]["result"], "notRedeemed");

    // Query parameters override the control document for one request.
    let path = format!("{CALLBACK_PATH}?forceStatus=400");
    assert_eq!(
        post_json(server.app_addr, &path, &finish_body(&code))
            .await
            .status,
        400
    );

    post_json(
        server.app_addr,
        "/__sandbox/control",
        r#"{"callback":{"delayMs":300}}"#,
    )
    .await;
    let started = Instant::now();
    let r = post_json(server.app_addr, CALLBACK_PATH, &finish_body(&code)).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert!(started.elapsed() >= Duration::from_millis(300));
    let log = received(&server, Some("callback")).await;
    assert_eq!(log["requests"][2]["delayMs"], 300);

    let bad = post_json(
        server.app_addr,
        "/__sandbox/control",
        r#"{"callback":{"forceStatus":200}}"#,
    )
    .await;
    assert_eq!(bad.status, 400);
    let not_json = request(server.app_addr, "POST", "/__sandbox/reset", &[], "{}").await;
    assert_eq!(
        not_json.status, 415,
        "a cross-site form cannot reset the sandbox"
    );
    server.shutdown().await;
}

#[tokio::test]
async fn reset_forgets_codes_requests_and_knobs() {
    let server = sandbox().await;
    let code = mint(&server, &finish_grant()).await;
    post_json(
        server.app_addr,
        "/__sandbox/control",
        r#"{"dialog":{"auto":"finish"}}"#,
    )
    .await;
    post_json(server.app_addr, "/__sandbox/clock", r#"{"advanceMs":5000}"#).await;
    post_json(server.app_addr, CALLBACK_PATH, "{}").await;
    assert_eq!(
        post_json(server.app_addr, "/__sandbox/reset", "{}")
            .await
            .status,
        200
    );
    assert_eq!(received(&server, None).await["count"], 0);
    assert_eq!(
        get(server.app_addr, "/__sandbox/grants").await.json()["count"],
        0
    );
    let control = get(server.app_addr, "/__sandbox/control").await.json();
    assert_eq!(control["dialog"]["auto"], serde_json::Value::Null);
    assert_eq!(
        get(server.app_addr, "/__sandbox/state").await.json()["clock"]["offsetMs"],
        0
    );
    let r = post_json(server.app_addr, CALLBACK_PATH, &finish_body(&code)).await;
    assert_eq!(r.error_code(), "INVALID_CODE");
    server.shutdown().await;
}
