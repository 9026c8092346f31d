// Page object: the demo page served by the demo server, with the widget
// mounted by `mount(el, options)` from /web/pkg/ (production allowlist and SDK
// URL in facebook mode).

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { SCREENSHOTS } from "../harness/paths.mjs";
import { DialogPage } from "./dialog-page.mjs";

const WIDGET_EVENTS = ["wa-signup:state", "wa-signup:success", "wa-signup:cancel", "wa-signup:error"];
const OUTCOME_EVENTS = ["wa-signup:success", "wa-signup:cancel", "wa-signup:error"];
const CALLBACK_PATH = "/api/signup/callback";

/** Runs in every page of the context before its scripts: records widget events. */
function recordWidgetEvents(names) {
  const log = [];
  Object.defineProperty(window, "__e2eEvents", { value: log });
  for (const name of names) {
    window.addEventListener(
      name,
      (ev) => {
        let detail = null;
        try {
          detail = JSON.parse(JSON.stringify(ev.detail ?? null));
        } catch (e) {
          detail = String(e);
        }
        log.push({ name, detail, at: performance.timeOrigin + performance.now() });
      },
      true,
    );
  }
}

/**
 * Runs in every page of the context before its scripts: keeps the live
 * listeners on `window` and `document` (type, capture, and whether the widget
 * added them: the call came through /web/pkg/'s glue or wasm). Targets and
 * functions are held weakly so the record never keeps anything alive.
 */
function recordListeners() {
  const live = [];
  const proto = EventTarget.prototype;
  const add = proto.addEventListener;
  const remove = proto.removeEventListener;
  const where = (t) => (t === window ? "window" : t === document ? "document" : null);
  const captures = (o) => (typeof o === "boolean" ? o : !!(o && o.capture));
  const find = (target, type, fn, capture) =>
    live.findIndex((l) => l.where === where(target) && l.type === type && l.capture === capture && l.fn.deref() === fn);
  proto.addEventListener = function (type, fn, options) {
    const at = where(this);
    if (at && fn && (typeof fn === "function" || typeof fn === "object")) {
      const capture = captures(options);
      if (find(this, type, fn, capture) < 0) {
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 50;
        const stack = new Error().stack || "";
        Error.stackTraceLimit = limit;
        const widget = /\/web\/pkg\/|wasm-function|wasm:\/\//.test(stack);
        live.push({ where: at, type, capture, fn: new WeakRef(fn), widget });
      }
    }
    return add.call(this, type, fn, options);
  };
  proto.removeEventListener = function (type, fn, options) {
    if (where(this) && fn) {
      const i = find(this, type, fn, captures(options));
      if (i >= 0) live.splice(i, 1);
    }
    return remove.call(this, type, fn, options);
  };
  Object.defineProperty(window, "__e2eListeners", {
    value: () => live.map(({ where, type, capture, widget }) => ({ where, type, capture, widget })),
  });
}

/** Runs in every page of the context: CSP violations the page reported. */
function recordCspViolations() {
  const log = [];
  Object.defineProperty(window, "__e2eCsp", { value: log });
  document.addEventListener(
    "securitypolicyviolation",
    (e) =>
      log.push({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        sample: e.sample,
        source: e.sourceFile,
        line: e.lineNumber,
      }),
    true,
  );
}

/**
 * A fresh browser context (own storage) with the recorders every page
 * object relies on. `options` go to browser.newContext (e.g. userAgent).
 */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
  context.setDefaultTimeout(8000);
  await context.addInitScript(recordWidgetEvents, WIDGET_EVENTS);
  await context.addInitScript(recordListeners);
  await context.addInitScript(recordCspViolations);
  return context;
}

export class DemoPage {
  /**
   * A fresh browser context (own storage) with one demo page in it. The
   * context records every request, console message and popup so tests can
   * check where the code went.
   */
  static async open(browser, server) {
    const context = await newContext(browser);
    const page = await context.newPage();
    return new DemoPage(context, page, server);
  }

