#!/usr/bin/env bash
# Size report of what users download: raw and `gzip -9` bytes.
#
#   scripts/size.sh                 # core package (pkg/) and widget (web/pkg/) if built
#   scripts/size.sh --compare-opt   # also: Debian wasm-opt vs npm wasm-opt on the core wasm
#
# Budgets (issues 2, 3, 5): core (`wa-signup`) wasm + JS glue <= 40 kB gzipped,
# widget <= 150 kB gzipped; `wa-signup/api` and `wa-signup/flow` are reported. Over budget prints OVER BUDGET but exits 0: sizes are reported, not
# tested. For the comparison with libphonenumber-js see `node bench/size.mjs`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

compare=0
[ "${1:-}" = "--compare-opt" ] && compare=1

gz() { gzip -9 -c "$1" | wc -c; }
row() { printf '  %-44s %9s B %9s B gz\n' "$1" "$2" "$3"; }

# report LABEL BUDGET_BYTES FILE...   (BUDGET_BYTES "-": no budget, totals only)
report() {
    local label="$1" budget="$2" raw=0 gzsum=0 f r g
    shift 2
    echo "$label"
    for f in "$@"; do
        r=$(wc -c < "$f")
        g=$(gz "$f")
        row "$f" "$r" "$g"
        raw=$((raw + r))
        gzsum=$((gzsum + g))
    done
    row "total" "$raw" "$gzsum"
    if [ "$budget" = - ]; then
        return 0
    elif [ "$gzsum" -le "$budget" ]; then
        printf '  budget %d B gz: ok (%d%%)\n' "$budget" $((gzsum * 100 / budget))
    else
        printf '  budget %d B gz: OVER BUDGET by %d B\n' "$budget" $((gzsum - budget))
    fi
}

# The npm package's entry points, each its own wasm module (scripts/build-pkg.sh):
# what a browser downloads for `import … from "wa-signup"` (the 40 kB budget),
# `"wa-signup/api"` and `"wa-signup/flow"`: the wasm, its glue, the modules it
# imports and the shared error.js (WaSignupError, once per page whatever the
# entry points).
# The package's own modules FILE imports statically (`from "./x.js"`, minified
# or not), error.js left out (each report adds it once): e.g. the flow glue's
# widget-sdk.js (preloadSdk).
imported_js() {
    grep -oE 'from ?"\./[A-Za-z0-9_.-]+\.js"' "$1" | sed -E 's#from ?"\./(.*)"#pkg/\1#' |
        grep -v '^pkg/error\.js$' | sort -u
}

if [ -f pkg/wa_signup_bg.wasm ]; then
    report "npm package, wa-signup (phone, ids, events; release, wasm-opt -Oz):" 40000 \
        pkg/wa_signup_bg.wasm pkg/wa_signup.js pkg/error.js
    for name in api flow; do
        [ -f "pkg/wa_signup_${name}_bg.wasm" ] || continue
        mapfile -t extra_js < <(imported_js "pkg/wa_signup_${name}.js")
        report "npm package, wa-signup/$name:" - \
            "pkg/wa_signup_${name}_bg.wasm" "pkg/wa_signup_${name}.js" "${extra_js[@]}" pkg/error.js
    done
    # The widget entry: widget.js and the package modules it imports statically,
    # over the widget's glue and wasm: what a page in English downloads. A page
    # in another language also fetches that language's widget-locale-<tag>.js
    # (a dynamic import, in parallel with the wasm), reported apart.
    if [ -f pkg/widget.js ]; then
        mapfile -t widget_js < <(imported_js pkg/widget.js | grep -v '^pkg/wa_signup_web\.js$')
        widget_js=(pkg/widget.js "${widget_js[@]}")
        report "npm package, wa-signup/widget:" 150000 \
            pkg/wa_signup_web_bg.wasm pkg/wa_signup_web.js "${widget_js[@]}" pkg/error.js
        mapfile -t locales < <(find pkg -maxdepth 1 -name 'widget-locale-*.js' | sort)
        [ "${#locales[@]}" -eq 0 ] ||
            report "npm package, wa-signup/widget texts (one more module on a page in that language; total: all of them):" - "${locales[@]}"
    fi
    # Node only (never downloaded by a page): the entries that initialise at import.
    report "npm package, Node entries (initSync at import; not in any page):" - \
        pkg/wa_signup.node.js pkg/wa_signup.cjs
else
    echo "npm package: not built (scripts/build-pkg.sh)"
fi

if [ -f web/pkg/wa_signup_web_bg.wasm ]; then
    report "widget (web/pkg/, English built in):" 150000 web/pkg/wa_signup_web_bg.wasm web/pkg/wa_signup_web.js
    mapfile -t locales < <(find web/pkg -maxdepth 1 -name 'widget-locale-*.js' | sort)
    [ "${#locales[@]}" -eq 0 ] ||
        report "widget texts (web/pkg/, registerCatalogue; one per page in that language):" - "${locales[@]}"
else
    echo "widget: not built (web/build.sh)"
fi

if [ "$compare" = 1 ]; then
    src=target/wa_signup_bg.noopt.wasm
    [ -f "$src" ] || { echo "no $src: run scripts/build-pkg.sh first"; exit 0; }
    echo "core wasm by optimiser (from $src):"
    row "wasm-bindgen output, no wasm-opt" "$(wc -c < "$src")" "$(gz "$src")"
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    for opt in /usr/bin/wasm-opt node_modules/.bin/wasm-opt; do
        [ -x "$opt" ] || continue
        out="$tmp/out.wasm"
        if "$opt" -Oz --strip-debug --strip-producers --strip-target-features "$src" -o "$out" 2>"$tmp/err"; then
            row "$("$opt" --version | head -n1) -Oz" "$(wc -c < "$out")" "$(gz "$out")"
        else
            row "$("$opt" --version | head -n1) -Oz: failed ($(head -c 60 "$tmp/err" | tr '\n' ' '))" - -
        fi
    done
fi
