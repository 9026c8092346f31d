//! The sandbox platform API at the seeds' paths (000, 001, 003), behind an
//! admin key, over real HTTP.

mod common;

use common::*;
use serde_json::{json, Value};

const CALLBACK: &str = "/v1/organization/whatsapp/business-profiles/callback";
const REGISTER: &str = "/v1/organization/whatsapp/phone-numbers";
const BEARER: &str = "Bearer sk_admin_test0123456789abcd";
const APP_ID: &str = "app_2DbBs7GWhGvVNJGrDXr5RG0mBWI";

async fn admin(
    server: &wa_signup_demo::RunningServer,
    method: &str,
    path: &str,
    body: &Value,
) -> Resp {
    request(
        server.app_addr,
        method,
        path,
        &[
            ("Content-Type", "application/json"),
            ("Authorization", BEARER),
        ],
        &body.to_string(),
    )
    .await
}

#[tokio::test]
async fn the_platform_callback_needs_a_server_side_admin_key() {
    let server = sandbox().await;
    let code = mint(&server, &finish_grant()).await;
    let body = finish_body(&code);
    let anonymous = post_json(server.app_addr, CALLBACK, &body).await;
    assert_eq!(
        (anonymous.status, anonymous.error_code()),
        (401, "UNAUTHORIZED".to_owned())
    );
    let from_browser = request(
        server.app_addr,
        "POST",
        CALLBACK,
        &[
            ("Authorization", BEARER),
            ("Origin", "http://127.0.0.1:8080"),
        ],
        &body,
    )
    .await;
    assert_eq!(from_browser.error_code(), "BROWSER_REQUEST_REFUSED");
    let r = request(
        server.app_addr,
        "POST",
        CALLBACK,
        &[("Authorization", BEARER)],
        &body,
    )
    .await;
    assert_eq!(
        r.status, 201,
        "the code was not spent by refused requests: {}",
        r.body
    );
    let log = received(&server, Some("platform.callback")).await;
    assert_eq!(log["count"], 3);
    assert_eq!(
        log["requests"][2]["headers"]["authorization"],
        "Bearer sk_admin_…abcd"
    );
    server.shutdown().await;
}

#[tokio::test]
async fn register_then_assign_apps() {
    let server = sandbox().await;
    let number = json!({
        "displayPhoneNumber": "+15550009999",
        "metaPhoneNumberId": "123456789012345",
        "metaBusinessAccountId": "102290129340398",
        "appIds": [APP_ID]
    });
    let before = admin(&server, "POST", REGISTER, &number).await;
    assert_eq!(
        (before.status, before.error_code()),
        (404, "BUSINESS_PROFILE_NOT_FOUND".to_owned())
    );

    // Onboard the WABA without a number (FINISH_ONLY_WABA), then register one.
    let mut grant = finish_grant();
    grant["phoneNumberId"] = Value::Null;
    grant["displayPhoneNumber"] = Value::Null;
    let code = mint(&server, &grant).await;
    let profile = admin(
        &server,
        "POST",
        CALLBACK,
        &json!({ "code": code, "wabaId": "102290129340398" }),
    )
    .await;
    assert_eq!(profile.status, 201, "{}", profile.body);
    assert_eq!(profile.json()["phoneNumbers"], json!([]));

    let r = admin(&server, "POST", REGISTER, &number).await;
    assert_eq!(r.status, 201, "{}", r.body);
    let resource = wa_signup::api::parse_phone_number_resource(&r.body).expect("seed 001 shape");
    assert!(wa_signup::ids::is_phone_number_id(&resource.id));
    assert_eq!(
        resource.business_profile.id,
        profile.json()["id"].as_str().unwrap_or("")
    );
    assert_eq!(resource.apps.len(), 1);
    assert_eq!(resource.apps[0].app_id, APP_ID);
    assert!(resource.is_test_number);

    let dup = admin(&server, "POST", REGISTER, &number).await;
    assert_eq!(
        (dup.status, dup.error_code()),
        (409, "PHONE_NUMBER_ALREADY_REGISTERED".to_owned())
    );

    let apps_path = format!("{REGISTER}/{}/apps", resource.id);
    let cleared = admin(&server, "PUT", &apps_path, &json!({ "appIds": [] })).await;
    assert_eq!(cleared.status, 200, "{}", cleared.body);
    assert_eq!(cleared.json()["apps"], json!([]));
    let state = get(server.app_addr, "/__sandbox/state").await.json();
    assert_eq!(state["phoneNumbers"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        state["businessProfiles"][0]["phoneNumbers"][0]["id"],
        resource.id
    );
    server.shutdown().await;
}

#[tokio::test]
async fn register_and_assign_validate_like_the_core_crate() {
    let server = sandbox().await;
    let cases = [
        (
            json!({ "displayPhoneNumber": "5550009999", "metaPhoneNumberId": "1", "metaBusinessAccountId": "2" }),
            "INVALID_PHONE_NUMBER",
            "displayPhoneNumber",
        ),
        (
            json!({ "displayPhoneNumber": "+15550009999", "metaPhoneNumberId": "01", "metaBusinessAccountId": "2" }),
            "INVALID_META_ID",
            "metaPhoneNumberId",
        ),
        (
            json!({ "displayPhoneNumber": "+15550009999", "metaPhoneNumberId": "1", "metaBusinessAccountId": "2", "appIds": ["app_x"] }),
            "INVALID_APP_ID",
            "appIds[0]",
        ),
        (
            json!({ "metaPhoneNumberId": "1", "metaBusinessAccountId": "2" }),
            "MISSING_FIELD",
            "displayPhoneNumber",
        ),
    ];
    for (body, code, field) in cases {
        let r = admin(&server, "POST", REGISTER, &body).await;
        assert_eq!((r.status, r.error_code()), (400, code.to_owned()), "{body}");
        assert_eq!(r.json()["error"]["field"], field, "{body}");
    }
    let bad_path = admin(
        &server,
        "PUT",
        &format!("{REGISTER}/wapn_nope/apps"),
        &json!({ "appIds": [] }),
    )
    .await;
    assert_eq!(
        (bad_path.status, bad_path.error_code()),
        (400, "INVALID_PHONE_NUMBER_ID".to_owned())
    );
    let unknown = admin(
        &server,
        "PUT",
        &format!("{REGISTER}/wapn_2DbBs7GWhGvVNJGrDXr5RG0mBWI/apps"),
        &json!({ "appIds": [APP_ID] }),
    )
    .await;
    assert_eq!(
        (unknown.status, unknown.error_code()),
        (404, "PHONE_NUMBER_NOT_FOUND".to_owned())
    );
    let log = received(&server, None).await;
    assert_eq!(log["count"], 6);
    server.shutdown().await;
}
