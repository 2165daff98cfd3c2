#!/usr/bin/env bash
# The server under bad input: starts `samverkan serve` (the debug build) on a free loopback
# port and sends it a bounded, seeded stream of malformed requests, twice
# (Tests/Oracles/malformed_requests.py): random and encoded-traversal paths, %00, overlong
# and invalid UTF-8 percent-encodings, bad dates, unknown parameters and values, 16 KB and
# 64 KB headers, 10 KB paths, methods other than GET/HEAD, broken request lines.
# Every answer must be a 4xx, the server must stay up and still serve /feeds/all.ics, and
# its VmRSS may grow by at most 5 MB over the second batch.
# Usage: scripts/malformed-requests.sh [--count N] [--seed S]   (passed to the driver)
# SAMVERKAN_BIN=path runs a given binary instead of building one.
# Server log: .test-output/malformed/serve.log
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out="$root/.test-output/malformed"
rm -rf "$out"
mkdir -p "$out"
pid=""
cleanup() {
    if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    fi
}
trap cleanup EXIT

bin=${SAMVERKAN_BIN:-}
if [[ -z $bin ]]; then
    echo "building samverkan"
    swift build --product samverkan >"$out/build.log" 2>&1 || { tail -30 "$out/build.log"; echo "FAIL build"; exit 1; }
    bin="$(swift build --show-bin-path)/samverkan"
fi

source scripts/lib/serve.sh
start_serve "$out/serve.log" "$bin" serve --host 127.0.0.1 --exports Exports || { echo "FAIL server did not start"; exit 1; }
pid=$SERVE_PID
port=$SERVE_PORT
echo "samverkan serve on 127.0.0.1:$port (pid $pid)"

timeout 900 python3 Tests/Oracles/malformed_requests.py --port "$port" --pid "$pid" "$@"
status=$?

if ! kill -0 "$pid" 2>/dev/null; then
    echo "FAIL the server is gone; last lines of its log:"
    tail -20 "$out/serve.log"
    exit 1
fi
# The server must still stop cleanly.
kill -TERM "$pid"
wait "$pid"
code=$?
pid=""
if ((code != 0)); then
    echo "FAIL samverkan serve exited with $code after SIGTERM"
    status=1
fi
if grep -q "Ett internt fel\| 500 \|Fatal error" "$out/serve.log"; then
    echo "FAIL the server log shows an internal error:"
    grep -m5 "Ett internt fel\| 500 \|Fatal error" "$out/serve.log"
    status=1
fi
exit "$status"
