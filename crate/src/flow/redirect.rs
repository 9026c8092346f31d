//! Redirect mode: Meta's `dialog/oauth` URL, the anti-CSRF `state`, and reading
//! the return URL (`?code=…&state=…`) back, all as plain functions.

use super::body::AuthCode;
use super::config::{ConfigError, SignupConfig};
use super::failure::FlowError;
use crate::form_urlencoding;
use crate::secret::constant_time_eq;

/// Bytes of randomness in a `state` value.
pub const STATE_BYTES: usize = 16;

/// The `sessionStorage` key holding the pending `state`.
pub const STATE_STORAGE_KEY: &str = "wa-signup:state";

/// Query parameters removed from the return URL once read.
pub const RETURN_PARAMS: [&str; 6] = [
    "code",
    "state",
    "error",
    "error_code",
    "error_reason",
    "error_description",
];

/// A `state` value: the random bytes as 32 lowercase hex characters.
pub fn state_from_bytes(bytes: &[u8; STATE_BYTES]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(STATE_BYTES * 2);
    for b in bytes {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0x0f)]));
    }
    out
}

/// Meta's OAuth dialog URL for `config` (which must be valid and carry a
/// `redirect_uri`; without one the current page cannot be guessed here, and
/// the error is `INVALID_CONFIG`, as [`ConfigError::MissingRedirectUri`]).
/// The query is `application/x-www-form-urlencoded` as `URLSearchParams`
/// writes it (the crate's one form encoder, `form_urlencoding.rs`).
pub fn dialog_url(config: &SignupConfig, state: &str) -> Result<String, FlowError> {
    let redirect_uri = config
        .redirect_uri
        .as_deref()
        .ok_or_else(|| FlowError::InvalidConfig(ConfigError::MissingRedirectUri.to_string()))?;
    let mut url = String::from("https://www.facebook.com/");
    form_urlencoding::push_encoded(&mut url, &config.graph_api_version);
    url.push_str("/dialog/oauth?");
    form_urlencoding::push_pairs(
        &mut url,
        [
            ("client_id", config.app_id.as_str()),
            ("redirect_uri", redirect_uri),
            ("config_id", config.config_id.as_str()),
            ("response_type", "code"),
            ("override_default_response_type", "true"),
            ("state", state),
            ("extras", config.extras.to_json().as_str()),
        ],
    );
    Ok(url)
}

/// What came back on the return page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedirectReturn {
    /// The authorization code (redacted in `Debug`); `None` when the person
    /// cancelled Meta's dialog (`error_reason=user_denied`, `error=access_denied`).
    pub code: Option<AuthCode>,
    /// The page URL with `code`, `state` and Meta's `error*` parameters (and a
    /// `#_=_` fragment) removed, for `history.replaceState`.
    pub clean_url: String,
}

/// Reads `href` (the return page's full URL) against the `state` stored at launch.
///
/// Order: `state` first (a foreign redirect is refused before anything else is
/// trusted), then Meta's `error` (the person declining is a cancellation, with
/// no code; any other error is `MISSING_CODE` naming it), then `code`.
///
/// Meta's declined return, as its Manual Flow page describes it:
/// `?error=access_denied&error_code=200&error_description=Permissions+error&error_reason=user_denied&state=…#_=_`
/// (<https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow>).
pub fn complete_redirect(
    href: &str,
    stored_state: Option<&str>,
) -> Result<RedirectReturn, FlowError> {
    let (base, query, fragment) = split_url(href);
    let params = parse_query(query);
    let get = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    match (stored_state, get("state")) {
        (Some(stored), Some(got)) if !stored.is_empty() && constant_time_eq(stored, got) => {}
        _ => return Err(FlowError::StateMismatch),
    }
    let clean_url = clean_url(base, query, fragment);
    if get("error_reason") == Some("user_denied") || get("error") == Some("access_denied") {
        return Ok(RedirectReturn {
            code: None,
            clean_url,
        });
    }
    if let Some(error) = get("error_reason").or(get("error")) {
        return Err(FlowError::MissingCode(Some(error.to_owned())));
    }
    let code = get("code")
        .and_then(AuthCode::new)
        .ok_or(FlowError::MissingCode(None))?;
    Ok(RedirectReturn {
        code: Some(code),
        clean_url,
    })
}

/// True when `href` looks like a return from Meta's dialog (`code`, `state` or `error`).
pub fn is_redirect_return(href: &str) -> bool {
    let (_, query, _) = split_url(href);
    parse_query(query)
        .iter()
        .any(|(k, _)| k == "code" || k == "state" || k == "error")
}

/// True when the page at `href` is the return of a redirect run of ours: a
/// `state` of ours is pending (`stored_state`, from `sessionStorage`), the
/// page is the configured `redirect_uri` (same scheme, host, port and path;
/// the query may differ) and the URL carries Meta's return parameters.
///
/// Anything else — another OAuth provider's `?code=&state=`, a page that is
/// not the redirect URI, no run pending — is not ours: the page's URL and
/// its parameters are left exactly as they are.
pub fn is_our_return(href: &str, redirect_uri: &str, stored_state: Option<&str>) -> bool {
    stored_state.is_some_and(|s| !s.is_empty())
        && page_of(href) == page_of(redirect_uri)
        && is_redirect_return(href)
}

/// `scheme://authority/path` of `url`, with `/` as the path when it has none.
fn page_of(url: &str) -> String {
    let (base, _, _) = split_url(url);
    let mut page = base.to_owned();
    let after_scheme = base.split_once("://").map_or("", |(_, rest)| rest);
    if !after_scheme.contains('/') {
        page.push('/');
    }
    page
}

/// `href` without `code`, `state`, Meta's `error*` parameters and a `#_=_` fragment.
pub fn strip_return_params(href: &str) -> String {
    let (base, query, fragment) = split_url(href);
    clean_url(base, query, fragment)
}

/// `(before ?, query without ?, fragment without #)`.
fn split_url(href: &str) -> (&str, &str, Option<&str>) {
    let (rest, fragment) = match href.split_once('#') {
        Some((rest, frag)) => (rest, Some(frag)),
        None => (href, None),
    };
    match rest.split_once('?') {
        Some((base, query)) => (base, query, fragment),
        None => (rest, "", fragment),
    }
}

fn clean_url(base: &str, query: &str, fragment: Option<&str>) -> String {
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter(|pair| {
            let key = pair.split_once('=').map_or(*pair, |(k, _)| k);
            !RETURN_PARAMS.contains(&form_urlencoding::decode(key).as_str())
        })
        .collect();
    let mut out = base.to_owned();
    if !kept.is_empty() {
        out.push('?');
        out.push_str(&kept.join("&"));
    }
    // Meta appends `#_=_` to redirects; drop it, keep any other fragment.
    if let Some(frag) = fragment.filter(|f| !f.is_empty() && *f != "_=_") {
        out.push('#');
        out.push_str(frag);
    }
    out
}

/// `application/x-www-form-urlencoded` pairs, decoded as `URLSearchParams`
/// decodes them (the crate's one form encoder, `form_urlencoding.rs`): `+`
/// is a space, malformed escapes are kept as written, invalid UTF-8 becomes
/// U+FFFD. Never panics.
pub(crate) fn parse_query(query: &str) -> Vec<(String, String)> {
    form_urlencoding::parse(query)
}
