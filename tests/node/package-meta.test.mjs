// The tarball's hygiene (issue 11, item 6): README and both license texts
// published, real metadata (keywords, engines; no placeholder URL), a
// `sideEffects` list of files that exist and have effects, the widget's files
// and entry points, and nothing published that is not used.
//
//   scripts/build-pkg.sh && node --test tests/node/
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";

import { PKG_DIR } from "./load-pkg.mjs";

const pkgJson = JSON.parse(readFileSync(join(PKG_DIR, "package.json"), "utf8"));
const [packed] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts", PKG_DIR], {
  encoding: "utf8",
  stdio: ["ignore", "pipe", "ignore"],
}));
const published = packed.files.map((f) => f.path).sort();

describe("tarball", () => {
  test("carries the README and both license texts, and says which license", () => {
    for (const f of ["README.md", "LICENSE-MIT", "LICENSE-APACHE"]) assert.ok(published.includes(f), f);
    assert.equal(pkgJson.license, "MIT OR Apache-2.0");
    assert.match(readFileSync(join(PKG_DIR, "LICENSE-MIT"), "utf8"), /Permission is hereby granted, free of charge/);
    assert.match(readFileSync(join(PKG_DIR, "LICENSE-APACHE"), "utf8"), /Apache License\s+Version 2\.0, January 2004/);
    const readme = readFileSync(join(PKG_DIR, "README.md"), "utf8");
    for (const s of ['from "wa-signup"', 'from "wa-signup/flow"', 'wa-signup/api', 'from "wa-signup/widget"',
      "<wa-signup-connect", "WaSignupError", "NOT_INITIALIZED", "wasm-unsafe-eval"]) {
      assert.ok(readme.includes(s), `README mentions ${s}`);
    }
  });

  test("real metadata: keywords, engines, no placeholder URL", () => {
    assert.ok(Array.isArray(pkgJson.keywords) && pkgJson.keywords.includes("whatsapp"));
    assert.equal(pkgJson.engines?.node, ">=20");
    assert.doesNotMatch(JSON.stringify(pkgJson), /example\.(invalid|com)|localhost/);
    for (const key of ["repository", "homepage", "bugs"]) {
      if (pkgJson[key] !== undefined) assert.doesNotMatch(JSON.stringify(pkgJson[key]), /invalid|example/, key);
    }
  });

  test("sideEffects names only published files that have effects", () => {
    assert.ok(Array.isArray(pkgJson.sideEffects));
    for (const f of pkgJson.sideEffects) {
      assert.ok(!f.includes("*"), `no pattern: ${f}`);
      assert.ok(published.includes(f.replace(/^\.\//, "")), `${f} is published`);
    }
    // The Node entries initialise at import; the widget defines <wa-signup-connect>.
    for (const f of ["./wa_signup.node.js", "./wa_signup.cjs", "./widget.js"]) {
      assert.ok(pkgJson.sideEffects.includes(f), f);
    }
    // The browser glue and the shared error module have none: tree-shakable.
    for (const f of ["./wa_signup.js", "./wa_signup_flow.js", "./error.js"]) {
      assert.ok(!pkgJson.sideEffects.includes(f), f);
    }
  });

  test("the widget: its entry points, glue, wasm and stylesheet", () => {
    for (const f of ["wa_signup_web.js", "wa_signup_web.d.ts", "wa_signup_web_bg.wasm", "wa-signup.css"]) {
      assert.ok(published.includes(f), f);
    }
    assert.deepEqual(pkgJson.exports["./widget"], { types: "./widget.d.ts", default: "./widget.js" });
    assert.equal(pkgJson.exports["./wa-signup.css"], "./wa-signup.css");
    // Every mapped file is published (no export pointing at nothing).
    const targets = JSON.stringify(pkgJson.exports).match(/"\.\/[^"]+"(?=[,}])/g).map((t) => JSON.parse(t));
    for (const t of targets.filter((t) => !t.endsWith("/package.json") && t !== "./")) {
      if (t.startsWith("./widget")) continue; // js/widget*.js (written by the widget's owner) may be pending
      assert.ok(published.includes(t.slice(2)), `${t} is published`);
    }
  });

  test("publishes nothing unused: no wasm-bindgen wasm typings, no snippets", () => {
    for (const f of published) {
      assert.doesNotMatch(f, /_bg\.wasm\.d\.ts$|^snippets\//, f);
      assert.ok(existsSync(join(PKG_DIR, f)), f);
    }
    assert.equal(JSON.stringify(pkgJson).includes("snippets"), false);
  });
});
