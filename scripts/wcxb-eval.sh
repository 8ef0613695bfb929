#!/usr/bin/env bash
# Scores narrate's extraction on the 1,463 WCXB development pages with the
# corpus's own scorer (score.py: scrapinghub's shingle F1, overall, per
# page type and per language). Needs the pages at ../shared/corpus/wcxb (or
# $WCXB) and python3; the folder is only read.
set -euo pipefail
cd "$(dirname "$0")/.."
src=${WCXB:-../shared/corpus/wcxb}
if [ ! -f "$src/score.py" ]; then
	echo "wcxb-eval: pages not found at $src; skipped" >&2
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! NARRATE_WCXB_JSON="$tmp/narrate.json" go test -count=1 -run '^TestWCXB$' ./article >"$tmp/test.log" 2>&1; then
	grep -E 'want|FAIL' "$tmp/test.log" >&2 || true
fi
[ -s "$tmp/narrate.json" ] || { echo "wcxb-eval: narrate wrote no output" >&2; exit 1; }
python3 "$src/score.py" "$tmp/narrate.json" --ground-truth "$src/ground-truth.json" ${PER_PAGE:+--per-page "$PER_PAGE"}
