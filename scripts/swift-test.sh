#!/bin/sh
# Runs the Swift tests with a temporary folder of their own and fails if they leave a relmap- folder in it:
# a test that forgets its scratch folder leaves one per test case behind on every run.
# Usage: scripts/swift-test.sh [swift test arguments...]   (SWIFT names the swift binary)
set -u
tmp=$(mktemp -d)
chmod 1777 "$tmp"  # as /tmp is: a test runs a build as another user
TMPDIR=$tmp "${SWIFT:-swift}" test --skip-build "$@"
status=$?
left=$(ls -A "$tmp" | grep '^relmap-' | head -5)
rm -rf "$tmp"
[ "$status" -eq 0 ] || exit "$status"
if [ -n "$left" ]; then
    echo "error: the Swift tests left folders in their temporary folder, e.g. $(echo $left)" >&2
    exit 1
fi
