// The package as users get it: `npm pack pkg/` into a temporary directory,
// then the tarball's files unpacked as consumers/node_modules/wa-signup/
// (what `npm install <tgz>` does for a package without dependencies, minus
// the rest of npm's work), fresh on every run.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CONSUMERS, PKG_DIR } from "./paths.mjs";

/** Where the fixtures resolve `wa-signup` from. */
export const INSTALLED = join(CONSUMERS, "node_modules", "wa-signup");

/**
 * Packs pkg/ and unpacks it into INSTALLED (replacing what was there).
 * Returns { tarball, files } (files: the paths in the tarball, sorted).
 */
export function installTarball() {
  if (!existsSync(join(PKG_DIR, "package.json"))) {
    throw new Error(`${PKG_DIR}package.json is missing: build the package first (scripts/build-pkg.sh)`);
  }
  const dir = mkdtempSync(join(tmpdir(), "wa-signup-pack-"));
  try {
    const out = execFileSync("npm", ["pack", PKG_DIR, "--pack-destination", dir, "--json", "--loglevel=error"], {
      encoding: "utf8",
    });
    const [{ filename, files }] = JSON.parse(out);
    rmSync(INSTALLED, { recursive: true, force: true });
    mkdirSync(INSTALLED, { recursive: true });
    // npm's tarballs hold everything under package/.
    execFileSync("tar", ["-xzf", join(dir, filename), "-C", INSTALLED, "--strip-components=1"]);
    return { tarball: filename, files: files.map((f) => f.path).sort() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The files now in INSTALLED, relative, sorted (to compare with the tarball's list). */
export function installedFiles(dir = INSTALLED, prefix = "") {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? installedFiles(join(dir, e.name), `${prefix}${e.name}/`) : [prefix + e.name]))
    .sort();
}
