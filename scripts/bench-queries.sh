#!/usr/bin/env bash
# Query benchmarks: the query library in-process on a 100k-event synthetic registry, and
# `samverkan who` as a whole process (start-up included) with hyperfine.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }

swift build -c release --scratch-path .build-release --product samverkan-bench >/dev/null
swift build -c release --scratch-path .build-release --product samverkan >/dev/null
bin="$(swift build -c release --scratch-path .build-release --show-bin-path)"

"$bin/samverkan-bench" queries --events "${EVENTS:-100000}"
echo
hyperfine --shell=none --warmup 5 --runs 50 \
    "$bin/samverkan who Bjuv --on 2026-04-10" \
    "$bin/samverkan who Bjuv --on 2026-04-10 --json" \
    "$bin/samverkan represents fristedt --on 2026-04-10"
