#!/usr/bin/env bash
# A short cargo-fuzz run of every fuzz target (phone, ids, events).
#
#   scripts/fuzz-smoke.sh              # each target FUZZ_SECONDS (default 20) seconds
#   FUZZ_SECONDS=300 FUZZ_SANITIZER=address scripts/fuzz-smoke.sh phone
#
# Needs the nightly toolchain and cargo-fuzz (scripts/setup.sh fuzz). Seeds
# live in fuzz/seeds/<target>/ (committed); the growing corpus in
# fuzz/corpus/<target>/ and crashes in fuzz/artifacts/<target>/ (gitignored).
# Every target runs; any crash fails the script and prints the reproducer command.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

SECONDS_PER_TARGET="${FUZZ_SECONDS:-20}"
# The crate is #![forbid(unsafe_code)], so AddressSanitizer finds little that
# the assertions in the targets do not; without it the smoke builds faster and
# runs ~2x more inputs. FUZZ_SANITIZER=address for a deeper run.
SANITIZER="${FUZZ_SANITIZER:-none}"
TARGETS=("$@")
[ "${#TARGETS[@]}" -gt 0 ] || TARGETS=(phone ids events)

failed=()
for target in "${TARGETS[@]}"; do
    corpus="fuzz/corpus/$target"
    mkdir -p "$corpus"
    args=(-max_total_time="$SECONDS_PER_TARGET" -max_len=4096 -timeout=10 -print_final_stats=1)
    [ -f "fuzz/$target.dict" ] && args+=(-dict="fuzz/$target.dict")
    echo "--- fuzz $target for ${SECONDS_PER_TARGET}s"
    # `cargo fuzz run` builds the target first; the crate itself compiles once
    # for all targets (same profile and flags).
    log="fuzz/artifacts/$target.log"
    mkdir -p fuzz/artifacts
    if cargo +nightly fuzz run --fuzz-dir fuzz --sanitizer "$SANITIZER" "$target" "$corpus" "fuzz/seeds/$target" -- "${args[@]}" \
        >"$log" 2>&1; then
        grep -E '(^#[0-9]+\s+DONE|^Done [0-9]+ runs)' "$log" || tail -n 5 "$log"
    else
        tail -n 60 "$log"
        echo "fuzz target $target FAILED (full log: $log); reproduce with:" >&2
        echo "  cargo +nightly fuzz run --fuzz-dir fuzz $target fuzz/artifacts/$target/<crash-file>" >&2
        failed+=("$target")
    fi
done

if [ "${#failed[@]}" -gt 0 ]; then
    echo "fuzz smoke: FAILED: ${failed[*]}" >&2
    exit 1
fi
echo "fuzz smoke: ${#TARGETS[@]} targets ok"
