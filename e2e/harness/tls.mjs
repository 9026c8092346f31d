// A throw-away self-signed certificate for the simulated Meta hosts, made with
// the openssl CLI at test time (never committed, deleted after the run).

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The names the demo server answers for in facebook mode. */
export const META_HOSTS = ["connect.facebook.net", "www.facebook.com", "web.facebook.com", "evilfacebook.com"];

/**
 * Creates `cert.pem` / `key.pem` (P-256, 2 days, SANs = META_HOSTS) in a fresh
 * temporary directory. `remove()` deletes it.
 */
export function makeCertificate() {
  const dir = mkdtempSync(join(tmpdir(), "wa-signup-e2e-tls-"));
  const cert = join(dir, "cert.pem");
  const key = join(dir, "key.pem");
  const san = META_HOSTS.map((h) => `DNS:${h}`).join(",");
  // prettier-ignore
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
    "-days", "2", "-subj", "/CN=wa-signup e2e", "-keyout", key, "-out", cert,
    "-addext", `subjectAltName=${san}`,
    "-addext", "basicConstraints=critical,CA:FALSE",
    "-addext", "extendedKeyUsage=serverAuth",
  ], { stdio: ["ignore", "ignore", "pipe"] });
  return {
    dir,
    cert,
    key,
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
