#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (model parser, DOT encoder) with -sanitize=fuzzer in .build-fuzz and
# runs each for SECONDS (default 60). Corpora grow in .fuzz/NAME; a crashing input is saved as
# .fuzz/crashes/NAME-crash-* (replay it with: .build-fuzz/debug/NAME FILE). Exits 1 when a target crashed.
set -euo pipefail
seconds=${1:-60}
cd "$(dirname "$0")/.."
root=$PWD
build=(swift build --package-path Fuzz --scratch-path "$root/.build-fuzz" -c debug -Xswiftc -sanitize=fuzzer)
echo "fuzz: building the fuzz targets (.build-fuzz)"
if ! log=$("${build[@]}" 2>&1); then
    echo "$log" | grep -v "^\[" | tail -30
    exit 1
fi
bin=$("${build[@]}" --show-bin-path)
# Let libFuzzer, not the Swift runtime's backtracer, handle a crash, so that it saves the input.
export SWIFT_BACKTRACE=enable=no
mkdir -p .fuzz/crashes
status=0
run() {
    local name=$1 seeds=$2
    shift 2
    mkdir -p ".fuzz/$name"
    echo "fuzz: $name for ${seconds}s"
    if timeout $((seconds + 120)) "$bin/$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix=".fuzz/crashes/$name-" "$@" ".fuzz/$name" "$seeds" >".fuzz/$name.log" 2>&1; then
        grep -E "^Done|DONE" ".fuzz/$name.log" | tail -1
    else
        echo "fuzz: $name FAILED; the end of .fuzz/$name.log:"
        grep -m 3 "Fatal error" ".fuzz/$name.log" || true
        grep -v "^0x" ".fuzz/$name.log" | tail -40
        status=1
    fi
}
run FuzzModelParser Fuzz/Seeds/model -dict=Fuzz/model.dict -max_len=8192
run FuzzDOTEncoder Fuzz/Seeds/dot -max_len=4096
exit $status
