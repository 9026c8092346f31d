// A real host page server (node:http, loopback): serves fixture pages with
// exactly the response headers a scenario asks for (COOP, a strict CSP), the
// widget package from web/pkg/, the fixture scripts from e2e/fixtures/, and
// reverse-proxies POST /api/signup/callback to the demo server, so the
// callback is same-origin to the host page (a relative callbackUrl works)
// while the demo server's request log still records it.

import { createServer, request as httpRequest } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { ROOT, WEB_PKG } from "./paths.mjs";

/** The fixture scripts and styles (same-origin, so `script-src 'self'` allows them). */
export const FIXTURES = resolve(fileURLToPath(new URL("../fixtures/", import.meta.url)));

export const CALLBACK_PATH = "/api/signup/callback";

/**
 * `/pkg/`: the npm package's widget entry as B1's pkg/ lays it out, without
 * building pkg/: the hand-written files of js/ over the widget glue of web/pkg/;
 * what neither has (the flow module wa_signup_flow.js and its wasm) from the
 * built pkg/ (scripts/build-pkg.sh; e2e/flow-preload.test.mjs).
 */
const PKG_DIRS = [join(ROOT, "js"), WEB_PKG, join(ROOT, "pkg")];

/** The demo server's Meta app and configuration (server/README.md). */
export const APP_ID = "1234567890";
export const CONFIG_ID = "9876543210";

/**
 * The production CSP of issue 9: no inline script or style anywhere. The
 * simulated SDK opens Meta's dialog with window.open (not governed by CSP)
 * and the callback is same-origin, so `default-src 'self'` covers every
 * fetch (wasm, COOP probe, callback): nothing else is needed.
 */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' https://connect.facebook.net; style-src 'self'";

/** Content types of the static files the test servers send, by extension. */
export const TYPES = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".ts": "text/plain; charset=utf-8",
  ".html": "text/html; charset=utf-8",
};

/** Hop-by-hop headers a proxy must not forward (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "te",
  "trailer",
]);

const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/** `<` in JSON inside a `<script type="application/json">` data block. */
const jsonForHtml = (value) => JSON.stringify(value).replace(/</g, "\\u003c");

/**
 * The path under `root` for the URL path `rest`, or null: no dot segments, no
 * escapes out of `root`. Empty segments (`a//b`, a trailing `/`) and `root`
 * itself are refused unless `directories` is set (a server that answers a
 * directory with its index.html).
 */
export function under(root, rest, { directories = false } = {}) {
  let decoded;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return null;
  }
  const refused = (seg) => seg.startsWith(".") || (!directories && seg === "");
  if (decoded.split("/").some(refused)) return null;
  const path = resolve(root, decoded);
  return (directories && path === root) || path.startsWith(root + sep) ? path : null;
}

/**
 * One fixture page, `GET /h/<n>/`. Its headers are fixed when it is
 * registered; its widgets and switches travel in a JSON data block (not a
 * script: CSP does not apply) that e2e/fixtures/host.js reads.
 */
class FixturePage {
  constructor(server, n, spec) {
    this.server = server;
    this.path = `/h/${n}/`;
    /** `http://127.0.0.1:<port>/h/<n>/`: also the redirectUri of its widgets. */
    this.url = server.origin + this.path;
    this.spec = spec;
  }

  /** The page URL with `query` (a string after "?" or an object). */
  urlWith(query) {
    const q = typeof query === "string" ? query : new URLSearchParams(query).toString();
    return this.url + (q ? "?" + q : "");
  }

  headers() {
    const { coop, csp = STRICT_CSP, headers = {} } = this.spec;
    const out = {
      "content-type": TYPES[".html"],
      "cache-control": "no-store",
      // The return page of a redirect carries the code in its URL.
      "referrer-policy": "strict-origin",
      ...headers,
    };
    if (coop) out["cross-origin-opener-policy"] = coop;
    if (csp) out["content-security-policy"] = csp;
    return out;
  }

  /** What host.js needs: each widget's mount element, options and switches. */
  config() {
    const ctx = { url: this.url, origin: this.server.origin };
    const widgets = (this.spec.widgets ?? [{}]).map((w, i) => ({
      id: w.id ?? (i === 0 ? "widget" : `widget-${i + 1}`),
      mount: w.mount ?? true,
      keepHandle: w.keepHandle ?? true,
      options: {
        appId: APP_ID,
        configId: CONFIG_ID,
        callbackUrl: this.server.origin + CALLBACK_PATH,
        ...(typeof w.options === "function" ? w.options(ctx) : (w.options ?? {})),
      },
    }));
    return { widgets, clickFromTimer: this.spec.clickFromTimer ?? null };
  }

