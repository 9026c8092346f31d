// Where the consumer fixtures and their tools live.

import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** consumers/ (the fixtures' own npm project: package.json, package-lock.json). */
export const CONSUMERS = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The repository root. */
export const ROOT = resolve(CONSUMERS, "..");

/** The built npm package (scripts/build-pkg.sh); WA_SIGNUP_PKG_DIR packs another build. */
export const PKG_DIR = resolve(process.env.WA_SIGNUP_PKG_DIR || join(ROOT, "pkg")) + "/";

/** A fixture's directory. */
export const fixture = (name) => join(CONSUMERS, name);

/** A tool's command in consumers/node_modules/.bin (what `npx <name>` would run). */
export const bin = (name) => join(CONSUMERS, "node_modules", ".bin", name);
