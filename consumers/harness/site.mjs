// A plain static file server on loopback for one built fixture (its own
// origin, the fixture at "/"), as an integrator's host would serve it, plus
// POST /api/signup/callback forwarded to the demo server (same-origin to the
// page, so the fixtures use a relative callbackUrl; the demo server's request
// log still records the POST).

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { CALLBACK_PATH, TYPES, under } from "../../e2e/harness/host-server.mjs";

export class Site {
  /**
   * Serves `mounts` ({ "/": dir, "/node_modules/wa-signup/": dir, … }; the
   * longest matching prefix wins, "…/" answers index.html) and forwards the
   * callback to `demoApp` (the demo server's http origin).
   */
  static async start(mounts, demoApp) {
    const site = new Site(mounts, demoApp);
    await new Promise((ok, fail) => {
      site.http.once("error", fail);
      site.http.listen(0, "127.0.0.1", ok);
    });
    site.origin = `http://127.0.0.1:${site.http.address().port}`;
    return site;
  }

  constructor(mounts, demoApp) {
    this.mounts = Object.entries(mounts)
      .map(([prefix, dir]) => [prefix, resolve(dir)])
      .sort((a, b) => b[0].length - a[0].length);
    this.demoApp = demoApp;
    this.origin = "";
    /** Every answered request: "<status> <method> <path>" (failure output shows it). */
    this.log = [];
    this.sockets = new Set();
    this.http = createServer((req, res) => {
      this.#handle(req, res).catch((e) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(e?.stack ?? e));
      });
    });
    this.http.on("connection", (s) => {
      this.sockets.add(s);
      s.once("close", () => this.sockets.delete(s));
    });
  }

  async stop() {
    for (const s of this.sockets) s.destroy();
    await new Promise((ok) => this.http.close(() => ok()));
  }

  /** The requests that were answered with an error status. */
  failures() {
    return this.log.filter((line) => !/^[23]\d\d /.test(line));
  }

  async #handle(req, res) {
    const { pathname } = new URL(req.url, "http://site");
    const send = (status, headers, body) => {
      this.log.push(`${status} ${req.method} ${pathname}`);
      res.writeHead(status, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (pathname === CALLBACK_PATH) {
      const body = await new Promise((ok, fail) => {
        const chunks = [];
        req.on("data", (c) => chunks.push(c)).once("end", () => ok(Buffer.concat(chunks))).once("error", fail);
      });
      const answer = await fetch(this.demoApp + CALLBACK_PATH, {
        method: req.method,
        headers: { "content-type": req.headers["content-type"] ?? "application/octet-stream" },
        body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
      });
      const type = answer.headers.get("content-type");
      return send(answer.status, type ? { "content-type": type } : {}, Buffer.from(await answer.arrayBuffer()));
    }
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, { allow: "GET, HEAD" }, "");
    const mount = this.mounts.find(([prefix]) => pathname.startsWith(prefix));
    let file = mount && under(mount[1], pathname.slice(mount[0].length), { directories: true });
    if (file && (pathname.endsWith("/") || (await stat(file).catch(() => null))?.isDirectory())) {
      file = join(file, "index.html");
    }
    if (file) {
      try {
        const body = await readFile(file);
        return send(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" }, body);
      } catch (e) {
        if (e.code !== "ENOENT" && e.code !== "EISDIR") throw e;
      }
    }
    // No fixture has an icon; Chromium asks anyway.
    if (pathname === "/favicon.ico") return send(204, {}, "");
    send(404, { "content-type": "text/plain; charset=utf-8" }, `not found: ${pathname}`);
  }
}
