// Node tests of the built package (pkg/): the EmbeddedSignup class outside a
// browser (no window, no SDK) — options validation and typed declarations.
// The flow itself is tested in headless Chromium (crate/tests/browser_flow*.rs).
import { test } from "node:test";
import assert from "node:assert/strict";

import { dtsOf, EmbeddedSignup } from "./load-pkg.mjs";

const OK = { appId: "1234567890", configId: "987654321", callbackUrl: "https://api.example.com/cb" };

test("options are validated with stable codes", () => {
  const cases = [
    [{ ...OK, callbackUrl: "http://api.example.com/cb" }, "INVALID_CALLBACK_URL"],
    [{ ...OK, appId: "12ab" }, "INVALID_APP_ID"],
    [{ ...OK, configId: "" }, "INVALID_CONFIG_ID"],
    [{ ...OK, mode: "iframe" }, "INVALID_MODE"],
    [{ ...OK, mode: "redirect" }, "MISSING_REDIRECT_URI"],
    [{ ...OK, sdkUrl: "http://cdn.example.com/sdk.js" }, "INVALID_SDK_URL"],
    [{ ...OK, allowedOrigins: ["https://sandbox.example.com/path"] }, "INVALID_ALLOWED_ORIGIN"],
    // Issue 9: only loopback sandboxes, unless the page opts in explicitly.
    [{ ...OK, allowedOrigins: ["https://anything.example"] }, "INVALID_ALLOWED_ORIGIN"],
    [{ ...OK, runTimeoutMs: 999 }, "INVALID_RUN_TIMEOUT"],
    // Issue 10: extras, with the path named.
    [{ ...OK, extras: { setup: { solutionId: "1" } } }, "EXTRAS_UNKNOWN_FIELD"],
    [{ ...OK, extras: { setup: { business: { email: "nope" } } } }, "EXTRAS_INVALID_EMAIL"],
    [{ ...OK, extras: { setup: { business: { phone: { code: 1, number: "12" } } } } }, "EXTRAS_INVALID_PHONE"],
    [{ ...OK, extras: { featureType: "x" }, featureType: "y" }, "EXTRAS_CONFLICT"],
    [{ ...OK, sessionInfoVersion: 4 }, "INVALID_SESSION_INFO_VERSION"],
    [{ ...OK, extras: { setup: { business: { name: "sk_admin_live0123" } } } }, "SECRET_IN_BROWSER"],
    [{ ...OK, runTimeoutMs: 86400001 }, "INVALID_RUN_TIMEOUT"],
    [{ ...OK, sessionGraceMs: 25001 }, "INVALID_GRACE"],
    [{ ...OK, timeoutMs: 10 }, "INVALID_TIMEOUT"],
    [{ ...OK, headers: { Authorization: "Bearer sk_admin_live0123" } }, "SECRET_IN_BROWSER"],
    [{ ...OK, nested: { deep: ["sk_admin_live0123"] } }, "SECRET_IN_BROWSER"],
    [undefined, "INVALID_CONFIG"],
    ["appId=1", "INVALID_CONFIG"],
  ];
  for (const [options, code] of cases) {
    assert.throws(
      () => new EmbeddedSignup(options),
      (err) => {
        assert.equal(err.name, "WaSignupError");
        assert.equal(err.code, code, JSON.stringify(options));
        assert.ok(!String(err.message).includes("live0123"), "the secret is never echoed");
        return true;
      },
    );
  }
});

test("a non-loopback allowedOrigins entry needs dangerouslyAllowOrigins", () => {
  const signup = new EmbeddedSignup({
    ...OK,
    allowedOrigins: ["https://sandbox.example.com", "http://127.0.0.1:9000"],
    dangerouslyAllowOrigins: true,
  });
  signup.destroy();
  new EmbeddedSignup({ ...OK, allowedOrigins: ["http://127.0.0.1:9000", "http://[::1]:8080"] }).destroy();
});

test("one appId per page: a second one is refused until the first is destroyed", () => {
  const first = new EmbeddedSignup({ ...OK, appId: "111" });
  const same = new EmbeddedSignup({ ...OK, appId: "111" });
  assert.throws(
    () => new EmbeddedSignup({ ...OK, appId: "222" }),
    (err) => err.name === "WaSignupError" && err.code === "APP_ID_CONFLICT" && /appId 111/.test(err.message),
  );
  first.destroy();
  same.destroy();
  new EmbeddedSignup({ ...OK, appId: "222" }).destroy();
});

test("cancel() is false when no run waits for Meta", () => {
  const signup = new EmbeddedSignup(OK);
  assert.equal(signup.cancel(), false);
  signup.destroy();
});

test("outside a browser, launch() resolves SDK_NOT_READY instead of throwing", async () => {
  const signup = new EmbeddedSignup({ ...OK, appId: 1234567890 });
  assert.deepEqual(signup.state, { type: "sdkLoading" });
  const outcome = await signup.launch();
  assert.equal(outcome.type, "failed");
  assert.equal(outcome.kind, "SDK_NOT_READY");
  assert.equal(signup.running, false);
  await assert.rejects(signup.ready(), (err) => err.code === "SDK_LOAD_FAILED");
  signup.destroy();
  assert.equal((await signup.launch()).kind, "ABORTED");
});

test("the .d.ts types the class, its options and its outcomes", () => {
  const dts = dtsOf("wa_signup_flow");
  for (const needle of [
    "export class EmbeddedSignup",
    "constructor(options: EmbeddedSignupOptions)",
    "launch(): Promise<EmbeddedSignupOutcome>",
    "static load(options: EmbeddedSignupOptions): Promise<EmbeddedSignup>",
    "static completeRedirect(options: EmbeddedSignupOptions): Promise<EmbeddedSignupOutcome | undefined>",
    "readonly state: EmbeddedSignupState",
    "export interface EmbeddedSignupOptions",
    "export type EmbeddedSignupOutcome",
    "export interface EmbeddedSignupEventMap",
    "cancel(): boolean",
    "runTimeoutMs?: number",
    "dangerouslyAllowOrigins?: boolean",
    '"POPUP_BLOCKED"',
    '"POPUP_ISOLATED"',
    '"RUN_TIMEOUT"',
    'source: "meta" | "page"',
    'notice?: EmbeddedSignupNotice',
    "extras?: EmbeddedSignupExtras",
    "solutionID?: string",
    "instagramAccountIds?: string[]",
  ]) {
    assert.ok(dts.includes(needle), `.d.ts lacks: ${needle}`);
  }
});
