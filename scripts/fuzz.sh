#!/usr/bin/env bash
# fuzz.sh — run every fuzz target in the module, one at a time, for FUZZTIME
# each (default 30s), and print a summary. Exits non-zero if any target
# fails (a crash, a broken invariant, or a build error). A crasher is written
# by `go test` to PKG/testdata/fuzz/FuzzName/ and replays in plain `go test`
# from then on: fix the bug and keep the file as the regression case.
#
# One failure is not a finding: before Go 1.27, the fuzzing coordinator can
# report its own -fuzztime deadline as "context deadline exceeded" when it
# wakes on the deadline before the workers' context is cancelled (Go issue
# 75804), which a loaded machine makes likely. A run that ends that way,
# wrote no crasher and printed nothing else wrong fuzzed its whole budget
# and found nothing, so it counts as passed and the summary marks it.
#
#   FUZZTIME=30s   how long each target runs (any -fuzztime value: 10s, 5000x)
#   FUZZ_MATCH=re  only targets whose "pkg.FuzzName" matches this regexp
#   FUZZMINIMIZETIME=200x  budget to shrink each new interesting input. Go's
#                  default (60s) let one minimization take a short run's whole
#                  budget: FuzzDecodeMP3 managed 8 execs in 10s, 2,365 with 200x.
#   GO=go          the go command
set -uo pipefail

cd "$(dirname "$0")/.."
GO=${GO:-$(command -v go || echo /usr/local/go/bin/go)}
FUZZTIME=${FUZZTIME:-30s}
FUZZ_MATCH=${FUZZ_MATCH:-.}
FUZZMINIMIZETIME=${FUZZMINIMIZETIME:-200x}
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
	# Build and list only packages with a target FUZZ_MATCH can select.
	want=0
	while read -r name; do
		[[ "$p.$name" =~ $FUZZ_MATCH ]] && want=1
	done < <(grep -ohE '^func Fuzz[A-Za-z0-9_]*' "$p"/*_test.go | sed 's/^func //')
	[ "$want" -eq 1 ] || continue
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

# deadline_race LOG NAME: whether the run in LOG failed only by the
# coordinator's deadline race: the target's one failure line is "context
# deadline exceeded", and no input failed, panicked or was written.
deadline_race() {
	local body
	body=$(sed -n "/^--- FAIL: $2 /,/^FAIL\$/p" "$1" | sed '1d;$d' | sed 's/^[[:space:]]*//')
	[ "$body" = "context deadline exceeded" ] &&
		! grep -qE 'Failing input written to|failure while testing seed corpus|^panic:|fuzz: minimizing' "$1"
}

results=()
failed=0
raced=0
log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT
for t in "${targets[@]}"; do
	read -r p name <<<"$t"
	log="$log_dir/${p//\//_}.$name.log"
	start=$SECONDS
	corpus="$p/testdata/fuzz/$name"
	before=$(ls "$corpus" 2>/dev/null | wc -l)
	echo "=== $p $name"
	if "$GO" test -run '^$' -fuzz "^${name}\$" -fuzztime "$FUZZTIME" -fuzzminimizetime "$FUZZMINIMIZETIME" "$p" >"$log" 2>&1; then
		status=ok
	elif [ "$(ls "$corpus" 2>/dev/null | wc -l)" -eq "$before" ] && deadline_race "$log" "$name"; then
		status="ok*"
		raced=$((raced + 1))
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
if [ "$raced" -gt 0 ]; then
	echo "  ok*: ran its whole budget, found nothing, then hit Go's fuzzing deadline race (Go issue 75804, fixed in Go 1.27)"
fi
if [ "$failed" -gt 0 ]; then
	echo "fuzz: $failed of ${#targets[@]} targets failed; crashers are under PKG/testdata/fuzz/" >&2
	exit 1
fi
echo "fuzz: all ${#targets[@]} targets passed"
