#!/usr/bin/env bash
# Accessibility of every page under axe-core (Tests/Oracles/axe_check.py): starts
# `samverkan serve` on a free loopback port and checks the start page and every page it
# links to in headless Chromium, after a control page shows violations are caught.
# Output: .test-output/axe/serve.log
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out="$root/.test-output/axe"
rm -rf "$out"
mkdir -p "$out"
source scripts/lib/serve.sh
cleanup() { [[ -n ${SERVE_PID:-} ]] && kill -TERM "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null; }
trap cleanup EXIT

command -v chromium >/dev/null || apt-get install -y chromium >/dev/null
python3 -c 'import axe_playwright_python' 2>/dev/null || pip install -q axe-playwright-python
# SAMVERKAN_BIN=path runs a given binary (e.g. a release build) instead of building one.
bin=${SAMVERKAN_BIN:-}
if [[ -z $bin ]]; then
    swift build --product samverkan >"$out/build.log" 2>&1 || { tail -30 "$out/build.log"; echo "FAIL build"; exit 1; }
    bin="$(swift build --show-bin-path)/samverkan"
fi
start_serve "$out/serve.log" "$bin" serve --exports Exports || { echo "FAIL server did not start"; exit 1; }
timeout 300 python3 Tests/Oracles/axe_check.py --base "http://127.0.0.1:$SERVE_PORT"
