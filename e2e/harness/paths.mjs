// Where the e2e tests find what the build produced.

import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The release demo server (`cargo build --release -p wa-signup-demo`). */
export const SERVER_BIN =
  process.env.WA_SIGNUP_DEMO_BIN ||
  join(process.env.CARGO_TARGET_DIR ? resolve(ROOT, process.env.CARGO_TARGET_DIR) : join(ROOT, "target"), "release", "wa-signup-demo");

/** The widget package (`web/build.sh`). */
export const WEB_PKG = join(ROOT, "web", "pkg");

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM = process.env.CHROME || "/usr/bin/chromium";

/** Screenshots of each widget state (gitignored). */
export const SCREENSHOTS = join(ROOT, "artifacts", "screenshots");

/** Throws a helpful error when a build output is missing. */
export function requireBuilt() {
  const missing = [
    [SERVER_BIN, "cargo build --release -p wa-signup-demo"],
    [join(WEB_PKG, "wa_signup_web.js"), "web/build.sh"],
    [CHROMIUM, "scripts/setup.sh (Debian chromium)"],
  ].filter(([path]) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(
      "e2e prerequisites missing (run e2e/run.sh, which builds them):\n" +
        missing.map(([path, how]) => `  ${path}  <- ${how}`).join("\n"),
    );
  }
}
