#!/usr/bin/env bash
# Benchmarks POST /simulate (msl:BouncingBall, 3 s at 0.01) on a fresh gateway with a throw-away
# data directory: latency one run at a time (median, p99) and simulations per second under
# concurrency, through the sandbox (how customers run) and, for comparison, in-process.
# Usage: scripts/benchmark.sh [runs=200] [clients=4] [extra JSON fields, e.g. '"interface":"me"']
#        ISOLATION=sandbox scripts/benchmark.sh   # one mode only (sandbox or in-process)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200}
clients=${2:-4}
extra=${3:-}
modes=${ISOLATION:-sandbox in-process}

[ -f bootstrap/target/fmu-gateway.jar ] || ./mvnw -q -DskipTests package

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' \
    2>/dev/null || echo $((20000 + RANDOM % 20000))
}

run_mode() {
  local mode=$1 data port gateway
  data=$(mktemp -d /tmp/fmugw-bench.XXXXXX)
  port=$(free_port)
  java -XX:+DisableExplicitGC -jar bootstrap/target/fmu-gateway.jar --server.port="$port" \
    --fmugw.data-dir="$data" --fmugw.fmi.isolation="$mode" \
    --fmugw.billing.tiers.free.monthly-credits=100000000 \
    --fmugw.billing.tiers.free.runs-per-minute=1000000 >"$data/gateway.log" 2>&1 &
  gateway=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    kill -0 $gateway 2>/dev/null || { cat "$data/gateway.log"; exit 1; }
    sleep 0.5
  done
  echo "== isolation: $mode ($(nproc) cores)"
  java scripts/Benchmark.java "http://127.0.0.1:$port" "$runs" "$clients" "$extra" || true
  kill $gateway 2>/dev/null || true
  wait $gateway 2>/dev/null || true
  rm -rf "$data"
}

for mode in $modes; do
  run_mode "$mode"
done
