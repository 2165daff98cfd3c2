#!/usr/bin/env bash
# Builds the samverkan tool for staff: one line of progress, and when the build fails,
# each compiler error once at Data/FILE.swift:LINE with a hint (scripts/lib/compiler_messages.py)
# instead of hundreds of "Compiling" lines. `make validate` and `make export` use it.
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT
began=$SECONDS
printf 'Bygger samverkan … ' >&2
if swift build --product samverkan >"$log" 2>&1; then
    echo "klart ($((SECONDS - began)) s)" >&2
    exit 0
fi
echo "misslyckades:" >&2
python3 scripts/lib/compiler_messages.py <"$log" >&2
exit 1
