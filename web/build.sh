#!/usr/bin/env bash
# Builds the widget's browser package into web/pkg/ (ES module + wasm, and
# wa-signup.css).
#
#   web/build.sh
#
# The demo page (and any host page) then does:
#   import init, { mount } from "/web/pkg/wa_signup_web.js"; await init(); mount(el, opts);
# English is compiled in; for another language the page first registers its
# catalogue, web/pkg/widget-locale-<tag>.js (from web/i18n/<tag>.json):
#   registerCatalogue("ar", (await import("/web/pkg/widget-locale-ar.js")).default);
#
# wasm-opt: the current one from the npm `binaryen` package
# (node_modules/.bin/wasm-opt) when present, else any wasm-opt on PATH, else
# the unoptimised wasm is kept (it still works, only larger).
# Prints the size of the package (wasm + JS glue), raw and `gzip -9`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

OUT=web/pkg
NAME=wa_signup_web
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"

# Size (issue 3 budget, 150 kB gz): when the nightly toolchain has rust-src
# (scripts/setup.sh installs it), std is rebuilt with the widget
# (-Z build-std, optimize_for_size) and panics abort at once
# (-C panic=immediate-abort): no panic messages, locations or their formatting
# machinery in the wasm. -Z location-detail=none drops the file/line data
# (build paths like /root/.cargo/...) that #[track_caller] code still
# carries; only panics and Leptos' debug builds read it. On
# wasm32-unknown-unknown a panic message goes nowhere anyway (release is
# panic = "abort"), so only the trap message changes; the widget and the core
# never panic on input. Same switch as scripts/build-pkg.sh (plus
# location-detail). Its own target dir, so the nightly RUSTFLAGS never
# invalidate target/. WA_SIGNUP_STABLE_WEB=1, or no nightly rust-src: the
# stable build (works the same; larger, see web/README.md "Size").
nightly_src="$(rustc +nightly --print sysroot 2>/dev/null || true)/lib/rustlib/src/rust/library"
if [ "${WA_SIGNUP_STABLE_WEB:-0}" != 1 ] && [ -d "$nightly_src" ]; then
    echo "[web/build] nightly -Z build-std + panic=immediate-abort (WA_SIGNUP_STABLE_WEB=1 for stable)"
    BUILD_DIR="$TARGET_DIR/web-nightly"
    CARGO_TARGET_DIR="$BUILD_DIR" RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
        cargo +nightly build -p wa-signup-web --release --target wasm32-unknown-unknown \
        -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size
else
    echo "[web/build] stable toolchain (no nightly rust-src, or WA_SIGNUP_STABLE_WEB=1)"
    BUILD_DIR="$TARGET_DIR"
    cargo build -p wa-signup-web --release --target wasm32-unknown-unknown
fi
wasm-bindgen --target web --out-dir "$OUT" --out-name "$NAME" \
    "$BUILD_DIR/wasm32-unknown-unknown/release/wa_signup_web.wasm"
# The stylesheet, for pages that link it themselves (`styles: "none"`): the
# very file the widget compiles in (src/style.rs), so the two never differ.
cp web/wa-signup.css "$OUT/wa-signup.css"
# The non-English catalogues as ES modules (not in the wasm; web/src/i18n).
node scripts/i18n-modules.mjs "$OUT"

WASM="$OUT/${NAME}_bg.wasm"
if [ -x node_modules/.bin/wasm-opt ]; then
    WASM_OPT=node_modules/.bin/wasm-opt
elif command -v wasm-opt >/dev/null; then
    WASM_OPT="$(command -v wasm-opt)"
else
    WASM_OPT=""
    echo "[web/build] no wasm-opt found (run scripts/setup.sh); keeping the unoptimised wasm" >&2
fi
if [ -n "$WASM_OPT" ]; then
    # Features come from the wasm's target_features section (see strip = "debuginfo").
    # --low-memory-unused: nothing lives below 1 KiB (rustc puts the 1 MiB stack
    # first, growing down from 0x100000, data above it; only a stack within 1 KiB
    # of overflowing would reach it), so binaryen may fold small constant
    # offsets into loads and stores (widget
    # -759 B gz, flow -422, api -315, core -286; bench/README.md "Widget size").
    "$WASM_OPT" -Oz --low-memory-unused --strip-debug --strip-producers --strip-target-features "$WASM" -o "$WASM.opt"
    mv "$WASM.opt" "$WASM"
fi

# Size: the wasm-bindgen glue minus whitespace and with shorter syntax
# (esbuild, a root devDependency), as in scripts/build-pkg.sh. Identifiers are
# not renamed, so `mount`, `MountHandle` and stack traces stay as generated.
# Skipped (with a note) without esbuild.
GLUE="$OUT/$NAME.js"
if [ -x node_modules/.bin/esbuild ]; then
    node_modules/.bin/esbuild "$GLUE" --minify-whitespace --minify-syntax --format=esm \
        --target=es2020 --log-level=warning --outfile="$GLUE.min"
    mv "$GLUE.min" "$GLUE"
else
    echo "[web/build] no node_modules/.bin/esbuild (npm ci): JS glue left unminified" >&2
fi

# Precompressed siblings (x.br: Brotli 11, x.gz: gzip -9) for servers that send
# them by Accept-Encoding (the demo server does; README "Serving the widget's .wasm").
node scripts/precompress.mjs "$WASM" "$GLUE" "$OUT/wa-signup.css" "$OUT"/widget-locale-*.js

raw=$(cat "$WASM" "$OUT/$NAME.js" | wc -c)
gz=$( (gzip -9 -c "$WASM"; gzip -9 -c "$OUT/$NAME.js") | wc -c)
echo "[web/build] $OUT: wasm + JS glue = $raw bytes raw, $gz bytes gzip -9 (budget 150000)"
for f in "$OUT"/widget-locale-*.js; do
    echo "[web/build] $f: $(wc -c < "$f") bytes raw, $(gzip -9 -c "$f" | wc -c) bytes gzip -9 (fetched only in that language)"
done
