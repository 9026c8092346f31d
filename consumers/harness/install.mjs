// The fixtures' shared install: `npm ci` in consumers/ only when
// node_modules does not match package-lock.json (the check scripts/setup.sh
// makes for the root), so a warm run installs nothing.
//
//   node consumers/harness/install.mjs

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CONSUMERS } from "./paths.mjs";

const read = (file) => JSON.parse(readFileSync(join(CONSUMERS, file), "utf8"));

/** Why node_modules does not match the lockfile, or null when it does. */
function staleReason() {
  const manifest = read("package.json");
  const lock = read("package-lock.json").packages;
  const root = lock[""] ?? {};
  for (const [name, range] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
    if ((root.devDependencies ?? {})[name] !== range && (root.dependencies ?? {})[name] !== range) {
      return `package.json's ${name}@${range} is not what package-lock.json records (npm ci will say so)`;
    }
  }
  if (!existsSync(join(CONSUMERS, "node_modules", ".package-lock.json"))) return "no node_modules";
  const have = read("node_modules/.package-lock.json").packages;
  for (const [key, want] of Object.entries(lock)) {
    // Platform packages (esbuild's, rolldown's, tsc's binaries) are optional: only this platform's is there.
    if (key === "" || want.optional) continue;
    const got = have[key];
    if (!got || got.version !== want.version || got.integrity !== want.integrity) return `${key} is not ${want.version}`;
    if (!existsSync(join(CONSUMERS, key, "package.json"))) return `${key} is missing`;
  }
  return null;
}

const reason = staleReason();
if (reason === null) {
  console.log("[consumers] ok: node_modules matches package-lock.json");
} else {
  console.log(`[consumers] npm ci (${reason})`);
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: CONSUMERS, stdio: "inherit" });
}
