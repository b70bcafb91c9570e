#!/usr/bin/env bash
# Builds one synthetic model RUNS times, each from a cold render cache, and prints how many distinct sites
# came out (1 when every build gave the same bytes) and any build that warned or failed. Slow: not part of
# make test.
# usage: scripts/repeat-builds.sh RELMAP [RUNS=30] [ACTORS=100] [RELATIONS=300] [SEED=7]
set -euo pipefail
relmap=${1:?usage: scripts/repeat-builds.sh RELMAP [RUNS] [ACTORS] [RELATIONS] [SEED]}
runs=${2:-30}
actors=${3:-100}
relations=${4:-300}
seed=${5:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$relmap" synth --actors "$actors" --relations "$relations" --seed "$seed" --out "$work/model"
failed=0
for run in $(seq 1 "$runs"); do
    mkdir "$work/$run"
    if ! "$relmap" build "$work/model" --out "$work/$run/site" --quiet 2> "$work/$run/stderr"; then
        failed=$((failed + 1))
    fi
    if [ -s "$work/$run/stderr" ]; then
        echo "build $run: $(head -c 300 "$work/$run/stderr")"
    fi
    if [ -d "$work/$run/site" ]; then
        (cd "$work/$run/site" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -d' ' -f1 > "$work/$run/digest"
    else
        echo "no site" > "$work/$run/digest"
    fi
    rm -rf "$work/$run/site" "$work/$run/.relmap-cache"
done
distinct=$(cat "$work"/*/digest | sort -u | wc -l)
echo "$runs builds of $actors actors, $relations relations, seed $seed: $distinct distinct site(s), $failed failed"
[ "$distinct" -eq 1 ] && [ "$failed" -eq 0 ]
