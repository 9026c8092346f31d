//! Does this page's `Cross-Origin-Opener-Policy` cut Meta's popup off?
//!
//! Known before the click, so the ready state can say so: a cross-origin
//! isolated page (`crossOriginIsolated`) always does; otherwise the page's own
//! response headers are read with a same-origin `HEAD` request for its path
//! (no query or fragment: nothing the URL carries is sent again). The answer
//! is cached for the page; a failed or slow probe (bounded at
//! [`PROBE_TIMEOUT_MS`]) counts as "not isolated".

use std::cell::Cell;

use gloo_timers::callback::Timeout;
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestCache, RequestCredentials, RequestInit, Response, Window};

use crate::flow::host_page::coop_severs_popups;

/// Longest wait for the `HEAD` answer, in ms.
pub(crate) const PROBE_TIMEOUT_MS: u32 = 5_000;

thread_local! {
    /// The probe's answer once known.
    static ISOLATED: Cell<Option<bool>> = const { Cell::new(None) };
}

/// The cached answer: `Some(true)` once the page is known to sever popups.
/// `crossOriginIsolated` is read synchronously, so it counts before any probe.
pub(crate) fn known(window: &Window) -> Option<bool> {
    let isolated = Reflect::get(window, &JsValue::from_str("crossOriginIsolated"));
    if isolated.is_ok_and(|v| v.is_truthy()) {
        return Some(true);
    }
    ISOLATED.with(Cell::get)
}

/// Probes once per page (later calls return the cached answer).
pub(crate) async fn probe(window: Window) -> bool {
    if let Some(known) = known(&window) {
        return known;
    }
    let isolated = head_severs_popups(&window).await.unwrap_or(false);
    ISOLATED.with(|cell| cell.set(Some(isolated)));
    isolated
}

/// `HEAD` the page's own path and read its opener policy.
async fn head_severs_popups(window: &Window) -> Option<bool> {
    let location = window.location();
    let url = format!("{}{}", location.origin().ok()?, location.pathname().ok()?);
    if !url.starts_with("http") {
        return None;
    }
    let controller = AbortController::new().ok()?;
    let _deadline = {
        let controller = controller.clone();
        Timeout::new(PROBE_TIMEOUT_MS, move || controller.abort())
    };
    let init = RequestInit::new();
    init.set_method("HEAD");
    init.set_credentials(RequestCredentials::SameOrigin);
    init.set_cache(RequestCache::NoStore);
    init.set_signal(Some(&controller.signal()));
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(&url, &init))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let header = response
        .headers()
        .get("cross-origin-opener-policy")
        .ok()
        .flatten()
        .unwrap_or_default();
    Some(coop_severs_popups(&header))
}

/// `navigator.userAgent`, or empty.
pub(crate) fn user_agent(window: &Window) -> String {
    Reflect::get(&window.navigator(), &JsValue::from_str("userAgent"))
        .ok()
        .and_then(|ua| ua.as_string())
        .unwrap_or_default()
}
