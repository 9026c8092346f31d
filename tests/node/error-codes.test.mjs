// WaSignupError as a class and its codes in the types (issue 11, item 3):
// `instanceof` holds for errors made inside wasm and in JS; each entry point's
// .d.ts declares the union of the codes it can throw, generated from the Rust
// `ErrorCode` impls (scripts/pkg-error-codes.mjs), and the generator refuses
// an impl it cannot place, so no code is left out silently.
//
//   scripts/build-pkg.sh && node --test tests/node/
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, test } from "node:test";

import * as wa from "./load-pkg.mjs";
import { MODULES, PKG_DIR } from "./load-pkg.mjs";
import { allCodes, codesInFile, errorCodes } from "../../scripts/pkg-error-codes.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const KEY = { ".": "core", "./api": "api", "./flow": "flow" };

/** The string literals of `export type NAME = | "A" | "B";` in a .d.ts. */
function unionOf(dts, name) {
  const m = new RegExp(`export type ${name} =([^;]*);`).exec(dts);
  assert.ok(m, `declares ${name}`);
  return [...m[1].matchAll(/"([A-Z_0-9]+)"/g)].map((x) => x[1]).sort();
}

const caught = (f) => {
  try {
    f();
  } catch (err) {
    return err;
  }
  assert.fail("did not throw");
};

describe("WaSignupError", () => {
  test("every entry point exports the one class", () => {
    for (const { module } of MODULES) assert.equal(module.WaSignupError, wa.WaSignupError);
  });

  test("errors made inside wasm are instances; other errors are not", () => {
    const err = caught(() => wa.parsePhoneNumber("+1 415 55? 2671"));
    assert.ok(err instanceof wa.WaSignupError);
    assert.equal(err.code, "INVALID_CHARACTER");
    assert.ok(caught(() => new wa.EmbeddedSignup({})) instanceof wa.WaSignupError);
    assert.ok(caught(() => wa.buildCallbackRequest({})) instanceof wa.WaSignupError);
    for (const other of [new Error("x"), new TypeError("x"), { name: "WaSignupError" },
      Object.assign(new Error("x"), { code: "EMPTY" }), null, undefined, "WaSignupError"]) {
      assert.equal(other instanceof wa.WaSignupError, false, String(other));
    }
  });

  test("new WaSignupError(code, message, { cause }) is an Error named WaSignupError", () => {
    const cause = new Error("inner");
    const err = new wa.WaSignupError("INIT_FAILED", "could not load", { cause });
    assert.ok(err instanceof Error && err instanceof wa.WaSignupError);
    assert.deepEqual([err.name, err.code, err.message, err.cause], ["WaSignupError", "INIT_FAILED", "could not load", cause]);
    assert.match(String(err), /^WaSignupError: could not load$/);
  });

  test("a subclass keeps the ordinary instanceof", () => {
    class Mine extends wa.WaSignupError {}
    assert.ok(new Mine("X", "y") instanceof Mine);
    assert.equal(caught(() => wa.parsePhoneNumber("")) instanceof Mine, false);
  });
});

describe("error codes in the types", () => {
  const perEntry = errorCodes(join(ROOT, "crate/src"));

  test("each entry point's WaSignupErrorCode is exactly the codes its Rust errors have", () => {
    for (const { subpath, name, dts } of MODULES) {
      assert.deepEqual(unionOf(dts, "WaSignupErrorCode"), perEntry[KEY[subpath]], name);
      const cts = readFileSync(join(PKG_DIR, `${name}.d.cts`), "utf8");
      assert.deepEqual(unionOf(cts, "WaSignupErrorCode"), perEntry[KEY[subpath]], `${name}.d.cts`);
    }
    assert.deepEqual(unionOf(readFileSync(join(PKG_DIR, "error.d.ts"), "utf8"), "WaSignupErrorCode"), allCodes(ROOT));
  });

  test("every code the package's own tests see thrown is in its entry point's union", () => {
    const seen = {
      core: [caught(() => wa.parsePhoneNumber("")), caught(() => wa.parsePhoneNumber("+1 415")),
        caught(() => wa.parseId("nope_2DbBs7GWhGvVNJGrDXr5RG0mBWI")), caught(() => wa.isE164Batch(42))],
      api: [caught(() => wa.buildCallbackRequest({ code: "" })), caught(() => wa.buildCallbackRequest("{"))],
      flow: [caught(() => new wa.EmbeddedSignup({})),
        caught(() => new wa.EmbeddedSignup({ appId: "1", configId: "2", callbackUrl: "ftp://x" }))],
    };
    for (const [key, errors] of Object.entries(seen)) {
      for (const err of errors) assert.ok(perEntry[key].includes(err.code), `${key}: ${err.code}`);
    }
  });

  test("the generator reads every impl shape the crate uses, and NOT_INITIALIZED is everywhere", () => {
    for (const codes of Object.values(perEntry)) assert.ok(codes.includes("NOT_INITIALIZED"));
    // Direct literals, a delegation to `self.kind().as_str()`, and `err.code()` on another type.
    const text = `
      enum Kind { A, B }
      impl Kind { pub fn as_str(self) -> &'static str { match self { Kind::A => "KIND_A", Kind::B => "KIND_B" } } }
      impl ErrorCode for Direct { fn code(&self) -> &'static str { match self { Self::X => "DIRECT_X" } } }
      impl ErrorCode for Delegating { fn code(&self) -> &'static str { self.kind().as_str() } }
      impl crate::error::ErrorCode for Wrapping { fn code(&self) -> &'static str { match self { Self::Inner(err) => err.code(), Self::Own => "OWN" } } }`;
    assert.deepEqual(codesInFile(text), [
      { type: "Direct", codes: ["DIRECT_X"] },
      { type: "Delegating", codes: ["KIND_A", "KIND_B"] },
      { type: "Wrapping", codes: ["OWN"] },
    ]);
  });

  test("an impl the generator cannot read, or in a file of no entry point, fails the build", () => {
    assert.throws(() => codesInFile("impl ErrorCode for Opaque { fn code(&self) -> &'static str { CODE } }", "x.rs"),
      /no codes found for impl ErrorCode for Opaque/);
    const src = mkdtempSync(join(tmpdir(), "wa-signup-codes-"));
    try {
      mkdirSync(join(src, "newthing"));
      writeFileSync(join(src, "newthing", "error.rs"),
        "impl ErrorCode for NewError { fn code(&self) -> &'static str { \"NEW_CODE\" } }");
      assert.throws(() => errorCodes(src), /newthing\/error\.rs: impl ErrorCode for NewError in a file no entry point is assigned to/);
    } finally {
      rmSync(src, { recursive: true, force: true });
    }
  });
});

describe("the glue patch (scripts/pkg-glue.mjs)", () => {
  test("fails loudly when wasm-bindgen's glue is not what it expects", () => {
    const dir = mkdtempSync(join(tmpdir(), "wa-signup-glue-"));
    try {
      const glue = join(dir, "x.js");
      writeFileSync(glue, "let wasm;\nexport function f() { return wasm.f(); }\n");
      assert.throws(
        () => execFileSync(process.execPath, [join(ROOT, "scripts/pkg-glue.mjs"), glue, "wa-signup"], { stdio: "pipe" }),
        (err) => /expected 2 `if \(wasm !== undefined\) return wasm;`/.test(String(err.stderr)),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
