#!/usr/bin/env bash
# Prints the command-line reference (docs/cli.md) from relmap's own --help text, so the two cannot drift.
# usage: scripts/cli-reference.sh RELMAP_BINARY            print the reference
#        scripts/cli-reference.sh RELMAP_BINARY --update   rewrite it in docs/cli.md between its markers
set -euo pipefail
relmap=$1
reference() {
    echo '```text'
    COLUMNS=100 "$relmap" --help
    echo '```'
    for command in $(COLUMNS=100 "$relmap" --help | awk '/^SUBCOMMANDS:/{found=1; next} found && /^  [a-z]/{print $1}'); do
        echo
        echo "### relmap $command"
        echo
        echo '```text'
        COLUMNS=100 "$relmap" help "$command"
        echo '```'
    done
}
if [ "${2:-}" = "--update" ]; then
    readme="$(dirname "$0")/../docs/cli.md"
    generated=$(reference)
    python3 - "$readme" "$generated" <<'PYTHON'
import sys
path, generated = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
start, end = "<!-- cli-reference:start -->", "<!-- cli-reference:end -->"
head, rest = text.split(start, 1)
_, tail = rest.split(end, 1)
open(path, "w", encoding="utf-8").write(f"{head}{start}\n{generated}\n{end}{tail}")
PYTHON
else
    reference
fi
