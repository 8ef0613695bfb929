#!/usr/bin/env bash
# make test: every test of the module, then a summary that keeps skipped
# tests visible. A green run that skipped the acceptance tests (no ffmpeg, no
# ../shared, no chromium) says so on its last lines instead of hiding it.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p out
log=out/test.log
go test -timeout "${TEST_TIMEOUT:-25m}" -v "${@:-./...}" > "$log" 2>&1
rc=$?
# Package results, as go test prints them without -v.
grep -E '^(ok  |FAIL|\?   |panic:)' "$log"
if [ "$rc" -ne 0 ]; then
	echo
	echo "== failures (full log: $log)"
	grep -E -B1 -A25 -- '^\s*--- FAIL' "$log" | head -400
fi
passed=$(grep -cE -- '^\s*--- PASS' "$log")
failed=$(grep -cE -- '^\s*--- FAIL' "$log")
skipped=$(grep -cE -- '^\s*--- SKIP' "$log")
if [ "$skipped" -gt 0 ]; then
	echo
	echo "== skipped tests and why"
	# go test -v prints a skip's reason on the line before "--- SKIP".
	awk '/^[ \t]*--- SKIP/ { sub(/^[ \t]*--- SKIP: /, ""); r = prev; sub(/^[ \t]+/, "", r); if (r !~ /_test\.go:[0-9]+:/) r = "(no reason given)"; print $1 ": " r } { prev = $0 }' "$log" | head -100
fi
echo
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$rc"
