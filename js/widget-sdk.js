// Which Meta SDK URL the widget's wasm will load for some options, computed
// before the wasm is there (so widget.js can start the download early).
// A mirror of crate/src/flow/locale.rs (the LOCALES table, RFC 4647 Lookup,
// the `locale` option's rules) and of the `sdkUrl` checks of
// crate/src/flow/config.rs; e2e/element.test.mjs compares the two in Chromium.

/** locale.rs LOCALES: [BCP 47 tag (lower case), Meta's locale]; first match wins. */
const LOCALES = [
  ["en", "en_US"],
  ["es-es", "es_ES"],
  ["es", "es_LA"],
  ["pt", "pt_BR"],
  ["id", "id_ID"],
  ["hi", "hi_IN"],
  ["ar", "ar_AR"],
  ["de", "de_DE"],
  ["fr", "fr_FR"],
];

/** Rust's `str::trim` (Unicode White_Space: JS `\s` less U+FEFF, plus U+0085). */
const TRIM = /^[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

/** locale.rs `Locale::lookup`: Meta's locale for `tag`, or undefined. */
export function lookup(tag) {
  let prefix = tag.replace(TRIM, "").replace(/[A-Z]/g, (c) => c.toLowerCase()).replace(/_/g, "-");
  for (;;) {
    const row = LOCALES.find(([t]) => t === prefix);
    if (row) return row[1];
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
  // web/src/i18n/page.rs: the option, else <html lang>, navigator.languages, navigator.language.
  const preferences =
    locale != null
      ? [locale]
      : [document.documentElement?.getAttribute("lang"), ...(navigator.languages ?? []), navigator.language];
  let facebook;
  for (const tag of preferences) if ((facebook = typeof tag === "string" && lookup(tag))) break;
  return `https://connect.facebook.net/${facebook || "en_US"}/sdk.js`;
}
