#!/usr/bin/env bash
# fuzz.sh — run every fuzz target in the module, one at a time, for FUZZTIME
# each (default 30s), and print a summary. Exits non-zero if any target
# fails (a crash, a broken invariant, or a build error). A crasher is written
# by `go test` to PKG/testdata/fuzz/FuzzName/ and replays in plain `go test`
# from then on: fix the bug and keep the file as the regression case.
#
#   FUZZTIME=30s   how long each target runs (any -fuzztime value: 10s, 5000x)
#   FUZZ_MATCH=re  only targets whose "pkg.FuzzName" matches this regexp
#   GO=go          the go command
set -uo pipefail

cd "$(dirname "$0")/.."
GO=${GO:-$(command -v go || echo /usr/local/go/bin/go)}
FUZZTIME=${FUZZTIME:-30s}
FUZZ_MATCH=${FUZZ_MATCH:-.}
export GOCACHE=${GOCACHE:-$PWD/.cache/go-build}
export GOFLAGS=${GOFLAGS:--modcacherw}

# Packages whose tests declare a fuzz target (a cheap grep first, so only
# those test binaries are built for -list).
mapfile -t pkgs < <(grep -rlE --include='*_test.go' '^func Fuzz[A-Z0-9_]' . |
	grep -v '^./.cache/' | xargs -r -n1 dirname | sort -u)
if [ ${#pkgs[@]} -eq 0 ]; then
	echo "fuzz: no fuzz targets found" >&2
	exit 1
fi

targets=()
for p in "${pkgs[@]}"; do
	if ! list=$("$GO" test -list '^Fuzz' "$p" 2>&1); then
		echo "fuzz: cannot list the fuzz targets of $p:" >&2
		echo "$list" >&2
		exit 1
	fi
	while read -r name; do
		[[ $name =~ ^Fuzz ]] || continue
		[[ "$p.$name" =~ $FUZZ_MATCH ]] || continue
		targets+=("$p $name")
	done <<<"$list"
done
echo "fuzz: ${#targets[@]} targets, $FUZZTIME each"

results=()
failed=0
log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT
for t in "${targets[@]}"; do
	read -r p name <<<"$t"
	log="$log_dir/${p//\//_}.$name.log"
	start=$SECONDS
	echo "=== $p $name"
	if "$GO" test -run '^$' -fuzz "^${name}\$" -fuzztime "$FUZZTIME" "$p" >"$log" 2>&1; then
		status=ok
	else
		status=FAIL
		failed=$((failed + 1))
		cat "$log"
		# Point at the input go test saved, if any.
		grep -E 'testdata/fuzz/' "$log" | sed 's/^/    /' || true
	fi
	execs=$(grep -oE 'execs: [0-9]+' "$log" | tail -1 | awk '{print $2}')
	results+=("$(printf '%-4s %-28s %-26s %5ss  %s execs' "$status" "$p" "$name" "$((SECONDS - start))" "${execs:-?}")")
done

echo
echo "fuzz summary ($FUZZTIME each):"
printf '  %s\n' "${results[@]}"
if [ "$failed" -gt 0 ]; then
	echo "fuzz: $failed of ${#targets[@]} targets failed; crashers are under PKG/testdata/fuzz/" >&2
	exit 1
fi
echo "fuzz: all ${#targets[@]} targets passed"
