#!/usr/bin/env bash
# The pages' Content-Security-Policy in headless Chromium (Tests/Oracles/csp_check.py):
# starts `samverkan serve` on a free loopback port, loads /, /kommuner/bjuv,
# /organ/energinatverket and a decision's page through the DevTools protocol, and checks the headers, that no
# CSP violation is reported and that the inline style and script took effect — after a
# control page with wrong hashes shows that violations are caught.
# Output: .test-output/csp/serve.log
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out="$root/.test-output/csp"
rm -rf "$out"
mkdir -p "$out"
pid=""
cleanup() { [[ -n $pid ]] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; }
trap cleanup EXIT

command -v chromium >/dev/null || apt-get install -y chromium >/dev/null
# SAMVERKAN_BIN=path runs a given binary (e.g. a release build) instead of building one.
bin=${SAMVERKAN_BIN:-}
if [[ -z $bin ]]; then
    echo "building samverkan"
    swift build --product samverkan >"$out/build.log" 2>&1 || { tail -30 "$out/build.log"; echo "FAIL build"; exit 1; }
    bin="$(swift build --show-bin-path)/samverkan"
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" serve --port "$port" --exports Exports >"$out/serve.log" 2>&1 &
pid=$!
for _ in $(seq 150); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/" && break
    sleep 0.2
done
timeout 120 python3 Tests/Oracles/csp_check.py --base "http://127.0.0.1:$port"
