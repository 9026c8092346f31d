use serde_json::Value;

use super::*;
use crate::api::schema::testing::{assert_every_field_checked, assert_projection_matches, minify};
use crate::api::UrlRule;

/// The request body of seed 003's curl example, verbatim.
const SEED_REQUEST: &str = r#"
{
  "code": "<string>",
  "redirectUri": "<string>",
  "wabaId": "<string>",
  "phoneNumberId": "<string>",
  "businessId": "<string>",
  "isCoexistence": true
}
"#;

/// The response example of seed 003, verbatim.
const SEED_RESPONSE: &str = r#"{
  "id": "wabp_2DbBs7GWhGvVNJGrDXr5RG0mBWI",
  "organizationId": "<string>",
  "metaWabaId": "<string>",
  "metaBusinessId": "<string>",
  "businessName": "Acme Corp",
  "tokenExpiresAt": "2023-11-07T05:31:56Z",
  "onboardingCompletedAt": "2023-11-07T05:31:56Z",
  "createdAt": "2023-11-07T05:31:56Z",
  "phoneNumbers": [
    {
      "id": "<string>",
      "displayPhoneNumber": "+15551234567",
      "metaPhoneNumberId": "<string>",
      "verified": true,
      "qualityRating": "GREEN"
    }
  ],
  "isTestProfile": true
}"#;

fn full() -> CallbackRequest {
    CallbackRequest::builder("AQBx-code")
        .redirect_uri("https://app.example.com/signup/done")
        .waba_id("524126980791429")
        .phone_number_id("106540352242922")
        .business_id("123456789012345")
        .is_coexistence(true)
        .build()
        .unwrap()
}

#[test]
fn serializes_with_the_seed_keys_in_the_seed_order() {
    let json = serde_json::to_string(&full()).unwrap();
    assert_eq!(
        json,
        r#"{"code":"AQBx-code","redirectUri":"https://app.example.com/signup/done","wabaId":"524126980791429","phoneNumberId":"106540352242922","businessId":"123456789012345","isCoexistence":true}"#
    );
    // Same keys in the same order as the seed's curl body.
    let placeholders = [
        ("AQBx-code", "<string>"),
        ("https://app.example.com/signup/done", "<string>"),
        ("524126980791429", "<string>"),
        ("106540352242922", "<string>"),
        ("123456789012345", "<string>"),
    ];
    let as_seed = placeholders
        .iter()
        .fold(json, |j, (from, to)| j.replace(from, to));
    assert_eq!(as_seed, minify(SEED_REQUEST));
}

#[test]
fn absent_options_are_not_serialized() {
    let r = CallbackRequest::builder("c").build().unwrap();
    assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"code":"c"}"#);
    let r = CallbackRequest::builder("c")
        .is_coexistence(false)
        .build()
        .unwrap();
    assert_eq!(
        serde_json::to_string(&r).unwrap(),
        r#"{"code":"c","isCoexistence":false}"#
    );
}

#[test]
fn builder_rejects_bad_input_naming_the_field() {
    let b = || CallbackRequest::builder("code");
    let cases: Vec<(Result<CallbackRequest, ApiError>, ApiError)> = vec![
        (CallbackRequest::builder("").build(), ApiError::EmptyCode),
        (CallbackRequest::builder(" \t").build(), ApiError::EmptyCode),
        (
            b().redirect_uri("http://app.example.com/cb").build(),
            ApiError::InvalidUrl {
                field: "redirectUri".into(),
                rule: UrlRule::NotHttps,
            },
        ),
        (
            b().redirect_uri("/relative").build(),
            ApiError::InvalidUrl {
                field: "redirectUri".into(),
                rule: UrlRule::NotHttps,
            },
        ),
        (
            b().waba_id("").build(),
            ApiError::InvalidMetaId {
                field: "wabaId".into(),
            },
        ),
        (
            b().waba_id("0123").build(),
            ApiError::InvalidMetaId {
                field: "wabaId".into(),
            },
        ),
        (
            b().phone_number_id("wapn_2DbBs7GWhGvVNJGrDXr5RG0mBWI")
                .build(),
            ApiError::InvalidMetaId {
                field: "phoneNumberId".into(),
            },
        ),
        (
            b().business_id("12 34").build(),
            ApiError::InvalidMetaId {
                field: "businessId".into(),
            },
        ),
    ];
    for (got, want) in cases {
        assert_eq!(got.unwrap_err(), want);
    }
    assert!(b().redirect_uri("http://127.0.0.1:8787/cb").build().is_ok());
}

