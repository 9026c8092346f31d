// Page object: a fixture host page served by e2e/harness/host-server.mjs (real
// response headers: COOP, strict CSP), with one or more widgets mounted by
// e2e/fixtures/host.js. Reuses the demo page's recorders and assertions;
// the callback is the host page's own /api/signup/callback (proxied to the
// demo server).

import assert from "node:assert/strict";
import { CALLBACK_PATH } from "../harness/host-server.mjs";
import { DemoPage, newContext } from "./demo-page.mjs";

export class HostPage extends DemoPage {
  /**
   * A fresh context (`contextOptions` for browser.newContext, e.g. a
   * userAgent) with one blank page; load a fixture with goto().
   */
  static async open(browser, server, host, contextOptions = {}) {
    const context = await newContext(browser, contextOptions);
    const page = await context.newPage();
    return new HostPage(context, page, server, host);
  }

  constructor(context, page, server, host) {
    super(context, page, server);
    this.host = host;
    /** Same-origin to the host page: the proxy forwards it to the demo server. */
    this.callbackUrl = host.origin + CALLBACK_PATH;
    this.fixture = null;
  }

  /**
   * Loads `fixture` (from host.page(...)), with `query` appended when given,
   * waits until host.js has mounted its widgets and, unless waitReady is
   * false, until the first widget is ready.
   */
  async goto(fixture, { query, waitReady = true } = {}) {
    this.fixture = fixture;
    await this.page.goto(query === undefined ? fixture.url : fixture.urlWith(query));
    await this.waitForMounted();
    if (waitReady) await this.waitForReady();
  }

  /** Waits until host.js ran (its mounts done or failed). */
  async waitForMounted() {
    await this.page.waitForFunction(() => !!document.documentElement.dataset.fixture);
  }

  /** The result of the last mount() on #id: { ok, error?: { name, code, message } }. */
  mountResult(id = "widget") {
    return this.page.evaluate((id) => window.__host.mounts[id] ?? null, id);
  }

  /** Waits until the widget in `mount` is ready; fails at once on a mount error. */
  async waitForReady(mount = this.mountSelector, timeout = 8000) {
    const id = mount.replace(/^#/, "");
    const result = await this.mountResult(id);
    assert.ok(result && result.ok, `mount(#${id}) failed: ${JSON.stringify(result && result.error)}`);
    await this.waitForWidgetReady(mount, timeout);
  }

  /** Waits until the status detail of the widget in `mount` is `text`. */
  async waitForDetail(text, mount = this.mountSelector, timeout = 8000) {
    await this.page.waitForFunction(
      ([mount, text]) =>
        [...document.querySelectorAll(`${mount} .wa-signup .wa-signup-status-detail`)].some(
          (n) => n.textContent.trim() === text,
        ),
      [mount, text],
      { timeout },
    );
  }

  /** Live listeners on window/document: [{ where, type, capture, widget }]. */
  listeners() {
    return this.page.evaluate(() => window.__e2eListeners());
  }

  /** How many `message` listeners the widget (its glue or wasm) has on window right now. */
  async widgetMessageListeners() {
    return (await this.listeners()).filter((l) => l.where === "window" && l.type === "message" && l.widget).length;
  }

  /** The listeners the widget added, as sorted "where:type:capture" strings. */
  async widgetListenerSet() {
    return (await this.listeners())
      .filter((l) => l.widget)
      .map((l) => `${l.where}:${l.type}:${l.capture}`)
      .sort();
  }

  /** securitypolicyviolation events the page saw. */
  cspViolations() {
    return this.page.evaluate(() => window.__e2eCsp.slice());
  }

  /** Number of widget roots inside #id. */
  roots(id = "widget") {
    return this.page.evaluate((id) => document.querySelectorAll(`#${id} .wa-signup`).length, id);
  }
}
