//! Fixtures shared by the widget's browser tests (each `tests/browser_*.rs`
//! is its own page): a scripted stand-in for `window.FB`, synthetic `message`
//! events from Meta's origin, a stubbed `fetch`, and DOM look-ups.
// Each test file uses a different subset of these helpers.
#![allow(dead_code)]

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement};

use wa_signup_web::{mount, MountHandle};

pub const FB_ORIGIN: &str = "https://www.facebook.com";

pub const PROFILE: &str = r#"{"id":"wabp_2DbBs7GWhGvVNJGrDXr5RG0mBWI","organizationId":"org_1","metaWabaId":"524126980791429","metaBusinessId":"2729063490586005","businessName":"Acme Corp","tokenExpiresAt":null,"onboardingCompletedAt":"2023-11-07T05:31:56Z","createdAt":"2023-11-07T05:31:56Z","phoneNumbers":[{"id":"wapn_2DbBs7GWhGvVNJGrDXr5RG0mBWI","displayPhoneNumber":"+15551234567","metaPhoneNumberId":"106540352242922","verified":true,"qualityRating":"GREEN"}],"isTestProfile":true}"#;

pub fn s(v: &str) -> JsValue {
    JsValue::from_str(v)
}

/// Runs JS fixture code with `args` bound to `a`, `b`, `c`.
pub fn js(body: &str, args: &[JsValue]) -> JsValue {
    let f = Function::new_with_args("a, b, c", body);
    let arr: Array = args.iter().collect();
    Reflect::apply(&f, &JsValue::NULL, &arr).expect("fixture runs")
}

/// A stand-in `window.FB`: records `init` and `login` calls; the test answers
/// a login by calling its callback.
pub fn install_fake_fb() {
    js(
        "window.__wa = { inits: [], logins: [], posts: [], urls: [] };
         window.FB = {
           init(o) { window.__wa.inits.push(o); },
           login(cb, o) { window.__wa.logins.push({ cb, o }); },
         };",
        &[],
    );
}

pub fn login_count() -> u32 {
    js("return window.__wa.logins.length;", &[])
        .as_f64()
        .unwrap_or(-1.0) as u32
}

/// Calls the `n`-th `FB.login` callback with `response` (JSON text).
pub fn answer_login(n: u32, response: &str) {
    js(
        "window.__wa.logins[a].cb(JSON.parse(b));",
        &[JsValue::from(n), s(response)],
    );
}

/// A `message` event as Meta's popup posts it.
pub fn post_session(origin: &str, data: &str) {
    js(
        "window.dispatchEvent(new MessageEvent('message', { origin: a, data: b }));",
        &[s(origin), s(data)],
    );
}

/// Replaces `fetch` with one answering `status` / `body` and recording request bodies.
pub fn stub_fetch(status: u16, body: &str) {
    js(
        "if (!window.__realFetch) window.__realFetch = window.fetch;
         window.fetch = async (req, init) => {
           const text = typeof req === 'string' ? (init && init.body) : await req.clone().text();
           window.__wa.posts.push(text);
           window.__wa.urls.push(typeof req === 'string' ? req : req.url);
           return new Response(b, { status: a, headers: { 'Content-Type': 'application/json' } });
         };",
        &[JsValue::from(status), s(body)],
    );
}

pub fn restore_fetch() {
    js(
        "if (window.__realFetch) window.fetch = window.__realFetch;",
        &[],
    );
}

/// The URLs the stubbed `fetch` was called with.
pub fn post_urls() -> Vec<String> {
    let arr: Array = js("return window.__wa.urls;", &[]).unchecked_into();
    arr.iter().filter_map(|v| v.as_string()).collect()
}

pub fn posts() -> Vec<String> {
    let arr: Array = js("return window.__wa.posts;", &[]).unchecked_into();
    arr.iter().filter_map(|v| v.as_string()).collect()
}

pub async fn sleep(ms: u32) {
    let promise = Promise::new(&mut |resolve, _| {
        js("setTimeout(a, b);", &[resolve.into(), JsValue::from(ms)]);
    });
    let _ = JsFuture::from(promise).await;
}

pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

/// A fresh container in the body (focus needs a connected node).
pub fn container() -> HtmlElement {
    let doc = document();
    let el: HtmlElement = doc.create_element("div").expect("div").unchecked_into();
    doc.body().expect("body").append_child(&el).expect("append");
    el
}

