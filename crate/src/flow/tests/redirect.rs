//! Redirect mode: the dialog URL, `state`, and reading the return URL.

use proptest::prelude::*;

use crate::flow::config::{Mode, SignupConfig};
use crate::flow::extras::{Extras, SessionInfoVersion};
use crate::flow::login_options::login_options;
use crate::flow::redirect::{
    complete_redirect, dialog_url, is_our_return, parse_query, state_from_bytes,
    strip_return_params,
};
use crate::flow::{AuthCode, FailureKind, FlowError};

fn config() -> SignupConfig {
    SignupConfig {
        mode: Mode::Redirect,
        redirect_uri: Some("https://app.test/return?from=es".into()),
        extras: Extras {
            feature_type: Some("whatsapp_business_app_onboarding".into()),
            session_info_version: Some(SessionInfoVersion::V3),
            ..Extras::default()
        },
        ..SignupConfig::new("1234", "5678", "https://app.test/cb")
    }
}

#[test]
fn dialog_url_has_every_parameter() {
    let url = dialog_url(&config(), "abc123").unwrap();
    let (base, query) = url.split_once('?').unwrap();
    assert_eq!(base, "https://www.facebook.com/v25.0/dialog/oauth");
    let params = parse_query(query);
    let get = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    assert_eq!(get("client_id"), Some("1234"));
    assert_eq!(get("redirect_uri"), Some("https://app.test/return?from=es"));
    assert_eq!(get("config_id"), Some("5678"));
    assert_eq!(get("response_type"), Some("code"));
    assert_eq!(get("override_default_response_type"), Some("true"));
    assert_eq!(get("state"), Some("abc123"));
    let extras: serde_json::Value = serde_json::from_str(get("extras").unwrap()).unwrap();
    assert_eq!(
        extras,
        serde_json::json!({"setup": {}, "featureType": "whatsapp_business_app_onboarding", "sessionInfoVersion": "3"})
    );
    assert!(!query.contains(' ') && !query.contains('{'), "{query}");
}

/// A missing `redirectUri` is a configuration error, not `MISSING_CODE`.
#[test]
fn dialog_url_needs_a_redirect_uri() {
    let err = dialog_url(&SignupConfig::new("1", "2", "https://a.test/"), "s").unwrap_err();
    assert_eq!(err.kind(), FailureKind::InvalidConfig);
    assert_eq!(crate::ErrorCode::code(&err), "INVALID_CONFIG");
    assert!(err.to_string().contains("redirectUri"), "{err}");
}

#[test]
fn login_options_match_metas_snippet() {
    assert_eq!(
        serde_json::to_value(login_options(&SignupConfig::new(
            "1",
            "42",
            "https://a.test/"
        )))
        .unwrap(),
        serde_json::json!({
            "config_id": "42",
            "response_type": "code",
            "override_default_response_type": true,
            "extras": { "setup": {} }
        })
    );
}

#[test]
fn state_is_32_hex_chars() {
    assert_eq!(state_from_bytes(&[0; 16]), "0".repeat(32));
    assert_eq!(
        state_from_bytes(&[0xff, 0x01, 0xa0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x7e]),
        "ff01a00000000000000000000000007e"
    );
}

#[test]
fn complete_redirect_cases() {
    let ok = "https://app.test/return?from=es&code=AQB%2Bx&state=s1#_=_";
    type Want<'a> = Result<(Option<&'a str>, &'a str), FlowError>;
    let cases: Vec<(&str, Option<&str>, Want)> = vec![
        (
            ok,
            Some("s1"),
            Ok((Some("AQB+x"), "https://app.test/return?from=es")),
        ),
        (
            "https://a.test/r?code=c&state=s1#keep",
            Some("s1"),
            Ok((Some("c"), "https://a.test/r#keep")),
        ),
        (
            "https://a.test/r?code=c&state=s2",
            Some("s1"),
            Err(FlowError::StateMismatch),
        ),
        (
            "https://a.test/r?code=c&state=s1",
            None,
            Err(FlowError::StateMismatch),
        ),
        (
            "https://a.test/r?code=c",
            Some("s1"),
            Err(FlowError::StateMismatch),
        ),
        (
            "https://a.test/r?code=c&state=",
            Some(""),
            Err(FlowError::StateMismatch),
        ),
        (
            // Issue 10: the person declined Meta's dialog: a cancellation.
            "https://a.test/r?keep=1&error=access_denied&error_code=200&error_description=Permissions+error&error_reason=user_denied&state=s1#_=_",
            Some("s1"),
            Ok((None, "https://a.test/r?keep=1")),
        ),
        (
            "https://a.test/r?error=server_error&error_reason=temporarily_unavailable&state=s1",
            Some("s1"),
            Err(FlowError::MissingCode(Some("temporarily_unavailable".into()))),
        ),
        (
            "https://a.test/r?state=s1",
            Some("s1"),
            Err(FlowError::MissingCode(None)),
        ),
        (
            "https://a.test/r?state=s1&code=",
            Some("s1"),
            Err(FlowError::MissingCode(None)),
        ),
    ];
    for (href, stored, want) in cases {
        let got = complete_redirect(href, stored);
        let got = got
            .as_ref()
            .map(|r| (r.code.as_ref().map(AuthCode::expose), r.clean_url.as_str()))
            .map_err(Clone::clone);
        assert_eq!(got, want, "{href}");
    }
}