  constructor(context, page, server) {
    this.context = context;
    this.page = page;
    this.server = server;
    /** The widget's mount element (status(), waitForReady(), locators). */
    this.mountSelector = "#widget";
    /** Where the widget posts the code. */
    this.callbackUrl = server.app + CALLBACK_PATH;
    /** Every request any page of the context made: { url, method, headers, postData, navigation }. */
    this.requests = [];
    /** Every console message and page error of any page: strings. */
    this.console = [];
    /** Popups opened by the demo page (Meta dialog, attacker pages). */
    this.popups = [];
    context.on("request", (r) => {
      this.requests.push({
        url: r.url(),
        method: r.method(),
        headers: r.headers(),
        postData: r.postData(),
        navigation: r.isNavigationRequest(),
      });
    });
    const watch = (p) => {
      p.on("console", (m) => this.console.push(`${m.type()}: ${m.text()}`));
      p.on("pageerror", (e) => this.console.push(`pageerror: ${e.message}`));
    };
    watch(page);
    context.on("page", (p) => {
      if (p !== page) this.popups.push(p);
      watch(p);
    });
  }

  /** The demo page URL with the widget options the page reads from its query. */
  url(query = {}) {
    const q = new URLSearchParams(query).toString();
    return this.server.app + "/" + (q ? "?" + q : "");
  }

  /**
   * Loads the page (options: mode, v, featureType, grace, timeout, phoneField)
   * and waits until the widget says it is ready.
   */
  async goto(query = {}, { waitReady = true } = {}) {
    await this.page.goto(this.url(query));
    if (waitReady) await this.waitForReady();
  }

  async close() {
    await this.context.close();
  }

  // ---- widget DOM -------------------------------------------------------

  get widget() {
    return this.page.locator(`${this.mountSelector} .wa-signup`);
  }

  get statusRegion() {
    return this.widget.locator(".wa-signup-status");
  }

  get primaryButton() {
    return this.widget.locator(".wa-signup-actions .wa-signup-button:not(.wa-signup-button-secondary)");
  }

  get redirectButton() {
    return this.widget.locator(".wa-signup-actions .wa-signup-button-secondary:not(.wa-signup-cancel)");
  }

  /** The Cancel button shown while waiting for Meta. */
  get cancelButton() {
    return this.widget.locator(".wa-signup-cancel");
  }

  /** What the widget in `mount` (a selector) shows right now; null when there is none. */
  async status(mount = this.mountSelector) {
    return this.page.evaluate((mount) => {
      const root = document.querySelector(`${mount} .wa-signup`);
      if (!root) return null;
      const region = root.querySelector(".wa-signup-status");
      const text = (sel) => [...root.querySelectorAll(sel)].map((n) => n.textContent.trim());
      const buttons = [...root.querySelectorAll(".wa-signup-button")].filter((b) => !b.hidden);
      return {
        tone: region.dataset.tone,
        busy: region.getAttribute("aria-busy") === "true",
        live: region.getAttribute("aria-live"),
        role: region.getAttribute("role"),
        title: text(".wa-signup-status-title")[0] ?? "",
        details: text(".wa-signup-status-detail:not(.wa-signup-status-code)"),
        numbers: text(".wa-signup-numbers li"),
        errorCode: text(".wa-signup-status-code")[0] ?? null,
        buttons: buttons.map((b) => ({ label: b.textContent.trim(), disabled: b.disabled })),
      };
    }, mount);
  }

  /** Waits until the widget in `mount` is ready (neutral tone, Connect enabled). */
  async waitForWidgetReady(mount = this.mountSelector, timeout = 8000) {
    await this.page.waitForFunction(
      (mount) => {
        const region = document.querySelector(`${mount} .wa-signup .wa-signup-status`);
        const button = document.querySelector(`${mount} .wa-signup .wa-signup-button`);
        return region && region.dataset.tone === "neutral" && button && !button.disabled;
      },
      mount,
      { timeout },
    );
  }

