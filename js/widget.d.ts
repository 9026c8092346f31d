// Types of `wa-signup/widget`: mount(), init() and the <wa-signup-connect> element.

import type { EmbeddedSignupExtras, InitInput, WidgetOptions } from "./wa_signup_web.js";
import type {
  EmbeddedSignupOutcome,
  EmbeddedSignupState,
  WaSignupErrorCode as FlowErrorCode,
} from "./wa_signup_flow.js";
import type { WaSignupError as WaSignupErrorOf, WaSignupErrorConstructor } from "./error.js";

export type { EmbeddedSignupExtras, EmbeddedSignupOutcome, EmbeddedSignupState, WidgetOptions };

/**
 * Every `code` a `WaSignupError` from "wa-signup/widget" can carry: the flow's configuration
 * codes (`INVALID_APP_ID`, `SECRET_IN_BROWSER`, `APP_ID_CONFLICT`, …), `INVALID_ELEMENT`, and
 * `INIT_FAILED` when the widget's wasm could not be fetched or compiled.
 */
export type WaSignupErrorCode = Exclude<FlowErrorCode, "NOT_INITIALIZED"> | "INVALID_ELEMENT" | "INIT_FAILED";
/** The error "wa-signup/widget" throws: an `Error` named "WaSignupError" with a stable `code`. */
export type WaSignupError = WaSignupErrorOf<WaSignupErrorCode>;
/** `err instanceof WaSignupError` holds for every error wa-signup throws (from any entry point). */
export declare const WaSignupError: WaSignupErrorConstructor<WaSignupErrorCode>;

/**
 * Fetches and compiles the widget's wasm now (by default `wa_signup_web_bg.wasm` beside this
 * module; or from `input`: a URL, a `Response`, the bytes or a compiled `WebAssembly.Module`)
 * and, in parallel, the texts of the page's language (`<html lang>`, then the browser's) when
 * it is not English (`widget-locale-<tag>.js` beside this module). Optional: `mount()` and the
 * element call it themselves. Idempotent; rejects with `WaSignupError` `INIT_FAILED` (a later
 * call tries again). Texts that cannot be loaded leave the widget in English (a console warning).
 */
export function init(input?: InitInput | Promise<InitInput>): Promise<void>;

/** A widget mounted (or being mounted) by `mount()`. */
export interface WidgetHandle {
  /**
   * Unmounts the widget, ends a run in progress and removes its listeners; before the wasm
   * is ready it cancels the mount. Idempotent.
   */
  destroy(): void;
  /** True while the widget is mounted (false before `ready`, after `destroy()`, or once it left the document). */
  readonly isMounted: boolean;
  /**
   * Settles once the mount happened: `true` when the widget is mounted, `false` when
   * `destroy()` came first. Rejects with the `WaSignupError` of invalid options, or
   * `INIT_FAILED`. Already resolved when `mount()` mounted synchronously (after `init()`).
   */
  readonly ready: Promise<boolean>;
}

/**
 * Mounts the widget into `element` (appended to its children). Before the wasm is ready it
 * returns at once (see `WidgetHandle.ready`) and starts the wasm, Meta's SDK and (for a
 * language other than English) the widget's texts downloading, side by side. Once `init()`
 * has resolved, a widget in English or in the page's language (whose texts `init()` loaded)
 * mounts synchronously and `mount()` throws `WaSignupError` for invalid options; one whose
 * `locale` names another language not loaded yet takes the first path (its texts are fetched,
 * then it mounts, never showing English first; invalid options reject `ready`).
 */
export function mount(element: HTMLElement, options: WidgetOptions): WidgetHandle;

/** `detail` of `wa-signup:phone` (each edit of the phone field). */
export interface WaSignupPhoneDetail {
  validity: "empty" | "valid" | "invalid";
  /** What the field's hint says. */
  message: string;
  /** The phone parser's code when invalid, e.g. "MISSING_PLUS". */
  errorCode?: string;
  /** The number in E.164 when valid. */
  e164?: string;
  /** Meta's `cc` (country calling code) when valid. */
  cc?: string;
  /** Meta's `phone_number` (national number) when valid. */
  phoneNumber?: string;
}

/** `detail` of the `wa-signup:error` the element dispatches itself when its options are refused. */
export interface WaSignupInvalidOptionsDetail {
  type: "invalidOptions";
  code: WaSignupErrorCode;
  message: string;
}

/** The widget's events (they bubble out of the widget, so the element and its ancestors see them). */
export interface WaSignupEventMap {
  "wa-signup:state": CustomEvent<EmbeddedSignupState>;
  "wa-signup:success": CustomEvent<Extract<EmbeddedSignupOutcome, { type: "connected" }>>;
  "wa-signup:cancel": CustomEvent<Extract<EmbeddedSignupOutcome, { type: "cancelled" }>>;
  /** A failed run, or (from the element itself) options it could not mount with. */
  "wa-signup:error": CustomEvent<Extract<EmbeddedSignupOutcome, { type: "failed" }> | WaSignupInvalidOptionsDetail>;
  "wa-signup:phone": CustomEvent<WaSignupPhoneDetail>;
}

