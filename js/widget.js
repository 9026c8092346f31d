// `wa-signup/widget`: mount() that works before the wasm is ready, init() for
// bundlers that want control, and the <wa-signup-connect> custom element.
// Importing this module defines the element (once per page) and fetches
// nothing: the wasm is fetched by init(), by the first mount() or when an
// element connects. Meta's SDK <script> is injected as soon as a widget is
// asked for, so it downloads while the wasm streams and compiles; so is the
// widget's catalogue when its language is not English (English is in the
// wasm; each other language is a small module, widget-locale-<tag>.js).

import glueInit, { mount as mountNow, registerCatalogue } from "./wa_signup_web.js";
import { WaSignupError } from "./error.js";
export { WaSignupError };
import { catalogueTag, preloadSdk } from "./widget-sdk.js";

let initialised = false;
let initialising;

/** The wasm: fetched and compiled once (a failure may be retried). */
function wasm(input) {
  initialising ??= glueInit(input === undefined ? undefined : { module_or_path: input }).then(
    () => {
      initialised = true;
    },
    (cause) => {
      initialising = undefined;
      throw new WaSignupError(
        "INIT_FAILED",
        `wa-signup/widget: the widget's wasm could not be loaded (${cause?.message ?? cause})`,
        { cause },
      );
    },
  );
  return initialising;
}

/**
 * Fetches and compiles the widget's wasm (`./wa_signup_web_bg.wasm` beside
 * this module unless `input` says otherwise: a URL, Response, bytes or a
 * WebAssembly.Module, as the wasm-bindgen glue takes), and, at the same time,
 * the catalogue of the page's language (`<html lang>`, then the browser's),
 * so that a mount() in that language after init() is synchronous.
 * Idempotent; a failed attempt rejects with WaSignupError INIT_FAILED and may
 * be retried.
 */
export function init(input) {
  const page = catalogueTag(undefined, globalThis.document, globalThis.navigator);
  return Promise.all([wasm(input), loadCatalogue(page)]).then(() => undefined);
}

/** The languages whose texts the wasm has: English, and each one registered. */
const registered = new Set(["en"]);
/** Catalogues being loaded, by tag. */
const loading = new Map();

/**
 * The module of a catalogue: one static specifier per language, so that every
 * bundler emits each as its own chunk, fetched only for that language.
 */
function importCatalogue(tag) {
  switch (tag) {
    case "es":
      return import("./widget-locale-es.js");
    case "pt-BR":
      return import("./widget-locale-pt-BR.js");
    case "id":
      return import("./widget-locale-id.js");
    case "hi":
      return import("./widget-locale-hi.js");
    case "ar":
      return import("./widget-locale-ar.js");
    case "de":
      return import("./widget-locale-de.js");
    case "fr":
      return import("./widget-locale-fr.js");
  }
  return Promise.reject(new Error(`no catalogue for "${tag}"`));
}

/**
 * Fetches the catalogue of `tag` (at once, in parallel with the wasm) and
 * registers it once the wasm is ready. Never rejects: when the module cannot
 * be loaded or the wasm refuses it (INVALID_CATALOGUE, e.g. a stale cached
 * module), one console warning, and widgets in that language show English
 * (as English: lang="en"); a later mount tries again.
 */
function loadCatalogue(tag) {
  if (registered.has(tag)) return Promise.resolve();
  let promise = loading.get(tag);
  if (promise) return promise;
  const warn = (why, cause) =>
    console.warn(`wa-signup/widget: the "${tag}" texts ${why}; the widget shows English.`, cause);
  promise = importCatalogue(tag)
    .then(
      (module) =>
        wasm().then(
          () => {
            try {
              registerCatalogue(tag, module.default);
              registered.add(tag);
            } catch (error) {
              warn("were refused", error);
            }
          },
          () => {}, // the wasm's own failure is the mount's INIT_FAILED
        ),
      (cause) => warn("could not be loaded", cause),
    )
    .finally(() => loading.delete(tag));
  loading.set(tag, promise);
  return promise;
}

/** What mount() returns, before and after the wasm is ready. */
class WidgetHandle {
  #inner = null;
  #destroyed = false;

