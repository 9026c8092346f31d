//! The options of `mount(element, options)`: the flow configuration plus the
//! widget's own switches, read from the JSON of the JS object.

use wa_signup::api::JsonValue as Value;
use wa_signup::flow::locale::{locale_option, Locale};
use wa_signup::flow::{ConfigError, Mode, SignupConfig};

use crate::style::Styles;

/// The longest `nonce` accepted (real CSP nonces are 16 to 64 characters).
pub const MAX_NONCE_LEN: usize = 256;

/// Validated widget options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WidgetOptions {
    /// The flow configuration (same names and rules as `new EmbeddedSignup(options)`).
    pub config: SignupConfig,
    /// Show the E.164 phone-number field (`phoneField: true`).
    pub phone_field: bool,
    /// How the stylesheet reaches the page (`styles: "auto" | "none"`).
    pub styles: Styles,
    /// The page's CSP nonce for the fallback `<style>` element (`nonce`).
    pub nonce: Option<String>,
    /// The widget's language and Meta's SDK locale (`locale`, else the page's).
    pub locale: Locale,
}

impl WidgetOptions {
    /// Reads and validates the options: the flow configuration with
    /// `read_config` (in the browser the core's `page_config`, which also
    /// resolves a relative `callbackUrl` against the page; elsewhere
    /// [`SignupConfig::from_json`]), then the widget's own fields. Secrets
    /// anywhere in `raw` are refused (`SECRET_IN_BROWSER`) before any other
    /// check, as by the flow itself. A widget option of the wrong type or
    /// value is `INVALID_CONFIG` with a message naming the field.
    ///
    /// The locale is the `locale` option when given (a BCP 47 tag; English
    /// when no catalogue matches it), else `page_locale()` (in the browser the
    /// page's `<html lang>` and the browser's languages). Unless the options
    /// give `sdkUrl`, Meta's SDK is loaded in that locale.
    pub fn read(
        raw: &Value,
        read_config: impl FnOnce(&Value) -> Result<SignupConfig, ConfigError>,
        page_locale: impl FnOnce() -> Locale,
    ) -> Result<WidgetOptions, ConfigError> {
        let mut config = read_config(raw)?;
        let locale = locale_option(raw.get("locale"))
            .map_err(|e| invalid(&e.to_string()))?
            .unwrap_or_else(page_locale);
        if matches!(raw.get("sdkUrl"), None | Some(Value::Null)) {
            config.sdk_url = locale.sdk_url();
        }
        let phone_field = match raw.get("phoneField") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(show)) => *show,
            Some(_) => return Err(invalid("phoneField must be a boolean")),
        };
        let styles = match raw.get("styles") {
            None | Some(Value::Null) => Styles::Auto,
            Some(value) => value
                .as_str()
                .and_then(Styles::from_name)
                .ok_or_else(|| invalid("styles must be \"auto\" or \"none\""))?,
        };
        let nonce = match raw.get("nonce") {
            None | Some(Value::Null) => None,
            Some(value) => Some(
                value
                    .as_str()
                    .filter(|n| is_nonce(n))
                    .map(String::from)
                    .ok_or_else(|| {
                        invalid(
                            "nonce must be the nonce of the page's Content-Security-Policy \
                             (1 to 256 characters of A-Z a-z 0-9 + / - _, then up to two =)",
                        )
                    })?,
            ),
        };
        Ok(WidgetOptions {
            config,
            phone_field,
            styles,
            nonce,
            locale,
        })
    }
}

/// An `INVALID_CONFIG` error with `why` (which names the field).
fn invalid(why: &str) -> ConfigError {
    ConfigError::InvalidConfig(why.into())
}

