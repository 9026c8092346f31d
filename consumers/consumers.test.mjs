// Consumer fixtures: the packed wa-signup tarball installed into fresh Node,
// Vite + TypeScript, webpack 5, esbuild, React 19 and plain-HTML projects,
// each built with its own tool and run (in Node, or in Chromium against the
// sandbox Meta). Run by scripts/test.d/77-consumers.sh; see consumers/README.md.

import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { EXPECTED_PHONE, runBrowserFixture, startSandbox } from "./harness/browser.mjs";
import { ROOT, bin, fixture } from "./harness/paths.mjs";
import { run } from "./harness/run.mjs";
import { INSTALLED, installTarball, installedFiles } from "./harness/tarball.mjs";
import { WABA_ID } from "../e2e/harness/expect.mjs";

/** @type {Awaited<ReturnType<typeof startSandbox>>} */
let sandbox;

before(async () => {
  const { files } = installTarball();
  assert.deepEqual(installedFiles(), files, "node_modules/wa-signup holds exactly the packed files");
  sandbox = await startSandbox();
});

after(async () => {
  await sandbox?.stop();
});

/** Runs a Node program of a fixture and parses the JSON line it prints. */
async function nodeJson(dir, file) {
  const { stdout } = await run(process.execPath, [file], { cwd: fixture(dir) });
  return JSON.parse(stdout);
}

describe("node", () => {
  /**
   * A number and its error, wa-signup/api's normalisation of "+1 (555) 123-4567", the
   * batch check, and Meta's FINISH from www.facebook.com (its WABA id) and from another origin (refused).
   */
  const EXPECTED = { phone: EXPECTED_PHONE, api: "+15551234567", batch: [1, 0], session: ["102290129340398", null] };

  test("ESM: import { isE164 } from \"wa-signup\", no init", async () => {
    assert.deepEqual(await nodeJson("node-esm", "main.mjs"), EXPECTED);
  });

  test("CommonJS: require(\"wa-signup\"), no init", async () => {
    assert.deepEqual(await nodeJson("node-cjs", "main.cjs"), EXPECTED);
  });
});

describe("vite + typescript", () => {
  const dir = fixture("vite-ts");
  test("tsc --strict (skipLibCheck: false, moduleResolution: bundler)", async () => {
    await run(bin("tsc"), ["-p", "."], { cwd: dir });
  });
  test("vite build", async () => {
    await run(bin("vite"), ["build", "--logLevel", "warn"], { cwd: dir });
  });
  test("in Chromium: a number, a sandbox signup; README's listener logs Meta's FINISH", async (t) => {
    await runBrowserFixture(t, sandbox, { "/": `${dir}/dist` }, { console: `log: FINISH ${WABA_ID}` });
  });
});

describe("webpack 5", () => {
  const dir = fixture("webpack");
  test("webpack build (no loader, no plugin)", async () => {
    const { default: webpack } = await import("webpack");
    const { default: config } = await import("./webpack/webpack.config.mjs");
    const stats = await new Promise((resolve, reject) =>
      webpack(config, (err, result) => (err ? reject(err) : resolve(result))),
    );
    assert.ok(!stats.hasErrors(), stats.toString({ all: false, errors: true, warnings: true }));
  });
  test("in Chromium: a number, a sandbox signup", async (t) => {
    await runBrowserFixture(t, sandbox, { "/": dir }, { widget: "#widget" });
  });
});

describe("esbuild (the README's recipe)", () => {
  const dir = fixture("esbuild");
  // The command README.md gives, from the first line of the fixture (the quick-start test
  // checks that the fixture holds README's esbuild block word for word).
  const command = /^\/\/ esbuild (.+)$/m.exec(readFileSync(`${dir}/app.js`, "utf8"))?.[1];
  test(`esbuild ${command}`, async () => {
    assert.ok(command, "esbuild/app.js names the esbuild command on a `// esbuild …` line");
    rmSync(`${dir}/dist`, { recursive: true, force: true });
    await run(bin("esbuild"), [...command.split(/\s+/), "--log-level=warning"], { cwd: dir });
  });
  test("in Chromium: a number, a sandbox signup", async (t) => {
    await runBrowserFixture(t, sandbox, { "/": dir });
  });
});

describe("react 19 (StrictMode, <wa-signup-connect>)", () => {
  const dir = fixture("react");
  test("tsc --strict (jsx: react-jsx)", async () => {
    await run(bin("tsc"), ["-p", "."], { cwd: dir });
  });
  test("vite build", async () => {
    await run(bin("vite"), ["build", "--logLevel", "warn"], { cwd: dir });
  });
  test("in Chromium: a number, a sandbox signup", async (t) => {
    await runBrowserFixture(t, sandbox, { "/": `${dir}/dist` }, { widget: "#signup" });
  });
});

describe("plain HTML (no build: the package's files from a static server)", () => {
  test("in Chromium: a number, a sandbox signup", async (t) => {
    const mounts = { "/": fixture("html"), "/node_modules/wa-signup/": INSTALLED, "/shared/": fixture("shared") };
    await runBrowserFixture(t, sandbox, mounts, { widget: "#signup" });
  });
});

describe("typescript as a consumer (latest tsc, --strict, skipLibCheck: false)", () => {
  test("moduleResolution: bundler (browser app: every entry point, the element)", async () => {
    await run(bin("tsc"), ["-p", "types/bundler"], { cwd: fixture(".") });
  });
  test("module: nodenext (Node ESM and CommonJS)", async () => {
    await run(bin("tsc"), ["-p", "types/node16"], { cwd: fixture(".") });
  });
});

describe("README.md", () => {
  /** The files the fixtures run (what the quick start must be part of). */
  const SOURCES = [
    "node-esm/main.mjs",
    "node-cjs/main.cjs",
    "vite-ts/src/main.ts",
    "webpack/src/index.js",
    "esbuild/app.js",
    "react/src/main.tsx",
    "html/index.html",
  ];
  /** Lines without their indentation (the HTML page indents its module script). */
  const lines = (text) => text.split("\n").map((l) => l.trim());

  test("every code block of the JavaScript quick start is in a fixture, word for word", () => {
    const readme = readFileSync(`${ROOT}/README.md`, "utf8");
    const start = readme.indexOf("## Quick start (JavaScript)");
    assert.ok(start >= 0, "README.md has a \"## Quick start (JavaScript)\" section");
    const end = readme.indexOf("\n## ", start + 1);
    const section = readme.slice(start, end < 0 ? undefined : end);
    const blocks = [...section.matchAll(/```(?:js|jsx|ts|tsx|html)\n([\s\S]*?)```/g)].map((m) => m[1].trim());
    assert.ok(blocks.length > 0, "the quick start has code blocks");
    const sources = SOURCES.map((f) => lines(readFileSync(fixture(f), "utf8")).join("\n"));
    const missing = blocks.filter((b) => !sources.some((src) => src.includes(lines(b).join("\n"))));
    if (missing.length > 0) {
      assert.fail(
        `${missing.length} of the quick start's ${blocks.length} code blocks are in no fixture ` +
          `(${SOURCES.join(", ")}):\n${missing.map((b) => `--- block\n${b}`).join("\n")}`,
      );
    }
  });
});
