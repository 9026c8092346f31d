#!/usr/bin/env bash
# Runs the wa-signup demo: one command, no Meta app needed (sandbox mode).
#
#   scripts/demo.sh                  # http://127.0.0.1:8080/
#   scripts/demo.sh --port 9000      # any wa-signup-demo option (see --help)
#   PORT=9000 scripts/demo.sh        # same, from the environment
#
# Installs what is missing (scripts/setup.sh: wasm32 target, wasm-bindgen-cli,
# wasm-opt, npm deps), builds the widget package (web/build.sh -> web/pkg/) and
# the server (release), then starts the server in the foreground. Nothing is
# built at request time. Ctrl-C stops it.
#
# Proxy mode (forward the callback to a real platform; the key stays here):
#   WA_SIGNUP_ADMIN_KEY=sk_admin_... scripts/demo.sh --upstream https://api.example.com
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '[demo] %s\n' "$*"; }

if [ -x scripts/setup.sh ] || [ -f scripts/setup.sh ]; then
    # nightly: web/build.sh builds the widget the README's size table
    # describes (nightly build-std); the stable fallback is over its budget.
    log "checking the toolchain (scripts/setup.sh rust wasm binaryen node nightly)"
    bash scripts/setup.sh rust wasm binaryen node nightly
else
    command -v cargo >/dev/null || { echo "[demo] cargo not found: install Rust (https://rustup.rs)" >&2; exit 1; }
fi

log "building the widget package (web/build.sh -> web/pkg/)"
bash web/build.sh

log "building the demo server (cargo build --release -p wa-signup-demo)"
cargo build --release -p wa-signup-demo

TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
ARGS=("$@")
if [ -n "${PORT:-}" ]; then
    ARGS=(--port "$PORT" "${ARGS[@]}")
fi
log "starting: open the URL printed below"
exec "$TARGET_DIR/release/wa-signup-demo" --web-pkg "$ROOT/web/pkg" "${ARGS[@]}"
