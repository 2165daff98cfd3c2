#!/usr/bin/env bash
# The server against clients that hold connections (Tests/Oracles/hostile_clients.py),
# on loopback, with short limits: half-header, trickling and idle keep-alive connections
# closed within their timeouts while a new client is served; more connections than the
# ceiling while a new client still gets its feed; SIGTERM under load with no response cut
# short and a bounded exit. About 30 s.
# Output: .test-output/hostile/ (server logs).
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out="$root/.test-output/hostile"
rm -rf "$out"
mkdir -p "$out"

# SAMVERKAN_BIN=path runs a given binary (e.g. a release build) instead of building one.
bin=${SAMVERKAN_BIN:-}
if [[ -z $bin ]]; then
    echo "building samverkan"
    swift build --product samverkan >"$out/build.log" 2>&1 || { tail -30 "$out/build.log"; echo "FAIL build"; exit 1; }
    bin="$(swift build --show-bin-path)/samverkan"
fi
timeout 300 python3 Tests/Oracles/hostile_clients.py --bin "$bin" --exports Exports --out "$out"
