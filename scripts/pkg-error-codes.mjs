// The error codes each npm entry point can throw, read from the Rust sources:
// every `impl ErrorCode for T` in crate/src, its `fn code` match arms, and the
// `&'static str` functions it delegates to in the same file
// (`self.kind().as_str()`, `self.rule.code()`). Which entry point throws a
// type's codes follows from the file it is defined in (FILES below); a new
// `impl ErrorCode` in a file not listed there fails the build, so no code can
// be left out of the TypeScript unions silently. `allCodes` adds the codes the
// widget makes outside those impls (web/src `js_error`, js/*.js).
//
//   node scripts/pkg-error-codes.mjs               # prints the codes per entry point (and all) as JSON
//   import { errorCodes } from "./pkg-error-codes.mjs"; errorCodes("crate/src") -> { core: [...], ... }
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** Entry point of the errors defined in each source file (paths relative to crate/src). */
const FILES = [
  // wa-signup: phone numbers, ids, the js-core type check.
  [/^phone\//, "core"],
  [/^ids\.rs$/, "core"],
  [/^js\/error\.rs$/, "core"],
  // Wrapped by IdError (INVALID_KSUID) before it reaches JavaScript.
  [/^ksuid\.rs$/, null],
  [/^api\//, "api"],
  [/^flow\//, "flow"],
];

/** Every code any entry point throws before its wasm is initialised (js/error.js). */
export const NOT_INITIALIZED = "NOT_INITIALIZED";

/** The entry points: key, npm specifier, out-name (as in scripts/build-pkg.sh). */
export const ENTRIES = [
  { key: "core", specifier: "wa-signup", name: "wa_signup" },
  { key: "api", specifier: "wa-signup/api", name: "wa_signup_api" },
  { key: "flow", specifier: "wa-signup/flow", name: "wa_signup_flow" },
];

function rustFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "tests" ? [] : rustFiles(path);
    return e.name.endsWith(".rs") ? [path] : [];
  });
}

/** The `{ … }` body starting at the first `{` at or after `from`. */
function body(text, from) {
  const open = text.indexOf("{", from);
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    if (text[i] === "}" && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error("unbalanced braces");
}

const CODE = /"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)"/g;
const literals = (text) => [...text.matchAll(CODE)].map((m) => m[1]);

/** Codes of every `impl ErrorCode for T` in one file's text; throws when one yields none. */
export function codesInFile(text, where = "<text>") {
  const out = [];
  const impls = [...text.matchAll(/impl\s+(?:[\w:]+::)?ErrorCode\s+for\s+(\w+)/g)];
  // Where each impl's body is: a delegated call resolves only to functions outside all of them
  // (`err.code()` on another error type is that type's own impl, collected on its own).
  const ranges = impls.map((impl) => {
    const open = text.indexOf("{", impl.index);
    return [impl.index, open + body(text, impl.index).length + 1];
  });
  const insideImpl = (i) => ranges.some(([from, to]) => i >= from && i <= to);
  for (const impl of impls) {
    const implBody = body(text, impl.index);
    const fn = /fn\s+code\s*\(\s*&self\s*\)\s*->\s*&'static\s+str/.exec(implBody);
    if (!fn) throw new Error(`${where}: impl ErrorCode for ${impl[1]} has no fn code`);
    const codeBody = body(implBody, fn.index);
    const codes = literals(codeBody);
    let delegates = false;
    // Calls like `.as_str()` or `.code()`: the same file's `&'static str` functions of that name.
    for (const [, method] of codeBody.matchAll(/\.(\w+)\(\)/g)) {
      const defs = [...text.matchAll(new RegExp(`fn\\s+${method}\\s*\\(\\s*(?:self|&self)\\s*\\)\\s*->\\s*&'static\\s+str`, "g"))]
        .filter((m) => !insideImpl(m.index));
      for (const def of defs) codes.push(...literals(body(text, def.index)));
      // `err.code()` on another error type: that type's impl is collected on its own.
      delegates ||= method === "code" || defs.length > 0;
    }
    if (codes.length === 0 && !delegates) {
      throw new Error(`${where}: no codes found for impl ErrorCode for ${impl[1]} (teach scripts/pkg-error-codes.mjs its shape)`);
    }
    out.push({ type: impl[1], codes });
  }
  return out;
}

/** `{ core, api, flow }`: the sorted codes each entry point can throw (NOT_INITIALIZED included). */
export function errorCodes(srcDir) {
  const sets = Object.fromEntries(ENTRIES.map((e) => [e.key, new Set([NOT_INITIALIZED])]));
  for (const file of rustFiles(srcDir)) {
    const rel = relative(srcDir, file).split("\\").join("/");
    const found = codesInFile(readFileSync(file, "utf8"), rel);
    if (found.length === 0) continue;
    const rule = FILES.find(([re]) => re.test(rel));
    if (!rule) {
      throw new Error(`${rel}: impl ErrorCode for ${found.map((f) => f.type).join(", ")} in a file `
        + "no entry point is assigned to: add it to FILES in scripts/pkg-error-codes.mjs");
    }
    if (rule[1] === null) continue;
    for (const { codes } of found) for (const c of codes) sets[rule[1]].add(c);
  }
  return Object.fromEntries(Object.entries(sets).map(([k, s]) => [k, [...s].sort()]));
}

/**
 * Codes of the errors made outside the core crate's `ErrorCode` impls: the
 * widget's `js_error("CODE", …)` (web/src) and `new WaSignupError("CODE", …)`
 * in the package's hand-written modules (js/*.js), sorted.
 */
export function jsSideCodes(root) {
  const found = new Set();
  const scan = (file) => {
    for (const m of readFileSync(file, "utf8").matchAll(/\b(?:js_error|new WaSignupError)\(\s*"([A-Z][A-Z0-9_]*)"/g)) {
      found.add(m[1]);
    }
  };
  const web = join(root, "web/src");
  if (existsSync(web)) rustFiles(web).forEach(scan);
  const js = join(root, "js");
  for (const f of readdirSync(js)) if (f.endsWith(".js")) scan(join(js, f));
  return [...found].sort();
}

/** Every code any entry point of the package can throw (the widget's included), sorted. */
export function allCodes(root) {
  const perEntry = errorCodes(join(root, "crate/src"));
  return [...new Set([...Object.values(perEntry).flat(), ...jsSideCodes(root)])].sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  console.log(JSON.stringify({ ...errorCodes(join(root, "crate/src")), all: allCodes(root) }, null, 2));
}
