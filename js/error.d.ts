/**
 * The error every wa-signup entry point throws: an `Error` named "WaSignupError" with a
 * stable `code` to match on and a human `message` (which may be reworded).
 * `Code` defaults to every code of the package (`WaSignupErrorCode` below, generated);
 * each entry point also exports its own narrower `WaSignupErrorCode`.
 */
export interface WaSignupError<Code extends string = WaSignupErrorCode> extends Error {
  readonly name: "WaSignupError";
  /** The stable code, e.g. "MISSING_PLUS". */
  readonly code: Code;
  /** `INVALID_CHARACTER`: 0-based index (in characters) of the offending character. */
  readonly position?: number;
  /** API models: the field the error is about, e.g. "appIds[1]". */
  readonly field?: string;
  /** A finer reason, when the code covers several. */
  readonly reason?: string;
}

/**
 * The `WaSignupError` class. `new` takes the codes of the entry point it was imported from;
 * `err instanceof WaSignupError` recognises every WaSignupError (made in wasm or in JS, by any
 * entry point, ESM or CommonJS copy), so it narrows `err.code` to every code of the package.
 */
export interface WaSignupErrorConstructor<Code extends string = WaSignupErrorCode> {
  new (code: Code, message: string, options?: { cause?: unknown }): WaSignupError<Code>;
  readonly prototype: WaSignupError<WaSignupErrorCode>;
}

/** The `WaSignupError` class: `err instanceof WaSignupError` also holds for errors made inside wasm. */
export declare const WaSignupError: WaSignupErrorConstructor;

/** @internal A stand-in for a wasm module's exports that throws NOT_INITIALIZED on use. */
export declare function notInitialized(entry: string): object;
