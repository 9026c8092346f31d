#!/usr/bin/env node
// A real loopback HTTP server standing in for the integrator's signup callback
// (seed 003) during the flow's browser tests (crate/tests/browser_flow*.rs).
//
//   WA_TEST_CALLBACK_PORT=8787 node tests/support/callback-server.mjs
//
// Listens on 127.0.0.1 only. Prints "callback-server listening on http://127.0.0.1:PORT"
// once ready; stops on SIGINT/SIGTERM. Every route takes a per-test `key` so tests
// never see each other's requests:
//
//   POST /cb/<key>/ok        200, the seed-003 business profile
//   POST /cb/<key>/json      200, {"ok":true} (not a profile: handed back as JSON)
//   POST /cb/<key>/empty     204, no body
//   POST /cb/<key>/400       400, {"error":"invalid_code","message":"code already used"}
//   POST /cb/<key>/500       500, text "upstream exploded"
//   POST /cb/<key>/slow      200 after ?ms= (default 2000) ms
//   GET  /received/<key>     [{ method, path, at, headers, body }] of every request to /cb/<key>/…
//   GET  /sdk.js             a stand-in for Meta's SDK: defines window.FB, calls fbAsyncInit
//   GET  /sdk-nofb.js        loads fine but defines nothing
//   GET  /missing.js         404
//   GET  /health             "ok"
//
// CORS: the request's Origin is echoed with credentials allowed, preflights
// answer every requested header, so the wasm-pack test page (another loopback
// port) can call it with any `credentials` mode.

import http from "node:http";

const port = Number(process.env.WA_TEST_CALLBACK_PORT || 8787);
const received = new Map();

const PROFILE = {
  id: "wabp_2DbBs7GWhGvVNJGrDXr5RG0mBWI",
  organizationId: "org_test",
  metaWabaId: "104996122399160",
  metaBusinessId: "512345678901234",
  businessName: "Acme Corp",
  tokenExpiresAt: null,
  onboardingCompletedAt: "2023-11-07T05:31:56Z",
  createdAt: "2023-11-07T05:31:56Z",
  phoneNumbers: [
    {
      id: "wapn_2DbBs7GWhGvVNJGrDXr5RG0mBWI",
      displayPhoneNumber: "+15551234567",
      metaPhoneNumberId: "106540352242922",
      verified: true,
      qualityRating: "GREEN",
    },
  ],
  isTestProfile: true,
};

const FAKE_SDK = `
(function () {
  var FB = {
    inits: [], logins: [],
    init: function (o) { FB.inits.push(JSON.parse(JSON.stringify(o))); },
    login: function (cb, o) { FB.logins.push({ cb: cb, opts: JSON.parse(JSON.stringify(o)) }); },
    fromSdkScript: true
  };
  window.FB = FB;
  window.__fakeSdkLoads = (window.__fakeSdkLoads || 0) + 1;
  if (typeof window.fbAsyncInit === "function") window.fbAsyncInit();
})();
`;

function cors(req, res) {
  const origin = req.headers.origin;
  if (origin) {
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Access-Control-Allow-Credentials", "true");
    res.setHeader("Vary", "Origin");
  }
  res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
  const asked = req.headers["access-control-request-headers"];
  res.setHeader("Access-Control-Allow-Headers", asked || "content-type, accept");
  res.setHeader("Access-Control-Max-Age", "5");
}

function send(res, status, body, type = "application/json") {
  if (body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
  res.end(text);
}

const server = http.createServer((req, res) => {
  cors(req, res);
  const url = new URL(req.url, "http://127.0.0.1");
  if (req.method === "OPTIONS") return send(res, 204);

  let body = "";
  req.setEncoding("utf8");
  req.on("data", (chunk) => {
    body += chunk;
    if (body.length > 1 << 20) req.destroy();
  });
  req.on("end", () => {
    const parts = url.pathname.split("/").filter(Boolean);
    if (parts[0] === "cb" && parts.length === 3) {
      const [, key, route] = parts;
      if (!received.has(key)) received.set(key, []);
      received.get(key).push({
        method: req.method,
        path: url.pathname + url.search,
        at: Date.now(),
        headers: {
          "content-type": req.headers["content-type"] || null,
          accept: req.headers.accept || null,
          "x-csrf-token": req.headers["x-csrf-token"] || null,
          cookie: req.headers.cookie || null,
        },
        body,
      });
      switch (route) {
        case "ok": return send(res, 200, PROFILE);
        case "json": return send(res, 200, { ok: true });
        case "empty": return send(res, 204);
        case "400": return send(res, 400, { error: "invalid_code", message: "code already used" });
        case "500": return send(res, 500, "upstream exploded", "text/plain");
        case "slow": {
          const ms = Math.min(Number(url.searchParams.get("ms") || 2000), 30000);
          const t = setTimeout(() => send(res, 200, PROFILE), ms);
          res.on("close", () => clearTimeout(t));
          return;
        }
        default: return send(res, 404, { error: "no such route" });
      }
    }
    if (req.method === "GET" && parts[0] === "received" && parts.length === 2) {
      return send(res, 200, received.get(parts[1]) || []);
    }
    if (req.method === "GET" && url.pathname === "/sdk.js") return send(res, 200, FAKE_SDK, "text/javascript");
    if (req.method === "GET" && url.pathname === "/sdk-nofb.js") return send(res, 200, "/* nothing */", "text/javascript");
    if (req.method === "GET" && url.pathname === "/health") return send(res, 200, "ok", "text/plain");
    return send(res, 404, { error: "not found" });
  });
});

server.listen(port, "127.0.0.1", () => {
  console.log(`callback-server listening on http://127.0.0.1:${port}`);
});
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => server.close(() => process.exit(0)));
}
