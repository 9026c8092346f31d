// WaSignupError: the one error type every wa-signup entry point throws.
//
// Errors made inside wasm are plain `Error`s named "WaSignupError" with a
// string `code` (crate/src/js/error.rs); this class recognises them through
// `Symbol.hasInstance`, so `err instanceof WaSignupError` holds for those, for
// errors made here, and across the ESM and CommonJS copies of the package.
//
// Shipped unminified on purpose: when a call comes before `init()`, the stack
// trace points at the readable `throw` below, not at one long minified line.

/** True for an object that is a WaSignupError by name and has a string `code`. */
function isWaSignupError(value) {
  return (
    typeof value === "object" &&
    value !== null &&
    value.name === "WaSignupError" &&
    typeof value.code === "string"
  );
}

/** An `Error` with a stable machine-readable `code` (match on it) and a human `message`. */
export class WaSignupError extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.name = "WaSignupError";
    this.code = code;
  }

  static [Symbol.hasInstance](value) {
    // Subclasses keep the ordinary prototype-chain check.
    if (this !== WaSignupError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return isWaSignupError(value);
  }
}

/**
 * Stands in for a wasm module's exports until `init()`/`initSync()` has run
 * (the patched wasm-bindgen glue starts with `wasm = notInitialized(...)`):
 * any use throws `WaSignupError` NOT_INITIALIZED naming the call to make,
 * instead of `TypeError: Cannot read properties of undefined`.
 *
 * @param {string} entry the package entry point, e.g. "wa-signup/flow"
 */
export function notInitialized(entry) {
  const message =
    `${entry} is not initialised: call \`await init()\` first ` +
    `(\`import init from "${entry}"\`), or \`initSync({ module })\` with the bytes of its .wasm. ` +
    `In Node, importing "${entry}" through the package's exports initialises it for you.`;
  return new Proxy(
    {},
    {
      get(_target, property) {
        // Symbol lookups come from inspectors (util.inspect, devtools), not from the glue.
        if (typeof property === "symbol") return undefined;
        throw new WaSignupError("NOT_INITIALIZED", message);
      },
    },
  );
}
