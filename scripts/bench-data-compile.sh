#!/usr/bin/env bash
# Data compile-time benchmark: debug build time and peak compiler memory of generated
# Data/-shaped Swift at several sizes. Arguments go to `samverkan-bench data-compile`, e.g.
#
#     scripts/bench-data-compile.sh --records 1000,5000,20000 --shapes files:500,one-per-kind --runs 2
#
# The benchmark itself is built in release mode; the data module it measures is built in
# debug mode, as staff and CI build Data/. Needs GNU time at /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
exec swift run -c release samverkan-bench data-compile --project-root "$PWD" "$@"
