// Completes pkg/ after scripts/build-pkg.sh has built (and patched, see
// scripts/pkg-glue.mjs) each wasm module's browser glue:
//
// - js/*.js and js/*.d.ts (hand-written package sources: the shared
//   WaSignupError in error.js, the widget entry widget.js, …) copied as they are;
// - per entry point: the error-code union in its .d.ts (scripts/pkg-error-codes.mjs),
//   a Node ESM entry NAME.node.js that initialises the module from its .wasm
//   bytes at import, and a CommonJS build NAME.cjs (esbuild) with NAME.d.cts;
// - the widget's files from web/pkg/ (web/build.sh);
// - README.md (js/README.md), LICENSE-MIT, LICENSE-APACHE;
// - package.json: metadata, `files`, `exports` (conditions node/import/require,
//   types, default), `typesVersions` for TypeScript's node10 resolution, `sideEffects`.
//
//   node scripts/pkg-assemble.mjs pkg "js-core wa_signup ." "js-api wa_signup_api ./api" …
//
// Each module argument is "feature out-name subpath" (as in scripts/build-pkg.sh).
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { build } from "esbuild";

import { ENTRIES, errorCodes } from "./pkg-error-codes.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const [dir, ...moduleArgs] = process.argv.slice(2);
if (!dir || moduleArgs.length === 0) {
  console.error("usage: node scripts/pkg-assemble.mjs DIR 'feature name subpath'...");
  process.exit(2);
}
const out = (f) => join(dir, f);
const read = (f) => readFileSync(f, "utf8");

const modules = moduleArgs.map((arg) => {
  const [, name, subpath] = arg.split(/\s+/);
  const entry = ENTRIES.find((e) => e.name === name);
  if (!name || !subpath || !entry) {
    console.error(`bad module argument ${JSON.stringify(arg)}`);
    process.exit(2);
  }
  return { name, subpath, ...entry };
});

const files = new Set(["README.md", "LICENSE-MIT", "LICENSE-APACHE"]);
const exports = {};
const sideEffects = [];

// ------------------------------------------------------ hand-written sources
const jsDir = join(ROOT, "js");
for (const f of readdirSync(jsDir).sort()) {
  if (!f.endsWith(".js") && !f.endsWith(".d.ts")) continue;
  copyFileSync(join(jsDir, f), out(f));
  files.add(f);
}
copyFileSync(join(jsDir, "README.md"), out("README.md"));
for (const f of ["LICENSE-MIT", "LICENSE-APACHE"]) copyFileSync(join(ROOT, f), out(f));

