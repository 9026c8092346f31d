//! `extras` (issue 10): every field with a valid value (each invalid shape
//! is in `extras_invalid.rs`), the secret scan, the conflict rule, and what is
//! sent to Meta.

use serde_json::{json, Value};

use crate::error::ErrorCode;
use crate::flow::config::SignupConfig;
use crate::flow::extras::{Extras, Feature, Setup};
use crate::flow::login_options::login_options;
use crate::flow::redirect::{dialog_url, parse_query};

pub(super) fn base(extras: Value) -> Value {
    json!({
        "appId": "1234567890",
        "configId": "987654321",
        "callbackUrl": "https://api.example.com/whatsapp/callback",
        "redirectUri": "https://app.example.com/return",
        "extras": extras,
    })
}

pub(super) fn read(raw: &Value) -> Result<SignupConfig, crate::flow::ConfigError> {
    SignupConfig::from_json(&crate::json::from_serde(raw))
}

/// Everything Meta documents, at once (pre-filled-data's example values).
fn full() -> Value {
    json!({
        "version": "v3",
        "featureType": "whatsapp_business_app_onboarding",
        "sessionInfoVersion": "3",
        "features": [{ "name": "app_only_install" }, { "name": "marketing_messages_lite" }],
        "setup": {
            "solutionID": "795033096057724",
            "business": {
                "id": "2729063490586005",
                "name": "Wind & Wool",
                "email": "support@windandwool.com",
                "phone": { "code": 1, "number": "(650) 555-9999" },
                "website": "https://windandwool.com/",
                "address": {
                    "streetAddress1": "1 Hacker Way", "streetAddress2": "Suite 1",
                    "city": "Menlo Park", "state": "California", "zipPostal": "94025", "country": "US"
                },
                "timezone": "UTC-07:00"
            },
            "phone": { "displayName": "Wind & Wool", "category": "APPAREL", "description": "Bespoke artisan apparel" },
            "preVerifiedPhone": { "ids": ["106540352242922", "105954558954427"] },
            "whatsAppBusinessAccount": { "ids": ["432428883295692"] }
        }
    })
}

/// What Meta receives for `full()`: the same names; `phone.number` split by
/// our parser, `sessionInfoVersion` as the string Meta writes.
fn full_sent() -> Value {
    let mut sent = full();
    sent["setup"]["business"]["phone"]["number"] = json!("6505559999");
    sent
}

#[test]
fn every_documented_field_is_accepted_and_sent_as_meta_names_it() {
    let config = read(&base(full())).expect("valid extras");
    let sent = serde_json::to_value(&config.extras).unwrap();
    assert_eq!(sent, full_sent());
    // FB.login's options and the redirect dialog URL carry the same extras.
    let login = serde_json::to_value(login_options(&config)).unwrap();
    assert_eq!(login["extras"], full_sent());
    let url = dialog_url(&config, "state1").unwrap();
    let params = parse_query(url.split_once('?').unwrap().1);
    let in_url = &params.iter().find(|(k, _)| k == "extras").unwrap().1;
    assert_eq!(serde_json::from_str::<Value>(in_url).unwrap(), full_sent());
}

#[test]
fn defaults_send_an_empty_setup() {
    let config = read(&base(Value::Null)).unwrap();
    assert_eq!(config.extras, Extras::default());
    assert_eq!(
        serde_json::to_value(&config.extras).unwrap(),
        json!({ "setup": {} })
    );
}

#[test]
fn accepted_variants() {
    let cases: Vec<(&str, Value)> = vec![
        (
            "ids as safe integers",
            json!({"setup": {"solutionID": 795_033_096_057_724u64, "preVerifiedPhone": {"ids": [106_540_352_242_922u64]}}}),
        ),
        (
            "null members mean absent",
            json!({"version": null, "setup": {"business": null}}),
        ),
        (
            "every documented version",
            json!({"version": "v4-public-preview"}),
        ),
        ("session info as a number", json!({"sessionInfoVersion": 3})),
        (
            "phone code as a string",
            json!({"setup": {"business": {"phone": {"code": "44", "number": "020 7946 0958"}}}}),
        ),
        (
            "country without a calling code",
            json!({"setup": {"business": {"address": {"country": "AQ"}}}}),
        ),
        (
            "timezone bounds",
            json!({"setup": {"business": {"timezone": "UTC+14:00"}}}),
        ),
        (
            "timezone half hour",
            json!({"setup": {"business": {"timezone": "UTC+05:30"}}}),
        ),
        (
            "website on http",
            json!({"setup": {"business": {"website": "http://shop.example.com"}}}),
        ),
    ];
    for (name, extras) in cases {
        assert!(read(&base(extras)).is_ok(), "{name}");
    }
    // A national number written with its trunk prefix is split as Meta wants.
    let config = read(&base(
        json!({"setup": {"business": {"phone": {"code": "44", "number": "020 7946 0958"}}}}),
    ))
    .unwrap();
    let phone = config.extras.setup.business.unwrap().phone.unwrap();
    assert_eq!((phone.code, phone.number.as_str()), (44, "2079460958"));
}

