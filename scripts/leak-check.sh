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

# valgrind 3.19 (Debian bookworm) cannot read the DWARF 5 that Swift 6.3's toolchain
# writes ("Possibly corrupted debuginfo file ... Giving up"). Check a copy without debug
# sections: the symbol table stays, so reports still name functions (no line numbers).
objcopy --strip-debug "$binary" "$scratch/samverkan"
binary="$scratch/samverkan"

# valgrind 3.19 also crashes ("Valgrind received a signal 11", in rt_sigsuspend) when
# libdispatch parks the main thread of an async `@main` with sigsuspend() on a sigset in
# read-only memory: valgrind's syscall wrapper writes into the caller's mask. This
# preloaded sigsuspend() hands the kernel a writable copy; nothing else changes.
cat >"$scratch/sigsuspend-copy.c" <<'C'
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>
int sigsuspend(const sigset_t *mask) {
    sigset_t copy = *mask;
    return (int)syscall(SYS_rt_sigsuspend, &copy, (size_t)(_NSIG / 8));
}
C
cc -shared -fPIC -O2 -o "$scratch/sigsuspend-copy.so" "$scratch/sigsuspend-copy.c"

run() {
    local name="$1"
    shift
    echo "== $name"
    # --errors-for-leak-kinds=definite: only memory nothing points at fails the check;
    # "possibly lost" blocks from the Swift runtime's metadata caches are reported but
    # do not fail it.
    if LD_PRELOAD="$scratch/sigsuspend-copy.so" \
        valgrind --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=definite \
        --error-exitcode=1 --log-file="$scratch/$name.log" "$@" >"$scratch/$name.out" 2>&1; then
        echo "ok: no definite leaks"
    else
        echo "FAILED (exit $?): see the report below"
        status=1
        cat "$scratch/$name.log"
    fi
    grep -E "definitely lost:|indirectly lost:|possibly lost:|still reachable:|ERROR SUMMARY:|All heap blocks" \
        "$scratch/$name.log" | sed -e 's/^==[0-9]*== */  /'
    # Loss records with a libical frame, by kind: definite ones would have failed above.
    awk '/in loss record/ { if (block ~ /libical/) print header; header = $0; block = ""; next }
         { block = block "\n" $0 }
         END { if (block ~ /libical/) print header }' "$scratch/$name.log" |
        sed -E 's/^==[0-9]+== ([0-9,]+) bytes in ([0-9]+) blocks are ([a-z ]+) in loss record.*/\3 \1/' |
        awk '{ kind = $0; sub(/ [0-9,]+$/, "", kind); bytes = $NF; gsub(",", "", bytes); total[kind] += bytes; n[kind]++ }
             END { for (k in total) printf "  libical: %s: %d bytes in %d records\n", k, total[k], n[k] }'
    if [[ -s "$scratch/$name.out" ]]; then sed -e 's/^/  output: /' "$scratch/$name.out"; fi
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
