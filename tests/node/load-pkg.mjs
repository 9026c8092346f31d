// Loads the built npm package (pkg/) in Node: its three entry points, each a
// wasm module of its own, through their Node builds (NAME.node.js, what the
// package's "node" export condition serves), which initialise the module
// from its .wasm at import: no init call, as for users.
//
//   import * as wa from "./load-pkg.mjs";   // then wa.parsePhoneNumber(...), wa.buildCallbackRequest(...)
//   import { MODULES } from "./load-pkg.mjs"; // per entry point: subpath, namespace, .d.ts text
//
// Build the package first with scripts/build-pkg.sh (scripts/test.sh does).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const PKG = new URL("../../pkg/", import.meta.url);
export const PKG_DIR = fileURLToPath(PKG);
if (!existsSync(new URL("package.json", PKG))) {
  throw new Error(`${PKG_DIR}package.json is missing: run scripts/build-pkg.sh`);
}

const core = await import(new URL("wa_signup.node.js", PKG));
const api = await import(new URL("wa_signup_api.node.js", PKG));
const flow = await import(new URL("wa_signup_flow.node.js", PKG));

/** The entry points: npm subpath and specifier, file stem, the loaded module and its .d.ts. */
export const MODULES = [
  { subpath: ".", specifier: "wa-signup", name: "wa_signup", module: core },
  { subpath: "./api", specifier: "wa-signup/api", name: "wa_signup_api", module: api },
  { subpath: "./flow", specifier: "wa-signup/flow", name: "wa_signup_flow", module: flow },
].map((entry) => ({ ...entry, dts: readFileSync(new URL(`${entry.name}.d.ts`, PKG), "utf8") }));

/** The .d.ts text of the module whose file stem is `name` (e.g. "wa_signup_api"). */
export function dtsOf(name) {
  const entry = MODULES.find((m) => m.name === name);
  if (!entry) throw new Error(`no module ${name}`);
  return entry.dts;
}

// `initSync`, `default` and `WaSignupError` are in every module: `export *`
// leaves such ambiguous names out, so only the modules' own functions and classes remain.
export * from "../../pkg/wa_signup.node.js";
export * from "../../pkg/wa_signup_api.node.js";
export * from "../../pkg/wa_signup_flow.node.js";
export { WaSignupError } from "../../pkg/error.js";
