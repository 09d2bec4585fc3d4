#!/usr/bin/env bash
# Builds the engine's native co-simulation loops (fmugw_fmi2.c, fmugw_fmi3.c) into OUTDIR/libfmugw_fmi2.so, where
# JNA finds it on the class path (OUTDIR is <classes>/linux-x86-64). On any other platform it builds
# nothing, and the engine steps FMUs from Java as before.
# Usage: build-native.sh OUTDIR
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: build-native.sh OUTDIR" >&2; exit 1; }
case "$(gcc -dumpmachine 2>/dev/null)" in
    x86_64-*linux*) ;;
    *) echo "build-native.sh: not x86_64 Linux; the engine steps FMUs from Java"; exit 0 ;;
esac
src="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$1"
# The JNI entry points (fmugw_fmi2_jni.c, fmugw_fmi3_jni.c) need the JDK's jni.h: from JAVA_HOME, else from javac's JDK.
jdk=${JAVA_HOME:-}
if [ -z "$jdk" ] || [ ! -f "$jdk/include/jni.h" ]; then
    javac_path=$(command -v javac || true)
    [ -n "$javac_path" ] && jdk=$(dirname "$(dirname "$(readlink -f "$javac_path")")")
fi
sources=("$src/fmugw_fmi2.c" "$src/fmugw_fmi3.c")
jni=()
if [ -n "$jdk" ] && [ -f "$jdk/include/jni.h" ]; then
    sources+=("$src/fmugw_fmi2_jni.c" "$src/fmugw_fmi3_jni.c")
    jni=(-I"$jdk/include" -I"$jdk/include/linux")
else
    echo "build-native.sh: no jni.h (JAVA_HOME=${JAVA_HOME:-unset}); model exchange calls go through FMI4j and JNA"
fi
gcc -shared -fPIC -O2 -std=c99 -Wall -Werror -fvisibility=hidden -I"$src/../include" \
    -I"$src/../fmi3/include" "${jni[@]}" \
    -o "$1/libfmugw_fmi2.so" "${sources[@]}"
