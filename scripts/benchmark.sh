#!/usr/bin/env bash
# Starts a fresh gateway on a free port with a throw-away data directory, benchmarks
# POST /simulate (msl:BouncingBall, 3 s at 0.01) and prints the figures.
# Usage: scripts/benchmark.sh [runs=200] [clients=4] [extra JSON fields, e.g. '"interface":"me"']
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200}
clients=${2:-4}
extra=${3:-}

[ -f bootstrap/target/fmu-gateway.jar ] || ./mvnw -q -DskipTests package
data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 18080)
java -XX:+DisableExplicitGC -jar bootstrap/target/fmu-gateway.jar --server.port="$port" --fmugw.data-dir="$data" \
  --fmugw.billing.tiers.free.monthly-credits=100000000 --fmugw.billing.tiers.free.runs-per-minute=1000000 >"$data/gateway.log" 2>&1 &
gateway=$!
trap 'kill $gateway 2>/dev/null; wait $gateway 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  kill -0 $gateway 2>/dev/null || { cat "$data/gateway.log"; exit 1; }
  sleep 0.5
done
echo "gateway up on port $port ($(nproc) cores)"
java scripts/Benchmark.java "http://127.0.0.1:$port" "$runs" "$clients" "$extra"
