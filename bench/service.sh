#!/usr/bin/env bash
# Figures for the integrator's backend (issue 12), loopback only, bounded:
# N signups C at a time through proxy and direct mode, two instances sharing a
# redis-server with every code sent to both, S slow-header connections, and
# refused requests. Prints results; asserts nothing.
#
#   bench/service.sh [--signups N] [--concurrency C] [--slow S]   (defaults 1000, 50, 500)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

# Each slow-header connection is a file descriptor here and in the server.
ulimit -n 8192 2>/dev/null || true

cargo build --quiet --release -p wa-signup-demo --example service_bench

redis_pid=""
if command -v redis-server >/dev/null; then
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
    redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no >/dev/null &
    redis_pid=$!
    trap 'kill "$redis_pid" 2>/dev/null || true' EXIT
    for _ in $(seq 50); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
        sleep 0.1
    done
    export REDIS_PORT="$port"
    echo "redis-server $(redis-server --version | awk '{print $3}') on 127.0.0.1:$port"
else
    echo "redis-server not installed (scripts/setup.sh redis): the shared-store figures are skipped"
fi

timeout 600 target/release/examples/service_bench "$@"
