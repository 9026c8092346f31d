//! The TypeScript declaration of the flow's options, `EmbeddedSignupOptions`:
//! written once here, composed into the custom sections of both `.d.ts` files
//! that take them — the flow's (`new EmbeddedSignup(options)`) and the
//! widget's (`mount(element, options)`, whose `WidgetOptions` extends it with
//! the widget's own switches). What each option accepts is checked by
//! [`SignupConfig::from_json`](super::SignupConfig::from_json) and its
//! validation; the words here follow them.

/// `export interface EmbeddedSignupOptions { … }`, for a
/// `#[wasm_bindgen(typescript_custom_section)]` (it names
/// `EmbeddedSignupExtras`, [`EXTRAS_TS`](super::extras::EXTRAS_TS)).
pub const OPTIONS_TS: &str = r#"
/**
 * Options of `new EmbeddedSignup(options)` (and, with the widget's own switches, of the
 * widget's `mount()`); validated up front (typed `WaSignupError`s).
 */
export interface EmbeddedSignupOptions {
  /** Meta app id (digits). */
  appId: string | number;
  /** Facebook Login for Business configuration id (digits). */
  configId: string | number;
  /**
   * Where the code is POSTed (seed 003 body): absolute, or relative to the page
   * (e.g. "/whatsapp/callback"); https, or http on localhost/127.0.0.1/[::1].
   */
  callbackUrl: string;
  /** Graph API version for FB.init and the dialog URL; default "v25.0". */
  graphApiVersion?: string;
  /** "popup" (default, FB.login) or "redirect" (Meta's dialog/oauth page). */
  mode?: "popup" | "redirect";
  /**
   * OAuth redirect URI; required in redirect mode. Given in popup mode, a redirect stays
   * possible: no IN_APP_BROWSER notice, and the widget offers one when the popup fails.
   */
  redirectUri?: string;
  /** Same as `extras.featureType` (give it in one place only: both is EXTRAS_CONFLICT). */
  featureType?: string;
  /** Same as `extras.sessionInfoVersion`: 3, the only value Meta documents. */
  sessionInfoVersion?: 3 | "3";
  /**
   * Meta's `extras`, with Meta's own field names: version, features, pre-filled screens,
   * a Multi-Partner Solution. Validated up front (codes EXTRAS_*, the path named); sent
   * identically to FB.login and in the redirect dialog URL. In the widget, a valid number
   * in its phone field pre-fills `setup.business.phone` unless set here.
   */
  extras?: EmbeddedSignupExtras;
  /** Extra request headers for the callback (e.g. a CSRF token). Never an admin key. */
  headers?: Record<string, string>;
  /** `fetch` credentials mode of the callback; default "same-origin". */
  credentials?: "omit" | "same-origin" | "include";
  /** How long to wait for Meta's session info after the code (0..25000 ms); default 1500. */
  sessionGraceMs?: number;
  /** Callback request timeout (100..120000 ms); default 20000. */
  timeoutMs?: number;
  /**
   * Bound of a whole run while waiting for Meta (1000..86400000 ms); default 900000
   * (15 minutes). Past it the run ends `{ type: "failed", kind: "RUN_TIMEOUT" }`.
   */
  runTimeoutMs?: number;
  /**
   * SDK script URL (a sandbox); default Meta's SDK in the `locale`'s language,
   * "https://connect.facebook.net/en_US/sdk.js" without one.
   */
  sdkUrl?: string;
  /**
   * BCP 47 tag ("ar", "pt-BR", "es-MX"…): the widget's language and Meta's SDK locale
   * (`https://connect.facebook.net/<ll_CC>/sdk.js`), unless `sdkUrl` is given; a tag with
   * no matching language means English. Without it the flow loads en_US, and the widget
   * follows the page's `<html lang>`, then `navigator.languages`, then English.
   */
  locale?: string;
  /**
   * Extra exact origins accepted for session events: loopback origins only
   * (http(s)://localhost, 127.0.0.1, [::1], any port), for sandboxes; any other origin
   * throws INVALID_ALLOWED_ORIGIN unless `dangerouslyAllowOrigins`. Default [].
   */
  allowedOrigins?: string[];
  /**
   * Lets `allowedOrigins` name non-loopback origins (default false). Any page on such an
   * origin can forge Meta's session events: only for a sandbox you control, never in
   * production.
   */
  dangerouslyAllowOrigins?: boolean;
}
"#;
