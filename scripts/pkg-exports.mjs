// Completes pkg/package.json (written by wasm-pack for the main module) for a
// package of several wasm modules: `files` lists every module's JS glue, .d.ts
// and .wasm, and `exports` maps each subpath to its module.
//
//   node scripts/pkg-exports.mjs pkg "js-core wa_signup ." "js-api wa_signup_api ./api" …
//
// Each module argument is "feature out-name subpath" (as in scripts/build-pkg.sh).
// The .wasm files are exported too, so Node callers can find the bytes for
// `initSync` with `import.meta.resolve("wa-signup/wa_signup_bg.wasm")`.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir, ...modules] = process.argv.slice(2);
if (!dir || modules.length === 0) {
  console.error("usage: node scripts/pkg-exports.mjs DIR 'feature name subpath'...");
  process.exit(2);
}

const file = join(dir, "package.json");
const pkg = JSON.parse(readFileSync(file, "utf8"));
const files = [];
const exports = {};
for (const module of modules) {
  const [, name, subpath] = module.split(/\s+/);
  if (!name || !subpath) {
    console.error(`bad module argument ${JSON.stringify(module)}`);
    process.exit(2);
  }
  files.push(`${name}_bg.wasm`, `${name}.js`, `${name}.d.ts`);
  exports[subpath] = { types: `./${name}.d.ts`, default: `./${name}.js` };
  exports[`./${name}_bg.wasm`] = `./${name}_bg.wasm`;
}
exports["./package.json"] = "./package.json";

pkg.files = files;
pkg.exports = exports;
writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
console.log(`[pkg-exports] ${file}: ${Object.keys(exports).filter((k) => !k.endsWith(".wasm") && !k.endsWith(".json")).join(", ")}`);
