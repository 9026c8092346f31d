// Loads the built npm package (pkg/, `--target web`) in Node.
//
//   import * as wa from "./load-pkg.mjs";   // then wa.parsePhoneNumber(...)
//
// The package is an ES module whose default `init()` fetches the .wasm next to
// it, which Node's fetch cannot do for file: URLs; Node (and any caller that
// has the bytes) uses the synchronous `initSync({ module })` instead. Build the
// package first with scripts/build-pkg.sh (scripts/test.sh does).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { initSync } from "../../pkg/wa_signup.js";

export const PKG_DIR = fileURLToPath(new URL("../../pkg/", import.meta.url));
const wasmUrl = new URL("../../pkg/wa_signup_bg.wasm", import.meta.url);
if (!existsSync(wasmUrl)) {
  throw new Error(`${fileURLToPath(wasmUrl)} is missing: run scripts/build-pkg.sh`);
}
initSync({ module: readFileSync(wasmUrl) });

export * from "../../pkg/wa_signup.js";