/** Events of `<wa-signup-connect>`: the element's own and the widget's. */
export interface WaSignupConnectEventMap extends HTMLElementEventMap, WaSignupEventMap {}

/** What may be assigned to the element's properties (every option, camelCase). */
export interface WaSignupConnectProps {
  appId?: string | number | null;
  configId?: string | number | null;
  callbackUrl?: string | null;
  redirectUri?: string | null;
  mode?: "popup" | "redirect" | null;
  /** A BCP 47 tag such as "pt-BR" (default: the page's `lang`, then the browser's language). */
  locale?: string | null;
  graphApiVersion?: string | null;
  sdkUrl?: string | null;
  credentials?: "omit" | "same-origin" | "include" | null;
  styles?: "auto" | "none" | null;
  nonce?: string | null;
  featureType?: string | null;
  sessionInfoVersion?: 3 | "3" | null;
  runTimeoutMs?: number | null;
  timeoutMs?: number | null;
  sessionGraceMs?: number | null;
  phoneField?: boolean;
  dangerouslyAllowOrigins?: boolean;
  extras?: EmbeddedSignupExtras | null;
  headers?: Record<string, string> | null;
  allowedOrigins?: string[] | null;
}

/** The element's attributes (kebab-case; each is also a camelCase property). */
export interface WaSignupConnectAttributes {
  "app-id"?: string | number;
  "config-id"?: string | number;
  "callback-url"?: string;
  "redirect-uri"?: string;
  mode?: "popup" | "redirect";
  locale?: string;
  "graph-api-version"?: string;
  "sdk-url"?: string;
  credentials?: "omit" | "same-origin" | "include";
  styles?: "auto" | "none";
  nonce?: string;
  "feature-type"?: string;
  "session-info-version"?: 3 | "3";
  "run-timeout-ms"?: number | string;
  "timeout-ms"?: number | string;
  "session-grace-ms"?: number | string;
  /** Boolean attribute: present (and not "false") shows the phone field. */
  "phone-field"?: boolean | "" | "true" | "false";
  /** Boolean attribute (sandboxes only). */
  "dangerously-allow-origins"?: boolean | "" | "true" | "false";
}

/**
 * `<wa-signup-connect>`: the widget as a custom element. Attributes and camelCase properties
 * are the options of `mount()`; scalar properties reflect their attribute (reading gives the
 * attribute: `null` when absent, numbers as numbers when they parse), object options
 * (`extras`, `headers`, `allowedOrigins`) are properties only. `nonce` is HTMLElement's own
 * (readable after a header CSP hid the attribute).
 */
export interface WaSignupConnectElement extends HTMLElement {
  get appId(): string | null;
  set appId(value: string | number | null | undefined);
  get configId(): string | null;
  set configId(value: string | number | null | undefined);
  get callbackUrl(): string | null;
  set callbackUrl(value: string | null | undefined);
  get redirectUri(): string | null;
  set redirectUri(value: string | null | undefined);
  get mode(): string | null;
  set mode(value: "popup" | "redirect" | null | undefined);
  get locale(): string | null;
  set locale(value: string | null | undefined);
  get graphApiVersion(): string | null;
  set graphApiVersion(value: string | null | undefined);
  get sdkUrl(): string | null;
  set sdkUrl(value: string | null | undefined);
  get credentials(): string | null;
  set credentials(value: "omit" | "same-origin" | "include" | null | undefined);
  get styles(): string | null;
  set styles(value: "auto" | "none" | null | undefined);
  get featureType(): string | null;
  set featureType(value: string | null | undefined);
  get sessionInfoVersion(): string | null;
  set sessionInfoVersion(value: 3 | "3" | null | undefined);
  /** The attribute as a number, or its text when it is not one. */
  get runTimeoutMs(): number | string | null;
  set runTimeoutMs(value: number | null | undefined);
  get timeoutMs(): number | string | null;
  set timeoutMs(value: number | null | undefined);
  get sessionGraceMs(): number | string | null;
  set sessionGraceMs(value: number | null | undefined);
  get phoneField(): boolean;
  set phoneField(value: boolean | null | undefined);
  get dangerouslyAllowOrigins(): boolean;
  set dangerouslyAllowOrigins(value: boolean | null | undefined);
  get extras(): EmbeddedSignupExtras | null;
  set extras(value: EmbeddedSignupExtras | null | undefined);
  get headers(): Record<string, string> | null;
  set headers(value: Record<string, string> | null | undefined);
  get allowedOrigins(): string[] | null;
  set allowedOrigins(value: string[] | null | undefined);
  /** True while the widget is mounted in the element. */
  readonly isMounted: boolean;

  addEventListener<K extends keyof WaSignupConnectEventMap>(
    type: K,
    listener: (this: WaSignupConnectElement, event: WaSignupConnectEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof WaSignupConnectEventMap>(
    type: K,
    listener: (this: WaSignupConnectElement, event: WaSignupConnectEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "wa-signup-connect": WaSignupConnectElement;
  }
}
