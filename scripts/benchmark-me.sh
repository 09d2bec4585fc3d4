#!/usr/bin/env bash
# The model exchange master's overhead (issue 15 item 6): FMI 2.0 VanDerPol (lib:VanDerPol, 20 s,
# rtol 1e-6, dormand_prince) on an in-process gateway, end to end and the engine's own time with its
# steps and derivative evaluations, beside the raw cost of those evaluations: a minimal C loop on
# the same binary (set time and states, get derivatives) times their number. What is left is the
# master (its step loop, the JNI calls, our bookkeeping). The gateway's engine figures come from the
# runs' provenance, after BENCH_ME_WARM_UP_S (10 s) of the same run; the same run by the engine
# called directly (EngineFloor, warmed up for BENCH_ENGINE_WARM_UP_S, 15 s) gives its settled cost,
# and with a run twice as long, what the engine allocates per step.
# Usage: scripts/benchmark-me.sh [runs=30]; JAR=... picks another gateway jar (e.g. a baseline).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
. scripts/bench-common.sh
fmu=$(library_fmu VanDerPol)

work=$(mktemp -d /tmp/fmugw-bench-me.XXXXXX)
gateway=
stop() {
  # The gateway stops its database on the way out; its data folder goes only after that.
  if [ -n "$gateway" ]; then
    kill "$gateway" 2>/dev/null || true
    wait "$gateway" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT
port=$(free_port)
java -XX:+DisableExplicitGC -jar "$jar" --server.port="$port" --fmugw.data-dir="$work/data" \
  --fmugw.fmi.isolation=in-process \
  --fmugw.billing.tiers.free.monthly-credits=100000000 \
  --fmugw.billing.tiers.free.runs-per-minute=1000000 \
  --fmugw.billing.anonymous-per-minute=1000000 >"$work/gateway.log" 2>&1 &
gateway=$!
for _ in $(seq 1 1200); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  kill -0 $gateway 2>/dev/null || { cat "$work/gateway.log"; exit 1; }
  sleep 0.05
done
echo "== model exchange master overhead ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
SUMMARY="$work/summary" java scripts/Benchmark.java "http://127.0.0.1:$port" "$runs" 1 "" me

unpacked=$work/unpacked
unpack_fmu "$fmu" "$unpacked"
read -r guid states < <(python3 - "$unpacked/modelDescription.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
print(root.get("guid"), len(root.findall("./ModelStructure/Derivatives/Unknown")))
PY
)
gcc -O2 -o "$work/fmi2_me_loop" -Iadapters-fmi/src/main/c/include scripts/fmi2_me_loop.c -ldl
raw_ns=$("$work/fmi2_me_loop" "$unpacked/binaries/linux64/VanDerPol.so" "file://$unpacked/resources" \
  "$guid" "$states" 200000 15)

# The engine called directly, warm, the run Benchmark.java asks the gateway for: median wall, p99
# wall, median CPU, bytes allocated per run, steps. Then the bytes of a run twice as long with as
# many output samples: what the extra steps add is what a step allocates.
stop=20
step=0.01
engine_floor_cmd -Dfloor.solver=dormand_prince -Dfloor.rtol=1e-6
read -r floor_wall floor_p99 floor_cpu floor_bytes floor_steps < <("${floor_cmd[@]}" \
  "$fmu" "$stop" "$step" "${BENCH_ENGINE_WARM_UP_S:-15}" 300 x0 x1 | tail -1)
read -r _ _ _ long_bytes long_steps < <("${floor_cmd[@]}" \
  "$fmu" $((2 * stop)) "$(python3 -c "print(2 * $step)")" 5 100 x0 x1 | tail -1)
# A model with an event indicator: BouncingBall's bounces are state events, located in the steps.
read -r bb_wall bb_p99 bb_cpu bb_bytes bb_steps < <("${floor_cmd[@]}" \
  "$(library_fmu BouncingBall)" 3 0.01 5 300 h v | tail -1)
# A stiff model by the Rosenbrock method, its Jacobians from the FMU's directional derivatives: to
# 40 s, and to 400 s with as many output samples.
engine_floor_cmd -Dfloor.solver=rosenbrock -Dfloor.rtol=1e-6
read -r rb_wall rb_p99 rb_cpu rb_bytes rb_steps < <("${floor_cmd[@]}" \
  "$(library_fmu Robertson)" 40 0.4 5 300 y1 y2 y3 | tail -1)
read -r _ _ _ rb_long_bytes rb_long_steps < <("${floor_cmd[@]}" \
  "$(library_fmu Robertson)" 400 4 3 100 y1 y2 y3 | tail -1)

value() { sed -n "s/^$1 //p" "$work/summary" | tail -1; }
python3 - "$(value me_end_to_end_ms)" "$(value me_engine_wall_ms)" "$(value me_engine_cpu_ms)" \
  "$(value me_steps)" "$(value me_evaluations)" "$raw_ns" "$floor_wall" "$floor_p99" \
  "$floor_cpu" "$floor_bytes" "$floor_steps" "$long_bytes" "$long_steps" "$stop" "$step" <<'PY'
import sys
(e2e, wall, cpu, steps, evaluations, raw_ns, fwall, fp99, fcpu, fbytes, fsteps, lbytes, lsteps,
 stop, step) = (float(x) for x in sys.argv[1:])
samples = round(stop / step) + 1
raw_ms = evaluations * raw_ns / 1e6
print(f"  raw derivative evaluation (C loop: fmi2SetTime + fmi2SetContinuousStates +"
      f" fmi2GetDerivatives): {raw_ns:.0f} ns")
print(f"  the engine called directly, warm (300 runs): median {fwall:.3f} ms wall"
      f" (p99 {fp99:.3f}), {fcpu:.3f} ms CPU")
if evaluations:
    print(f"  the engine allocated {fbytes / 1024:.1f} KiB a run on the heap ({fsteps:.0f} steps,"
          f" {samples} samples); to {2 * stop:.0f} s with as many samples, {lbytes / 1024:.1f} KiB"
          f" ({lsteps:.0f} steps): {(lbytes - fbytes) / (lsteps - fsteps):.0f} bytes a step")
    print(f"  {evaluations:.0f} evaluations x {raw_ns:.0f} ns = {raw_ms:.3f} ms of raw FMU work;"
          f" the engine's run takes {fcpu:.3f} ms of CPU warm, so {fcpu - raw_ms:.3f} ms"
          f" ({(fcpu - raw_ms) / fcpu:.0%}) is the engine around it (instantiation, master, output"
          f" samples, JNI): {(fcpu - raw_ms) / steps * 1e3:.1f} us per step over {steps:.0f} steps"
          f" and {samples} output samples; in the gateway {cpu:.2f} ms of CPU ({wall:.2f} ms wall),"
          f" end to end {e2e:.2f} ms")
else:
    print("  (this gateway does not report derivative evaluations)")
PY
echo "  with an event indicator (BouncingBall, 3 s at 0.01, dormand_prince, its bounces located as" \
  "state events), the engine called directly, warm (300 runs): median $bb_wall ms wall" \
  "(p99 $bb_p99), $bb_cpu ms CPU, $((bb_bytes / 1024)) KiB allocated a run ($bb_steps steps)"
echo "  stiff (Robertson, 40 s at 0.4, rosenbrock, its Jacobians from the FMU's directional" \
  "derivatives), the engine called directly, warm (300 runs): median $rb_wall ms wall (p99 $rb_p99)," \
  "$rb_cpu ms CPU, $((rb_bytes / 1024)) KiB allocated a run ($rb_steps steps); to 400 s at 4:" \
  "$((rb_long_bytes / 1024)) KiB ($rb_long_steps steps):" \
  "$(( (rb_long_bytes - rb_bytes) / (rb_long_steps - rb_steps) )) bytes a step"