/// True for a CSP `nonce-source` value (`base64-value`: base64 or base64url
/// characters, then at most two `=`), at most [`MAX_NONCE_LEN`] long. Any
/// other text could never match a `'nonce-…'` source, so the `<style>`
/// carrying it would be blocked.
pub fn is_nonce(nonce: &str) -> bool {
    let body = nonce.trim_end_matches('=');
    let padding = nonce.len() - body.len();
    !body.is_empty()
        && padding <= 2
        && nonce.len() <= MAX_NONCE_LEN
        && body
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'-' | b'_'))
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
        WidgetOptions::read(&raw, SignupConfig::from_json, || Locale::ENGLISH)
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
    fn styles_defaults_to_auto_and_reads_none() {
        let cases = [
            (base(), Styles::Auto),
            (with(json!({"styles": null})), Styles::Auto),
            (with(json!({"styles": "auto"})), Styles::Auto),
            (with(json!({"styles": "none"})), Styles::None),
        ];
        for (raw, styles) in cases {
            let options = read(&raw).map_err(|e| e.to_string());
            assert_eq!(options.map(|o| o.styles), Ok(styles), "{raw}");
        }
    }

    #[test]
    fn nonce_is_kept_as_given() {
        let cases = [
            (base(), None),
            (with(json!({"nonce": null})), None),
            (with(json!({"nonce": "abc123"})), Some("abc123")),
            (
                with(json!({"nonce": "rAnd0m+/Base64=="})),
                Some("rAnd0m+/Base64=="),
            ),
            (
                with(json!({"nonce": "url-safe_b64="})),
                Some("url-safe_b64="),
            ),
        ];
        for (raw, nonce) in cases {
            let options = read(&raw).map_err(|e| e.to_string());
            assert_eq!(
                options.as_ref().map(|o| o.nonce.as_deref()),
                Ok(nonce),
                "{raw}"
            );
        }
    }

    #[test]
    fn invalid_widget_options_name_the_field() {
        // (extra options, the field the message must name)
        let cases = [
            (json!({"phoneField": "yes"}), "phoneField"),
            (json!({"phoneField": 1}), "phoneField"),
            (json!({"styles": "inline"}), "styles"),
            (json!({"styles": "AUTO"}), "styles"),
            (json!({"styles": ""}), "styles"),
            (json!({"styles": true}), "styles"),
            (json!({"styles": ["none"]}), "styles"),
            (json!({"nonce": ""}), "nonce"),
            (json!({"nonce": "=="}), "nonce"),
            (json!({"nonce": "abc==="}), "nonce"),
            (json!({"nonce": "ab=c"}), "nonce"),
            (json!({"nonce": "has space"}), "nonce"),
            (json!({"nonce": "'nonce-abc'"}), "nonce"),
            (json!({"nonce": "abc\n"}), "nonce"),
            (json!({"nonce": "é"}), "nonce"),
            (json!({"nonce": 12345}), "nonce"),
            (json!({"nonce": {"value": "abc"}}), "nonce"),
            (json!({"nonce": "a".repeat(MAX_NONCE_LEN + 1)}), "nonce"),
            (json!({"locale": 3}), "locale"),
            (json!({"locale": ""}), "locale"),
            (json!({"locale": "pt BR"}), "locale"),
            (json!({"locale": ["ar"]}), "locale"),
            (json!({"locale": {"tag": "ar"}}), "locale"),
        ];
        for (extra, field) in cases {
            let raw = with(extra);
            match read(&raw) {
                Ok(options) => panic!("{raw} was accepted: {options:?}"),
                Err(err) => {
                    assert_eq!(err.code(), "INVALID_CONFIG", "{raw}: {err}");
                    assert!(err.to_string().contains(field), "{raw}: {err}");
                }
            }
        }
    }

    #[test]
    fn locale_is_the_option_else_the_pages_and_picks_the_sdk_locale() {
        let german = || Locale::lookup("de").unwrap_or(Locale::ENGLISH);
        let sandbox = "http://127.0.0.1:8787/sdk.js";
        // (options, the page's locale, widget language, SDK URL)
        let cases = [
            (
                base(),
                Locale::ENGLISH,
                "en",
                "https://connect.facebook.net/en_US/sdk.js",
            ),
            (
                base(),
                german(),
                "de",
                "https://connect.facebook.net/de_DE/sdk.js",
            ),
            (
                with(json!({"locale": null})),
                german(),
                "de",
                "https://connect.facebook.net/de_DE/sdk.js",
            ),
            (
                with(json!({"locale": "ar"})),
                german(),
                "ar",
                "https://connect.facebook.net/ar_AR/sdk.js",
            ),
            (
                with(json!({"locale": "es-ES"})),
                german(),
                "es",
                "https://connect.facebook.net/es_ES/sdk.js",
            ),
            (
                with(json!({"locale": "pt-PT"})),
                Locale::ENGLISH,
                "pt-BR",
                "https://connect.facebook.net/pt_BR/sdk.js",
            ),
            // A tag without a catalogue is English, whatever the page says.
            (
                with(json!({"locale": "ja"})),
                german(),
                "en",
                "https://connect.facebook.net/en_US/sdk.js",
            ),
            // The page's own SDK URL is kept.
            (
                with(json!({"locale": "fr", "sdkUrl": sandbox})),
                german(),
                "fr",
                sandbox,
            ),
            (with(json!({"sdkUrl": sandbox})), german(), "de", sandbox),
        ];
        for (raw, page, tag, sdk_url) in cases {
            let raw_value = serde_json::from_value(raw.clone()).expect("converts");
            let options = WidgetOptions::read(&raw_value, SignupConfig::from_json, || page)
                .map_err(|e| e.to_string());
            let got = options.map(|o| (o.locale.language.tag(), o.config.sdk_url));
            assert_eq!(got, Ok((tag, sdk_url.to_owned())), "{raw}");
        }
    }

    #[test]
    fn nonce_limits() {
        let longest = "a".repeat(MAX_NONCE_LEN);
        let padded = format!("{}==", "a".repeat(MAX_NONCE_LEN - 2));
        let cases = [
            ("a", true),
            ("a=", true),
            ("a==", true),
            ("a===", false),
            ("=", false),
            ("", false),
            (longest.as_str(), true),
            (padded.as_str(), true),
            ("A-Z_a-z+0/9", true),
            ("a.b", false),
            ("a\u{0}", false),
        ];
        for (nonce, ok) in cases {
            assert_eq!(is_nonce(nonce), ok, "{nonce:?}");
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
