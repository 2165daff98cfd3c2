#!/usr/bin/env bash
# Export benchmark: one N-event feed written by Samverkan, by python icalendar and by a
# bare C loop over libical (the floor), each as its own process under GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --scratch-path .build-release --product samverkan-bench >/dev/null
"$(swift build -c release --scratch-path .build-release --show-bin-path)/samverkan-bench" export --events "${EVENTS:-100000}" --runs "${RUNS:-3}"
