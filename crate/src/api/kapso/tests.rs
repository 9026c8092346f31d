use serde_json::Value;

use super::*;
use crate::api::schema::testing::{assert_every_field_checked, assert_projection_matches, minify};
use crate::api::UrlRule;

/// The request body of seed 002's curl example, verbatim.
const SEED_REQUEST: &str = r#"{
  "whatsapp_phone_number": {
    "access_token": "EAABsbCS...new-token",
    "webhook_destination_url": "https://yourapp.com/webhooks/whatsapp"
  }
}"#;

/// The response example of seed 002, verbatim.
const SEED_RESPONSE: &str = r#"{
  "data": {
    "id": "<string>",
    "internal_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
    "phone_number_id": "<string>",
    "name": "<string>",
    "business_account_id": "<string>",
    "is_coexistence": true,
    "inbound_processing_enabled": true,
    "calls_enabled": true,
    "webhook_verified_at": "2023-11-07T05:31:56Z",
    "created_at": "2023-11-07T05:31:56Z",
    "updated_at": "2023-11-07T05:31:56Z",
    "customer_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
    "display_name": "<string>",
    "display_phone_number": "<string>",
    "display_phone_number_normalized": "<string>",
    "verified_name": "<string>",
    "quality_rating": "<string>",
    "code_verification_status": "<string>",
    "name_status": "<string>",
    "status": "<string>",
    "throughput_tier": "<string>",
    "whatsapp_business_manager_messaging_limit": 123,
    "is_official_business_account": true,
    "is_pin_enabled": true
  }
}"#;

#[test]
fn serializes_exactly_as_the_seed_body() {
    let u = KapsoPhoneNumberUpdate::builder()
        .access_token("EAABsbCS...new-token")
        .webhook_destination_url("https://yourapp.com/webhooks/whatsapp")
        .build()
        .unwrap();
    assert_eq!(serde_json::to_string(&u).unwrap(), minify(SEED_REQUEST));
    assert_eq!(
        serde_json::to_string(&u).unwrap(),
        r#"{"whatsapp_phone_number":{"access_token":"EAABsbCS...new-token","webhook_destination_url":"https://yourapp.com/webhooks/whatsapp"}}"#
    );
}

#[test]
fn one_field_is_enough_and_the_other_is_not_sent() {
    let u = KapsoPhoneNumberUpdate::builder()
        .access_token("t")
        .build()
        .unwrap();
    assert_eq!(
        serde_json::to_string(&u).unwrap(),
        r#"{"whatsapp_phone_number":{"access_token":"t"}}"#
    );
    let u = KapsoPhoneNumberUpdate::from_fields_json(
        r#"{"webhook_destination_url":"https://a.example/h"}"#,
    )
    .unwrap();
    assert_eq!(
        serde_json::to_string(&u).unwrap(),
        r#"{"whatsapp_phone_number":{"webhook_destination_url":"https://a.example/h"}}"#
    );
}

