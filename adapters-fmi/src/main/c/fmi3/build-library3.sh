#!/usr/bin/env bash
# Builds the FMI 3.0 model library: one FMU per folder under library/, each one shared library
# with every fmi3 function, for x86_64 Linux. Needs only gcc and the JDK's jar tool, like the
# FMI 2.0 build (../build-library.sh), which this one leaves alone.
#
# Usage: build-library3.sh OUTDIR [MODELSDIR]
#   Writes OUTDIR/<ModelName>.fmu for every MODELSDIR/<ModelName>/, replacing earlier builds.
#   MODELSDIR defaults to library/ next to this script; the tests pass their own folder of
#   fixture models, which are built with the same framework and the same checks.
#   CFLAGS_EXTRA is appended to the compiler flags (the sanitizer harness uses it).
set -euo pipefail

fail() {
    echo "build-library3.sh: $*" >&2
    exit 1
}

[ $# -eq 1 ] || [ $# -eq 2 ] || fail "usage: build-library3.sh OUTDIR [MODELSDIR]"
command -v gcc >/dev/null || fail "gcc not found"
command -v jar >/dev/null || fail "jar not found (it ships with the JDK)"
# The archives declare binaries/x86_64-linux, so any other target would produce a lying FMU.
case "$(gcc -dumpmachine)" in
    x86_64-*linux*) ;;
    *) fail "gcc targets $(gcc -dumpmachine), but the library is built for x86_64 Linux" ;;
esac

src="$(cd "$(dirname "$0")" && pwd)"
models="$(cd "${2:-$src/library}" && pwd)" || fail "no models folder ${2:-$src/library}"
mkdir -p "$1"
out="$(cd "$1" && pwd)"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT

for dir in "$models"/*/; do
    dir="${dir%/}"
    name="$(basename "$dir")"
    xml="$dir/modelDescription.xml"
    [ -f "$xml" ] && [ -f "$dir/model.c" ] || fail "$name: needs model.c and modelDescription.xml"

    # The token lives only in modelDescription.xml; the binary gets it from there, so the check
    # in fmi3Instantiate* can never disagree with the archive it ships in.
    token="$(sed -n 's/.*[[:space:]]instantiationToken="\({[0-9a-fA-F-]*}\)".*/\1/p' "$xml")"
    [ -n "$token" ] && [ "$(wc -l <<<"$token")" -eq 1 ] ||
        fail "$name: modelDescription.xml needs exactly one instantiationToken=\"{...}\" attribute"
    interfaces="$(grep -cE '<(ModelExchange|CoSimulation|ScheduledExecution)[[:space:]]' "$xml" || true)"
    [ "$interfaces" -ge 1 ] && [ "$(grep -c "modelIdentifier=\"$name\"" "$xml")" -eq "$interfaces" ] ||
        fail "$name: every interface element must use modelIdentifier=\"$name\""

    root="$staging/$name"
    mkdir -p "$root/binaries/x86_64-linux"
    # shellcheck disable=SC2086 # CFLAGS_EXTRA is a list of flags
    gcc -shared -fPIC -O2 -std=c11 -Wall -Wextra -Werror -fvisibility=hidden ${CFLAGS_EXTRA:-} \
        -I"$src/include" -I"$src/common" -DINSTANTIATION_TOKEN="\"$token\"" \
        "$src"/common/*.c "$dir/model.c" -o "$root/binaries/x86_64-linux/$name.so" -lm
    cp "$xml" "$root/modelDescription.xml"

    rm -f "$out/$name.fmu"
    jar --create --no-manifest --file "$out/$name.fmu" -C "$root" .
    echo "built $out/$name.fmu"
done
