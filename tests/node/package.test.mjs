// The shape of the npm package in pkg/: package.json, the files npm would
// publish, a .d.ts that declares every export with real types, and errors that
// are `Error`s with a stable `code`, a human `message` and `name`.
//
//   scripts/build-pkg.sh && node --test tests/node/
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";

import * as wa from "./load-pkg.mjs";
import { PKG_DIR } from "./load-pkg.mjs";

const pkgJson = JSON.parse(readFileSync(join(PKG_DIR, "package.json"), "utf8"));
const dts = readFileSync(join(PKG_DIR, "wa_signup.d.ts"), "utf8");

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
function assertFields(typeName, fields) {
  const body = typeBody(dts, typeName);
  assert.ok(body !== undefined, `.d.ts declares no interface/type ${typeName}`);
  for (const field of fields) {
    assert.match(body, new RegExp(`\\b${field}\\??\\s*:`), `${typeName} lacks field ${field}`);
  }
  return body;
}

const fns = declaredFunctions(dts);

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
    assert.equal(pkgJson.type, "module", "an ES module package (--target web)");
    for (const key of ["main", "types"]) {
      assert.ok(pkgJson[key], `package.json has ${key}`);
      assert.ok(existsSync(join(PKG_DIR, pkgJson[key])), `${key} -> ${pkgJson[key]} exists`);
    }
    assert.match(pkgJson.types, /\.d\.ts$/);
    assert.match(pkgJson.version, /^\d+\.\d+\.\d+/);
    assert.ok(pkgJson.license, "license is set");
  });

  test("npm would publish the wasm, the JS glue and the .d.ts", () => {
    const [packed] = JSON.parse(
      execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts", PKG_DIR], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }),
    );
    const files = packed.files.map((f) => f.path).sort();
    for (const f of ["package.json", "wa_signup.js", "wa_signup.d.ts", "wa_signup_bg.wasm"]) {
      assert.ok(files.includes(f), `published files ${JSON.stringify(files)} include ${f}`);
    }
  });
});

// ---------------------------------------------------------------------- .d.ts

describe(".d.ts", () => {
  test("declares initSync and the default init", () => {
    assert.ok(fns.has("initSync"), "export function initSync");
    assert.match(dts, /export default function \w+/);
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
    const offenders = [...fns].filter(([, d]) => /\bany\b/.test(`${d.params} ${d.returns}`))
      .map(([n, d]) => `${n}(${d.params}): ${d.returns}`);
    assert.deepEqual(offenders, [], "functions typed with any");
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

  test("declares the EmbeddedSignup class", () => {
    assert.match(dts, /export class EmbeddedSignup\b/);
  });

  test("every declared function exists at runtime, and vice versa", () => {
    for (const name of fns.keys()) {
      assert.equal(typeof wa[name], "function", `${name} is exported by the JS module`);
    }
    const runtime = Object.keys(wa).filter((k) => typeof wa[k] === "function" && k !== "default"
      && !/^[A-Z]/.test(k) && k !== "PKG_DIR");
    const undeclared = runtime.filter((k) => !fns.has(k));
    assert.deepEqual(undeclared, [], "exported functions missing from the .d.ts");
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
