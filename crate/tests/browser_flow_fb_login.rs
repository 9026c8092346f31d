#![cfg(target_arch = "wasm32")]
//! What `FB.login` receives, in headless Chromium with a scripted `window.FB`:
//! Meta's Embedded Signup options, exactly the validated `extras`, and the
//! business phone set on the flow.

mod flow_support;

use serde_json::json;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use flow_support::*;
use wa_signup::api::JsonValue;
use wa_signup::flow::extras::SessionInfoVersion;
use wa_signup::flow::{Extras, SignupConfig};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn fb_login_gets_metas_embedded_signup_options() {
    let key = unique_key("options");
    let signup = ready(SignupConfig {
        extras: Extras {
            feature_type: Some("whatsapp_business_app_onboarding".into()),
            session_info_version: Some(SessionInfoVersion::V3),
            ..Extras::default()
        },
        ..config(&key, "ok")
    })
    .await;
    assert_eq!(
        fb_init_options(),
        json!({ "appId": "1234567890", "version": "v25.0", "xfbml": true, "cookie": true })
    );
    let outcome = signup.launch();
    assert_eq!(
        fb_login_options(0),
        json!({
            "config_id": "987654321",
            "response_type": "code",
            "override_default_response_type": true,
            "extras": { "setup": {}, "featureType": "whatsapp_business_app_onboarding", "sessionInfoVersion": "3" }
        })
    );
    fb_respond(0, None);
    outcome.await;
}

/// Issue 10: the options object read on the page (`page_config`, as
/// `new EmbeddedSignup(options)` and the widget read it) reaches `FB.login`
/// as exactly the validated `extras`, in Meta's names.
#[wasm_bindgen_test]
async fn fb_login_gets_exactly_the_validated_extras() {
    let key = unique_key("extras");
    let raw: JsonValue = serde_json::from_value(json!({
        "appId": "1234567890", "configId": "987654321",
        "callbackUrl": format!("{}/cb/{key}/ok", server()),
        "extras": {
            "version": "v3",
            "features": [{ "name": "app_only_install" }],
            "setup": {
                "solutionID": "795033096057724",
                "business": { "name": "Wind & Wool", "email": "support@windandwool.com",
                              "phone": { "code": 1, "number": "650-555-9999" },
                              "address": { "country": "US" } },
                "preVerifiedPhone": { "ids": [106540352242922u64] }
            }
        }
    }))
    .expect("converts");
    let config = wa_signup::flow::browser::page_config(&raw).expect("valid extras");
    let signup = ready(config).await;
    let outcome = signup.launch();
    assert_eq!(
        fb_login_options(0)["extras"],
        json!({
            "setup": {
                "solutionID": "795033096057724",
                "business": { "name": "Wind & Wool", "email": "support@windandwool.com",
                              "phone": { "code": 1, "number": "6505559999" },
                              "address": { "country": "US" } },
                "preVerifiedPhone": { "ids": ["106540352242922"] }
            },
            "version": "v3",
            "features": [{ "name": "app_only_install" }]
        })
    );
    fb_respond(0, None);
    outcome.await;
}

/// Issue 10: a business phone set on the flow (the widget's phone field)
/// pre-fills `extras.setup.business.phone` in `FB.login`.
#[wasm_bindgen_test]
async fn a_business_phone_set_on_the_flow_prefills_fb_login() {
    let key = unique_key("business-phone");
    let signup = ready(config(&key, "ok")).await;
    signup.set_business_phone(wa_signup::flow::extras::BusinessPhone::from_number(
        "+55 11 98765-4321",
    ));
    let outcome = signup.launch();
    assert_eq!(
        fb_login_options(0)["extras"],
        json!({ "setup": { "business": { "phone": { "code": 55, "number": "11987654321" } } } })
    );
    fb_respond(0, None);
    outcome.await;
}
