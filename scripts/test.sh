#!/usr/bin/env bash
# THE test command: sets up a fresh machine, then runs every check and test.
#
#   scripts/test.sh                 # everything, fail fast
#   scripts/test.sh --list          # list the stages in order
#   scripts/test.sh clippy test     # only the named stages (setup is not implied)
#   scripts/test.sh --skip fuzz     # everything except the named stage(s)
#   scripts/test.sh --keep-going    # run all stages even after a failure
#
# Stages run in order of their number. Built-in stages are the functions
# below; more stages plug in as files `scripts/test.d/NN-name.sh` (run with
# bash, `set -euo pipefail`, from the repo root, with the environment below).
# A plug-in with the same name as a built-in stage replaces it (e.g. to start
# a loopback HTTP server around the browser tests).
#
# Environment given to every stage: ROOT (repo root), CHROMEDRIVER, CHROME
# (Debian chromium), WASM_OPT (current wasm-opt), PATH with ~/.cargo/bin.
# FUZZ_SECONDS (default 20) sets the per-target fuzz smoke time.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export ROOT
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-auto}"
if [ "${CI:-}" = "true" ]; then
    # Fresh clone: incremental artifacts are pure overhead, and debug info
    # makes the debug builds (native tests, wasm browser tests) slower to
    # compile, link and run through wasm-bindgen. Only in CI: locally it would
    # invalidate the shared target/ for every other cargo command.
    export CARGO_INCREMENTAL=0 CARGO_TERM_COLOR=never CARGO_PROFILE_DEV_DEBUG=0
fi

# The wasm crates: linted for wasm32 and browser-tested. The core crate always;
# the widget once it exists.
wasm_crate_dirs() {
    echo crate
    [ -f web/Cargo.toml ] && echo web
    return 0
}

# `-p name` for each wasm crate dir.
wasm_package_args() {
    local dir name
    for dir in $(wasm_crate_dirs); do
        name="$(awk -F'"' '/^name *=/ { print $2; exit }' "$dir/Cargo.toml")"
        printf -- '-p\n%s\n' "$name"
    done
}

# Set once setup has run (tools may not exist before).
tool_env() {
    CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver || true)}"
    CHROME="${CHROME:-$(command -v chromium || true)}"
    if [ -x node_modules/.bin/wasm-opt ]; then
        WASM_OPT="$ROOT/node_modules/.bin/wasm-opt"
    else
        WASM_OPT="$(command -v wasm-opt || true)"
    fi
    export CHROMEDRIVER CHROME WASM_OPT
}

# ------------------------------------------------------- built-in stages ----

stage_setup() {
    scripts/setup.sh
}

stage_fmt() {
    cargo fmt --all --check
    cargo fmt --manifest-path fuzz/Cargo.toml --check
}

stage_clippy() {
    cargo clippy --locked --workspace --all-targets -- -D warnings
}

stage_clippy_wasm() {
    local pkgs feature
    mapfile -t pkgs < <(wasm_package_args)
    cargo clippy --locked "${pkgs[@]}" --target wasm32-unknown-unknown --lib --tests -- -D warnings
    # Each npm entry point is the core crate built with one of these features
    # alone, plus small-alloc (scripts/build-pkg.sh): each must be
    # warning-free on its own too.
    for feature in js-core js-api js-flow; do
        echo "--- wa-signup --no-default-features --features $feature,small-alloc"
        cargo clippy --locked -p wa-signup --target wasm32-unknown-unknown --lib \
            --no-default-features --features "$feature,small-alloc" -- -D warnings
    done
}

# The core crate's API docs build without broken or ambiguous links.
stage_doc() {
    RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps -p wa-signup
}

stage_test() {
    cargo test --locked --workspace
}

stage_pkg() {
    scripts/build-pkg.sh
}

stage_browser() {
    [ -n "$CHROMEDRIVER" ] || { echo "chromedriver not found (scripts/setup.sh installs it)"; return 1; }
    # The flow's browser tests POST to a real loopback callback server; the
    # port is read by the tests at compile time and by the server at start.
    export WA_TEST_CALLBACK_PORT="${WA_TEST_CALLBACK_PORT:-8787}"
    # wasm-bindgen-test-runner serves its pages cross-origin isolated (COOP
    # same-origin + COEP) by default, where the flow rightly reports Meta's
    # popup as cut off (POPUP_ISOLATED). The tests play an ordinary host page.
    export WASM_BINDGEN_TEST_NO_ORIGIN_ISOLATION=1
    node tests/support/callback-server.mjs &
    # Not `local`: the EXIT trap (stages run in a subshell) runs after return.
    callback_server=$!
    trap 'kill "$callback_server" 2>/dev/null || true' EXIT
    local i
    for i in $(seq 50); do
        curl -sf "http://127.0.0.1:$WA_TEST_CALLBACK_PORT/health" >/dev/null && break
        kill -0 "$callback_server" 2>/dev/null || { echo "callback server failed to start"; return 1; }
        sleep 0.1
    done
    local dir
    for dir in $(wasm_crate_dirs); do
        # Only crates that have browser tests.
        if compgen -G "$dir/tests/*.rs" >/dev/null; then
            echo "--- wasm-pack test --headless --chrome $dir"
            wasm-pack --log-level warn test --headless --chrome "$dir"
        fi
    done
}

