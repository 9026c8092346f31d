// Starts the real demo server binary (facebook mode, ephemeral ports) and
// talks to its sandbox test API (/__sandbox/*).

import { spawn } from "node:child_process";
import { SERVER_BIN, WEB_PKG } from "./paths.mjs";

const READY = /^WA_SIGNUP_DEMO_READY app=(\S+) meta=(\S+) tls=(\S+)$/m;

export class DemoServer {
  /** @param {import("node:child_process").ChildProcess} child */
  constructor(child, { app, meta, tls }) {
    this.child = child;
    /** `http://127.0.0.1:<port>`: the demo page, callback and sandbox API. */
    this.app = app;
    /** The plain-http sandbox Meta origin (unused in facebook mode). */
    this.meta = meta;
    /** `127.0.0.1:<port>` of the TLS listener serving the facebook.com hosts. */
    this.tls = tls;
    this.output = "";
  }

  /**
   * Spawns `wa-signup-demo --facebook-mode` on free ports and waits for its
   * WA_SIGNUP_DEMO_READY line.
   */
  static async start({ cert, key, args = [], timeoutMs = 15000 } = {}) {
    // prettier-ignore
    const argv = [
      "--port", "0", "--meta-port", "0", "--web-pkg", WEB_PKG,
      "--facebook-mode", "--tls-cert", cert, "--tls-key", key, "--tls-port", "0",
      ...args,
    ];
    const child = spawn(SERVER_BIN, argv, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const ready = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`demo server not ready after ${timeoutMs} ms:\n${output}`));
      }, timeoutMs);
      const onData = (chunk) => {
        output += chunk;
        const m = READY.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve({ app: m[1], meta: m[2], tls: m[3] });
        }
      };
      child.stdout.setEncoding("utf8").on("data", onData);
      child.stderr.setEncoding("utf8").on("data", (chunk) => (output += chunk));
      child.once("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`demo server exited (${code ?? signal}) before it was ready:\n${output}`));
      });
    });
    if (ready.tls === "-") {
      child.kill("SIGKILL");
      throw new Error("demo server started without its TLS listener");
    }
    const server = new DemoServer(child, ready);
    // Never leave the server behind if the test process ends without stop().
    const killOnExit = () => child.kill("SIGKILL");
    process.once("exit", killOnExit);
    child.once("exit", () => process.removeListener("exit", killOnExit));
    child.stdout.on("data", (c) => (server.output += c));
    child.stderr.on("data", (c) => (server.output += c));
    return server;
  }

  /** Stops the server (SIGTERM, then SIGKILL after 3 s). */
  async stop() {
    const child = this.child;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
    await exited;
    clearTimeout(timer);
  }

  async #json(method, path, body) {
    const res = await fetch(this.app + path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  /** Fresh codes, request log, knobs, resources and clock. */
  reset() {
    return this.#json("POST", "/__sandbox/reset", {});
  }

  /** Replaces the knobs (`{ callback: {...}, dialog: {...} }`). */
  control(doc) {
    return this.#json("POST", "/__sandbox/control", doc);
  }

  /** The request log, oldest first (`endpoint` filters, e.g. "callback"). */
  async requests(endpoint) {
    const q = endpoint ? `?endpoint=${encodeURIComponent(endpoint)}` : "";
    return (await this.#json("GET", `/__sandbox/requests${q}`)).requests;
  }

  /** Every request that reached POST /api/signup/callback. */
  callbacks() {
    return this.requests("callback");
  }

  /** What the demo page is told (`/demo-config.json`): mode, widget ids, Graph API version. */
  pageConfig() {
    return this.#json("GET", "/demo-config.json");
  }

  /** The Graph API version the server's SDK and dialog use (the core crate's default). */
  async graphApiVersion() {
    return (await this.pageConfig()).widget.graphApiVersion;
  }

  /** Minted codes (ids and state only). */
  async grants() {
    const doc = await this.#json("GET", "/__sandbox/grants");
    return Array.isArray(doc) ? doc : doc.grants;
  }

  /** Waits until at least `n` callback requests were logged; returns them. */
  async waitForCallbacks(n, timeoutMs = 5000) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const list = await this.callbacks();
      if (list.length >= n) return list;
      if (Date.now() > until) {
        throw new Error(`expected ${n} callback request(s) within ${timeoutMs} ms, got ${list.length}`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
