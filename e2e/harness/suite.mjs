// One demo server and one Chromium per test file; a fresh browser context and
// a reset sandbox per test.

import { after, before } from "node:test";
import { launchChromium } from "./browser.mjs";
import { DemoServer } from "./demo-server.mjs";
import { HostServer } from "./host-server.mjs";
import { requireBuilt } from "./paths.mjs";
import { makeCertificate } from "./tls.mjs";
import { DemoPage } from "../pages/demo-page.mjs";
import { HostPage } from "../pages/host-page.mjs";

/**
 * Registers before/after hooks in the calling test file and returns the
 * environment they fill: `{ server, browser, open(t, control) }`, plus with
 * `host: true` a host page server (`host`) and `openHost(t, control,
 * contextOptions)`. `browserArgs`: extra Chromium flags for this file.
 */
export function useE2e({ host = false, browserArgs = [] } = {}) {
  const env = {
    /** @type {DemoServer} */ server: null,
    /** @type {import("playwright-core").Browser} */ browser: null,
    /** @type {HostServer} */ host: null,
    cert: null,
    /**
     * Resets the sandbox, applies the knobs, and opens a demo page in a fresh
     * context that is closed when test `t` ends.
     */
    async open(t, control = {}) {
      await env.server.reset();
      await env.server.control(control);
      const demo = await DemoPage.open(env.browser, env.server);
      t.after(() => demo.close());
      return demo;
    },
    /**
     * Resets the sandbox, applies the knobs, and opens a blank page in a
     * fresh context (`contextOptions`, e.g. { userAgent }) for fixture host
     * pages (`env.host.page(spec)`, then `hostPage.goto(fixture)`).
     */
    async openHost(t, control = {}, contextOptions = {}) {
      await env.server.reset();
      await env.server.control(control);
      const page = await HostPage.open(env.browser, env.server, env.host, contextOptions);
      t.after(() => page.close());
      return page;
    },
  };

  before(async () => {
    requireBuilt();
    env.cert = makeCertificate();
    env.server = await DemoServer.start({ cert: env.cert.cert, key: env.cert.key });
    if (host) env.host = await HostServer.start(env.server);
    env.browser = await launchChromium(env.server.tls, { args: browserArgs });
  });

  after(async () => {
    await env.browser?.close();
    await env.host?.stop();
    await env.server?.stop();
    env.cert?.remove();
  });

  return env;
}

/** Sleeps `ms` milliseconds. */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
