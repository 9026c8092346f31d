// Browsers (issue 11, "no init ceremony"): an entry point's browser module
// (what bundlers and import maps load: NAME.js, the "default" export
// condition) used before its `init()` throws WaSignupError NOT_INITIALIZED
// naming the call to make, not `TypeError: Cannot read properties of
// undefined`. Checked in Node by importing those files directly, each in a
// fresh process (the Node entries initialise the same module instance).
//
//   scripts/build-pkg.sh && node --test tests/node/
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { describe, test } from "node:test";

import { MODULES, PKG_DIR } from "./load-pkg.mjs";

/** Runs an ES module body in a fresh node and returns its stdout, parsed as JSON. */
function fresh(body) {
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", body], { encoding: "utf8" });
  return JSON.parse(out);
}

const url = (f) => JSON.stringify(pathToFileURL(join(PKG_DIR, f)).href);

// One call per entry point that reaches into the wasm.
const CALLS = {
  ".": "m.isE164('+14155552671')",
  "./api": "m.buildCallbackRequest({ code: 'AQB' })",
  "./flow": "new m.EmbeddedSignup({})",
};

describe("before init()", () => {
  for (const { subpath, specifier, name } of MODULES) {
    test(`${specifier}: ${CALLS[subpath]} throws WaSignupError NOT_INITIALIZED`, () => {
      const out = fresh(`
        const m = await import(${url(`${name}.js`)});
        const { WaSignupError } = await import(${url("error.js")});
        try { ${CALLS[subpath]}; console.log(JSON.stringify(null)); }
        catch (e) {
          console.log(JSON.stringify({
            instance: e instanceof Error && e instanceof WaSignupError && e instanceof m.WaSignupError,
            name: e.name, code: e.code, message: e.message,
            frame: e.stack.split("\\n")[1],
          }));
        }`);
      assert.ok(out, "it throws");
      assert.equal(out.instance, true, "an Error, and a WaSignupError");
      assert.equal(out.name, "WaSignupError");
      assert.equal(out.code, "NOT_INITIALIZED");
      assert.ok(out.message.includes("await init()"), out.message);
      assert.ok(out.message.includes(`import init from "${specifier}"`), out.message);
      // The throw is in the shared, unminified error.js: a readable source line.
      assert.match(out.frame, /error\.js:\d+:\d+/);
    });
  }

  test("after initSync() the same call works, and init() then resolves at once", () => {
    const out = fresh(`
      import { readFileSync } from "node:fs";
      const m = await import(${url("wa_signup.js")});
      const first = (() => { try { return m.isE164("+14155552671"); } catch (e) { return e.code; } })();
      const exports = m.initSync({ module: readFileSync(new URL(${url("wa_signup_bg.wasm")})) });
      const again = await m.default();
      console.log(JSON.stringify([first, m.isE164("+14155552671"), exports === again]));`);
    assert.deepEqual(out, ["NOT_INITIALIZED", true, true]);
  });

  test("util.inspect of a module's exports before init does not throw", () => {
    const out = fresh(`
      import { inspect } from "node:util";
      const m = await import(${url("wa_signup_flow.js")});
      console.log(JSON.stringify(typeof inspect(m)));`);
    assert.equal(out, "string");
  });
});
