#!/usr/bin/env bash
# Benchmarks experiments on several nodes, each its own `java -jar` process on this machine: one
# `api` node that owns an embedded PostgreSQL (on a fixed port) and 1, 2, then 3 `worker` nodes
# pointed at it. For each count it runs a Latin-hypercube sweep of N cases of msl:BouncingBall
# (3 s at 0.01, as scripts/benchmark.sh) and prints cases/s, plus the time one case costs a worker
# thread next to the median of a plain synchronous POST /simulate of the same model on the api
# node. Figures only, no assertions. Everything it starts is stopped by pid at the end.
# Usage: scripts/benchmark-sweep.sh [cases=200] [threads per worker=2]
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-200}
threads=${2:-2}

. scripts/bench-common.sh

work=$(mktemp -d /tmp/fmugw-sweep.XXXXXX)
pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap stop_all EXIT

now_ms() { date +%s%3N; }
json() { python3 -c "import sys, json; d = json.load(sys.stdin); print($1)"; }

secret=$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')
db_port=$(free_port)
common=(--fmugw.api-key-secret="$secret"
  --fmugw.billing.tiers.free.monthly-credits=1000000000
  --fmugw.billing.tiers.free.runs-per-minute=1000000
  --fmugw.billing.anonymous-per-minute=1000000
  --fmugw.experiments.cases-per-experiment.free=100000
  --fmugw.experiments.worker-threads="$threads"
  --fmugw.experiments.polling-interval=200ms)

# start_node <name> <role> [more arguments]: returns once /health answers 200, its port in
# node_port. Not to be called in a subshell ($(...)): its pid must reach pids, for stop_all.
node_port=
start_node() {
  local name=$1 role=$2 data port pid started
  shift 2
  data=$work/$name
  mkdir -p "$data"
  port=$(free_port)
  started=$(now_ms)
  java -XX:+DisableExplicitGC -jar "$jar" --server.address=127.0.0.1 --server.port="$port" \
    --fmugw.data-dir="$data" --fmugw.role="$role" --fmugw.node-name="$name" "${common[@]}" "$@" \
    >"$data/gateway.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  until curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { tail -40 "$data/gateway.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "  $name ($role, pid $pid) healthy after $(($(now_ms) - started)) ms" >&2
  node_port=$port
}

echo "== $(nproc) cores; $cases cases per sweep; $threads case threads per worker"
start_node api api --fmugw.database.embedded.port="$db_port"
api=http://127.0.0.1:$node_port
db_url="postgresql://postgres@localhost:$db_port/postgres"
key=$(curl -fs -X POST "$api/keys" | json 'd["key"]')
auth=(-H "Authorization: Bearer $key")
model='"fmu_id":"msl:BouncingBall","stop_time":3,"step":0.01,"kpis":["h_max"]'

# The floor: the same model as one synchronous run on the api node, one at a time.
sync_ms=()
for i in $(seq 1 40); do
  t0=$(now_ms)
  curl -fs -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' -d "{$model}" "$api/simulate"
  [ "$i" -le 10 ] || sync_ms+=($(($(now_ms) - t0))) # the first 10 warm the worker up
done
sync_median=$(printf '%s\n' "${sync_ms[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "  plain POST /simulate on the api node: median ${sync_median} ms (30 runs after 10 warm-up)"

# sweep <cases>: runs one experiment, prints "<wall ms> <succeeded>" (server timestamps).
sweep() {
  local body id done
  body="{$model,\"sweep\":{\"method\":\"latin_hypercube\",\"samples\":$1,\"seed\":$RANDOM,
    \"parameters\":{\"e\":{\"uniform\":{\"min\":0.5,\"max\":0.9}},\"g\":{\"uniform\":{\"min\":9,\"max\":10.5}}}}}"
  id=$(curl -fs "${auth[@]}" -H 'Content-Type: application/json' -d "$body" "$api/experiments" \
    | json 'd["experiment_id"]')
  until done=$(curl -fs "${auth[@]}" "$api/experiments/$id") \
    && [ "$(echo "$done" | json 'd.get("finished_at") is not None')" = True ]; do
    sleep 0.2
  done
  echo "$done" | python3 -c '
import json, re, sys
from datetime import datetime
def at(s):  # Instants carry up to nanoseconds; older Pythons parse at most microseconds
    return datetime.fromisoformat(re.sub(r"(\.\d{6})\d*", r"\1", s).replace("Z", "+00:00"))
d = json.load(sys.stdin)
print("%d %d" % ((at(d["finished_at"]) - at(d["created_at"])).total_seconds() * 1000,
                 d["cases"]["succeeded"]))'
}

results=()
for n in 1 2 3; do
  start_node "worker-$n" worker --fmugw.database.url="$db_url"
  sweep $((n * threads * 4)) >/dev/null # warm-up: every worker thread gets its sandbox worker
  read -r wall ok < <(sweep "$cases")
  rate=$(python3 -c "print(f'{$ok / ($wall / 1000):.1f}')")
  per_case=$(python3 -c "print(round($wall * $n * $threads / $ok))")
  results+=("$(printf '  %d worker(s) x %d threads: %4d cases in %6.1f s = %6s cases/s; per case and thread %5d ms = /simulate median %d ms %+d ms' \
    "$n" "$threads" "$ok" "$(python3 -c "print($wall / 1000)")" "$rate" "$per_case" "$sync_median" \
    "$((per_case - sync_median))")")
  echo "${results[-1]}"
done

echo
echo "== summary (msl:BouncingBall 3 s at 0.01, $(nproc) cores, one PostgreSQL)"
printf '%s\n' "${results[@]}"
