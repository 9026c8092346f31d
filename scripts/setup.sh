#!/usr/bin/env bash
# Installs everything the build, the tests and the demo need, idempotently.
#
#   scripts/setup.sh              # everything (what scripts/test.sh runs)
#   scripts/setup.sh wasm node    # only some groups
#
# Groups:
#   rust     wasm32-unknown-unknown target
#   wasm     wasm-pack, wasm-bindgen-cli at exactly the Cargo.lock version
#   browser  Debian chromium + chromium-driver, curl, openssl (browser tests, e2e)
#   binaryen Debian binaryen (a wasm-opt on PATH; the build prefers the npm one)
#   node     npm ci when node_modules is missing or older than package-lock.json
#   redis    Debian redis-server (the service's shared-store tests start their own on loopback)
#   nightly  nightly toolchain + rust-src (the smallest wasm builds)
#   fuzz     nightly (above) + cargo-fuzz
#
# Each step checks first and only installs what is missing, so a second run
# takes a second or two. Only package registries are used (crates.io, Debian,
# npm): nothing is downloaded from GitHub or browser vendors.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

# The version of a package recorded in Cargo.lock (first match).
lock_version() {
    awk -v name="$1" '
        $0 == "name = \"" name "\"" { found = 1; next }
        found && /^version = / { gsub(/"/, "", $3); print $3; exit }
    ' Cargo.lock
}

# ---------------------------------------------------------------- groups ----

setup_rust() {
    command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first (https://rustup.rs)"
    if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        log "ok: rust target wasm32-unknown-unknown"
    else
        log "installing rust target wasm32-unknown-unknown"
        rustup target add wasm32-unknown-unknown
    fi
}

setup_wasm() {
    if command -v wasm-pack >/dev/null; then
        log "ok: $(wasm-pack --version)"
    else
        log "installing wasm-pack (cargo install --locked)"
        cargo install --locked wasm-pack
    fi

    local want have
    want="$(lock_version wasm-bindgen)"
    [ -n "$want" ] || die "no wasm-bindgen entry in Cargo.lock"
    have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
    if [ "$have" = "$want" ]; then
        log "ok: wasm-bindgen-cli $have (matches Cargo.lock)"
    else
        log "installing wasm-bindgen-cli $want (found: ${have:-none})"
        # --locked first; some versions' lockfiles pin a yanked crate, so fall back.
        cargo install --locked --force wasm-bindgen-cli --version "=$want" \
            || { log "--locked install failed; retrying without --locked";
                 cargo install --force wasm-bindgen-cli --version "=$want"; }
        have="$(wasm-bindgen --version | awk '{print $2}')"
        [ "$have" = "$want" ] || die "wasm-bindgen is $have after install, want $want"
    fi
}

# apt-get install the given Debian packages that are not installed yet.
apt_ensure() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        log "ok: apt packages $*"
        return
    fi
    command -v apt-get >/dev/null || die "missing ${missing[*]} and no apt-get: install them by hand"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "missing ${missing[*]}: run as root or install sudo"
        sudo=(sudo)
    fi
    log "installing apt packages: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

setup_browser() {
    # curl: health checks of loopback test servers; openssl: the e2e TLS cert.
    apt_ensure chromium chromium-driver curl openssl
}

setup_binaryen() {
    apt_ensure binaryen
}

setup_redis() {
    # Only the binary is used: tests and bench/service.sh start their own
    # redis-server on a free loopback port, with no persistence.
    apt_ensure redis-server
}

setup_node() {
    if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
        apt_ensure nodejs npm
    fi
    local major
    major="$(node -p 'process.versions.node.split(".")[0]')"
    [ "$major" -ge 20 ] || die "node $major found; node >= 20 is needed"

    # npm records what it installed in node_modules/.package-lock.json; compare
    # every package's version and integrity with the committed lockfile.
    if node -e '
        const fs = require("fs");
        const manifest = JSON.parse(fs.readFileSync("package.json", "utf8"));
        const want = JSON.parse(fs.readFileSync("package-lock.json", "utf8")).packages;
        // package.json edited without updating the lockfile: let npm ci say so.
        for (const [name, range] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
            const root = want[""] ?? {};
            if ((root.devDependencies ?? {})[name] !== range && (root.dependencies ?? {})[name] !== range) process.exit(1);
        }
        const have = JSON.parse(fs.readFileSync("node_modules/.package-lock.json", "utf8")).packages;
        for (const [key, pkg] of Object.entries(want)) {
            if (key === "" || pkg.optional) continue;
            const got = have[key];
            if (!got || got.version !== pkg.version || got.integrity !== pkg.integrity) process.exit(1);
            if (!fs.existsSync(key + "/package.json")) process.exit(1);
        }' 2>/dev/null; then
        log "ok: node_modules matches package-lock.json (node $(node --version))"
    else
        log "npm ci (node_modules missing or out of date)"
        npm ci --no-audit --no-fund --loglevel=error
    fi
}

# The nightly toolchain with rust-src: scripts/build-pkg.sh and web/build.sh
# rebuild std with it (-Z build-std) for the smallest wasm (without it they
# fall back to stable, and the stable widget is over its 150 kB budget).
setup_nightly() {
    if rustup toolchain list | grep -q '^nightly'; then
        log "ok: nightly toolchain"
    else
        log "installing nightly toolchain (minimal profile)"
        rustup toolchain install nightly --profile minimal
    fi
    if rustup component list --toolchain nightly --installed | grep -q '^rust-src'; then
        log "ok: nightly rust-src"
    else
        log "installing nightly rust-src (for scripts/build-pkg.sh and web/build.sh)"
        rustup component add rust-src --toolchain nightly
    fi
}

setup_fuzz() {
    setup_nightly
    if command -v cargo-fuzz >/dev/null; then
        log "ok: cargo-fuzz $(cargo-fuzz --version 2>/dev/null | awk '{print $2}')"
    else
        log "installing cargo-fuzz"
        cargo install --locked cargo-fuzz || cargo install cargo-fuzz
    fi
}

# ------------------------------------------------------------------ main ----

ALL=(rust wasm browser binaryen redis node nightly fuzz)
groups=("$@")
[ "${#groups[@]}" -gt 0 ] || groups=("${ALL[@]}")

start=$SECONDS
for group in "${groups[@]}"; do
    case "$group" in
        rust | wasm | browser | binaryen | redis | node | nightly | fuzz) "setup_$group" ;;
        *) die "unknown group '$group' (known: ${ALL[*]})" ;;
    esac
done
log "done in $((SECONDS - start)) s"
