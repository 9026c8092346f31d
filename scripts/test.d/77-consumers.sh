# Stage "consumers" (run by scripts/test.sh, after pkg and e2e): the packed
# wa-signup tarball installed into fresh Node ESM/CommonJS, Vite + TypeScript,
# webpack 5, esbuild, React 19 and plain-HTML projects, each built with its own
# tool and run (Node, or Debian Chromium against the sandbox Meta), and the
# public types compiled by the latest tsc. See consumers/README.md.
#
# Needs pkg/ (the pkg stage) and the release demo server (built here when
# stale; the e2e stage has usually built it already).

[ -f pkg/package.json ] || { echo "[consumers] pkg/ is not built: scripts/test.sh pkg (scripts/build-pkg.sh)"; exit 1; }
[ -d node_modules/playwright-core ] || { echo "[consumers] node_modules/playwright-core missing: scripts/setup.sh node"; exit 1; }

t0=$SECONDS
node consumers/harness/install.mjs
echo "[consumers] install check: $((SECONDS - t0)) s"

t0=$SECONDS
cargo build --locked --release -q -p wa-signup-demo
echo "[consumers] demo server build: $((SECONDS - t0)) s"

node --test --test-reporter=spec consumers/consumers.test.mjs
