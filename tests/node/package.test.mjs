// The shape of the npm package in pkg/: package.json with its three entry
// points (`wa-signup`, `wa-signup/api`, `wa-signup/flow`, each a wasm module),
// the files npm would publish, a .d.ts per module that declares every export
// with real types, and errors that are `Error`s with a stable `code`, a human
// `message` and `name`.
//
//   scripts/build-pkg.sh && node --test tests/node/
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";

import * as wa from "./load-pkg.mjs";
import { MODULES, PKG_DIR, dtsOf } from "./load-pkg.mjs";

const pkgJson = JSON.parse(readFileSync(join(PKG_DIR, "package.json"), "utf8"));
const dts = dtsOf("wa_signup");

// ------------------------------------------------------------ .d.ts helpers

/** `export function name(params): ret;` declarations, by name. */
function declaredFunctions(text) {
  const out = new Map();
  const re = /export function (\w+)\s*\(([^)]*)\)\s*:\s*([^;{]+);/g;
  for (const [, name, params, ret] of text.matchAll(re)) {
    out.set(name, { params: params.trim(), returns: ret.trim() });
  }
  return out;
}

/** The `{ ... }` body of `interface Name` or `type Name = {`, or undefined. */
function typeBody(text, name) {
  const re = new RegExp(`(?:interface\\s+${name}\\b[^{]*|type\\s+${name}\\s*=\\s*)\\{`);
  const m = re.exec(text);
  if (!m) return undefined;
  let depth = 0;
  for (let i = m.index + m[0].length - 1; i < text.length; i++) {
    if (text[i] === "{") depth++;
    if (text[i] === "}" && --depth === 0) return text.slice(m.index + m[0].length, i);
  }
  return undefined;
}

/** The named types mentioned in a type expression (`Foo | undefined` -> [Foo]). */
function namedTypes(expr) {
  const builtins = new Set(["undefined", "null", "boolean", "string", "number", "bigint",
    "Uint8Array", "Promise", "Array", "Record", "void"]);
  return [...expr.matchAll(/\b[A-Z]\w*\b/g)].map((m) => m[0]).filter((n) => !builtins.has(n));
}

/** Asserts `typeName` is declared with each of `fields` (optional or not). */
function assertFields(typeName, fields, text = dts) {
  const body = typeBody(text, typeName);
  assert.ok(body !== undefined, `.d.ts declares no interface/type ${typeName}`);
  for (const field of fields) {
    assert.match(body, new RegExp(`\\b${field}\\??\\s*:`), `${typeName} lacks field ${field}`);
  }
  return body;
}

const fns = declaredFunctions(dts);

// What each entry point must export, and what it must leave to the others
// (the split is what keeps each download small).
const OWNS = {
  ".": { has: ["parsePhoneNumber", "parseId", "isSecretKey", "parseSessionEvent"],
    lacks: ["buildCallbackRequest", "parseBusinessProfile", "EmbeddedSignup"] },
  "./api": { has: ["buildCallbackRequest", "buildRegisterPhoneNumberRequest", "parseBusinessProfile",
    "parseGraphError"], lacks: ["parsePhoneNumber", "parseSessionEvent", "EmbeddedSignup"] },
  "./flow": { has: ["EmbeddedSignup"],
    lacks: ["parsePhoneNumber", "parseSessionEvent", "buildCallbackRequest"] },
};

// The functions the team contract names, with the return type each must declare:
// a string is an exact type, a list names the fields of the returned object type.
const CONTRACT = {
  parsePhoneNumber: ["e164", "callingCode", "nationalNumber", "regions"],
  isE164: "boolean",
  toMetaPhoneParams: ["cc", "phone_number"],
  isE164Batch: "Uint8Array",
  parseId: ["kind", "test", "ksuid", "timestamp"],
  isPhoneNumberId: "boolean",
  isBusinessProfileId: "boolean",
  isAppId: "boolean",
  isMetaId: "boolean",
  isSecretKey: "boolean",
  parseSessionEvent: ["event", "version", "wabaId", "phoneNumberId", "businessId",
    "isCoexistence", "currentStep", "errorMessage", "errorCode", "sessionId", "timestamp",
    "wabaIds"],
};

// --------------------------------------------------------------- package.json

