use super::*;

#[test]
fn pins_and_scopes() {
    assert!(is_pin("000123") && !is_pin("12345") && !is_pin("12345a") && !is_pin("1234567"));
    let pin = random_pin().expect("pin");
    assert!(is_pin(pin.expose()));
    let data = serde_json::json!({ "granular_scopes": [
        { "scope": "whatsapp_business_management", "target_ids": ["1", "2"] },
        { "scope": "whatsapp_business_messaging" }
    ]});
    assert!(
        matches!(granted(&data, "whatsapp_business_management"), Some(Targets::Ids(v)) if v == ["1", "2"])
    );
    assert!(matches!(
        granted(&data, "whatsapp_business_messaging"),
        Some(Targets::All)
    ));
    assert!(granted(&data, "business_management").is_none());
}

#[test]
fn config_is_checked_and_never_prints_the_secret() {
    let c = DirectConfig::new("1234567890", Secret::new("0123abcdef"));
    assert!(c.validate().is_ok());
    assert!(!format!("{c:?}").contains("0123abcdef"));
    let mut bad = c.clone();
    bad.version = "v25".into();
    assert!(bad.validate().is_err());
    let mut bad = c.clone();
    bad.pin = Some(Secret::new("12345"));
    assert!(bad.validate().is_err());
    let mut bad = c;
    bad.app_id = "app".into();
    assert!(bad.validate().is_err());
}
