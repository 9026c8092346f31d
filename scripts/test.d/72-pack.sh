# Stage "pack" (run by scripts/test.sh, after pkg and node): the npm tarball as
# it would be published, checked by the tools JavaScript users trust:
#   - publint: package.json's exports, files, types and formats agree;
#   - @arethetypeswrong/cli: each entry point's types match its JavaScript under
#     node10, node16 (ESM and CommonJS) and bundler resolution. The widget
#     entries are browser-only ES modules (they define a custom element):
#     checked with `cjs-resolves-to-esm` ignored, which is what that rule says.
#     The .wasm and .css exports are files, not modules: not checked;
#   - tests/types/check.mjs: the public types compiled as a strict consumer
#     project does (tsc --strict, skipLibCheck: false, misuse caught).
# Needs pkg/ (the pkg stage) and the root devDependencies (scripts/setup.sh).

[ -f pkg/package.json ] || { echo "[pack] pkg/ is not built: scripts/test.sh pkg (scripts/build-pkg.sh)"; exit 1; }
for bin in publint attw tsc; do
    [ -x "node_modules/.bin/$bin" ] || { echo "[pack] node_modules/.bin/$bin missing: scripts/setup.sh node"; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tarball="$work/$(npm pack --silent --pack-destination "$work" ./pkg | tail -n1)"
echo "[pack] $(basename "$tarball"): $(wc -c < "$tarball") bytes, $(tar -tzf "$tarball" | wc -l) files"

node_modules/.bin/publint run --strict "$tarball"

# Entry points from package.json: modules, and the browser-only widget ones.
mapfile -t files_exports < <(node -e '
  const p = require("./pkg/package.json");
  for (const k of Object.keys(p.exports)) if (/\.(wasm|css|json)$/.test(k)) console.log(k);')
mapfile -t widget < <(node -e '
  for (const k of Object.keys(require("./pkg/package.json").exports)) if (k.startsWith("./widget")) console.log(k);')
node_modules/.bin/attw "$tarball" --format table-flipped --no-color \
    --exclude-entrypoints "${files_exports[@]}" "${widget[@]}"
node_modules/.bin/attw "$tarball" --format table-flipped --no-color \
    --entrypoints "${widget[@]}" --ignore-rules cjs-resolves-to-esm

node tests/types/check.mjs "$tarball"
