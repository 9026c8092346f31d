// Patches the raw wasm-bindgen glue of one npm entry point (before minification):
//
// - until `init()`/`initSync()` has run, the module's `wasm` is a stand-in
//   (js/error.js `notInitialized`) whose every use throws WaSignupError
//   NOT_INITIALIZED naming the call to make, instead of
//   `TypeError: Cannot read properties of undefined`;
// - the module also exports the WaSignupError class (from ./error.js);
// - `wa-signup/flow` also exports preloadSdk (from ./widget-sdk.js, plain JS,
//   usable before init()): a page starts Meta's SDK download with it while the
//   flow's wasm downloads and compiles (issue 14 item 2).
//
//   node scripts/pkg-glue.mjs pkg/wa_signup_flow.js wa-signup/flow
//
// The glue's text is wasm-bindgen's (pinned in Cargo.lock, 0.2.130): when the
// expected lines are not found exactly, this fails loudly rather than ship an
// unpatched module.
import { readFileSync, writeFileSync } from "node:fs";

const [file, entry] = process.argv.slice(2);
if (!file || !entry) {
  console.error("usage: node scripts/pkg-glue.mjs GLUE.js ENTRY (e.g. wa-signup/api)");
  process.exit(2);
}

let glue = readFileSync(file, "utf8");
const fail = (what) => {
  console.error(`[pkg-glue] ${file}: ${what}; wasm-bindgen's glue changed? Update scripts/pkg-glue.mjs.`);
  process.exit(1);
};

if (glue.includes("__waUninit")) fail("already patched");

// `let wasmModule, wasmInstance, wasm;` (or `let wasm;`): exactly one.
const decl = /^let ((?:\w+, )*)wasm;$/m;
const decls = glue.match(new RegExp(decl.source, "gm")) ?? [];
if (decls.length !== 1) fail(`expected one \`let …wasm;\` declaration, found ${decls.length}`);
glue = glue.replace(decl, (_, others) => `const __waUninit = __waNotInitialized(${JSON.stringify(entry)});\nlet ${others}wasm = __waUninit;`);

// initSync() and init() return early once initialised: exactly two checks.
const check = "if (wasm !== undefined) return wasm;";
const checks = glue.split(check).length - 1;
if (checks !== 2) fail(`expected 2 \`${check}\`, found ${checks}`);
glue = glue.replaceAll(check, "if (wasm !== __waUninit) return wasm;");
if (/\bwasm\s*[!=]==?\s*(undefined|null)\b/.test(glue)) fail("another `wasm` undefined/null check remains");

const imports = 'import { notInitialized as __waNotInitialized } from "./error.js";\n';
let exported = 'export { WaSignupError } from "./error.js";\n';
if (entry === "wa-signup/flow") exported += 'export { preloadSdk } from "./widget-sdk.js";\n';
const selfTypes = /^\/\* @ts-self-types="[^"]*" \*\/\n/;
glue = selfTypes.test(glue) ? glue.replace(selfTypes, (m) => m + imports) : imports + glue;
glue = `${glue.trimEnd()}\n${exported}`;

writeFileSync(file, glue);
console.log(`[pkg-glue] ${file}: NOT_INITIALIZED until init() (${entry}), exports WaSignupError${entry === "wa-signup/flow" ? ", preloadSdk" : ""}`);
