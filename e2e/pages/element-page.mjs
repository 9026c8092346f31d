// Page object: a host page with the <wa-signup-connect> custom element (or a
// page that calls `mount()` of `wa-signup/widget` itself), loaded from
// `/pkg/widget.js` as the npm package lays it out (js/ over web/pkg/, see
// e2e/harness/host-server.mjs). The page is the test's own HTML under the
// strict production CSP; the callback is the host's same-origin proxy.

import { APP_ID, CALLBACK_PATH, CONFIG_ID } from "../harness/host-server.mjs";
import { newContext } from "./demo-page.mjs";
import { HostPage } from "./host-page.mjs";

/** `<` `>` `&` `"` escaped for an attribute value or text. */
export const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/** Attributes from an object: strings as values, `true` as a bare attribute. */
export const attrs = (o) =>
  Object.entries(o)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${esc(v)}"`))
    .join("");

export class ElementPage extends HostPage {
  /** A fresh context (`contextOptions`, e.g. { locale }) with one blank page. */
  static async open(browser, server, host, contextOptions = {}) {
    const context = await newContext(browser, contextOptions);
    return new ElementPage(context, await context.newPage(), server, host);
  }

  constructor(context, page, server, host) {
    super(context, page, server, host);
    /** The widget lives inside the element: status and buttons are found under it. */
    this.mountSelector = "#signup";
  }

  /** The demo app's required attributes, with the host's callback (absolute, same-origin). */
  required() {
    return { "app-id": APP_ID, "config-id": CONFIG_ID, "callback-url": this.host.origin + CALLBACK_PATH };
  }

  /**
   * Registers and loads a page whose body is `body` (HTML), with
   * `<script type="module" src="/pkg/widget.js">` in its head (unless
   * `script: false`) and `lang` on <html>.
   */
  async gotoBody(body, { lang = "en", script = true, csp, title = "Element page" } = {}) {
    const head = script ? `<script type="module" src="/pkg/widget.js"></script>\n` : "";
    const fixture = this.host.page({
      title,
      csp,
      html: () => `<!doctype html>
<html lang="${esc(lang)}">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/fixture/host.css">
${head}</head>
<body>
<main><section class="card hero">
${body}
</section></main>
</body>
</html>
`,
    });
    this.fixture = fixture;
    await this.page.goto(fixture.url);
    return fixture;
  }

  /** `<wa-signup-connect id="signup" …>` with the required attributes and `extra`. */
  elementHtml(extra = {}, id = "signup") {
    return `<wa-signup-connect id="${esc(id)}"${attrs({ ...this.required(), ...extra })}></wa-signup-connect>`;
  }

  /** Waits until the element's widget is ready (Connect enabled). */
  async waitForReady(mount = this.mountSelector, timeout = 8000) {
    await this.waitForWidgetReady(mount, timeout);
  }

  /** `.wa-signup` roots inside #id. */
  roots(id = "signup") {
    return super.roots(id);
  }

  /** The src of every Meta SDK script in the document. */
  sdkScripts() {
    return this.page.evaluate(() => [...document.querySelectorAll("script#facebook-jssdk")].map((s) => s.src));
  }
}
