//! The options of `mount(element, options)`: the flow configuration plus the
//! widget's own switches, read from the JSON of the JS object.

use wa_signup::api::JsonValue as Value;
use wa_signup::flow::{ConfigError, Mode, SignupConfig};

/// Validated widget options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WidgetOptions {
    /// The flow configuration (same names and rules as `new EmbeddedSignup(options)`).
    pub config: SignupConfig,
    /// Show the E.164 phone-number field (`phoneField: true`).
    pub phone_field: bool,
}

impl WidgetOptions {
    /// Reads and validates the options: the flow configuration with
    /// `read_config` (in the browser the core's `page_config`, which also
    /// resolves a relative `callbackUrl` against the page; elsewhere
    /// [`SignupConfig::from_json`]), then the widget's own fields. Secrets
    /// anywhere in `raw` are refused (`SECRET_IN_BROWSER`) before any other
    /// check, as by the flow itself.
    pub fn read(
        raw: &Value,
        read_config: impl FnOnce(&Value) -> Result<SignupConfig, ConfigError>,
    ) -> Result<WidgetOptions, ConfigError> {
        let config = read_config(raw)?;
        let phone_field = match raw.get("phoneField") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(show)) => *show,
            Some(_) => {
                return Err(ConfigError::InvalidConfig(
                    "phoneField must be a boolean".into(),
                ))
            }
        };
        Ok(WidgetOptions {
            config,
            phone_field,
        })
    }
}

/// The configuration for restarting in redirect mode, when `config` allows it
/// (it has a valid `redirectUri`); `None` otherwise.
pub fn redirect_config(config: &SignupConfig) -> Option<SignupConfig> {
    config.redirect_uri.as_ref()?;
    let redirect = SignupConfig {
        mode: Mode::Redirect,
        ..config.clone()
    };
    redirect.validate().ok().map(|()| redirect)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value as Json};
    use wa_signup::ErrorCode;

    /// `json!` documents, read as `mount()` reads its options.
    fn read(raw: &Json) -> Result<WidgetOptions, ConfigError> {
        let raw = serde_json::from_value(raw.clone()).expect("converts");
        WidgetOptions::read(&raw, SignupConfig::from_json)
    }

    fn base() -> Json {
        json!({
            "appId": "1234567890",
            "configId": "987654321",
            "callbackUrl": "https://example.com/callback",
        })
    }

    fn with(extra: Json) -> Json {
        let mut value = base();
        if let (Json::Object(target), Json::Object(extra)) = (&mut value, extra) {
            target.extend(extra);
        }
        value
    }

    #[test]
    fn phone_field_defaults_to_hidden() {
        let cases = [
            (base(), false),
            (with(json!({"phoneField": null})), false),
            (with(json!({"phoneField": false})), false),
            (with(json!({"phoneField": true})), true),
        ];
        for (raw, shown) in cases {
            let options = read(&raw).map_err(|e| e.to_string());
            assert_eq!(options.map(|o| o.phone_field), Ok(shown), "{raw}");
        }
    }

    #[test]
    fn invalid_options_have_the_flow_codes() {
        let cases = [
            (json!(null), "INVALID_APP_ID"),
            (json!("text"), "INVALID_APP_ID"),
            (with(json!({"appId": "abc"})), "INVALID_APP_ID"),
            (
                with(json!({"callbackUrl": "http://example.com/cb"})),
                "INVALID_CALLBACK_URL",
            ),
            (with(json!({"phoneField": "yes"})), "INVALID_CONFIG"),
            (
                with(json!({"headers": {"Authorization": "Bearer sk_admin_abc123"}})),
                "SECRET_IN_BROWSER",
            ),
            (
                with(json!({"somewhere": {"deep": ["sk_admin_abc123"]}})),
                "SECRET_IN_BROWSER",
            ),
        ];
        for (raw, code) in cases {
            match read(&raw) {
                Ok(_) => panic!("{raw} was accepted"),
                Err(err) if err.code() == "INVALID_CONFIG" && code == "INVALID_APP_ID" => {
                    // Non-objects may be refused as a whole before the id check.
                    assert!(!raw.is_object(), "{raw}");
                }
                Err(err) => assert_eq!(err.code(), code, "{raw}: {err}"),
            }
        }
    }

    #[test]
    fn secret_message_names_the_path_not_the_secret() {
        let raw = with(json!({"headers": {"X-Key": "sk_admin_abc123"}}));
        let err = read(&raw).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("headers"), "{err}");
        assert!(!err.contains("abc123"), "{err}");
    }

    #[test]
    fn redirect_is_available_only_with_a_redirect_uri() {
        let popup = read(&base()).map(|o| o.config);
        assert_eq!(popup.as_ref().ok().and_then(redirect_config), None);

        let raw = with(json!({"redirectUri": "https://example.com/return"}));
        let config = read(&raw).map(|o| o.config);
        let redirect = config.as_ref().ok().and_then(redirect_config);
        assert_eq!(redirect.as_ref().map(|c| c.mode), Some(Mode::Redirect));
        assert_eq!(
            redirect.and_then(|c| c.redirect_uri).as_deref(),
            Some("https://example.com/return")
        );
    }
}