  constructor(element, options) {
    const tag = catalogueTag(options, globalThis.document, globalThis.navigator);
    if (initialised && registered.has(tag)) {
      this.#inner = mountNow(element, options);
      this.ready = Promise.resolve(true);
      return;
    }
    // Meta's SDK, the wasm and the catalogue all start now, side by side.
    if (element instanceof HTMLElement) preloadSdk(options);
    // The options as they are now (mount() reads them at the call); what JSON
    // cannot hold is left for the wasm to refuse with its own code.
    let snapshot = options;
    try {
      const text = JSON.stringify(options);
      if (text !== undefined) snapshot = JSON.parse(text);
    } catch {}
    this.ready = Promise.all([wasm(), loadCatalogue(tag)]).then(
      () => {
        if (this.#destroyed) return false;
        this.#inner = mountNow(element, snapshot);
        return true;
      },
      (error) => {
        if (this.#destroyed) return false;
        throw error;
      },
    );
  }

  /** Unmounts the widget, or cancels a mount still waiting for the wasm. */
  destroy() {
    this.#destroyed = true;
    this.#inner?.destroy();
  }

  /** True while the widget is mounted. */
  get isMounted() {
    return this.#inner?.isMounted ?? false;
  }
}

/**
 * Mounts the widget into `element`. Once the wasm and the catalogue of the
 * widget's language are ready (after init(), for the page's own language) this
 * is the wasm's mount (invalid options throw at once); before, the handle comes
 * back at once and `handle.ready` settles when the widget is mounted, in its
 * language from the first frame (never English first).
 */
export function mount(element, options) {
  return new WidgetHandle(element, options);
}

// ---- <wa-signup-connect> ------------------------------------------------------

/** Scalar options: attribute name, then `#` for a number, `?` for a boolean. */
const SCALARS = (
  "app-id config-id callback-url redirect-uri mode locale graph-api-version sdk-url " +
  "credentials styles feature-type session-info-version run-timeout-ms# timeout-ms# " +
  "session-grace-ms# phone-field? dangerously-allow-origins?"
)
  .split(" ")
  .map((spec) => {
    const attr = spec.replace(/[#?]$/, "");
    return [attr, attr.replace(/-(.)/g, (_, c) => c.toUpperCase()), spec.slice(attr.length)];
  });

/** Options given as properties only (objects). */
const OBJECTS = ["extras", "headers", "allowedOrigins"];

const REQUIRED = ["appId", "configId", "callbackUrl"];

const Base = globalThis.HTMLElement ?? class {};

class WaSignupConnect extends Base {
  static observedAttributes = [...SCALARS.map(([attr]) => attr), "nonce"];

  #objects = {};
  #handle = null;
  /** The options (as JSON) of the current mount, or null. */
  #mounted = null;
  #queued = false;

  connectedCallback() {
    // Properties set before the element was defined shadow the accessors.
    for (const name of [...SCALARS.map(([, prop]) => prop), ...OBJECTS, "nonce"]) {
      if (Object.hasOwn(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    wasm().catch(() => {}); // its catalogue starts with the mount, a microtask later
    this.#schedule();
  }

  disconnectedCallback() {
    // A move (removed and inserted again in the same task) keeps the widget.
    queueMicrotask(() => {
      if (!this.isConnected) this.#unmount();
    });
  }

  /** moveBefore(): the element stays connected; nothing to do. */
  connectedMoveCallback() {}

  attributeChangedCallback() {
    this.#schedule();
  }

  /** True while the widget is mounted in this element. */
  get isMounted() {
    return this.#handle?.isMounted ?? false;
  }

  /** The options the attributes and properties give now. */
  #options() {
    const options = {};
    for (const [, prop] of SCALARS) {
      const value = this[prop];
      if (value != null && value !== false) options[prop] = value;
    }
    for (const prop of OBJECTS) {
      if (this.#objects[prop] != null) options[prop] = this.#objects[prop];
    }
    // The standard `nonce` (its attribute reads "" once a header CSP hid it).
    if (this.nonce) options.nonce = this.nonce;
    return options;
  }

  /** Changes made in one task are applied once, after it. */
  #schedule() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (this.isConnected) this.#update();
    });
  }

  #update() {
    const options = this.#options();
    let key = null;
    if (REQUIRED.every((prop) => prop in options)) {
      try {
        key = JSON.stringify(options);
      } catch {
        key = {}; // never equal: always remount
      }
    }
    if (key !== null && key === this.#mounted && this.#handle) return;
    this.#unmount();
    if (key === null) return;
    this.#mounted = key;
    try {
      const handle = mount(this, options);
      this.#handle = handle;
      handle.ready.catch((error) => this.#failed(error));
    } catch (error) {
      this.#failed(error);
    }
  }

  #unmount() {
    this.#handle?.destroy();
    this.#handle = null;
    this.#mounted = null;
  }

  /** Invalid options: one console error and one `wa-signup:error` event. */
  #failed(error) {
    console.error("<wa-signup-connect>:", error);
    const detail = {
      type: "invalidOptions",
      code: error?.code ?? "INVALID_CONFIG",
      message: String(error?.message ?? error),
    };
    this.dispatchEvent(new CustomEvent("wa-signup:error", { bubbles: true, composed: true, detail }));
  }

  static {
    for (const [attr, prop, kind] of SCALARS) {
      Object.defineProperty(this.prototype, prop, {
        configurable: true,
        get() {
          const value = this.getAttribute(attr);
          if (kind === "?") return value !== null && value !== "false";
          const number = kind === "#" && value !== null && value.trim() !== "" ? Number(value) : NaN;
          return Number.isFinite(number) ? number : value;
        },
        set(value) {
          if (value == null || value === false) this.removeAttribute(attr);
          else this.setAttribute(attr, value === true ? "" : String(value));
        },
      });
    }
    // `nonce` is HTMLElement's own (CSP hides the attribute): kept, and watched.
    const nonce = Object.getOwnPropertyDescriptor(Base.prototype, "nonce");
    if (nonce?.set) {
      Object.defineProperty(this.prototype, "nonce", {
        configurable: true,
        get: nonce.get,
        set(value) {
          nonce.set.call(this, value ?? "");
          this.#schedule();
        },
      });
    }
    for (const prop of OBJECTS) {
      Object.defineProperty(this.prototype, prop, {
        configurable: true,
        get() {
          return this.#objects[prop] ?? null;
        },
        set(value) {
          this.#objects[prop] = value;
          this.#schedule();
        },
      });
    }
  }
}

// Once per page, whichever copy of the package comes first.
if (globalThis.customElements && !customElements.get("wa-signup-connect")) {
  customElements.define("wa-signup-connect", WaSignupConnect);
}
