#!/usr/bin/env bash
# Soak benchmark (not a test): `samverkan serve` (release build) under wrk at 64
# connections for N minutes, a mix of feeds, gzip, 304s, a custom feed, the API and a page
# (scripts/wrk-mix.lua), measured minute by minute: requests/s, p50/p99, errors, and the
# server's resident memory and open descriptors at the end of each minute. Loopback only,
# bounded: N one-minute wrk runs back to back (connections are re-opened each minute).
#
#   scripts/soak.sh [--minutes N] [--connections C] [--write]
#
#   --minutes N   default 10
#   --write       put the table into BENCHMARKS.md ("## Soak")
#
# The server logs one line per request to a file, as in production (the file's size is
# reported, then the file is deleted). Goal: 0 errors, memory flat within 10 % after the
# first minute, p99 steady.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
minutes=10
connections=64
write=0
while (($#)); do
    case $1 in
    --minutes) minutes=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --write) write=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null

work=$(mktemp -d)
out="$root/.test-output/soak"   # wrk's report of each minute
rm -rf "$out"
mkdir -p "$out"
pid=""
cleanup() {
    [[ -n $pid ]] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# SAMVERKAN_BIN=path soaks a given binary instead of building the release one.
bin=${SAMVERKAN_BIN:-}
build="release"
if [[ -z $bin ]]; then
    echo "building release" >&2
    swift build -c release --product samverkan >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
    bin="$(swift build -c release --show-bin-path)/samverkan"
else
    case $bin in
    */debug/*) build="debug" ;;
    */release/*) build="release" ;;
    *) build="given" ;;
    esac
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
"$bin" serve --port "$port" --exports Exports >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 150); do curl -sf -o /dev/null "$url/feeds/all.ics" && break; sleep 0.2; done
etag=$(curl -sI "$url/feeds/all.ics" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
etag_gzip=$(curl -sI -H 'Accept-Encoding: gzip' "$url/feeds/all.ics" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
[[ $(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$url/feeds/all.ics") == 304 ]] \
    || { echo "no 304 for $etag" >&2; exit 1; }

rss_mb() { awk '/^VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status"; }
fds() { ls "/proc/$pid/fd" | wc -l; }
start_rss=$(rss_mb)
rows=()
total_requests=0
total_errors=0
echo "soak: $minutes min at $connections connections against $url (RSS $start_rss MB at start)" >&2
for minute in $(seq "$minutes"); do
    result=$(wrk -t2 -c"$connections" -d60s --timeout 5s --latency -s scripts/wrk-mix.lua "$url" -- "$etag" "$etag_gzip")
    echo "$result" >"$out/minute-$minute.txt"
    rps=$(echo "$result" | awk '/^Requests\/sec/ {printf "%.0f", $2}')
    requests=$(echo "$result" | awk '/requests in/ {print $1}')
    p50=$(echo "$result" | awk '$1 == "50%" {print $2}')
    p99=$(echo "$result" | awk '$1 == "99%" {print $2}')
    # Socket errors: connect, read, write, timeout.
    breakdown=$(echo "$result" | awk '/Socket errors/ {gsub(",", ""); print $4 "/" $6 "/" $8 "/" $10}')
    errors=$(echo "$result" | awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}')
    non2xx=$(echo "$result" | awk '/Non-2xx or 3xx/ {print $5}')
    errors=$((${errors:-0} + ${non2xx:-0}))
    ((errors)) && errors="$errors (${breakdown:-0/0/0/0} c/r/w/t, ${non2xx:-0} non-2xx/3xx)"
    rss=$(rss_mb)
    total_requests=$((total_requests + requests))
    total_errors=$((total_errors + ${errors%% *}))
    rows+=("| $minute | $rps | $requests | $p50 | $p99 | $errors | $rss | $(fds) |")
    echo "minute $minute: $rps req/s, p50 $p50, p99 $p99, errors $errors, RSS $rss MB" >&2
done
log_mb=$(du -m "$work/serve.log" | cut -f1)
load=$(cut -d' ' -f1-3 /proc/loadavg)
table=$(
    cat <<TABLE
## Soak

\`scripts/soak.sh --minutes $minutes\` on $(date -u +%F): the $build build of \`samverkan serve\` under wrk
(2 threads, $connections connections, \`--timeout 5s\`, loopback) for $minutes minutes, as $minutes
one-minute runs back to back, each request one of a fixed rotation (\`scripts/wrk-mix.lua\`):
per 10 requests 3 feeds, 2 gzip feeds, 2 conditional feeds answered 304, 1 custom feed
(gzip), 1 API answer and 1 page (gzip). The server logged every request to a file ($log_mb MB by
the end). Errors are wrk's socket errors (connect/read/write/timeout) plus non-2xx/3xx answers. RSS and open
descriptors are the server's at the end of each minute ($start_rss MB before the load).
Machine: $(nproc) cores shared by wrk, the server and other work (load average $load at the end).

| minute | requests/s | requests | p50 | p99 | errors | RSS (MB) | descriptors |
|---|---|---|---|---|---|---|---|
$(printf '%s\n' "${rows[@]}")

$total_requests requests, $total_errors errors.
TABLE
)
echo "$table"
if ((write)); then
    python3 - "$table" <<'PY'
import pathlib, re, sys
path = pathlib.Path("BENCHMARKS.md")
table = sys.argv[1].rstrip() + "\n"
text = path.read_text()
section = re.compile(r"^## Soak\n.*?(?=^## |\Z)", re.S | re.M)
text = section.sub(lambda _: table + "\n", text) if section.search(text) else text.rstrip() + "\n\n" + table
path.write_text(text)
PY
    echo "wrote BENCHMARKS.md" >&2
fi
