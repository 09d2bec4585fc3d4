#!/usr/bin/env bash
# Builds the FMI 3.0 model library with AddressSanitizer and UndefinedBehaviorSanitizer into a
# temporary folder, checks the exported symbols and runs the harness against every FMU (the
# harness itself is sanitized too, so the runtime is loaded before the FMUs). Not part of Maven.
#
# Usage: run-harness3.sh     (from anywhere; exit status 0 when every check passed)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
main="$here/../../../main/c/fmi3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sanitize="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g"

CFLAGS_EXTRA="$sanitize" bash "$main/build-library3.sh" "$work/fmus"
# shellcheck disable=SC2086 # a list of flags
gcc -O1 -std=c11 -Wall -Wextra -Werror $sanitize -I"$main/include" "$here/harness3.c" \
    -o "$work/harness3" -ldl -lm
expected="$(grep -c '^FMI3_Export fmi3' "$main/include/fmi3Functions.h")"

status=0
for fmu in "$work"/fmus/*.fmu; do
    name="$(basename "$fmu" .fmu)"
    mkdir -p "$work/$name"
    (cd "$work/$name" && jar --extract --file "$fmu")
    # Exactly the fmi3 functions may be visible; anything else could clash between FMUs.
    exports="$(nm -D --defined-only "$work/$name/binaries/x86_64-linux/$name.so" | awk '{print $3}')"
    if [ "$(grep -c '^fmi3' <<<"$exports")" -ne "$expected" ] || grep -qv '^fmi3' <<<"$exports"; then
        echo "FAIL $name exports: $(tr '\n' ' ' <<<"$exports")"
        status=1
    else
        echo "ok   $name exports exactly the $expected fmi3 functions"
    fi
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 "$work/harness3" "$work/$name" || status=1
done
exit "$status"
