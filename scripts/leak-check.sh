#!/usr/bin/env bash
# Runs `samverkan export` under valgrind and fails on any definite leak (libical's
# memory included). Usage: scripts/leak-check.sh [BINARY]   (default .build/debug/samverkan)
#
# libical keeps its builtin time zones in a process-wide cache; `samverkan export`
# frees it at exit (CalendarExport's `LibicalCache.release()`), so even "still
# reachable" libical memory should be absent from the summary.
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-.build/debug/samverkan}"
if [[ ! -x "$binary" ]]; then
    echo "error: $binary not found: run \`swift build\` first" >&2
    exit 2
fi
command -v valgrind >/dev/null || { echo "error: valgrind is not installed (apt-get install -y valgrind)" >&2; exit 2; }

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
status=0

run() {
    local name="$1"
    shift
    echo "== $name"
    # --errors-for-leak-kinds=definite: only memory nothing points at fails the check;
    # "possibly lost" blocks from the Swift runtime's metadata caches are reported but
    # do not fail it.
    if valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=1 \
        --log-file="$scratch/$name.log" "$@" >"$scratch/$name.out" 2>&1; then
        echo "ok: no definite leaks"
    else
        echo "FAILED (exit $?): see the report below"
        status=1
        cat "$scratch/$name.log"
    fi
    grep -E "definitely lost|indirectly lost|possibly lost|still reachable|ERROR SUMMARY|All heap blocks" \
        "$scratch/$name.log" | sed -e 's/^==[0-9]*== */  /'
    if grep -q "ical" "$scratch/$name.log"; then
        echo "  libical frames in the report:"
        grep -n "ical" "$scratch/$name.log" | head -20 | sed -e 's/^/    /'
    fi
}

# 1. A first export into an empty folder, then a second one that reads the ledger back.
run export-first "$binary" export --output "$scratch/Exports"
run export-again "$binary" export --output "$scratch/Exports"
run export-check "$binary" export --check --output "$scratch/Exports"

# 2. The server.
# TODO(server): once `samverkan serve` lands, start it under valgrind in the background,
# request every feed and page a few times (curl against 127.0.0.1 only), stop it with
# SIGTERM so that it exits through its normal shutdown path, and check its log the same
# way, e.g.:
#   valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=1 \
#       --log-file="$scratch/serve.log" "$binary" serve --port 18080 & pid=$!
#   ... wait for the port, curl -s http://127.0.0.1:18080/feeds/all.ics >/dev/null ...
#   kill -TERM "$pid"; wait "$pid" || status=1

exit "$status"
