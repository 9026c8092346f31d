// Launches Debian's Chromium through playwright-core with the simulated Meta
// hosts mapped onto the demo server's TLS listener.

import { chromium } from "playwright-core";
import { CHROMIUM } from "./paths.mjs";
import { META_HOSTS } from "./tls.mjs";

/** The flags every run uses (headless as root, no background traffic). */
export const BASE_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/**
 * `MAP www.facebook.com 127.0.0.1:<port>, …`: Chromium's host rules accept a
 * port in the replacement, so the TLS listener can sit on an ephemeral port
 * and test files can run in parallel. The page still sees the real origins
 * (`https://www.facebook.com`, port 443).
 */
export function hostResolverRules(tlsAddr) {
  return META_HOSTS.map((host) => `MAP ${host} ${tlsAddr}`).join(", ");
}

/**
 * Chromium with the production origins served by `tlsAddr` (`127.0.0.1:port`).
 * `args`: extra flags (e.g. `--js-flags=--expose-gc`).
 */
export function launchChromium(tlsAddr, { args = [] } = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...BASE_FLAGS,
      `--host-resolver-rules=${hostResolverRules(tlsAddr)}`,
      "--ignore-certificate-errors",
      ...args,
    ],
    // Playwright turns the popup blocker off by default; keep Chromium's, so a
    // FB.login that is not called synchronously inside the click fails here
    // as it would for users.
    ignoreDefaultArgs: ["--disable-popup-blocking"],
    timeout: 20000,
  });
}
