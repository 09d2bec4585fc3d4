#!/usr/bin/env bash
# Builds the engine's native co-simulation loop (fmugw_fmi2.c) into OUTDIR/libfmugw_fmi2.so, where
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
gcc -shared -fPIC -O2 -std=c99 -Wall -Werror -fvisibility=hidden -I"$src/../include" \
    -o "$1/libfmugw_fmi2.so" "$src/fmugw_fmi2.c"
