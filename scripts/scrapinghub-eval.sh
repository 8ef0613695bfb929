#!/usr/bin/env bash
# Scores narrate's extraction on the scrapinghub article-extraction
# benchmark beside the published extractors, with the benchmark's own
# scorer. Needs the benchmark at ../shared/corpus/scrapinghub (or
# $SCRAPINGHUB) and python3. The benchmark folder is only read: it is
# copied to a temporary directory first.
set -euo pipefail
cd "$(dirname "$0")/.."
src=${SCRAPINGHUB:-../shared/corpus/scrapinghub}
if [ ! -f "$src/evaluate.py" ]; then
	echo "scrapinghub-eval: benchmark not found at $src; skipped" >&2
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$src/." "$tmp"
chmod -R u+w "$tmp"
if ! NARRATE_SCRAPINGHUB_JSON="$tmp/output/narrate.json" go test -count=1 -run '^TestScrapinghub$' ./article >"$tmp/test.log" 2>&1; then
	grep -E 'want|FAIL' "$tmp/test.log" >&2 || true
fi
[ -s "$tmp/output/narrate.json" ] || { echo "scrapinghub-eval: narrate wrote no output" >&2; exit 1; }
(cd "$tmp" && python3 evaluate.py --n-bootstrap "${N_BOOTSTRAP:-200}")
