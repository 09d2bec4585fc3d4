#!/usr/bin/env bash
# Benchmarks POST /simulate (msl:BouncingBall, 3 s at 0.01: 301 samples) on fresh gateways with
# throw-away data directories, and explains the figure:
#   - the Run command's jar: start-up time to a healthy /health;
#   - sandboxed (how customers run): a warm paid run one at a time (median, p99), its breakdown by
#     phase and database round trips per run (the gateway's timers, fmugw.benchmark.timings=true),
#     throughput at 1, 4 and 16 clients (and [clients]), the first run of a newly uploaded FMU,
#     10^4..10^6-sample results as JSON and CSV (and again with the heap capped at
#     BENCH_CAPPED_HEAP, 128m), VanDerPol by model exchange;
#   - in-process: the engine's own time for the same FMU, called directly in a JVM of its own (the
#     floor under the sandbox), and as the in-process gateway's simulator call (hand-offs included);
#   - a minimal C loop driving the same FMU through FMI 2.0 (the floor under the engine), taking
#     turns with the engine (scripts/benchmark-floor.sh).
# Usage: scripts/benchmark.sh [runs=200] [clients=4] [extra JSON fields, e.g. '"interface":"me"']
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200}
clients=${2:-4}
extra=${3:-}

. scripts/bench-common.sh
fmu=$(library_fmu BouncingBall)

work=$(mktemp -d /tmp/fmugw-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
summary=$work/summary
: >"$summary"

now_ms() { date +%s%3N; }

# run_mode <isolation> <full|latency|large> [JVM options]
run_mode() {
  local mode=$1 scope=$2 data port gateway started healthy
  shift 2
  data=$(mktemp -d "$work/gateway.XXXXXX")
  port=$(free_port)
  started=$(now_ms)
  java -XX:+DisableExplicitGC "$@" -jar "$jar" --server.port="$port" \
    --fmugw.data-dir="$data" --fmugw.fmi.isolation="$mode" --fmugw.benchmark.timings=true \
    --fmugw.billing.tiers.free.monthly-credits=100000000 \
    --fmugw.billing.tiers.free.runs-per-minute=1000000 \
    --fmugw.billing.anonymous-per-minute=1000000 \
    --fmugw.simulation.timeout=60s >"$data/gateway.log" 2>&1 &
  gateway=$!
  healthy=
  for _ in $(seq 1 1200); do
    if curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; then healthy=$(now_ms); break; fi
    kill -0 $gateway 2>/dev/null || { cat "$data/gateway.log"; exit 1; }
    sleep 0.05
  done
  [ -n "$healthy" ] || { echo "gateway did not become healthy"; cat "$data/gateway.log"; exit 1; }
  echo "== isolation: $mode ($(nproc) cores)${*:+, $*}; java -jar to a healthy /health: $((healthy - started)) ms"
  [ $# -gt 0 ] || echo "startup_ms_$mode $((healthy - started))" >>"$summary"
  SUMMARY="$work/summary.$mode" BENCH_FMU="$work/cold.fmu" GATEWAY_PID=$gateway \
    DATABASE_PID_FILE="$data/postgres/postmaster.pid" \
    java scripts/Benchmark.java "http://127.0.0.1:$port" "$runs" "$clients" "$extra" "$scope" || true
  kill $gateway 2>/dev/null || true
  wait $gateway 2>/dev/null || true
}

# A copy of the FMU with one more file: a new SHA-256, so the gateway sees a new upload.
cp "$fmu" "$work/cold.fmu"
(cd "$work" && mkdir -p documentation && date +%s%N >documentation/nonce.txt \
  && python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1], "a").write("documentation/nonce.txt")' cold.fmu)

run_mode sandbox full
# Large results again on a gateway whose whole heap is capped: they must fit beside everything
# else it holds, whatever the uncapped figures above count of garbage not yet collected.
run_mode sandbox large "-Xmx${BENCH_CAPPED_HEAP:-128m}"
run_mode in-process latency

# The floor under the sandbox, and the floor under that: the engine called directly, one run after
# another, in a JVM of its own started from the same jar (no gateway, no worker, no thread hand-off),
# warmed up first, taking turns with a minimal C loop on the same FMU's binary.
echo
SUMMARY="$work/summary.floor" JAR="$jar" scripts/benchmark-floor.sh

value() { sed -n "s/^$2 //p" "$work/summary.$1" 2>/dev/null | tail -1; }
for figure in engine_median_ms engine_p99_ms engine_cpu_ms c_median_ms c_p99_ms c_silent_median_ms \
  c_silent_p99_ms engine_over_c engine_over_c_silent; do
  printf -v "$figure" '%s' "$(value floor "$figure")"
done
http=$(value sandbox median_ms)
gateway_call=$(value in-process phase_worker_round_trip)
echo
echo "== the same FMU, four ways (msl:BouncingBall, 3 s at 0.01)"
printf '  %-58s median %9s ms, p99 %s ms\n' "paid, sandboxed, over HTTP (end to end):" "$http" "$(value sandbox p99_ms)"
printf '  %-58s mean   %9s ms\n' "the in-process gateway's simulator call (hand-offs in it):" "$gateway_call"
printf '  %-58s median %9s ms, p99 %s ms (CPU %s ms)\n' "the engine called directly (a JVM of its own, warm):" "$engine_median_ms" "$engine_p99_ms" "$engine_cpu_ms"
printf '  %-58s median %9s ms, p99 %s ms\n' "minimal C loop on the FMU's binary, logging on (as ours):" "$c_median_ms" "$c_p99_ms"
printf '  %-58s median %9s ms, p99 %s ms\n' "the same C loop with the FMU's logging off:" "$c_silent_median_ms" "$c_silent_p99_ms"
python3 - "$http" "$engine_median_ms" "$gateway_call" "$engine_over_c" "$(value sandbox rate_1)" "$(value sandbox rate_4)" "$engine_over_c_silent" \
  "$(value sandbox all_cpu_per_run_1)" "$(value sandbox all_cpu_per_run_4)" "$(value sandbox busy_4)" "$(nproc)" <<'EOF'
import sys
http, engine, call, over_c, r1, r4, over_silent, cpu1, cpu4, busy4, cores = (
    float(x) if x else float("nan") for x in sys.argv[1:])
ratio = lambda a, b: a / b if b else float("nan")
print(f"  HTTP / engine = {ratio(http, engine):.0f}x (goal <= 2x; against the in-process gateway's call"
      f" {ratio(http, call):.1f}x); engine / C loop = {over_c:.2f}x (goal <= 3x;"
      f" {over_silent:.2f}x against the C loop with logging off; medians of rounds' ratios);"
      f" 4 clients / 1 client = {ratio(r4, r1):.2f}x (goal >= 1.6x)")
# Four clients are bound by the CPU each run costs (every process, the benchmark's client too):
# had a run cost at four clients what it costs at one, the cores as busy as they were would have
# served this many times the single-client rate.
print(f"  4 clients, what bounds them: CPU per run {cpu4:.2f} ms against {cpu1:.2f} ms at 1 client"
      f" ({ratio(cpu4, cpu1) - 1:+.0%}); at 1 client's CPU per run, the cores {busy4:.0%} busy would"
      f" serve {ratio(busy4 * cores * 1000 / cpu1, r1):.2f}x the single-client rate")
EOF

# The model exchange master beside the raw cost of its derivative evaluations (own gateway).
echo
JAR="$jar" scripts/benchmark-me.sh 30
