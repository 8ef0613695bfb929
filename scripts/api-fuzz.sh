#!/usr/bin/env bash
# api-fuzz.sh: property-based fuzz of `narrate serve`'s HTTP API from its
# OpenAPI description (/v1/openapi.json) with schemathesis, installed from
# PyPI into .cache/schemathesis-venv (needs the network the first time).
# A server with the fake engine, a memory queue and a temporary store is
# started on loopback and stopped at the end.
#
#   scripts/api-fuzz.sh [EXAMPLES_PER_OPERATION] [extra schemathesis flags]
#
# Default 1000 examples per operation (2500 gave 15,437 requests). The run's report is written to
# out/api-fuzz/ (JSON and JUnit) and the server's log to out/api-fuzz/serve.log.
set -euo pipefail
cd "$(dirname "$0")/.."
examples="${1:-1000}"
shift || true
venv=.cache/schemathesis-venv
if [ ! -x "$venv/bin/st" ]; then
	python3 -m venv "$venv"
	"$venv/bin/pip" install -q 'schemathesis>=4,<5'
fi
go build -o bin/narrate ./cmd/narrate
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work" .schemathesis' EXIT
key=api-fuzz-key-0123456789abcdef
echo "$key fuzz" > "$work/keys"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p out/api-fuzz
TMPDIR="$work" bin/narrate serve --addr "127.0.0.1:$port" --store "$work/store" --voice fake: --no-cache \
	--api-keys-file "$work/keys" --post-rate -1 --log-format json 2> out/api-fuzz/serve.log &
pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
status=0
"$venv/bin/st" run "http://127.0.0.1:$port/v1/openapi.json" -H "Authorization: Bearer $key" \
	--max-examples "$examples" --checks all --exclude-checks positive_data_acceptance \
	--report json,junit --report-dir out/api-fuzz --generation-database none --no-color "$@" || status=$?
# The server must still answer after the run.
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || { echo "api-fuzz: the server stopped answering"; status=1; }
echo "api-fuzz: requests served: $(grep -c '"msg":"request"' out/api-fuzz/serve.log || true)," \
	"5xx: $(grep -c '"code":5[0-9][0-9]' out/api-fuzz/serve.log || true)," \
	"errors logged: $(grep -c '"level":"ERROR"' out/api-fuzz/serve.log || true)"
exit "$status"
