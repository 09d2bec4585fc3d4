#!/usr/bin/env bash
# Builds the model library into a temporary folder, unpacks every FMU with jar, checks the
# exported symbols and runs the harness against it. Not part of the Maven build.
#
# Usage: run-harness.sh     (from anywhere; exit status 0 when every check passed)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
main="$here/../../main/c"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

bash "$main/build-library.sh" "$work/fmus"
gcc -O2 -std=c99 -Wall -Werror -I"$main/include" "$here/harness.c" -o "$work/harness" -ldl -lm

status=0
for fmu in "$work"/fmus/*.fmu; do
    name="$(basename "$fmu" .fmu)"
    mkdir -p "$work/$name"
    (cd "$work/$name" && jar --extract --file "$fmu")
    # Only the 44 fmi2 functions may be visible; anything else would clash between FMUs.
    exports="$(nm -D --defined-only "$work/$name/binaries/linux64/$name.so" | awk '{print $3}')"
    if [ "$(grep -c '^fmi2' <<<"$exports")" -ne 44 ] || grep -qv '^fmi2' <<<"$exports"; then
        echo "FAIL $name exports: $(tr '\n' ' ' <<<"$exports")"
        status=1
    else
        echo "ok   $name exports exactly the 44 fmi2 functions"
    fi
    "$work/harness" "$work/$name" || status=1
done
exit "$status"
