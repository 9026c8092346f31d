// Compiles tests/types/consumer.ts against the packed package, as a consumer
// project does: the tarball's files in node_modules/wa-signup of a fresh
// directory, TypeScript from the repo's devDependencies (--strict,
// skipLibCheck: false; see tsconfig.json).
//
//   node tests/types/check.mjs [wa-signup-x.y.z.tgz]   # default: npm pack pkg/ first
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const HERE = fileURLToPath(new URL(".", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "wa-signup-types-"));
try {
  let tarball = process.argv[2];
  if (!tarball) {
    const out = execFileSync("npm", ["pack", "--silent", "--pack-destination", work, join(ROOT, "pkg")],
      { encoding: "utf8" });
    tarball = join(work, out.trim().split("\n").pop());
  }
  const dest = join(work, "node_modules", "wa-signup");
  mkdirSync(dest, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", dest, "--strip-components=1"]);
  for (const f of ["tsconfig.json", "consumer.ts"]) copyFileSync(join(HERE, f), join(work, f));
  const tsc = join(ROOT, "node_modules", ".bin", "tsc");
  console.log(`[types] ${execFileSync(tsc, ["--version"], { encoding: "utf8" }).trim()}: tsc -p tests/types (strict, skipLibCheck false)`);
  try {
    execFileSync(tsc, ["-p", work], { stdio: "inherit" });
  } catch {
    console.error("[types] FAILED: the package's types do not compile as a consumer's (above)");
    process.exitCode = 1;
  }
  if (!process.exitCode) console.log("[types] ok");
} finally {
  rmSync(work, { recursive: true, force: true });
}