pub fn options(extra: &str) -> JsValue {
    let base = r#""appId":"1234567890","configId":"987654321","callbackUrl":"http://127.0.0.1:9/callback","sessionGraceMs":200,"timeoutMs":2000"#;
    let text = if extra.is_empty() {
        format!("{{{base}}}")
    } else {
        format!("{{{base},{extra}}}")
    };
    js_sys::JSON::parse(&text).expect("options JSON")
}

/// Mounts a widget with a fake SDK and waits until it is ready.
pub async fn ready_widget(extra: &str) -> (HtmlElement, MountHandle) {
    install_fake_fb();
    let el = container();
    let handle = mount(el.clone().into(), options(extra)).expect("mounts");
    sleep(20).await;
    assert_eq!(
        title(&el),
        "Ready to connect your WhatsApp Business account."
    );
    (el, handle)
}

pub fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("{selector} in {}", root.inner_html()))
}

pub fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

pub fn title(root: &Element) -> String {
    text(root, ".wa-signup-status-title")
}

pub fn attr(root: &Element, selector: &str, name: &str) -> Option<String> {
    find(root, selector).get_attribute(name)
}

pub fn primary(root: &Element) -> HtmlElement {
    find(root, ".wa-signup-button:not(.wa-signup-button-secondary)").unchecked_into()
}

pub fn redirect_button(root: &Element) -> HtmlElement {
    find(root, ".wa-signup-redirect").unchecked_into()
}

pub fn cancel_button(root: &Element) -> HtmlElement {
    find(root, ".wa-signup-cancel").unchecked_into()
}

pub fn status_region(root: &Element) -> Element {
    find(root, ".wa-signup-status")
}

pub fn active_element() -> Option<Element> {
    document().active_element()
}

/// Records `wa-signup:*` events reaching `el` as `[type, detail]` pairs.
pub fn record_events(el: &HtmlElement) -> Array {
    js(
        "const seen = [];
         for (const t of ['wa-signup:state', 'wa-signup:success', 'wa-signup:cancel', 'wa-signup:error', 'wa-signup:phone'])
           a.addEventListener(t, (e) => seen.push([e.type, e.detail]));
         return seen;",
        &[el.clone().into()],
    )
    .unchecked_into()
}

pub fn events_of(seen: &Array, kind: &str) -> Vec<JsValue> {
    seen.iter()
        .filter_map(|pair| {
            let pair: Array = pair.unchecked_into();
            (pair.get(0).as_string().as_deref() == Some(kind)).then(|| pair.get(1))
        })
        .collect()
}

pub fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &s(key)).unwrap_or(JsValue::UNDEFINED)
}

pub fn cleanup(el: HtmlElement, handle: MountHandle) {
    handle.destroy();
    el.remove();
    restore_fetch();
}

pub const FINISH: &str = r#"{"type":"WA_EMBEDDED_SIGNUP","event":"FINISH","data":{"phone_number_id":"106540352242922","waba_id":"524126980791429","business_id":"2729063490586005"}}"#;

/// JS: `own(sheet)` is true for the widget's stylesheet.
const OWN_SHEET: &str =
    "const own = (sheet) => [...sheet.cssRules].some((r) => r.selectorText === '.wa-signup');";

/// How many copies of the widget's stylesheet the page has: adopted sheets
/// plus fallback `<style id="wa-signup-style">` elements.
pub fn widget_sheets() -> u32 {
    js(
        &format!(
            "{OWN_SHEET} return document.adoptedStyleSheets.filter(own).length
               + document.querySelectorAll('#wa-signup-style').length;"
        ),
        &[],
    )
    .as_f64()
    .unwrap_or(-1.0) as u32
}

/// Removes the widget's stylesheet from the page (adopted or `<style>`),
/// keeping every other sheet.
pub fn remove_widget_sheets() {
    js(
        &format!(
            "{OWN_SHEET} document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => !own(s));
             document.querySelectorAll('#wa-signup-style').forEach((e) => e.remove());"
        ),
        &[],
    );
}

/// The computed background colour of the widget's main button under `el`.
pub fn button_background(el: &HtmlElement) -> String {
    js(
        "return getComputedStyle(a.querySelector('.wa-signup-button')).backgroundColor;",
        &[el.clone().into()],
    )
    .as_string()
    .unwrap_or_default()
}

/// The default accent (`#008069`) as `getComputedStyle` reports it.
pub const ACCENT: &str = "rgb(0, 128, 105)";
