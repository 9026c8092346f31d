/**
 * The error every wa-signup entry point throws: an `Error` named "WaSignupError" with a
 * stable `code` to match on and a human `message` (which may be reworded).
 * Each entry point exports it typed with its own codes (`WaSignupErrorCode`).
 */
export interface WaSignupError<Code extends string = string> extends Error {
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

/** The `WaSignupError` class: `err instanceof WaSignupError` also holds for errors made inside wasm. */
export interface WaSignupErrorConstructor<Code extends string = string> {
  new (code: Code, message: string, options?: { cause?: unknown }): WaSignupError<Code>;
  readonly prototype: WaSignupError<Code>;
}

/** The `WaSignupError` class: `err instanceof WaSignupError` also holds for errors made inside wasm. */
export declare const WaSignupError: WaSignupErrorConstructor;

/** @internal A stand-in for a wasm module's exports that throws NOT_INITIALIZED on use. */
export declare function notInitialized(entry: string): object;