  async waitForReady() {
    await this.waitForWidgetReady();
    const mountError = await this.page.locator("#mount-error").textContent();
    assert.equal(await this.page.locator("#mount-error").isHidden(), true, `mount error: ${mountError}`);
  }

  /** Clicks Connect (a real, trusted click) and returns the Meta dialog popup. */
  async connect() {
    const popup = this.page.waitForEvent("popup", { timeout: 5000 });
    await this.primaryButton.click();
    return new DialogPage(await popup);
  }

  // ---- widget events -----------------------------------------------------

  /** The widget events recorded in the demo page: [{ name, detail, at }]. */
  events() {
    return this.page.evaluate(() => window.__e2eEvents.slice());
  }

  /** The `type` of each `wa-signup:state` event, in order. */
  async stateTypes() {
    return (await this.events()).filter((e) => e.name === "wa-signup:state").map((e) => e.detail && e.detail.type);
  }

  /** Waits for a `wa-signup:state` of `type` and returns its detail. */
  async waitForState(type, timeout = 8000) {
    const handle = await this.page.waitForFunction(
      (t) => window.__e2eEvents.find((e) => e.name === "wa-signup:state" && e.detail && e.detail.type === t),
      type,
      { timeout },
    );
    return (await handle.jsonValue()).detail;
  }

  /** Waits for the run's outcome event (success, cancel or error): { name, detail }. */
  async waitForOutcome(timeout = 8000) {
    const handle = await this.page.waitForFunction(
      (names) => window.__e2eEvents.find((e) => names.includes(e.name)),
      OUTCOME_EVENTS,
      { timeout },
    );
    return handle.jsonValue();
  }

  /** The outcome events recorded so far (a run must end exactly once). */
  async outcomes() {
    return (await this.events()).filter((e) => OUTCOME_EVENTS.includes(e.name));
  }

  // ---- the code's whereabouts ------------------------------------------

  /** The callback POSTs as the browser sent them (real code included). */
  callbackPosts() {
    return this.requests
      .filter((r) => r.method === "POST" && new URL(r.url).pathname === CALLBACK_PATH)
      .map((r) => ({ ...r, body: JSON.parse(r.postData ?? "null") }));
  }

  /**
   * The code may appear only in the callback POST body (and, in redirect mode,
   * in the return URL Meta navigates to): never in the console, storage, any
   * other request URL, header or body, nor in the widget's events.
   */
  async assertCodeNotLeaked(code, { returnUrlAllowed = false } = {}) {
    assert.ok(typeof code === "string" && code.length > 0, "no code to look for");
    for (const line of this.console) assert.ok(!line.includes(code), `code in console: ${line}`);
    for (const r of this.requests) {
      const isCallback = r.method === "POST" && new URL(r.url).pathname === CALLBACK_PATH;
      const isReturn = returnUrlAllowed && r.method === "GET" && r.navigation;
      if (!isReturn) assert.ok(!r.url.includes(code), `code in a request URL: ${r.method} ${r.url}`);
      if (!isCallback) assert.ok(!(r.postData ?? "").includes(code), `code in a request body: ${r.url}`);
      for (const [name, value] of Object.entries(r.headers)) {
        assert.ok(!value.includes(code), `code in header ${name} of ${r.method} ${r.url}`);
      }
    }
    const leftovers = await this.page.evaluate(() => ({
      href: location.href,
      session: JSON.stringify({ ...sessionStorage }),
      local: JSON.stringify({ ...localStorage }),
      cookie: document.cookie,
      events: JSON.stringify(window.__e2eEvents),
    }));
    for (const [where, text] of Object.entries(leftovers)) {
      assert.ok(!text.includes(code), `code left in ${where}`);
    }
  }

  // ---- artifacts --------------------------------------------------------

  /** Saves the widget card as artifacts/screenshots/<name>.png; returns the path. */
  async screenshot(name) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, `${name}.png`);
    await this.page.locator("section.hero").screenshot({ path, animations: "disabled" });
    return path;
  }
}
