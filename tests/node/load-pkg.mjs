// Loads the built npm package (pkg/, `--target web`) in Node: its three entry
// points, each a wasm module of its own.
//
//   import * as wa from "./load-pkg.mjs";   // then wa.parsePhoneNumber(...), wa.buildCallbackRequest(...)
//   import { MODULES } from "./load-pkg.mjs"; // per entry point: subpath, namespace, .d.ts text
//
// Each module is an ES module whose default `init()` fetches the .wasm next to
// it, which Node's fetch cannot do for file: URLs; Node (and any caller that
// has the bytes) uses the synchronous `initSync({ module })` instead. Build the
// package first with scripts/build-pkg.sh (scripts/test.sh does).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import * as core from "../../pkg/wa_signup.js";
import * as api from "../../pkg/wa_signup_api.js";
import * as flow from "../../pkg/wa_signup_flow.js";

export const PKG_DIR = fileURLToPath(new URL("../../pkg/", import.meta.url));

/** The entry points: npm subpath, file stem, the loaded module and its .d.ts. */
export const MODULES = [
  { subpath: ".", name: "wa_signup", module: core },
  { subpath: "./api", name: "wa_signup_api", module: api },
  { subpath: "./flow", name: "wa_signup_flow", module: flow },
].map((entry) => {
  const wasm = new URL(`${entry.name}_bg.wasm`, new URL("../../pkg/", import.meta.url));
  if (!existsSync(wasm)) {
    throw new Error(`${fileURLToPath(wasm)} is missing: run scripts/build-pkg.sh`);
  }
  entry.module.initSync({ module: readFileSync(wasm) });
  const dts = readFileSync(new URL(`${entry.name}.d.ts`, wasm), "utf8");
  return { ...entry, dts };
});

/** The .d.ts text of the module whose file stem is `name` (e.g. "wa_signup_api"). */
export function dtsOf(name) {
  const entry = MODULES.find((m) => m.name === name);
  if (!entry) throw new Error(`no module ${name}`);
  return entry.dts;
}

// `initSync` and `default` are in every module: `export *` leaves such
// ambiguous names out, so only the modules' own functions and classes remain.
export * from "../../pkg/wa_signup.js";
export * from "../../pkg/wa_signup_api.js";
export * from "../../pkg/wa_signup_flow.js";
