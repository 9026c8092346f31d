#!/usr/bin/env bash
# End-to-end tests: builds what they need, then `node --test e2e/`.
#
#   e2e/run.sh                     # build if stale, run every e2e test
#   e2e/run.sh e2e/forged.test.mjs # build if stale, run some files
#   E2E_NO_BUILD=1 e2e/run.sh      # run against what is already built
#
# Needs: the release demo server (cargo build --release -p wa-signup-demo) and
# the widget package web/pkg/ (web/build.sh). Cargo is incremental, so the
# server build is a no-op when nothing changed; web/build.sh always re-runs
# wasm-bindgen + wasm-opt, so it runs only when web/pkg/ is older than its
# inputs (web/, crate/, Cargo.lock, Cargo.toml) -- a widget built earlier in
# the same test run is not built twice. The npm package pkg/ (the flow
# module, for flow-preload.test.mjs) follows the same rule.
#
# Runs Debian's Chromium (CHROME, default /usr/bin/chromium) via
# playwright-core; screenshots go to artifacts/screenshots/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '[e2e] %s\n' "$*"; }

# True when $1 is missing or some file under the other paths is newer.
stale() {
    local out="$1"
    shift
    [ -e "$out" ] || return 0
    [ -n "$(find "$@" -newer "$out" -type f -print -quit 2>/dev/null)" ]
}

if [ "${E2E_NO_BUILD:-}" != 1 ]; then
    log "cargo build --release -p wa-signup-demo"
    cargo build --locked --release -p wa-signup-demo
    if stale web/pkg/wa_signup_web_bg.wasm web/src web/i18n web/build.rs scripts/i18n-modules.mjs web/Cargo.toml web/build.sh crate/src crate/Cargo.toml Cargo.toml Cargo.lock; then
        log "web/build.sh (web/pkg/ missing or older than its sources)"
        bash web/build.sh
    else
        log "web/pkg/ is up to date"
    fi
    # The npm package pkg/: flow-preload.test.mjs loads the flow module from it
    # (preloadSdk before init()). Rebuilt only when missing or older than its inputs.
    if stale pkg/package.json crate/src crate/Cargo.toml js scripts/build-pkg.sh scripts/pkg-*.mjs Cargo.toml Cargo.lock web/pkg/wa_signup_web_bg.wasm; then
        log "scripts/build-pkg.sh (pkg/ missing or older than its sources)"
        bash scripts/build-pkg.sh
    else
        log "pkg/ is up to date"
    fi
fi

command -v openssl >/dev/null || { echo "[e2e] openssl not found (apt-get install openssl)" >&2; exit 1; }
[ -d node_modules/playwright-core ] || { echo "[e2e] node_modules/playwright-core missing: run scripts/setup.sh" >&2; exit 1; }

if [ $# -eq 0 ]; then
    set -- e2e/
fi
start=$SECONDS
node --test "$@"
log "done in $((SECONDS - start)) s; screenshots in artifacts/screenshots/"
