#!/usr/bin/env bash
# Runs scripts/roll-test.sh N times in a row against one release build and reports the
# failed requests over all runs (socket errors plus non-2xx/3xx answers, as wrk counts
# them). Not a CI step: 30 runs take about 10 minutes.
#
#   scripts/roll-soak.sh [RUNS [SECONDS]]    (default 30 runs; SECONDS is each run's ceiling on
#                                             the load, which stops 2 s after the roll)
#
# SAMVERKAN_BIN=path runs a given binary instead of building `samverkan` in release mode.
# Output: .test-output/roll-soak/summary.txt, and for each run that failed its roll-test
# output folder (wrk report, roll log, server and nginx logs) as run-K/.
# Exits 0 only when every run passed and no request failed.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${1:-30} seconds=${2:-60}
out="$root/.test-output/roll-soak"
rm -rf "$out" && mkdir -p "$out"
# One release build for every run, unless SAMVERKAN_BIN names a binary.
release() { swift build -c release --scratch-path .build-release "$@"; }
bin=${SAMVERKAN_BIN:-$(release --product samverkan >"$out/build.log" 2>&1 && echo "$(release --show-bin-path)/samverkan")}
[[ -x $bin ]] || { tail -30 "$out/build.log"; exit 1; }

total_requests=0 total_failed=0 total_upstream=0 failed_runs=0
for run in $(seq "$runs"); do
    SAMVERKAN_BIN=$bin scripts/roll-test.sh --seconds "$seconds" >"$out/run.txt" 2>&1
    status=$?
    requests=$(awk '/requests in/ {print $1}' .test-output/roll/wrk.txt 2>/dev/null)
    errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' .test-output/roll/wrk.txt 2>/dev/null)
    non2xx=$(awk '/Non-2xx or 3xx/ {print $5}' .test-output/roll/wrk.txt 2>/dev/null)
    upstream=$(grep -c 'upstream' .test-output/roll/run/logs/error.log 2>/dev/null)
    bad=$((${errors:-0} + ${non2xx:-0}))
    total_requests=$((total_requests + ${requests:-0}))
    total_failed=$((total_failed + bad))
    total_upstream=$((total_upstream + ${upstream:-0}))
    line="run $run/$runs: status $status, ${requests:-0} requests, $bad failed, ${upstream:-0} upstream errors retried, load $(cut -d' ' -f1-3 /proc/loadavg)"
    if ((status != 0 || bad != 0)); then
        failed_runs=$((failed_runs + 1))
        cp -r .test-output/roll "$out/run-$run"
        cp "$out/run.txt" "$out/run-$run/output.txt"
        grep FAIL "$out/run.txt" | sed 's/^/    /'
    fi
    echo "$line" | tee -a "$out/summary.txt"
done
summary="$runs runs: $failed_runs failed, $total_failed failed requests of $total_requests, $total_upstream upstream errors retried by nginx"
echo "$summary" | tee -a "$out/summary.txt"
((failed_runs == 0 && total_failed == 0))
