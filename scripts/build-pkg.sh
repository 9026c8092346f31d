#!/usr/bin/env bash
# Builds the npm package into pkg/ (release, --target web): three entry points
# of the core crate, each its own wasm module (see MODULES below), and the
# widget (web/, `wa-signup/widget`).
#
#   scripts/build-pkg.sh
#
# Why --target web: the output is a plain ES module that works unchanged in
# browsers (`await init()` fetches the .wasm next to the JS) and in bundlers that
# understand `new URL("…wasm", import.meta.url)` (Vite, webpack 5, Rollup).
# Node gets its own entries (scripts/pkg-assemble.mjs: ES and CommonJS, the
# wasm initialised at import). The node tests import exactly this package, so
# we test what we ship.
#
# wasm-opt: wasm-pack's built-in step would pick Debian's wasm-opt (binaryen
# 108, old); we build with --no-opt and run the current wasm-opt from the npm
# `binaryen` package (node_modules/.bin/wasm-opt) with -Oz instead, falling back
# to any wasm-opt on PATH. Features are detected from the wasm's
# target_features section (see strip = "debuginfo" in Cargo.toml).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

OUT=pkg

# The npm package has three entry points, each its own wasm module built from
# the crate with one feature, so a page downloads only what it imports:
#   wa-signup       (js-core)  phone numbers, ids, the secret check, session events
#   wa-signup/api   (js-api)   platform API models (seeds 000-004)
#   wa-signup/flow  (js-flow)  the EmbeddedSignup class
# "feature out-name subpath" per module; the first is the package's main entry.
MODULES=(
    "js-core wa_signup ."
    "js-api wa_signup_api ./api"
    "js-flow wa_signup_flow ./flow"
)

# Size (issue 2 budget, 40 kB gz): when the nightly toolchain has rust-src
# (scripts/setup.sh fuzz installs it), std is rebuilt with the crate
# (-Z build-std, optimize_for_size) and panics abort at once
# (-C panic=immediate-abort): no panic messages, locations or formatting
# machinery in the wasm (~10% smaller gzipped). The crate never panics on
# input (property tests, fuzzing), so only the trap message changes.
# core and alloc keep opt-level 3 as in the prebuilt std (at "z" their
# memchr/UTF-8/copy loops made isE164Batch ~30% slower; at 3 the wasm is
# even a little smaller after LTO).
# Its own target dir, so the different RUSTFLAGS never invalidate target/.
# WA_SIGNUP_STABLE_PKG=1, or no nightly rust-src: the stable build, as before.
nightly_src="$(rustc +nightly --print sysroot 2>/dev/null || true)/lib/rustlib/src/rust/library"
if [ "${WA_SIGNUP_STABLE_PKG:-0}" != 1 ] && [ -d "$nightly_src" ]; then
    echo "[build-pkg] nightly -Z build-std + panic=immediate-abort (WA_SIGNUP_STABLE_PKG=1 for stable)"
    nightly=1
else
    echo "[build-pkg] stable toolchain (no nightly rust-src, or WA_SIGNUP_STABLE_PKG=1)"
    nightly=0
fi

# wasm-pack build of one module into the directory $1 (relative to the repo
# root; wasm-pack resolves --out-dir relative to the crate directory). Every
# module also gets `small-alloc`: Talc instead of dlmalloc (~1.6 kB gz less each).
wasm_pack_module() {
    local dir="$1" feature="$2,small-alloc" name="$3"
    local args=(--log-level warn build crate --release --target web --out-dir "../$dir" --out-name "$name" --no-opt)
    if [ "$nightly" = 1 ]; then
        CARGO_TARGET_DIR="$ROOT/target/pkg-nightly" RUSTUP_TOOLCHAIN=nightly \
            RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
            wasm-pack "${args[@]}" \
            -- --no-default-features --features "$feature" \
            -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size \
            --config profile.release.package.core.opt-level=3 \
            --config profile.release.package.alloc.opt-level=3
    else
        wasm-pack "${args[@]}" -- --no-default-features --features "$feature"
    fi
}

if [ -x node_modules/.bin/wasm-opt ]; then
    WASM_OPT=node_modules/.bin/wasm-opt
elif command -v wasm-opt >/dev/null; then
    WASM_OPT="$(command -v wasm-opt)"
else
    echo "[build-pkg] no wasm-opt found: run scripts/setup.sh (npm ci installs binaryen)" >&2
    exit 1
