// Completes pkg/ after scripts/build-pkg.sh has built (and patched, see
// scripts/pkg-glue.mjs) each wasm module's browser glue:
//
// - js/*.js and js/*.d.ts (hand-written package sources: the shared
//   WaSignupError in error.js, the widget entry widget.js, …) copied as they are;
// - per entry point: its .d.ts adjusted (scripts/pkg-dts.mjs: no Symbol.dispose,
//   no `any` in InitOutput, the error-code union from scripts/pkg-error-codes.mjs;
//   the flow's also declares preloadSdk),
//   a Node ESM entry NAME.node.js that initialises the module from its .wasm
//   bytes at import, and a CommonJS build NAME.cjs (esbuild) with NAME.d.cts;
// - the widget's files from web/pkg/ (web/build.sh), its .d.ts without Symbol.dispose;
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

import { allCodesSection, dropDispose, errorSection, narrowInitOutput, nodeTypes, preloadSdkSection, toCts } from "./pkg-dts.mjs";
import { ENTRIES, allCodes, errorCodes } from "./pkg-error-codes.mjs";

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
// The modules ship readable (a NOT_INITIALIZED stack points at its `throw`) but
// without their comments (esbuild, not bundled, not minified: imports, names and
// lines of code as written): error.js 526 B gzipped instead of 1.1 kB, and what a
// widget page downloads (widget.js, widget-sdk.js) ~1.7 kB gz less.
for (const f of readdirSync(jsDir).sort()) {
  if (!f.endsWith(".js")) continue;
  await build({
    entryPoints: [join(jsDir, f)], outfile: out(f), format: "esm",
    legalComments: "none", logLevel: "warning", allowOverwrite: true,
  });
}
copyFileSync(join(jsDir, "README.md"), out("README.md"));
for (const f of ["LICENSE-MIT", "LICENSE-APACHE"]) copyFileSync(join(ROOT, f), out(f));


// error.js for CommonJS: one copy shared by every .cjs entry (external below).
await build({
  entryPoints: [out("error.js")], outfile: out("error.cjs"), format: "cjs", platform: "node",
  target: "node20", logLevel: "warning",
});
// Every code of the package, for `WaSignupError`'s default and `instanceof`.
const errorDts = `${read(out("error.d.ts")).trimEnd()}\n${allCodesSection(allCodes(ROOT))}`;
writeFileSync(out("error.d.ts"), errorDts);
writeFileSync(out("error.d.cts"), toCts(errorDts));
files.add("error.cjs").add("error.d.cts");