// Relative `.js` specifiers of a .d.ts, pointed at the CommonJS twins.
const toCts = (dts) => dts.replace(/(from\s+["']\.\/[\w.-]+)\.js(["'])/g, "$1.cjs$2");

// error.js for CommonJS: one copy shared by every .cjs entry (external below).
await build({
  entryPoints: [out("error.js")], outfile: out("error.cjs"), format: "cjs", platform: "node",
  target: "node20", logLevel: "warning",
});
writeFileSync(out("error.d.cts"), toCts(read(out("error.d.ts"))));
files.add("error.cjs").add("error.d.cts");

// ------------------------------------------------------------ entry points
const codes = errorCodes(join(ROOT, "crate/src"));
for (const m of modules) {
  const { name, subpath, specifier } = m;
  // The error types, typed with this entry point's codes.
  const union = codes[m.key].map((c) => `  | ${JSON.stringify(c)}`).join("\n");
  const dts = `${read(out(`${name}.d.ts`)).trimEnd()}

import type { WaSignupError as WaSignupErrorOf, WaSignupErrorConstructor } from "./error.js";
/**
 * Every \`code\` a \`WaSignupError\` from "${specifier}" can carry (generated from the
 * Rust \`ErrorCode\` impls by scripts/pkg-error-codes.mjs).
 */
export type WaSignupErrorCode =
${union};
/** The error "${specifier}" throws: an \`Error\` named "WaSignupError" with a stable \`code\`. */
export type WaSignupError = WaSignupErrorOf<WaSignupErrorCode>;
/** \`err instanceof WaSignupError\` holds for every error wa-signup throws (from any entry point). */
export declare const WaSignupError: WaSignupErrorConstructor<WaSignupErrorCode>;
`;
  writeFileSync(out(`${name}.d.ts`), dts);
  writeFileSync(out(`${name}.d.cts`), toCts(dts));

  // Node ESM: initialised from the bytes next to it, at import.
  writeFileSync(out(`${name}.node.js`), `// "${specifier}" for Node (the package's "node" export condition): the wasm module
// is initialised synchronously from ${name}_bg.wasm at import, so no init() call is needed.
import { readFileSync } from "node:fs";
import { initSync } from "./${name}.js";

initSync({ module: readFileSync(new URL("./${name}_bg.wasm", import.meta.url)) });

export * from "./${name}.js";
export { default } from "./${name}.js";
`);

  // CommonJS: the same, bundled with the glue; error.js stays one shared error.cjs.
  await build({
    entryPoints: [out(`${name}.node.js`)], outfile: out(`${name}.cjs`), bundle: true,
    format: "cjs", platform: "node", target: "node20", logLevel: "warning",
    minifyWhitespace: true, minifySyntax: true,
    define: { "import.meta.url": "__waModuleUrl" },
    banner: { js: 'const __waModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
    plugins: [{
      name: "shared-error-cjs",
      setup(build) {
        build.onResolve({ filter: /^\.\/error\.js$/ }, () => ({ path: "./error.cjs", external: true }));
      },
    }],
  });

  for (const f of [`${name}.js`, `${name}.d.ts`, `${name}.node.js`, `${name}.cjs`, `${name}.d.cts`, `${name}_bg.wasm`]) {
    files.add(f);
  }
  exports[subpath] = {
    node: {
      import: { types: `./${name}.d.ts`, default: `./${name}.node.js` },
      require: { types: `./${name}.d.cts`, default: `./${name}.cjs` },
    },
    types: `./${name}.d.ts`,
    default: `./${name}.js`,
  };
  sideEffects.push(`./${name}.node.js`, `./${name}.cjs`);
}

// ------------------------------------------------------------------ widget
const WEB = join(ROOT, "web/pkg");
for (const f of ["wa_signup_web.js", "wa_signup_web.d.ts", "wa_signup_web_bg.wasm", "wa-signup.css"]) {
  if (!existsSync(join(WEB, f))) {
    console.error(`[pkg-assemble] ${join(WEB, f)} is missing: run web/build.sh`);
    process.exit(1);
  }
  copyFileSync(join(WEB, f), out(f));
  files.add(f);
}
// B2's entry (js/widget.js, js/widget.d.ts): mapped even before it exists.
exports["./widget"] = { types: "./widget.d.ts", default: "./widget.js" };
exports["./wa-signup.css"] = "./wa-signup.css";
for (const f of [...files].filter((f) => /^(widget|element)\.js$/.test(f))) sideEffects.push(`./${f}`);
if (!existsSync(out("widget.js"))) console.warn("[pkg-assemble] note: no js/widget.js yet (./widget is mapped to it)");

for (const { name } of modules) exports[`./${name}_bg.wasm`] = `./${name}_bg.wasm`;
exports["./package.json"] = "./package.json";

// TypeScript's node10 resolution reads no `exports`: map the subpaths' types here.
const typesVersions = { "*": {} };
for (const { name, subpath } of modules) {
  if (subpath !== ".") typesVersions["*"][subpath.slice(2)] = [`./${name}.d.cts`];
}
typesVersions["*"].widget = ["./widget.d.ts"];

// ------------------------------------------------------------ package.json
const generated = JSON.parse(read(out("package.json"))); // wasm-pack's, from crate/Cargo.toml
const main = modules.find((m) => m.subpath === ".");
const pkg = {
  name: "wa-signup",
  version: generated.version,
  description: generated.description,
  license: generated.license,
  keywords: ["whatsapp", "whatsapp-business", "embedded-signup", "meta", "facebook-login",
    "e164", "phone-number", "validation", "webassembly", "wasm", "custom-element"],
  type: "module",
  engines: { node: ">=20" },
  main: `./${main.name}.cjs`,
  module: `./${main.name}.js`,
  types: `./${main.name}.d.cts`,
  exports,
  typesVersions,
  sideEffects: sideEffects.sort(),
  files: [...files].sort(),
};
writeFileSync(out("package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
console.log(`[pkg-assemble] ${out("package.json")}: ${Object.keys(exports).filter((k) => !/\.(wasm|json|css)$/.test(k)).join(", ")}`);