fi

rm -rf "$OUT"
mkdir -p target
for module in "${MODULES[@]}"; do
    read -r feature name subpath <<<"$module"
    if [ "$subpath" = . ]; then
        # The main entry: wasm-pack also writes package.json and .gitignore.
        wasm_pack_module "$OUT" "$feature" "$name"
    else
        parts="target/pkg-parts/$name"
        rm -rf "$parts"
        wasm_pack_module "$parts" "$feature" "$name"
        cp "$parts/$name.js" "$parts/$name.d.ts" "$parts/${name}_bg.wasm" "$parts/${name}_bg.wasm.d.ts" "$OUT/"
    fi

    WASM="$OUT/${name}_bg.wasm"
    # Keep the un-optimised output for scripts/size.sh --compare-opt and
    # scripts/wasm-top.mjs.
    cp "$WASM" "target/${name}_bg.noopt.wasm"
    before=$(wc -c < "$WASM")
    # --low-memory-unused: nothing lives below 1 KiB (rustc puts the 1 MiB stack
    # first, growing down from 0x100000, data above it; only a stack within 1 KiB
    # of overflowing would reach it), so binaryen may fold small constant
    # offsets into loads and stores (widget
    # -759 B gz, flow -422, api -315, core -286; bench/README.md "Widget size").
    "$WASM_OPT" -Oz --low-memory-unused --strip-debug --strip-producers --strip-target-features "$WASM" -o "$WASM.opt"
    mv "$WASM.opt" "$WASM"
    echo "[build-pkg] $("$WASM_OPT" --version | head -n1): $WASM $before -> $(wc -c < "$WASM") bytes"

    # Before init()/initSync(), every export throws WaSignupError NOT_INITIALIZED
    # (not a TypeError from inside the glue); the glue also exports WaSignupError.
    node scripts/pkg-glue.mjs "$OUT/$name.js" "wa-signup${subpath#.}"

    # Size: the wasm-bindgen glue minus whitespace and with shorter syntax
    # (esbuild, a root devDependency). Identifiers are not renamed, so class and
    # function names, stack traces and the exports stay as generated; gzip -9 of
    # the glue drops by about a third. Skipped (with a note) without esbuild.
    GLUE="$OUT/$name.js"
    if [ -x node_modules/.bin/esbuild ]; then
        before=$(wc -c < "$GLUE")
        node_modules/.bin/esbuild "$GLUE" --minify-whitespace --minify-syntax --format=esm \
            --target=es2020 --log-level=warning --outfile="$GLUE.min"
        mv "$GLUE.min" "$GLUE"
        echo "[build-pkg] esbuild --minify-whitespace --minify-syntax: $GLUE $before -> $(wc -c < "$GLUE") bytes"
    else
        echo "[build-pkg] no node_modules/.bin/esbuild (npm ci): JS glue left unminified" >&2
    fi
done

# The widget (`wa-signup/widget`): web/build.sh builds it into web/pkg/ (the
# demo server serves that directory), then its files are copied into the
# package. Built only when web/pkg/ is older than its sources (the same check
# as e2e/run.sh), so the test command builds the widget once.
stale() {
    local out="$1"
    shift
    [ -e "$out" ] || return 0
    [ -n "$(find "$@" -newer "$out" -type f -print -quit 2>/dev/null)" ]
}
if stale web/pkg/wa_signup_web_bg.wasm web/src web/i18n web/build.rs web/Cargo.toml web/build.sh \
    scripts/i18n-modules.mjs web/wa-signup.css crate/src crate/Cargo.toml Cargo.toml Cargo.lock; then
    echo "[build-pkg] web/build.sh (web/pkg/ missing or older than its sources)"
    bash web/build.sh
else
    echo "[build-pkg] web/pkg/ is up to date"
fi

# The rest of the package (scripts/pkg-assemble.mjs): js/ sources (WaSignupError,
# the widget entry), the Node ESM and CommonJS entries that initialise at
# import, the error-code unions in the .d.ts, the widget's files, README and
# licenses, and package.json with its `exports` map.
node scripts/pkg-assemble.mjs "$OUT" "${MODULES[@]}"
# Precompressed siblings of what a browser fetches (x.br: Brotli 11, x.gz:
# gzip -9), for servers that send them; not in package.json's `files`.
node scripts/precompress.mjs "$OUT"/*.wasm "$OUT"/*.js "$OUT"/*.css
