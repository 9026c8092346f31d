// The package in Node as users install it (issue 11, "no init ceremony"):
// `import` and `require` of every entry point work with no init call, through
// the package's "node" export condition.
//
//   scripts/build-pkg.sh && node --test tests/node/
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { PKG_DIR } from "./load-pkg.mjs";

let app;
before(() => {
  // A fresh app with the package as a dependency (a symlink, as `npm link` makes).
  app = mkdtempSync(join(tmpdir(), "wa-signup-node-"));
  mkdirSync(join(app, "node_modules"));
  symlinkSync(PKG_DIR, join(app, "node_modules", "wa-signup"), "dir");
});
after(() => rmSync(app, { recursive: true, force: true }));

/** Runs `source` as app/`file` with node and returns its stdout, parsed as JSON. */
function run(file, source) {
  writeFileSync(join(app, file), source);
  return JSON.parse(execFileSync(process.execPath, [join(app, file)], { cwd: app, encoding: "utf8" }));
}

// The same checks in both module systems: one call per entry point, and the
// error of each is a WaSignupError (the class from the package's root entry).
const CHECKS = `
  let flowCode;
  try { new flow.EmbeddedSignup({}); } catch (e) { flowCode = [e instanceof core.WaSignupError, e.code]; }
  let coreCode;
  try { core.parsePhoneNumber("415 555 2671"); } catch (e) { coreCode = [e instanceof api.WaSignupError, e.code]; }
  console.log(JSON.stringify({
    isE164: core.isE164("+14155552671"),
    e164: core.parsePhoneNumber("+44 20 7946 0958").e164,
    callback: api.buildCallbackRequest({ code: "AQB" }).code,
    flowCode, coreCode,
    sameClass: core.WaSignupError === flow.WaSignupError,
    // preloadSdk (issue 14): exported, and in Node (no document) it injects nothing and never throws.
    preload: [typeof flow.preloadSdk,
      flow.preloadSdk({ appId: "1234567890", configId: "9876543210", callbackUrl: "https://example.com/cb" }),
      flow.preloadSdk(undefined), flow.preloadSdk({ sdkUrl: 42 })],
  }));`;
const EXPECTED = {
  isE164: true, e164: "+442079460958", callback: "AQB",
  flowCode: [true, "INVALID_APP_ID"], coreCode: [true, "MISSING_PLUS"], sameClass: true,
  preload: ["function", false, false, false],
};

describe("Node, no init call", () => {
  test("ES modules: import from wa-signup, wa-signup/api, wa-signup/flow", () => {
    const out = run("main.mjs", `
      import * as core from "wa-signup";
      import * as api from "wa-signup/api";
      import * as flow from "wa-signup/flow";
      ${CHECKS}`);
    assert.deepEqual(out, EXPECTED);
  });

  test("CommonJS: require of wa-signup, wa-signup/api, wa-signup/flow", () => {
    const out = run("main.cjs", `
      const core = require("wa-signup");
      const api = require("wa-signup/api");
      const flow = require("wa-signup/flow");
      ${CHECKS}`);
    assert.deepEqual(out, EXPECTED);
  });

  test("the quick start's named import, exactly as the README shows it", () => {
    const out = run("quick.mjs", `
      import { isE164, parsePhoneNumber } from "wa-signup";
      console.log(JSON.stringify([isE164("+14155552671"), parsePhoneNumber("+44 20 7946 0958").regions]));`);
    assert.deepEqual(out, [true, ["GB", "GG", "IM", "JE"]]);
  });

  test("init() and initSync() stay callable in Node and change nothing", () => {
    const out = run("init.mjs", `
      import init, { initSync, isE164 } from "wa-signup";
      const a = await init();
      const b = initSync({ module: new Uint8Array([0]) }); // not even read: already initialised
      console.log(JSON.stringify([a === b, isE164("+14155552671")]));`);
    assert.deepEqual(out, [true, true]);
  });

  test("CommonJS has no default export (nothing to initialise once required)", () => {
    const out = run("keys.cjs", `
      const core = require("wa-signup");
      console.log(JSON.stringify(["default" in core, typeof core.initSync, typeof core.WaSignupError]));`);
    assert.deepEqual(out, [false, "function", "function"]);
  });

  test("an error made in CommonJS is an instanceof the ES module's class, and back", () => {
    const out = run("mixed.mjs", `
      import { createRequire } from "node:module";
      import * as esm from "wa-signup";
      const cjs = createRequire(import.meta.url)("wa-signup");
      const caught = (f) => { try { f(); } catch (e) { return e; } };
      const fromCjs = caught(() => cjs.parsePhoneNumber(""));
      const fromEsm = caught(() => esm.parsePhoneNumber(""));
      console.log(JSON.stringify([
        esm.WaSignupError === cjs.WaSignupError,
        fromCjs instanceof esm.WaSignupError, fromEsm instanceof cjs.WaSignupError, fromCjs.code,
      ]));`);
    assert.deepEqual(out, [false, true, true, "EMPTY"]);
  });
});
