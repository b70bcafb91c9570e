#!/usr/bin/env bash
# Installs the PyPI packages named as arguments when any of them is missing.
set -euo pipefail
missing=()
for package in "$@"; do
    python3 -m pip show -q "$package" >/dev/null 2>&1 || missing+=("$package")
done
((${#missing[@]} == 0)) && exit 0
echo "relmap: installing missing Python packages: ${missing[*]}" >&2
python3 -m pip install -q "${missing[@]}" || {
    echo "relmap: cannot install ${missing[*]}: run 'python3 -m pip install ${missing[*]}'" >&2
    exit 1
}
