#!/usr/bin/env bash
# Builds the widget as web/build.sh does (nightly -Z build-std, release
# profile, wasm-bindgen --target web, wasm-opt, esbuild-minified glue) into
# target/size-exp/out/NAME/ instead of web/pkg/, with compiler-level changes
# given on the command line, and prints gzip -9 of wasm + glue. Used for
# issue 14's size steps (bench/README.md, "Widget size: compiler-level
# settings"); never touches web/pkg/.
#
#   bench/widget-variants.sh NAME [--src DIR] [--config K=V]... [--wasm-opt "FLAGS"] [--rustflags "FLAGS"]
#
#   bench/widget-variants.sh base
#   bench/widget-variants.sh s --config 'profile.release.opt-level="s"'
#   bench/widget-variants.sh O3 --wasm-opt "-O3 --converge"
#   bench/widget-variants.sh feat --src /tmp/copy   # a copy with other Cargo features
#
# --src: build another copy of the workspace (e.g. `git archive HEAD | tar -x -C DIR`
# with an edited web/Cargo.toml), so the shared checkout is never changed.
# Default wasm-opt flags: web/build.sh's (-Oz --low-memory-unused). The un-optimised wasm-bindgen output
# (with its name section) is kept as NAME/noopt.wasm for scripts/wasm-top.mjs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

name="${1:?usage: bench/widget-variants.sh NAME [--src DIR] [--config K=V]... [--wasm-opt FLAGS] [--rustflags FLAGS]}"
shift
src="$ROOT"
configs=()
opt_flags="-Oz --low-memory-unused"
extra_rustflags=""
while [ $# -gt 0 ]; do
    case "$1" in
        --src) src="$2"; shift 2 ;;
        --config) configs+=(--config "$2"); shift 2 ;;
        --wasm-opt) opt_flags="$2"; shift 2 ;;
        --rustflags) extra_rustflags="$2"; shift 2 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

target_dir="$ROOT/target/size-exp"
out="$target_dir/out/$name"
rm -rf "$out"
mkdir -p "$out"

(
    cd "$src"
    CARGO_TARGET_DIR="$target_dir" \
        RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none $extra_rustflags" \
        cargo +nightly build -q -p wa-signup-web --release --target wasm32-unknown-unknown \
        -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size "${configs[@]}"
)
wasm-bindgen --target web --out-dir "$out" --out-name wa_signup_web \
    "$target_dir/wasm32-unknown-unknown/release/wa_signup_web.wasm"
cp "$out/wa_signup_web_bg.wasm" "$out/noopt.wasm"

opt="$ROOT/node_modules/.bin/wasm-opt"
[ -x "$opt" ] || opt="$(command -v wasm-opt)"
# shellcheck disable=SC2086 # the flags are a list
"$opt" $opt_flags --strip-debug --strip-producers --strip-target-features \
    "$out/wa_signup_web_bg.wasm" -o "$out/opt.wasm"
mv "$out/opt.wasm" "$out/wa_signup_web_bg.wasm"
"$ROOT/node_modules/.bin/esbuild" "$out/wa_signup_web.js" --minify-whitespace --minify-syntax \
    --format=esm --target=es2020 --log-level=warning --outfile="$out/glue.min.js"
mv "$out/glue.min.js" "$out/wa_signup_web.js"

w=$(wc -c < "$out/wa_signup_web_bg.wasm")
g=$(wc -c < "$out/wa_signup_web.js")
wz=$(gzip -9 -c "$out/wa_signup_web_bg.wasm" | wc -c)
gz=$(gzip -9 -c "$out/wa_signup_web.js" | wc -c)
printf '%-24s wasm %7d B (%6d gz)  glue %6d B (%5d gz)  total %7d B raw %7d B gzip -9\n' \
    "$name" "$w" "$wz" "$g" "$gz" $((w + g)) $((wz + gz))