#[test]
fn strip_keeps_unrelated_params() {
    assert_eq!(
        strip_return_params("https://a.test/r?a=1&code=x&b=2&state=y&error_code=3#_=_"),
        "https://a.test/r?a=1&b=2"
    );
    assert_eq!(strip_return_params("https://a.test/r"), "https://a.test/r");
}

#[test]
fn query_decoding_is_lenient() {
    let decoded = |query: &str| parse_query(query).into_iter().next().map(|(_, v)| v);
    assert_eq!(decoded("k=a+b%20c%2").as_deref(), Some("a b c%2"));
    assert_eq!(decoded("k=%zz%").as_deref(), Some("%zz%"));
    assert_eq!(decoded("k=%FF").as_deref(), Some("\u{FFFD}"));
}

#[test]
fn the_dialog_query_is_encoded_like_url_search_params() {
    // Expected strings are what `new URLSearchParams({state}).toString()` gives.
    for (state, want) in [
        ("a b&c", "state=a+b%26c"),
        ("a+b=c/d?e#f%", "state=a%2Bb%3Dc%2Fd%3Fe%23f%25"),
        ("Café ☕", "state=Caf%C3%A9+%E2%98%95"),
        ("*-._~!", "state=*-._%7E%21"),
    ] {
        let url = dialog_url(&config(), state).unwrap();
        assert!(url.contains(&format!("&{want}&")), "{url}");
    }
}

proptest! {
    #[test]
    fn the_dialog_query_round_trips(s in any::<String>()) {
        let url = dialog_url(&config(), &s).unwrap();
        let params = parse_query(url.split_once('?').unwrap().1);
        let state = params.iter().find(|(k, _)| k == "state").map(|(_, v)| v.as_str());
        prop_assert_eq!(state, Some(s.as_str()));
    }

    #[test]
    fn the_dialog_url_is_url_safe(s in any::<String>()) {
        let url = dialog_url(&config(), &s).unwrap();
        let query = url.split_once('?').unwrap().1;
        prop_assert!(query.bytes().all(|b| b.is_ascii_alphanumeric() || b"*-._+%&=".contains(&b)), "{}", query);
    }

    #[test]
    fn complete_redirect_never_panics_and_never_leaves_the_code(href in any::<String>(), stored in proptest::option::of("[a-f0-9]{0,32}")) {
        if let Ok(ret) = complete_redirect(&href, stored.as_deref()) {
            let clean_params = ret.clean_url.split_once('?').map(|(_, q)| parse_query(q.split('#').next().unwrap_or(""))).unwrap_or_default();
            prop_assert!(!clean_params.iter().any(|(k, _)| k == "code" || k == "state"));
        }
        let _ = strip_return_params(&href);
    }
}

#[test]
fn only_our_pending_return_on_the_redirect_uri_is_read() {
    let uri = "https://app.test/return?from=es";
    let cases = [
        (
            "ours",
            "https://app.test/return?from=es&code=AQx&state=s1",
            Some("s1"),
            true,
        ),
        (
            "ours, state differs (read: STATE_MISMATCH)",
            "https://app.test/return?code=AQx&state=other",
            Some("s1"),
            true,
        ),
        (
            "ours, Meta's error",
            "https://app.test/return?error=access_denied&state=s1#_=_",
            Some("s1"),
            true,
        ),
        // Issue 9: another provider's OAuth return while no run of ours is pending.
        (
            "nothing pending",
            "https://app.test/return?code=AQx&state=s1",
            None,
            false,
        ),
        (
            "empty pending state",
            "https://app.test/return?code=AQx&state=",
            Some(""),
            false,
        ),
        (
            "another page",
            "https://app.test/settings?code=AQx&state=s1",
            Some("s1"),
            false,
        ),
        (
            "another origin",
            "https://other.test/return?code=AQx&state=s1",
            Some("s1"),
            false,
        ),
        (
            "no return parameters",
            "https://app.test/return?from=es",
            Some("s1"),
            false,
        ),
    ];
    for (name, href, stored, want) in cases {
        assert_eq!(is_our_return(href, uri, stored), want, "{name}");
    }
    assert!(is_our_return(
        "https://app.test/?code=c&state=s",
        "https://app.test",
        Some("s")
    ));
}
