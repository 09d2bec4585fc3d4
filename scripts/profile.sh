#!/usr/bin/env bash
# A CPU profile of a running gateway (or any local JVM) with async-profiler, attached through jcmd:
# a flame graph, and the frames that use the most CPU, ours (com/fmugateway) counted with what they
# call. async-profiler is fetched once from Maven Central into the local Maven repository; nothing
# of it is part of the build. Run the load you want to see (scripts/benchmark.sh, or
# `java scripts/Benchmark.java <url> 5000 1 "" latency` with GATEWAY_PID set) while it records.
# Usage: scripts/profile.sh <pid> [seconds=20] [out=/tmp/fmugw-profile]
set -euo pipefail
cd "$(dirname "$0")/.."
pid=${1:?usage: scripts/profile.sh <pid> [seconds=20] [out=/tmp/fmugw-profile]}
seconds=${2:-20}
out=${3:-/tmp/fmugw-profile}
version=4.2

case "$(uname -m)" in
  x86_64) platform=linux-x64 ;;
  aarch64) platform=linux-arm64 ;;
  *) echo "async-profiler has no build for $(uname -m)" >&2; exit 1 ;;
esac
kill -0 "$pid" 2>/dev/null || { echo "no process $pid" >&2; exit 1; }

mkdir -p "$out"
jar=$out/async-profiler-$version-$platform.jar
if [ ! -f "$jar" ]; then
  ./mvnw -q -N dependency:copy -Dartifact="tools.profiler:async-profiler:$version:jar:$platform" \
    -DoutputDirectory="$out"
fi
(cd "$out" && python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract(sys.argv[2])' \
  "$jar" "$platform/libasyncProfiler.so")
agent=$out/$platform/libasyncProfiler.so

# jcmd reads name=value pairs: the agent's options go in quotes to reach it whole.
attach() { jcmd "$pid" JVMTI.agent_load "$agent" "\"$1\"" | tail -1; }
attach "start,event=cpu,interval=1ms"
echo "recording $pid for $seconds s"
sleep "$seconds"
attach "dump,file=$out/cpu.collapsed,collapsed"
attach "stop,file=$out/flame.html"

python3 - "$out/cpu.collapsed" <<'EOF'
import collections, sys
total = 0
ours = collections.Counter()
leaves = collections.Counter()
for line in open(sys.argv[1]):
    stack, n = line.rsplit(" ", 1)
    n = int(n)
    total += n
    frames = stack.split(";")
    leaves[frames[-1]] += n
    for frame in set(f for f in frames if f.startswith("com/fmugateway/")):
        ours[frame] += n
if not total:
    sys.exit("no samples: was the process busy?")
print(f"{total} samples")
print("ours, with what they call:")
for frame, n in ours.most_common(15):
    print(f"  {100 * n / total:5.1f}%  {frame}")
print("where the CPU is spent (the frame that was running):")
for frame, n in leaves.most_common(15):
    print(f"  {100 * n / total:5.1f}%  {frame}")
EOF
echo "flame graph: $out/flame.html; all stacks: $out/cpu.collapsed"