#[test]
fn from_json_checks_like_the_builder() {
    assert_eq!(
        CallbackRequest::from_json(&serde_json::to_string(&full()).unwrap()),
        Ok(full())
    );
    assert_eq!(
        CallbackRequest::from_json(r#"{"code":"c","wabaId":null,"isCoexistence":null}"#),
        CallbackRequest::builder("c").build()
    );
    let cases = [
        (
            r#"{}"#,
            ApiError::MissingField {
                field: "code".into(),
            },
        ),
        (r#"{"code":""}"#, ApiError::EmptyCode),
        (
            r#"{"code":7}"#,
            ApiError::InvalidField {
                field: "code".into(),
                expected: "a string",
            },
        ),
        (
            r#"{"code":"c","isCoexistence":"yes"}"#,
            ApiError::InvalidField {
                field: "isCoexistence".into(),
                expected: "a boolean",
            },
        ),
        (
            r#"{"code":"c","wabaID":"1"}"#,
            ApiError::UnknownField {
                field: "wabaID".into(),
            },
        ),
        (
            r#"{"code":"c","wabaId":"abc"}"#,
            ApiError::InvalidMetaId {
                field: "wabaId".into(),
            },
        ),
    ];
    for (json, want) in cases {
        assert_eq!(CallbackRequest::from_json(json), Err(want), "{json}");
    }
    // The seed's placeholder body is shaped right but its values are placeholders.
    assert_eq!(
        CallbackRequest::from_json(SEED_REQUEST),
        Err(ApiError::InvalidUrl {
            field: "redirectUri".into(),
            rule: UrlRule::NotHttps
        })
    );
}

#[test]
fn every_request_field_is_checked_by_name() {
    // Seed 003: only `code` is required.
    assert_every_field_checked(
        &serde_json::to_string(&full()).unwrap(),
        CallbackRequest::from_json,
        &[],
        &[
            "redirectUri",
            "wabaId",
            "phoneNumberId",
            "businessId",
            "isCoexistence",
        ],
    );
}

#[test]
fn serde_deserialize_validates_too() {
    let json = serde_json::to_string(&full()).unwrap();
    assert_eq!(
        serde_json::from_str::<CallbackRequest>(&json).ok(),
        Some(full())
    );
    let err = serde_json::from_str::<CallbackRequest>(r#"{"code":"","wabaId":"1"}"#).unwrap_err();
    assert!(
        err.to_string().contains("`code` must not be empty"),
        "{err}"
    );
    assert!(serde_json::from_str::<CallbackRequest>(r#"{"code":"c","typo":1}"#).is_err());
}

#[test]
fn debug_never_prints_the_code() {
    let r = CallbackRequest::builder("SECRET-CODE-123").build().unwrap();
    let text = format!("{r:?}");
    assert!(!text.contains("SECRET-CODE-123"), "{text}");
    assert!(text.contains("<redacted>"));
    let err = CallbackRequest::from_json(r#"{"code":"SECRET-CODE-123","wabaId":"x"}"#).unwrap_err();
    assert!(!err.to_string().contains("SECRET"));
}

#[test]
fn seed_response_parses() {
    let p = parse_business_profile(SEED_RESPONSE).unwrap();
    assert_eq!(p.id, "wabp_2DbBs7GWhGvVNJGrDXr5RG0mBWI");
    assert_eq!(p.business_name.as_deref(), Some("Acme Corp"));
    assert_eq!(
        p.token_expires_at.as_ref().map(Timestamp::as_str),
        Some("2023-11-07T05:31:56Z")
    );
    assert_eq!(p.phone_numbers.len(), 1);
    assert_eq!(p.phone_numbers[0].display_phone_number, "+15551234567");
    assert_eq!(p.phone_numbers[0].quality_rating.as_deref(), Some("GREEN"));
    assert!(p.is_test_profile);
    let out = serde_json::to_value(&p).unwrap();
    assert_eq!(out, serde_json::from_str::<Value>(SEED_RESPONSE).unwrap());
    assert_projection_matches(SEED_RESPONSE, &RESPONSE_SCHEMA, &p);
    assert_eq!(
        serde_json::from_str::<BusinessProfile>(SEED_RESPONSE).ok(),
        Some(p)
    );
}

#[test]
fn every_response_field_is_checked_by_name() {
    // Seed 003: `metaBusinessId`, `businessName`, `tokenExpiresAt` and
    // `onboardingCompletedAt` are `T | null`, required; `qualityRating` of a
    // phone number is read like seeds 000/001's.
    let nullable = [
        "metaBusinessId",
        "businessName",
        "tokenExpiresAt",
        "onboardingCompletedAt",
        "phoneNumbers[0].qualityRating",
    ];
    assert_every_field_checked(SEED_RESPONSE, parse_business_profile, &nullable, &[]);
    assert_every_field_checked(SEED_RESPONSE, project_business_profile, &nullable, &[]);
}

#[test]
fn nullable_fields_accept_null_and_stay_none() {
    let mut doc: Value = serde_json::from_str(SEED_RESPONSE).unwrap();
    for key in [
        "metaBusinessId",
        "businessName",
        "tokenExpiresAt",
        "onboardingCompletedAt",
    ] {
        doc[key] = Value::Null;
    }
    let p = parse_business_profile(&doc.to_string()).unwrap();
    assert_eq!(
        (
            p.meta_business_id,
            p.business_name,
            p.token_expires_at,
            p.onboarding_completed_at
        ),
        (None, None, None, None)
    );
    // serde alone also refuses a missing nullable field.
    doc.as_object_mut().unwrap().remove("tokenExpiresAt");
    let err = serde_json::from_value::<BusinessProfile>(doc).unwrap_err();
    assert!(
        err.to_string().contains("missing field `tokenExpiresAt`"),
        "{err}"
    );
}

#[test]
fn checked_reader_agrees_with_serde() {
    // `parse_business_profile` reads through the schema view; serde's
    // derived `Deserialize` is the reference for every shape it accepts.
    let seed: Value = serde_json::from_str(SEED_RESPONSE).unwrap();
    let mut docs = vec![seed.clone()];
    let mut nulls = seed.clone();
    for key in [
        "metaBusinessId",
        "businessName",
        "tokenExpiresAt",
        "onboardingCompletedAt",
    ] {
        nulls[key] = Value::Null;
    }
    nulls["phoneNumbers"][0]["qualityRating"] = Value::Null;
    docs.push(nulls);
    let mut many = seed.clone();
    let mut second = seed["phoneNumbers"][0].clone();
    second["id"] = Value::from("n2");
    second["verified"] = Value::from(false);
    second["extra"] = Value::from(1.5);
    many["phoneNumbers"].as_array_mut().unwrap().push(second);
    many["phoneNumbers"][0]["qualityRating"] = Value::Null;
    many["unknownKey"] = Value::from("ignored");
    docs.push(many);
    let mut none = seed;
    none["phoneNumbers"] = Value::Array(Vec::new());
    none["isTestProfile"] = Value::from(false);
    docs.push(none);
    for doc in docs {
        let text = doc.to_string();
        let ours = parse_business_profile(&text).unwrap();
        let reference: BusinessProfile = serde_json::from_value(doc).unwrap();
        assert_eq!(ours, reference, "{text}");
    }
}

#[test]
fn id_must_be_a_business_profile_id() {
    for bad in ["wapn_2DbBs7GWhGvVNJGrDXr5RG0mBWI", "<string>", ""] {
        let json = SEED_RESPONSE.replace("wabp_2DbBs7GWhGvVNJGrDXr5RG0mBWI", bad);
        assert_eq!(
            parse_business_profile(&json),
            Err(ApiError::InvalidBusinessProfileId { field: "id".into() })
        );
    }
}

#[test]
fn bad_nested_timestamp_and_types_are_named() {
    let json = SEED_RESPONSE.replace(
        r#""tokenExpiresAt": "2023-11-07T05:31:56Z""#,
        r#""tokenExpiresAt": "never""#,
    );
    assert_eq!(
        parse_business_profile(&json),
        Err(ApiError::InvalidTimestamp {
            field: "tokenExpiresAt".into()
        })
    );
    let json = SEED_RESPONSE.replace(r#""verified": true"#, r#""verified": "true""#);
    assert_eq!(
        parse_business_profile(&json),
        Err(ApiError::InvalidField {
            field: "phoneNumbers[0].verified".into(),
            expected: "a boolean"
        })
    );
}
