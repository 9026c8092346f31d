// Which Meta SDK URL and which message catalogue the widget's wasm will use
// for some options, computed before the wasm is there (so widget.js can start
// both downloads early), and preloadSdk(): Meta's SDK injected as the wasm
// would, used by widget.js and exported by `wa-signup/flow` (the flow's glue
// re-exports it, scripts/pkg-glue.mjs) so a page can start it before init().
// A mirror of crate/src/flow/locale.rs (the LOCALES table, RFC 4647 Lookup,
// the `locale` option's rules), of web/src/i18n/page.rs and of the `sdkUrl`
// checks of crate/src/flow/config; e2e/element.test.mjs compares them in Chromium.

/**
 * locale.rs LOCALES: [BCP 47 tag (lower case), Meta's locale, the catalogue
 * (Language::tag(), web/i18n/<tag>.json)]; first match wins.
 */
const LOCALES = [
  ["en", "en_US", "en"],
  ["es-es", "es_ES", "es"],
  ["es", "es_LA", "es"],
  ["pt", "pt_BR", "pt-BR"],
  ["id", "id_ID", "id"],
  ["hi", "hi_IN", "hi"],
  ["ar", "ar_AR", "ar"],
  ["de", "de_DE", "de"],
  ["fr", "fr_FR", "fr"],
];

/** Rust's `str::trim` (Unicode White_Space: JS `\s` less U+FEFF, plus U+0085). */
const TRIM = /^[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

/** locale.rs `Locale::lookup`: the LOCALES row for `tag`, or undefined. */
function lookup(tag) {
  let prefix = tag.replace(TRIM, "").replace(/[A-Z]/g, (c) => c.toLowerCase()).replace(/_/g, "-");
  for (;;) {
    const row = LOCALES.find(([t]) => t === prefix);
    if (row) return row;
    const end = prefix.lastIndexOf("-");
    if (end < 0) return undefined;
    prefix = prefix.slice(0, end);
  }
}

/** locale.rs `is_language_tag`. */
const isLanguageTag = (tag) => tag.length <= 64 && /^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$/.test(tag);

/** http_url.rs: https, or http on a loopback host; no spaces, controls, `\` or user info. */
const isSecureOrLoopback = (url) =>
  url.length <= 2048 &&
  !/[\s\0-\x1f\x7f-\x9f\\]/.test(url) &&
  /^(https:\/\/[^/?#@]+|http:\/\/(localhost\.*|127\.0\.0\.1|\[::1\])(:\d*)?)([/?#]|$)/i.test(url);

/**
 * The SDK URL the wasm will load for `options` on this page, or undefined
 * when it will load none (redirect mode, a return from Meta's redirect) or
 * the options will be refused.
 */
export function sdkUrl(options, document, navigator, location) {
  if (!options || typeof options !== "object") return undefined;
  const { appId, configId, callbackUrl, mode, redirectUri, locale, sdkUrl } = options;
  if (appId == null || configId == null || callbackUrl == null || mode === "redirect") return undefined;
  // With a redirectUri the widget first completes a return from Meta (no SDK).
  if (redirectUri != null && new URLSearchParams(location.search).has("state")) return undefined;
  if (locale != null && (typeof locale !== "string" || !isLanguageTag(locale))) return undefined;
  if (sdkUrl != null) return typeof sdkUrl === "string" && isSecureOrLoopback(sdkUrl) ? sdkUrl : undefined;
  return `https://connect.facebook.net/${resolve(locale, document, navigator)[1]}/sdk.js`;
}

/** The id of Meta's SDK script, the one the wasm's loader looks for. */
const SDK_ID = "facebook-jssdk";

/**
 * Injects Meta's SDK `<script id="facebook-jssdk">` as the wasm would for
 * `options`, so it downloads while the wasm streams and compiles. Injects
 * nothing when the page has `window.FB` or that script already, in redirect
 * mode, on a return from Meta's redirect, for options the wasm will refuse,
 * or outside a browser (Node). A script that fails (or loads without defining
 * FB) is marked `data-wa-signup-failed` so the wasm's loader replaces it
 * instead of waiting on it. Never throws; true when it injected the script.
 */
export function preloadSdk(options) {
  try {
    if (typeof document === "undefined" || typeof window === "undefined") return false;
    const fb = window.FB;
    if ((fb && typeof fb.login === "function") || document.getElementById(SDK_ID)) return false;
    const src = sdkUrl(options, document, navigator, location);
    if (!src) return false;
    const script = document.createElement("script");
    const failed = () => script.setAttribute("data-wa-signup-failed", "");
    script.id = SDK_ID;
    script.src = src;
    script.async = true;
    script.crossOrigin = "anonymous";
    script.addEventListener("error", failed);
    script.addEventListener("load", () => {
      if (typeof window.FB?.login !== "function") failed();
    });
    (document.head ?? document.body).append(script);
    return true;
  } catch {
    return false;
  }
}

/**
 * The widget's language for `options` on this page, as its catalogue's tag
 * ("en", "ar", "pt-BR"…): what the wasm will show once that catalogue is
 * registered. "en" for options the wasm will refuse.
 */
export function catalogueTag(options, document, navigator) {
  const locale = options && typeof options === "object" ? options.locale : undefined;
  if (locale != null && (typeof locale !== "string" || !isLanguageTag(locale))) return "en";
  return resolve(locale, document, navigator)[2];
}

/**
 * web/src/i18n/page.rs: the LOCALES row of the `locale` option, else of the
 * first of <html lang>, navigator.languages, navigator.language that has one;
 * else English's.
 */
function resolve(locale, document, navigator) {
  const preferences =
    locale != null
      ? [locale]
      : [document?.documentElement?.getAttribute("lang"), ...(navigator?.languages ?? []), navigator?.language];
  for (const tag of preferences) {
    const row = typeof tag === "string" && lookup(tag);
    if (row) return row;
  }
  return LOCALES[0];
}