describe("package.json", () => {
  test("names the package and points at files that exist", () => {
    assert.equal(pkgJson.name, "wa-signup");
    assert.equal(pkgJson.type, "module", "an ES module package (.cjs files are CommonJS)");
    for (const key of ["main", "module", "types"]) {
      assert.ok(pkgJson[key], `package.json has ${key}`);
      assert.ok(existsSync(join(PKG_DIR, pkgJson[key])), `${key} -> ${pkgJson[key]} exists`);
    }
    assert.match(pkgJson.types, /\.d\.c?ts$/);
    assert.match(pkgJson.version, /^\d+\.\d+\.\d+/);
    assert.ok(pkgJson.license, "license is set");
  });

  test("exports maps each entry point to its browser glue, Node builds and types", () => {
    for (const { subpath, name } of MODULES) {
      assert.deepEqual(pkgJson.exports[subpath], {
        node: {
          import: { types: `./${name}.node.d.ts`, default: `./${name}.node.js` },
          require: { types: `./${name}.d.cts`, default: `./${name}.cjs` },
        },
        types: `./${name}.d.ts`,
        default: `./${name}.js`,
      }, `exports["${subpath}"]`);
      assert.equal(pkgJson.exports[`./${name}_bg.wasm`], `./${name}_bg.wasm`);
      for (const f of [`${name}.js`, `${name}.d.ts`, `${name}.node.js`, `${name}.node.d.ts`,
        `${name}.cjs`, `${name}.d.cts`, `${name}_bg.wasm`]) {
        assert.ok(existsSync(join(PKG_DIR, f)), `${f} exists`);
      }
    }
    assert.equal(pkgJson.exports["."].node.require.default, pkgJson.main, "main is the CommonJS \".\" entry");
    assert.equal(pkgJson.exports["."].default, pkgJson.module, "module is the browser \".\" entry");
  });

  test("npm would publish every module's wasm, JS glue and .d.ts", () => {
    const [packed] = JSON.parse(
      execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts", PKG_DIR], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }),
    );
    const files = packed.files.map((f) => f.path).sort();
    const want = ["package.json"];
    for (const { name } of MODULES) want.push(`${name}.js`, `${name}.d.ts`, `${name}_bg.wasm`);
    for (const f of want) {
      assert.ok(files.includes(f), `published files ${JSON.stringify(files)} include ${f}`);
    }
  });

  test("a Node app imports wa-signup, wa-signup/api and wa-signup/flow with no init call", () => {
    // The package installed as a dependency (a symlink, as `npm link` makes),
    // imported by bare specifiers from a script in another directory.
    const app = mkdtempSync(join(tmpdir(), "wa-signup-app-"));
    try {
      mkdirSync(join(app, "node_modules"));
      symlinkSync(PKG_DIR, join(app, "node_modules", "wa-signup"), "dir");
      const script = `
        import * as core from "wa-signup";
        import * as api from "wa-signup/api";
        import * as flow from "wa-signup/flow";
        let code;
        try { new flow.EmbeddedSignup({}); } catch (e) { code = e.code; }
        console.log(JSON.stringify([
          core.parsePhoneNumber("+44 20 7946 0958").e164,
          api.buildCallbackRequest({ code: "AQB" }).code,
          code,
        ]));`;
      const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
        cwd: app,
        encoding: "utf8",
      });
      assert.deepEqual(JSON.parse(out), ["+442079460958", "AQB", "INVALID_APP_ID"]);
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------- .d.ts

describe(".d.ts", () => {
  test("every module declares initSync and the default init", () => {
    for (const { name, dts: text } of MODULES) {
      assert.ok(declaredFunctions(text).has("initSync"), `${name}: export function initSync`);
      assert.match(text, /export default function \w+/, name);
    }
  });

  test("each entry point exports its own concern and none of the others'", () => {
    for (const { subpath, module } of MODULES) {
      for (const name of OWNS[subpath].has) {
        assert.equal(typeof module[name], "function", `${subpath} exports ${name}`);
      }
      for (const name of OWNS[subpath].lacks) {
        assert.equal(module[name], undefined, `${subpath} does not export ${name}`);
      }
    }
  });

  test("declares every contract function, with the types it returns", () => {
    for (const [name, want] of Object.entries(CONTRACT)) {
      const decl = fns.get(name);
      assert.ok(decl, `.d.ts declares export function ${name}`);
      if (typeof want === "string") {
        assert.equal(decl.returns, want, `${name} returns ${want}`);
      } else {
        const [typeName] = namedTypes(decl.returns);
        assert.ok(typeName, `${name} returns a named object type, not ${decl.returns}`);
        assertFields(typeName, want);
      }
    }
    assert.match(fns.get("parseSessionEvent").returns, /\bundefined\b/,
      "parseSessionEvent may return undefined");
  });

  test("no exported function takes or returns `any`", () => {
    for (const { name, dts: text } of MODULES) {
      const offenders = [...declaredFunctions(text)]
        .filter(([, d]) => /\bany\b/.test(`${d.params} ${d.returns}`))
        .map(([n, d]) => `${n}(${d.params}): ${d.returns}`);
      assert.deepEqual(offenders, [], `${name}: functions typed with any`);
    }
  });

  test("parseId's kind is the union of the three id kinds", () => {
    const [typeName] = namedTypes(fns.get("parseId").returns);
    const body = typeBody(dts, typeName);
    const kind = /\bkind\s*:\s*([^;\n]+)/.exec(body)?.[1] ?? "";
    // Either inline or through a named alias.
    const alias = namedTypes(kind)[0];
    const union = alias ? (new RegExp(`type\\s+${alias}\\s*=\\s*([^;]+);`).exec(dts)?.[1] ?? "") : kind;
    for (const k of ["phone_number", "business_profile", "app"]) {
      assert.ok(union.includes(`"${k}"`), `kind type ${JSON.stringify(union)} includes "${k}"`);
    }
  });

  test("wa-signup/flow declares the EmbeddedSignup class", () => {
    assert.match(dtsOf("wa_signup_flow"), /export class EmbeddedSignup\b/);
  });

  test("every declared function exists at runtime, and vice versa", () => {
    for (const { name, module, dts: text } of MODULES) {
      const declared = declaredFunctions(text);
      for (const fn of declared.keys()) {
        assert.equal(typeof module[fn], "function", `${fn} is exported by ${name}.js`);
      }
      const runtime = Object.keys(module).filter((k) => typeof module[k] === "function"
        && k !== "default" && !/^[A-Z]/.test(k));
      const undeclared = runtime.filter((k) => !declared.has(k));
      assert.deepEqual(undeclared, [], `${name}: exported functions missing from the .d.ts`);
    }
  });
});

// --------------------------------------------------------------------- errors

// Calls that must throw, with the code they must carry.
const THROWS = [
  ["parsePhoneNumber", [""], "EMPTY"],
  ["parsePhoneNumber", ["+1 415 55? 2671"], "INVALID_CHARACTER"],
  ["parsePhoneNumber", ["415 555 2671"], "MISSING_PLUS"],
  ["parsePhoneNumber", ["+999 1234 5678"], "UNKNOWN_CALLING_CODE"],
  ["parsePhoneNumber", ["+1 415"], "TOO_SHORT"],
  ["parsePhoneNumber", ["+1 415 555 2671 1234 5678"], "TOO_LONG"],
  ["toMetaPhoneParams", [""], "EMPTY"],
  ["parseId", ["nope_2DbBs7GWhGvVNJGrDXr5RG0mBWI"], "UNKNOWN_PREFIX"],
  ["parseId", ["wapn_2DbBs7GWhGvVNJGrDXr5RG0mBW!"], "INVALID_KSUID"],
];

describe("errors", () => {
  for (const [fn, args, code] of THROWS) {
    test(`${fn}(${args.map((a) => JSON.stringify(a)).join(", ")}) throws ${code}`, () => {
      let thrown;
      try {
        wa[fn](...args);
      } catch (err) {
        thrown = err;
      }
      assert.ok(thrown !== undefined, "it throws");
      assert.ok(thrown instanceof Error, "an Error instance (has a stack)");
      assert.equal(thrown.name, "WaSignupError");
      assert.equal(thrown.code, code);
      assert.equal(typeof thrown.message, "string");
      assert.ok(thrown.message.length > 0 && thrown.message !== code, "a human message");
      assert.match(String(thrown), /^WaSignupError: /, "toString shows name and message");
    });
  }

  test("INVALID_CHARACTER says where", () => {
    try {
      wa.parsePhoneNumber("+1 415 55? 2671");
      assert.fail("did not throw");
    } catch (err) {
      assert.equal(err.code, "INVALID_CHARACTER");
      assert.equal(err.position, 9, "0-based index (in chars) of the ?");
    }
  });
});

// ------------------------------------------------------------- smoke of values

describe("values cross the boundary", () => {
  test("booleans and the batch", () => {
    assert.equal(wa.isE164("+14155552671"), true);
    assert.equal(wa.isE164("+1 415 555 2671"), false);
    const batch = wa.isE164Batch("+14155552671\nnope\n+442079460958");
    assert.ok(batch instanceof Uint8Array);
    assert.deepEqual([...batch], [1, 0, 1]);
  });

  test("plain objects with camelCase fields", () => {
    const n = wa.parsePhoneNumber("+44 20 7946 0958");
    assert.deepEqual(
      { e164: n.e164, callingCode: n.callingCode, nationalNumber: n.nationalNumber },
      { e164: "+442079460958", callingCode: 44, nationalNumber: "2079460958" },
    );
    assert.ok(Array.isArray(n.regions) && n.regions.includes("GB"));
    assert.equal(Object.getPrototypeOf(n), Object.prototype, "a plain object");
  });

  test("session events: only the exact Facebook origins", () => {
    const data = JSON.stringify({
      type: "WA_EMBEDDED_SIGNUP", event: "FINISH", version: 3,
      data: { phone_number_id: "106540352242922", waba_id: "524126980791429" },
    });
    const ev = wa.parseSessionEvent("https://www.facebook.com", data);
    assert.equal(ev?.event, "FINISH");
    assert.equal(ev.wabaId, "524126980791429");
    assert.equal(ev.businessId, undefined, "absent fields are undefined");
    for (const origin of ["https://evilfacebook.com", "https://www.facebook.com.evil.test",
      "http://www.facebook.com", "https://www.facebook.com:8443"]) {
      assert.equal(wa.parseSessionEvent(origin, data), undefined, origin);
    }
  });
});