#[test]
fn secrets_anywhere_in_extras_are_refused_without_echo() {
    for extras in [
        json!({"setup": {"business": {"name": "sk_admin_live0123456789"}}}),
        json!({"setup": {"phone": {"displayName": "x", "category": "OTHER", "description": "key sk_admin_live0123456789"}}}),
        json!({"unknown": "sk_admin_live0123456789"}),
    ] {
        let err = read(&base(extras)).expect_err("secret");
        assert_eq!(err.code(), "SECRET_IN_BROWSER");
        assert!(!err.to_string().contains("live0123"), "{err}");
    }
    // Built in Rust, past the JSON reader: validate() scans the extras too.
    let mut config = read(&base(Value::Null)).unwrap();
    config.extras.features = vec![Feature {
        name: "sk_admin_live0123456789".into(),
    }];
    assert_eq!(config.validate().unwrap_err().code(), "SECRET_IN_BROWSER");
}

#[test]
fn extras_built_in_rust_get_the_same_checks() {
    let mut config = read(&base(Value::Null)).unwrap();
    config.extras.setup = Setup {
        solution_id: Some("not-digits".into()),
        ..Setup::default()
    };
    assert_eq!(config.validate().unwrap_err().code(), "EXTRAS_INVALID_ID");
}

#[test]
fn top_level_options_keep_working_and_conflicts_are_errors() {
    let mut raw = base(Value::Null);
    raw["featureType"] = json!("whatsapp_business_app_onboarding");
    raw["sessionInfoVersion"] = json!(3);
    let config = read(&raw).unwrap();
    assert_eq!(
        serde_json::to_value(&config.extras).unwrap(),
        json!({"setup": {}, "featureType": "whatsapp_business_app_onboarding", "sessionInfoVersion": "3"})
    );
    for (key, value) in [
        ("featureType", json!("only_waba_sharing")),
        ("sessionInfoVersion", json!("3")),
    ] {
        let mut raw = base(json!({ key: value.clone() }));
        raw[key] = value;
        let err = read(&raw).expect_err(key);
        assert_eq!(err.code(), "EXTRAS_CONFLICT", "{key}");
        assert!(err.to_string().contains(key));
    }
}

/// Issue 10: the widget's phone field pre-fills Meta unless the page's own
/// extras set the business phone.
#[test]
fn a_typed_number_prefills_the_business_phone_unless_the_page_set_one() {
    use crate::flow::extras::BusinessPhone;
    let typed = BusinessPhone::from_number("+44 20 7946 0958").expect("valid");
    assert_eq!((typed.code, typed.number.as_str()), (44, "2079460958"));
    assert_eq!(BusinessPhone::from_number("+44 20"), None);
    assert_eq!(BusinessPhone::from_number("+1 650 555 9999 x 12"), None);

    let plain = read(&base(Value::Null)).unwrap().extras;
    let filled = plain.with_business_phone(typed.clone());
    assert_eq!(
        serde_json::to_value(&filled).unwrap(),
        json!({"setup": {"business": {"phone": {"code": 44, "number": "2079460958"}}}})
    );
    let with_name = read(&base(json!({"setup": {"business": {"name": "Acme"}}})))
        .unwrap()
        .extras;
    assert_eq!(
        serde_json::to_value(with_name.with_business_phone(typed.clone())).unwrap()["setup"]
            ["business"],
        json!({"name": "Acme", "phone": {"code": 44, "number": "2079460958"}})
    );
    let own = read(&base(
        json!({"setup": {"business": {"phone": {"code": 1, "number": "6505559999"}}}}),
    ))
    .unwrap()
    .extras;
    assert_eq!(
        own.with_business_phone(typed),
        own,
        "the page's own phone wins"
    );
}