// ------------------------------------------------------------ entry points
const codes = errorCodes(join(ROOT, "crate/src"));
for (const m of modules) {
  const { name, subpath, specifier } = m;
  // The types: no Symbol.dispose, no `any` in InitOutput, the error codes.
  const fromWasmBindgen = read(out(`${name}.d.ts`));
  // wa-signup/flow also exports preloadSdk (scripts/pkg-glue.mjs).
  const extra = specifier === "wa-signup/flow" ? preloadSdkSection : "";
  const dts = `${narrowInitOutput(dropDispose(fromWasmBindgen), name).trimEnd()}\n${extra}${errorSection(specifier, codes[m.key])}`;
  writeFileSync(out(`${name}.d.ts`), dts);
  writeFileSync(out(`${name}.node.d.ts`), nodeTypes(dts, name, { commonjs: false }));
  writeFileSync(out(`${name}.d.cts`), nodeTypes(dts, name, { commonjs: true }));

  // Node ESM: initialised from the bytes next to it, at import.
  writeFileSync(out(`${name}.node.js`), `// "${specifier}" for Node (the package's "node" export condition): the wasm module
// is initialised synchronously from ${name}_bg.wasm at import, so no init() call is needed.
import { readFileSync } from "node:fs";
import { initSync } from "./${name}.js";

initSync({ module: readFileSync(new URL("./${name}_bg.wasm", import.meta.url)) });

export * from "./${name}.js";
export { default } from "./${name}.js";
`);

  // CommonJS: the same, bundled with the glue, minus the default export (no
  // init() to call once required); error.js stays one shared error.cjs.
  await build({
    stdin: {
      contents: `import { readFileSync } from "node:fs";
import { initSync } from "./${name}.js";
initSync({ module: readFileSync(new URL("./${name}_bg.wasm", import.meta.url)) });
export * from "./${name}.js";
`,
      resolveDir: dir, sourcefile: `${name}.cjs-entry.js`, loader: "js",
    },
    outfile: out(`${name}.cjs`), bundle: true,
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

  for (const f of [`${name}.js`, `${name}.d.ts`, `${name}.node.js`, `${name}.node.d.ts`, `${name}.cjs`, `${name}.d.cts`, `${name}_bg.wasm`]) {
    files.add(f);
  }
  exports[subpath] = {
    node: {
      import: { types: `./${name}.node.d.ts`, default: `./${name}.node.js` },
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
  if (f.endsWith(".d.ts")) writeFileSync(out(f), dropDispose(read(join(WEB, f))));
  else copyFileSync(join(WEB, f), out(f));
  files.add(f);
}
// The widget entry (js/widget.js, js/widget.d.ts): mapped even before it exists.
// Every other js/widget-NAME.js that has a widget-NAME.d.ts is the entry
// `./widget/NAME` (react, vue: the same module with JSX / template typings);
// one without typings (widget-sdk.js) is internal. All of them define
// <wa-signup-connect> on import: side effects.
const widgetEntries = [["./widget", "widget"]];
for (const f of [...files].sort()) {
  const m = /^widget-([\w]+)\.js$/.exec(f);
  if (m && files.has(`widget-${m[1]}.d.ts`)) widgetEntries.push([`./widget/${m[1]}`, `widget-${m[1]}`]);
}
for (const [subpath, stem] of widgetEntries) {
  exports[subpath] = { types: `./${stem}.d.ts`, default: `./${stem}.js` };
  sideEffects.push(`./${stem}.js`);
}
// The non-English message catalogues (web/build.sh), imported by widget.js
// with static specifiers when the page's language needs one; not exports.
for (const f of readdirSync(WEB).sort()) {
  if (!/^widget-locale-[\w-]+\.js$/.test(f)) continue;
  copyFileSync(join(WEB, f), out(f));
  files.add(f);
}
exports["./wa-signup.css"] = "./wa-signup.css";
exports["./wa_signup_web_bg.wasm"] = "./wa_signup_web_bg.wasm";
if (!existsSync(out("widget.js"))) console.warn("[pkg-assemble] note: no js/widget.js yet (./widget is mapped to it)");

// The .wasm files: for bundlers that do not follow `new URL(…, import.meta.url)`
// (esbuild: `import wasm from "wa-signup/wa_signup_bg.wasm"` with the file loader,
// then `init({ module_or_path: new URL(wasm, import.meta.url) })`).
for (const { name } of modules) exports[`./${name}_bg.wasm`] = `./${name}_bg.wasm`;
exports["./package.json"] = "./package.json";

// TypeScript's node10 resolution reads no `exports`: map the subpaths' types here.
const typesVersions = { "*": {} };
for (const { name, subpath } of modules) {
  if (subpath !== ".") typesVersions["*"][subpath.slice(2)] = [`./${name}.d.cts`];
}
for (const [subpath, stem] of widgetEntries) typesVersions["*"][subpath.slice(2)] = [`./${stem}.d.ts`];

// ------------------------------------------------------------ package.json
const generated = JSON.parse(read(out("package.json"))); // wasm-pack's, from crate/Cargo.toml
const main = modules.find((m) => m.subpath === ".");
const pkg = {
  name: "wa-signup",
  version: generated.version,
  // The npm package ships more than the crate (crate/Cargo.toml's description): the widget.
  description: "WhatsApp Business Embedded Signup for the browser: E.164 and ID validation, Meta session events, the signup flow, typed platform API models, and the Connect WhatsApp widget (mount() and <wa-signup-connect>) in eight languages.",
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
