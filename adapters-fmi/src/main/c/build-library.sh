#!/usr/bin/env bash
# Builds the built-in model library: one FMI 2.0 FMU (model exchange and co-simulation in one
# binary) per folder under library/, for x86_64 Linux. Needs only gcc and the JDK's jar tool,
# so the Maven build works on a bare CI image.
#
# Usage: build-library.sh OUTDIR [MODELSDIR]
#   Writes OUTDIR/<ModelName>.fmu for every MODELSDIR/<ModelName>/, replacing earlier builds.
#   MODELSDIR defaults to library/ next to this script; the tests pass their own folder of
#   fixture models, which are built with the same framework and the same checks.
set -euo pipefail

fail() {
    echo "build-library.sh: $*" >&2
    exit 1
}

[ $# -eq 1 ] || [ $# -eq 2 ] || fail "usage: build-library.sh OUTDIR [MODELSDIR]"
command -v gcc >/dev/null || fail "gcc not found"
command -v jar >/dev/null || fail "jar not found (it ships with the JDK)"
# The archives declare binaries/linux64, so any other target would produce a lying FMU.
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

    # The GUID lives only in modelDescription.xml; the binary gets it from there, so the check
    # in fmi2Instantiate can never disagree with the archive it ships in.
    guid="$(sed -n 's/.*[[:space:]]guid="\({[0-9a-fA-F-]*}\)".*/\1/p' "$xml")"
    [ -n "$guid" ] && [ "$(wc -l <<<"$guid")" -eq 1 ] ||
        fail "$name: modelDescription.xml needs exactly one guid=\"{...}\" attribute"
    [ "$(grep -c "modelIdentifier=\"$name\"" "$xml")" -eq 2 ] ||
        fail "$name: ModelExchange and CoSimulation must both use modelIdentifier=\"$name\""

    root="$staging/$name"
    mkdir -p "$root/binaries/linux64"
    gcc -shared -fPIC -O2 -std=c99 -Wall -Werror -fvisibility=hidden \
        -I"$src/include" -I"$src/common" -DMODEL_GUID="\"$guid\"" \
        "$src"/common/*.c "$dir/model.c" -o "$root/binaries/linux64/$name.so" -lm
    cp "$xml" "$root/modelDescription.xml"

    rm -f "$out/$name.fmu"
    jar --create --no-manifest --file "$out/$name.fmu" -C "$root" .
    echo "built $out/$name.fmu"
done
