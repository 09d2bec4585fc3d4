#!/usr/bin/env bash
# The engine against the metal (issue 15 item 2): msl:BouncingBall (3 s at 0.01, co-simulation)
# run by the engine called directly in a JVM of its own (EngineFloor, from the Run command's jar,
# made as a sandbox worker makes its engine, warmed up first), and by a minimal C loop on the same
# binary (scripts/fmi2_loop.c: instantiate, set up, step, read the outputs, free).
#
# The two take turns on the same core: each round is one C loop (1,000 runs with the FMU's logging
# off, then 1,000 with it on) and, right after it, 2,000 engine runs, both held to one core
# (taskset; the engine's JVM moved there whole), the rounds alternating between the cores and
# starting 0.2 s apart. The cores of a virtual machine need not run at the same speed: on the one
# these figures were first taken on, one of the two ran both the C loop and the engine about 1.7
# times slower than the other for minutes at a time. Unpinned, the engine's thread moved between
# them (at its garbage collections) while each C loop, a fresh process, mostly started on the idle
# fast one, and a single measurement of each, seconds apart, read 2.9x one time and 4.8x the next on
# the same jar. Each figure is the median of the rounds' medians, and the ratio the median of the
# rounds' own ratios: both sides of a round ran on the same core within the same tenth of a second.
# Usage: scripts/benchmark-floor.sh [rounds=30]; JAR=... picks another jar, BENCH_ENGINE_WARM_UP_S
# the engine's warm-up (20 s), SUMMARY=file gets the figures as "name value" lines.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-30}
. scripts/bench-common.sh
fmu=$(library_fmu BouncingBall)

work=$(mktemp -d /tmp/fmugw-bench-floor.XXXXXX)
floor_pid=
cleanup() {
  [ -n "$floor_pid" ] && kill "$floor_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

unpacked=$work/unpacked
unpack_fmu "$fmu" "$unpacked"
read -r guid vrs < <(python3 - "$unpacked/modelDescription.xml" <<'EOF'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
print(root.get("guid"), " ".join(v.get("valueReference") for v in root.iter("ScalarVariable")
                                 if v.get("causality") == "output" and v.find("Real") is not None))
EOF
)
gcc -O2 -o "$work/fmi2_loop" -Iadapters-fmi/src/main/c/include scripts/fmi2_loop.c -ldl

engine_floor_cmd
coproc FLOOR { exec "${floor_cmd[@]}" "$fmu" 3 0.01 "${BENCH_ENGINE_WARM_UP_S:-20}" - h v; }
floor_pid=$FLOOR_PID
to_floor=${FLOOR[1]}
from_floor=${FLOOR[0]}
read -r ready <&"$from_floor"
[ "$ready" = ready ] || { echo "EngineFloor did not start: $ready"; exit 1; }

# The cores this script may use (a container may allow fewer than the machine has, not from 0);
# none to pin to without taskset.
cores=()
if command -v taskset >/dev/null; then
  mapfile -t cores < <(python3 -c 'import os; print(*sorted(os.sched_getaffinity(0)), sep="\n")')
else
  echo "  (no taskset here: the rounds are not held to one core)"
fi
on_core=()
for round in $(seq 1 "$rounds"); do
  if [ ${#cores[@]} -gt 0 ]; then
    core=${cores[round % ${#cores[@]}]}
    taskset -a -p -c "$core" "$floor_pid" >/dev/null
    on_core=(taskset -c "$core")
  fi
  # shellcheck disable=SC2086
  read -r c_silent c_silent_p99 c c_p99 < <("${on_core[@]}" "$work/fmi2_loop" \
    "$unpacked/binaries/linux64/BouncingBall.so" "file://$unpacked/resources" "$guid" BouncingBall \
    3 0.01 1000 $vrs)
  echo 2000 >&"$to_floor"
  read -r e e_p99 e_cpu _ <&"$from_floor"
  echo "$c_silent $c_silent_p99 $c $c_p99 $e $e_p99 $e_cpu ${core:--1}" >>"$work/rounds"
  sleep 0.2
done
exec {to_floor}>&- # the end of its input: EngineFloor exits
wait "$floor_pid" || true
floor_pid=

python3 - "$work/rounds" "$rounds" "${SUMMARY:-}" <<'EOF'
import statistics, sys
rows = [list(map(float, line.split())) for line in open(sys.argv[1])]
column = lambda i: statistics.median(r[i] for r in rows)
ratio = lambda i, j: statistics.median(r[i] / r[j] for r in rows)
figures = {
    "engine_median_ms": column(4), "engine_p99_ms": column(5), "engine_cpu_ms": column(6),
    "c_median_ms": column(2), "c_p99_ms": column(3),
    "c_silent_median_ms": column(0), "c_silent_p99_ms": column(1),
    "engine_over_c": ratio(4, 2), "engine_over_c_silent": ratio(4, 0),
}
spread = lambda i, j: f"{min(r[i] / r[j] for r in rows):.1f}x to {max(r[i] / r[j] for r in rows):.1f}x"
print(f"== the engine against a minimal C loop (msl:BouncingBall, 3 s at 0.01; medians of {sys.argv[2]}"
      " rounds taken in turns)")
print(f"  the engine called directly:      median {figures['engine_median_ms']:.4f} ms,"
      f" p99 {figures['engine_p99_ms']:.4f} ms (CPU {figures['engine_cpu_ms']:.4f} ms)")
print(f"  C loop, logging on (as ours):    median {figures['c_median_ms']:.4f} ms,"
      f" p99 {figures['c_p99_ms']:.4f} ms")
print(f"  C loop, logging off:             median {figures['c_silent_median_ms']:.4f} ms,"
      f" p99 {figures['c_silent_p99_ms']:.4f} ms")
print(f"  engine / C loop = {figures['engine_over_c']:.2f}x (goal <= 3x; rounds {spread(4, 2)});"
      f" against logging off {figures['engine_over_c_silent']:.2f}x")
cores = sorted({int(r[7]) for r in rows if r[7] >= 0})
if len(cores) > 1:
    per_core = lambda k: [r for r in rows if r[7] == k]
    print("  by core: " + "; ".join(
        f"core {k}: engine {statistics.median(r[4] for r in per_core(k)):.4f} ms,"
        f" C loop {statistics.median(r[2] for r in per_core(k)):.4f} ms,"
        f" {statistics.median(r[4] / r[2] for r in per_core(k)):.2f}x" for k in cores))
if sys.argv[3]:
    with open(sys.argv[3], "a") as out:
        for name, value in figures.items():
            out.write(f"{name} {value:.4f}\n")
EOF
