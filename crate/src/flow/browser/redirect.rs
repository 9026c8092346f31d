//! Redirect mode in the browser: random `state` in `sessionStorage`, navigation
//! to Meta's dialog, and cleaning `code` out of the return URL.

use wasm_bindgen::JsValue;
use web_sys::Window;

use crate::flow::config::SignupConfig;
use crate::flow::redirect::{
    complete_redirect, dialog_url, is_our_return, state_from_bytes, RedirectReturn, STATE_BYTES,
    STATE_STORAGE_KEY,
};
use crate::flow::FlowError;

/// A fresh `state` from `crypto.getRandomValues`.
fn random_state(window: &Window) -> Option<String> {
    let mut bytes = [0u8; STATE_BYTES];
    window
        .crypto()
        .ok()?
        .get_random_values_with_u8_array(&mut bytes)
        .ok()?;
    Some(state_from_bytes(&bytes))
}

/// Stores a new `state` and returns the dialog URL to navigate to.
pub(crate) fn prepare(window: &Window, config: &SignupConfig) -> Result<String, FlowError> {
    let state = random_state(window)
        .ok_or_else(|| FlowError::Network("crypto.getRandomValues is unavailable".into()))?;
    let storage = window
        .session_storage()
        .ok()
        .flatten()
        .ok_or_else(|| FlowError::Network("sessionStorage is unavailable".into()))?;
    storage
        .set_item(STATE_STORAGE_KEY, &state)
        .map_err(|_| FlowError::Network("sessionStorage refused the state".into()))?;
    dialog_url(config, &state)
}

/// Reads the return URL. `None` when this page is not the return of a
/// redirect run of ours ([`is_our_return`]: a `state` of ours pending in
/// `sessionStorage`, this page being the `redirectUri`); then the address bar,
/// its parameters and the storage are left exactly as they are. Otherwise the
/// stored `state` is single-use (removed here) and `code` leaves the address
/// bar (`history.replaceState`) before anything else happens.
pub(crate) fn take_return(
    window: &Window,
    config: &SignupConfig,
) -> Option<Result<RedirectReturn, FlowError>> {
    let href = window.location().href().ok()?;
    let storage = window.session_storage().ok().flatten()?;
    let stored = storage.get_item(STATE_STORAGE_KEY).ok().flatten();
    if !is_our_return(&href, config.redirect_uri.as_deref()?, stored.as_deref()) {
        return None;
    }
    let _ = storage.remove_item(STATE_STORAGE_KEY);
    let result = complete_redirect(&href, stored.as_deref());
    let clean = match &result {
        Ok(ret) => ret.clean_url.clone(),
        Err(_) => crate::flow::redirect::strip_return_params(&href),
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&clean));
    }
    Some(result)
}