stage_node() {
    node --test tests/node/
}

# End-to-end: real Chromium against the demo server in facebook mode
# (builds the release server and web/pkg/ only when stale; see e2e/run.sh).
stage_e2e() {
    e2e/run.sh
}

stage_fuzz() {
    scripts/fuzz-smoke.sh
}

stage_size() {
    scripts/size.sh
}

BUILTIN=(
    "10 setup"
    "20 fmt"
    "30 clippy"
    "31 clippy-wasm"
    "32 doc"
    "40 test"
    "50 pkg"
    "60 browser"
    "70 node"
    "75 e2e"
    "80 fuzz"
    "95 size"
)

# --------------------------------------------------------------- runner ----

# True when scripts/test.d/NN-<name>.sh exists for some NN.
plugin_named() {
    local file base
    for file in scripts/test.d/*.sh; do
        [ -f "$file" ] || continue
        base="$(basename "$file" .sh)"
        [ "${base#*-}" = "$1" ] && return 0
    done
    return 1
}

# Prints "NN name kind" lines, sorted: built-ins and scripts/test.d plug-ins.
all_stages() {
    local entry file base num name
    {
        for entry in "${BUILTIN[@]}"; do
            num="${entry%% *}"
            name="${entry#* }"
            # A plug-in of the same name (any number) replaces the built-in.
            plugin_named "$name" || echo "$num $name builtin"
        done
        for file in scripts/test.d/*.sh; do
            [ -f "$file" ] || continue
            base="$(basename "$file" .sh)"
            echo "${base%%-*} ${base#*-} plugin"
        done
    } | sort -n -k1,1 -s
}

run_stage() {
    local num="$1" name="$2" kind="$3"
    if [ "$kind" = builtin ]; then
        ( set -euo pipefail; "stage_${name//-/_}" )
    else
        bash -euo pipefail "scripts/test.d/$num-$name.sh"
    fi
}

fmt_time() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

main() {
    local list=0 keep_going=0 only=() skip=()
    while [ $# -gt 0 ]; do
        case "$1" in
            --list) list=1 ;;
            --keep-going) keep_going=1 ;;
            --skip) shift; skip+=("${1:?--skip needs a stage name}") ;;
            -h | --help) sed -n '2,19p' "$0"; return 0 ;;
            -*) echo "unknown option $1" >&2; return 2 ;;
            *) only+=("$1") ;;
        esac
        shift
    done

    local stages
    mapfile -t stages < <(all_stages)
    if [ "$list" = 1 ]; then
        printf '%s\n' "${stages[@]}"
        return 0
    fi

    local line num name kind selected s t0 dt rc
    local passed=0 failed=0 failed_names=() summary=() total0=$SECONDS
    for line in "${stages[@]}"; do
        read -r num name kind <<<"$line"
        selected=1
        if [ "${#only[@]}" -gt 0 ]; then
            selected=0
            for s in "${only[@]}"; do [ "$s" = "$name" ] && selected=1; done
        fi
        for s in "${skip[@]+"${skip[@]}"}"; do [ "$s" = "$name" ] && selected=0; done
        [ "$selected" = 1 ] || continue
        if [ "$failed" -gt 0 ] && [ "$keep_going" = 0 ]; then
            summary+=("$(printf '  %-12s %8s  %s' "$name" "-" "not run")")
            continue
        fi

        [ "$name" = setup ] || tool_env
        printf '\n==> [%s] %s\n' "$num" "$name"
        t0=$SECONDS
        run_stage "$num" "$name" "$kind"
        rc=$?
        dt=$((SECONDS - t0))
        if [ "$rc" -eq 0 ]; then
            passed=$((passed + 1))
            printf '<== %s passed in %s\n' "$name" "$(fmt_time "$dt")"
            summary+=("$(printf '  %-12s %8s  %s' "$name" "$(fmt_time "$dt")" "ok")")
        else
            failed=$((failed + 1))
            failed_names+=("$name")
            printf '<== %s FAILED (exit %d) after %s\n' "$name" "$rc" "$(fmt_time "$dt")"
            summary+=("$(printf '  %-12s %8s  %s' "$name" "$(fmt_time "$dt")" "FAILED (exit $rc)")")
        fi
    done

    printf '\n==> summary (%s)\n' "$(fmt_time $((SECONDS - total0)))"
    printf '%s\n' "${summary[@]}"
    if [ "$failed" -gt 0 ]; then
        printf 'stages: %d passed, %d failed (%s)\n' "$passed" "$failed" "${failed_names[*]}"
        return 1
    fi
    printf 'stages: %d passed, 0 failed\n' "$passed"
}

main "$@"
