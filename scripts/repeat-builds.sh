#!/usr/bin/env bash
# Builds one synthetic model COUNT times from nothing (no output, no cache) and checks that every build wrote the
# same bytes: the determinism promise of docs/building.md, measured over many whole builds rather than one
# rebuild. Usage: scripts/repeat-builds.sh RELMAP [COUNT] [ACTORS] [SEED]
set -euo pipefail
relmap=$1
count=${2:-30}
actors=${3:-100}
seed=${4:-7}
work=$(mktemp -d "${TMPDIR:-/tmp}/relmap-repeat.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$relmap" synth --actors "$actors" --relations $((actors * 3)) --seed "$seed" --out "$work/model"
first=""
for run in $(seq 1 "$count"); do
    rm -rf "$work/site" "$work/.relmap-cache"
    "$relmap" build "$work/model" --out "$work/site" --quiet
    digest=$(cd "$work/site" && find . -type f ! -name .relmap-site -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
    if [ -z "$first" ]; then
        first=$digest
    elif [ "$digest" != "$first" ]; then
        echo "repeat-builds: build $run of a $actors-actor model (seed $seed) differs from build 1 ($digest, not $first)" >&2
        exit 1
    fi
done
echo "repeat-builds: $count builds of a $actors-actor model (seed $seed) from nothing wrote the same bytes ($first)"