  html() {
    // A page written by the test itself (`spec.html(ctx)`), e.g. with custom elements.
    if (this.spec.html) return this.spec.html({ url: this.url, origin: this.server.origin });
    const config = this.config();
    const cards = config.widgets
      .map(
        (w) =>
          `<div id="${escapeHtml(w.id)}" class="widget-host"></div>\n` +
          `<p id="${escapeHtml(w.id)}-error" class="mount-error" role="alert" hidden></p>`,
      )
      .join("\n");
    const sheet = this.spec.linkStylesheet ? `<link rel="stylesheet" href="/web/pkg/wa-signup.css">\n` : "";
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(this.spec.title ?? "Host page")}</title>
<link rel="stylesheet" href="/fixture/host.css">
${sheet}<script type="application/json" id="fixture-config">${jsonForHtml(config)}</script>
<script type="module" src="/fixture/host.js"></script>
</head>
<body>
<main>
<section class="card hero">
<h1>${escapeHtml(this.spec.title ?? "Host page")}</h1>
${cards}
</section>
</main>
</body>
</html>
`;
  }
}

export class HostServer {
  /** @param {{ app: string }} demo the demo server (its `app` origin receives the callback). */
  static async start(demo) {
    const host = new HostServer(demo);
    await new Promise((ok, fail) => {
      host.http.once("error", fail);
      host.http.listen(0, "127.0.0.1", ok);
    });
    host.origin = `http://127.0.0.1:${host.http.address().port}`;
    return host;
  }

  constructor(demo) {
    this.demo = demo;
    this.origin = "";
    /** @type {Map<string, FixturePage>} */
    this.pages = new Map();
    this.next = 0;
    /** Every request the host server answered: { method, url, status }. */
    this.log = [];
    this.http = createServer((req, res) => {
      this.#handle(req, res).catch((e) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(e && e.stack ? e.stack : e));
      });
    });
    // Chromium keeps connections alive; close() must not wait for them.
    this.sockets = new Set();
    this.http.on("connection", (s) => {
      this.sockets.add(s);
      s.once("close", () => this.sockets.delete(s));
    });
  }

  /**
   * Registers a fixture page and returns it (`url`, `urlWith(query)`).
   * spec: { coop?, csp? (default STRICT_CSP, null for none), headers?, title?,
   * linkStylesheet?, widgets?: [{ id?, options (object or ({url, origin}) =>
   * object, over the defaults appId, configId and the absolute callbackUrl),
   * mount? (default true), keepHandle? (default true) }],
   * clickFromTimer?: { widget, delayMs } }.
   */
  page(spec = {}) {
    this.next += 1;
    const page = new FixturePage(this, this.next, spec);
    this.pages.set(page.path, page);
    return page;
  }

  async stop() {
    for (const s of this.sockets) s.destroy();
    await new Promise((ok) => this.http.close(() => ok()));
  }

  async #handle(req, res) {
    const url = new URL(req.url, this.origin);
    const entry = { method: req.method, url: url.href, status: 0 };
    this.log.push(entry);
    const send = (status, headers, body) => {
      entry.status = status;
      res.writeHead(status, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    };
    const path = url.pathname;
    const get = req.method === "GET" || req.method === "HEAD";

    if (path === CALLBACK_PATH) {
      entry.status = await this.#proxy(req, res, url);
      return;
    }
    const page = this.pages.get(path);
    if (page && get) return send(200, page.headers(), page.html());
    const roots = path.startsWith("/web/pkg/")
      ? [[WEB_PKG, "/web/pkg/"]]
      : path.startsWith("/fixture/")
        ? [[FIXTURES, "/fixture/"]]
        : path.startsWith("/pkg/")
          ? PKG_DIRS.map((dir) => [dir, "/pkg/"])
          : [];
    for (const [root, prefix] of get ? roots : []) {
      const file = under(root, path.slice(prefix.length));
      if (file) {
        try {
          const body = await readFile(file);
          return send(
            200,
            {
              "content-type": TYPES[extname(file)] ?? "application/octet-stream",
              "cache-control": "no-store",
              "x-content-type-options": "nosniff",
            },
            body,
          );
        } catch (e) {
          if (e.code !== "ENOENT") throw e;
        }
      }
    }
    if (path === "/favicon.ico") return send(204, {}, "");
    send(404, { "content-type": "text/plain; charset=utf-8" }, `not found: ${req.method} ${path}`);
  }

  /** Forwards the request to the demo server's callback and streams the answer back. */
  #proxy(req, res, url) {
    const target = new URL(url.pathname + url.search, this.demo.app);
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(name)) headers[name] = value;
    }
    headers.host = target.host;
    return new Promise((done, fail) => {
      const upstream = httpRequest(target, { method: req.method, headers }, (answer) => {
        const out = {};
        for (const [name, value] of Object.entries(answer.headers)) {
          if (!HOP_BY_HOP.has(name)) out[name] = value;
        }
        res.writeHead(answer.statusCode, out);
        answer.pipe(res);
        answer.once("end", () => done(answer.statusCode));
        answer.once("error", fail);
      });
      upstream.once("error", (e) => {
        if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
        res.end(`proxy error: ${e.message}`);
        done(502);
      });
      // The browser may abort (timeoutMs); drop the upstream request with it.
      res.once("close", () => {
        if (!res.writableFinished) upstream.destroy();
      });
      req.pipe(upstream);
    });
  }
}
