#!/usr/bin/env bash
# The pages in one headless Chromium session (Tests/Oracles/browser_checks.py pages, on
# Debian's chromium-headless-shell): DOM, a crawl of every page, link, feed and file,
# search, phone-size screenshots, Content-Security-Policy, and axe-core with the reflow at
# 320 px measured on the same page loads, against nginx (deploy/nginx.conf) serving the
# committed Exports/. It needs no build, so the test command runs it while the
# code compiles: the Swift tests hold Exports/ to the code, and scripts/integration-test.sh
# shows that `samverkan serve` gives the same pages with the same headers.
# Installs what it needs when missing. Output (screenshots, nginx logs): .test-output/browser/.
# Its cost, Chromium's processes included (GNU time misses most of them):
#   scripts/tree-cpu.py scripts/browser-test.sh
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out="$root/.test-output/browser"
rm -rf "$out"
mkdir -p "$out"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    wait 2>/dev/null
}
trap cleanup EXIT

source scripts/lib/tally.sh
source scripts/lib/serve.sh

need_apt=()
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || need_apt+=(nginx-light)
[[ -x /usr/lib/chromium/chromium-headless-shell ]] || need_apt+=(chromium-headless-shell)
if ((${#need_apt[@]})); then
    echo "installing ${need_apt[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null \
        || { echo "FAIL could not install ${need_apt[*]}"; exit 1; }
fi
if ! python3 -c 'import axe_playwright_python' 2>/dev/null; then
    echo "installing axe-playwright-python"
    pip install -q axe-playwright-python || { echo "FAIL could not install axe-playwright-python"; exit 1; }
fi

port=$(free_port)
nginx_pid=$(scripts/serve-nginx.sh Exports "$port" "$out/nginx") || { echo "FAIL nginx start"; exit 1; }
pids+=("$nginx_pid")
base="http://127.0.0.1:$port"
wait_for_url "$base/" || { echo "FAIL nginx does not answer on $base"; exit 1; }

# The public address the committed pages' subscribe links carry (Data/Configuration.swift).
public=$(grep -o 'webcal://[^/"]*' Exports/index.html | head -1 | sed 's|^webcal|https|')
# The feeds the start page offers: all but the personal ones (on each person's page) and the
# outside organisations' old addresses, which stay answering (empty, "(ingen egen
# kalender)") but are not offered.
offered=$(cd Exports && python3 -c 'import sys
print(sum("(ingen egen kalender)" not in open(p, encoding="utf-8", newline="").read().replace("\r\n ", "") for p in sys.argv[1:]))' \
    $(find . -name '*.ics' -not -path './people/*'))

absorb timeout 600 python3 Tests/Oracles/browser_checks.py pages --base "$base" --feeds "$offered" \
    --public "$public" --out "$out"

echo
tally