#[test]
fn rejects_bad_updates() {
    let cases = [
        (
            KapsoPhoneNumberUpdate::builder().build(),
            ApiError::EmptyUpdate,
        ),
        (
            KapsoPhoneNumberUpdate::builder().access_token(" ").build(),
            ApiError::EmptyField {
                field: "access_token".into(),
            },
        ),
        (
            KapsoPhoneNumberUpdate::builder()
                .webhook_destination_url("http://yourapp.com/h")
                .build(),
            ApiError::InvalidUrl {
                field: "webhook_destination_url".into(),
                rule: UrlRule::NotHttps,
            },
        ),
        (
            KapsoPhoneNumberUpdate::builder()
                .webhook_destination_url("http://localhost/h")
                .build(),
            ApiError::InvalidUrl {
                field: "webhook_destination_url".into(),
                rule: UrlRule::NotHttps,
            },
        ),
        (
            KapsoPhoneNumberUpdate::from_fields_json("{}"),
            ApiError::EmptyUpdate,
        ),
        (
            KapsoPhoneNumberUpdate::from_fields_json(r#"{"accessToken":"t"}"#),
            ApiError::UnknownField {
                field: "accessToken".into(),
            },
        ),
        (
            KapsoPhoneNumberUpdate::from_fields_json(r#"{"access_token":1}"#),
            ApiError::InvalidField {
                field: "access_token".into(),
                expected: "a string",
            },
        ),
    ];
    for (got, want) in cases {
        assert_eq!(got, Err(want));
    }
}

#[test]
fn path_takes_a_meta_id() {
    assert_eq!(
        KapsoPhoneNumberUpdate::path("106540352242922").as_deref(),
        Ok("/platform/v1/whatsapp/phone_numbers/106540352242922")
    );
    assert_eq!(
        KapsoPhoneNumberUpdate::path("1/../x"),
        Err(ApiError::InvalidMetaId {
            field: "phone_number_id".into()
        })
    );
}

#[test]
fn debug_never_prints_the_token() {
    let u = KapsoPhoneNumberUpdate::builder()
        .access_token("EAAB-SECRET")
        .build()
        .unwrap();
    assert!(!format!("{u:?}").contains("EAAB-SECRET"));
}

#[test]
fn seed_response_parses_and_round_trips() {
    let r = parse_kapso_phone_number_response(SEED_RESPONSE).unwrap();
    assert_eq!(r.data.internal_id, "3c90c3cc-0d44-4b50-8888-8dd25736052a");
    assert!(r.data.is_coexistence);
    assert_eq!(r.data.whatsapp_business_manager_messaging_limit, Some(123));
    assert_eq!(
        r.data.webhook_verified_at.as_ref().map(Timestamp::as_str),
        Some("2023-11-07T05:31:56Z")
    );
    let out = serde_json::to_value(&r).unwrap();
    assert_eq!(out, serde_json::from_str::<Value>(SEED_RESPONSE).unwrap());
    assert_projection_matches(SEED_RESPONSE, &RESPONSE_SCHEMA, &r);
    assert_eq!(
        serde_json::from_str::<KapsoPhoneNumberResponse>(SEED_RESPONSE).ok(),
        Some(r)
    );
}

const OPTIONAL: [&str; 15] = [
    "name",
    "webhook_verified_at",
    "customer_id",
    "display_name",
    "display_phone_number",
    "display_phone_number_normalized",
    "verified_name",
    "quality_rating",
    "code_verification_status",
    "name_status",
    "status",
    "throughput_tier",
    "whatsapp_business_manager_messaging_limit",
    "is_official_business_account",
    "is_pin_enabled",
];

#[test]
fn every_response_field_is_checked_by_name() {
    // Required: the identity, the three flags and the two timestamps; the
    // rest may be absent or null (see the `KapsoPhoneNumber` docs).
    let optional: Vec<String> = OPTIONAL.iter().map(|f| format!("data.{f}")).collect();
    let optional: Vec<&str> = optional.iter().map(String::as_str).collect();
    assert_every_field_checked(
        SEED_RESPONSE,
        parse_kapso_phone_number_response,
        &[],
        &optional,
    );
    assert_every_field_checked(
        SEED_RESPONSE,
        project_kapso_phone_number_response,
        &[],
        &optional,
    );
}

#[test]
fn optional_fields_absent_or_null_are_none_and_not_serialized() {
    let mut doc: Value = serde_json::from_str(SEED_RESPONSE).unwrap();
    doc["data"]["verified_name"] = Value::Null;
    doc["data"]
        .as_object_mut()
        .unwrap()
        .remove("quality_rating");
    let r = parse_kapso_phone_number_response(&doc.to_string()).unwrap();
    assert_projection_matches(&doc.to_string(), &RESPONSE_SCHEMA, &r);
    assert_eq!(
        (
            r.data.verified_name.as_deref(),
            r.data.quality_rating.as_deref()
        ),
        (None, None)
    );
    let out = serde_json::to_value(&r).unwrap();
    assert!(
        out["data"].get("verified_name").is_none() && out["data"].get("quality_rating").is_none()
    );
}

#[test]
fn messaging_limit_must_be_a_non_negative_integer() {
    let json = SEED_RESPONSE.replace(": 123", ": -1");
    assert_eq!(
        parse_kapso_phone_number_response(&json),
        Err(ApiError::InvalidField {
            field: "data.whatsapp_business_manager_messaging_limit".into(),
            expected: "a non-negative integer"
        })
    );
}
