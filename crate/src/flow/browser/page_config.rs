//! Reading a flow configuration on a real page: the one place that turns a
//! JS options object into a [`SignupConfig`] for the browser.

use web_sys::Url;

use super::coop_probe::user_agent;
use crate::flow::config::{ConfigError, SignupConfig};
use crate::json::Value;

/// Reads `raw` (the options as JSON) for this page:
/// - a relative `callbackUrl` (`"/whatsapp/callback"`) is resolved against
///   `location.href` by the browser's URL parser, then checked by the same
///   rules as an absolute one (https, or http on loopback);
/// - the configuration is validated ([`SignupConfig::from_json`]);
/// - in an in-app browser, popup mode becomes redirect mode when a
///   `redirectUri` is configured ([`SignupConfig::adapt_to_user_agent`]).
pub fn page_config(raw: &Value) -> Result<SignupConfig, ConfigError> {
    let window = web_sys::window();
    let resolved = window
        .as_ref()
        .and_then(|w| resolve_callback_url(raw, &w.location().href().ok()?));
    let mut config = SignupConfig::from_json(resolved.as_ref().unwrap_or(raw))?;
    if let Some(window) = &window {
        config.adapt_to_user_agent(&user_agent(window));
    }
    Ok(config)
}

/// `raw` with a relative `callbackUrl` made absolute against `base`; `None`
/// when there is nothing to resolve (absent, not a string, already absolute).
fn resolve_callback_url(raw: &Value, base: &str) -> Option<Value> {
    let Value::Object(fields) = raw else {
        return None;
    };
    let url = fields.get("callbackUrl")?.as_str()?;
    if url.is_empty() || url.contains("://") {
        return None;
    }
    let absolute = Url::new_with_base(url, base).ok()?.href();
    let fields = fields
        .iter()
        .cloned()
        .chain([("callbackUrl".to_owned(), Value::String(absolute))])
        .collect();
    Some(Value::Object(fields))
}
