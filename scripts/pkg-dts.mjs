// The TypeScript declarations of the npm package, adjusted after wasm-bindgen
// (used by scripts/pkg-assemble.mjs):
//
// - `[Symbol.dispose](): void;` is dropped from classes: it needs
//   `esnext.disposable` in the consumer's `lib`, else a strict compile with
//   `skipLibCheck: false` fails. The method stays at runtime; `destroy()`/`free()`
//   are the typed way to end an instance.
// - `InitOutput` (what `init()`/`initSync()` return: the raw wasm exports)
//   keeps only `memory`: its other members are the glue's internals, typed `any`.
// - The Node builds' declarations (.node.d.ts, .d.cts) need no DOM lib; the
//   CommonJS one has no default export (no init() there).
// - Each entry point gets `WaSignupErrorCode` (the union of its codes) and
//   `WaSignupError` typed with it.

/** Removes wasm-bindgen's `[Symbol.dispose](): void;` members. */
export function dropDispose(dts) {
  return dts.replace(/^[ \t]*\[Symbol\.dispose\]\(\): void;\n/gm, "");
}

/** Narrows `export interface InitOutput { … }` to its `memory`; throws when it is not found. */
export function narrowInitOutput(dts, where) {
  const re = /^export interface InitOutput \{\n(?:[ \t].*\n)*?\}\n/m;
  if (!re.test(dts)) throw new Error(`${where}: no \`export interface InitOutput\` (wasm-bindgen's output changed?)`);
  return dts.replace(re, `/** What \`init()\`/\`initSync()\` return: the module's wasm exports (internal; only \`memory\` is typed). */
export interface InitOutput {
    readonly memory: WebAssembly.Memory;
}
`);
}

/** The error declarations of one entry point (`specifier`, its sorted `codes`). */
export function errorSection(specifier, codes) {
  return `
import type { WaSignupError as WaSignupErrorOf, WaSignupErrorConstructor } from "./error.js";
/**
 * Every \`code\` a \`WaSignupError\` from "${specifier}" can carry (generated from the
 * Rust \`ErrorCode\` impls by scripts/pkg-error-codes.mjs).
 */
export type WaSignupErrorCode =
${codes.map((c) => `  | ${JSON.stringify(c)}`).join("\n")};
/** The error "${specifier}" throws: an \`Error\` named "WaSignupError" with a stable \`code\`. */
export type WaSignupError = WaSignupErrorOf<WaSignupErrorCode>;
/**
 * The \`WaSignupError\` class (one class for every entry point): \`new\` takes this entry point's
 * codes; \`err instanceof WaSignupError\` holds for every error wa-signup throws, from any entry
 * point, so it narrows \`err.code\` to every code of the package.
 */
export declare const WaSignupError: WaSignupErrorConstructor<WaSignupErrorCode>;
`;
}

/** The declaration of `preloadSdk` (js/widget-sdk.js), appended to the flow's .d.ts (scripts/pkg-glue.mjs exports it). */
export const preloadSdkSection = `
/**
 * Starts downloading Meta's SDK for \`options\` now, as \`new EmbeddedSignup(options)\` would
 * load it: call it before \`await init()\` so the SDK downloads while the wasm streams and
 * compiles (plain JavaScript: works before \`init()\`). Injects
 * \`<script id="facebook-jssdk">\` (\`options.sdkUrl\`, else Meta's URL for the widget's locale)
 * unless the page has \`window.FB\` or that script already, the mode is "redirect", the page is
 * a return from Meta's redirect, or the options will be refused. Never throws; returns true when
 * it injected the script (always false in Node).
 */
export function preloadSdk(options: EmbeddedSignupOptions): boolean;
`;

/** The union of every code of the package, appended to error.d.ts. */
export function allCodesSection(codes) {
  return `
/**
 * Every \`code\` a \`WaSignupError\` of any wa-signup entry point can carry (generated from the
 * Rust \`ErrorCode\` impls and the widget's own codes by scripts/pkg-error-codes.mjs).
 */
export type WaSignupErrorCode =
${codes.map((c) => `  | ${JSON.stringify(c)}`).join("\n")};
`;
}

/** Relative `./x.js` specifiers pointed at the CommonJS twins `./x.cjs` (for a .d.cts). */
export function toCts(dts) {
  return dts.replace(/(from\s+["']\.\/[\w.-]+)\.js(["'])/g, "$1.cjs$2");
}

/**
 * The declarations of an entry point's Node builds (NAME.node.d.ts for `import`,
 * NAME.d.cts for `require`): wasm-bindgen's `init()`/`initSync()` block, whose
 * parameter types come from the DOM lib (`RequestInfo`, `BufferSource`,
 * `WebAssembly.Module`), becomes one without DOM types, since a Node project
 * compiles without that lib and its module is initialised at import anyway.
 * The CommonJS one has no default export (nothing to call once required; an
 * `export default` over `module.exports` would also mislead TypeScript's node16
 * mode) and points its relative imports at the `.cjs` twins. Throws when
 * wasm-bindgen's block is not found.
 */
export function nodeTypes(dts, where, { commonjs }) {
  const block = /^export type InitInput = [^\n]*\n[\s\S]*?^export default function __wbg_init\b[^\n]*;\n/m;
  if (!block.test(dts)) throw new Error(`${where}: wasm-bindgen's init block not found (its output changed?)`);
  const init = `/** The module's wasm exports (internal; only \`memory\` is typed). */
export interface InitOutput {
    readonly memory: { readonly buffer: ArrayBuffer };
}

/** In Node the module is initialised at ${commonjs ? "\`require\`" : "import"}: this returns at once (kept for code shared with browsers). */
export function initSync(module?: unknown): InitOutput;
${commonjs ? "" : `
/** In Node the module is initialised at import: this resolves at once (kept for code shared with browsers). */
export default function __wbg_init(module_or_path?: unknown): Promise<InitOutput>;
`}`;
  const out = dts.replace(block, init);
  // Types imported from another entry point's module (the flow's BusinessProfile) come from its Node twin too.
  return commonjs ? toCts(out) : out.replace(/(from\s+["']\.\/wa_signup\w*)\.js(["'])/g, "$1.node.js$2");
}
