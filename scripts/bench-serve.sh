#!/usr/bin/env bash
# Serving benchmark: wrk against `samverkan serve` (release build), a minimal Hummingbird
# server (`samverkan-bench minimal-server`: the same feed bytes, ETags, 304s and request
# log line, nothing else: the ceiling this stack allows) and nginx serving the same export,
# in the same run, on loopback. Bounded: each case runs for a fixed time.
#
#   scripts/bench-serve.sh [--feed PATH] [--duration SECONDS] [--connections N]
#                          [--events N [--seed S]] [--timeout SECONDS] [--write]
#
#   --feed PATH      the feed under /feeds/ to fetch (default all.ics).
#   --exports DIR    the export folder nginx serves and the server takes SEQUENCE from
#                    (default Exports; ignored with --events).
#   --events N       serve a synthetic registry of N events instead of the compiled-in
#                    one: `samverkan-bench serve-synthetic` writes its export to a temporary
#                    folder, which nginx then serves, and serves the same registry itself.
#                    Start-up (export + rendering) takes minutes for 100k events.
#   --seed S         seed of the synthetic registry (default 42).
#   --timeout S      wrk's per-request timeout (default 2 s, 30 s with --events): a large
#                    feed at 64 connections takes longer than 2 s per response.
#   --write          replace the "## Serving" section of BENCHMARKS.md with the results
#                    (with --events: its "### N-event feed" subsection).
#
# SAMVERKAN_BIN and SAMVERKAN_BENCH_BIN (both) run given release binaries of `samverkan`
# and `samverkan-bench` instead of building them (without --events), e.g. to compare two
# builds of the server against the same minimal server.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
feed=all.ics
duration=10
connections=64
threads=2
exports=Exports
events=0
seed=42
timeout=""
write=0
while (($#)); do
    case $1 in
    --feed) feed=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --exports) exports=$2; shift 2 ;;
    --events) events=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --write) write=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
if [[ -z $timeout ]]; then if ((events)); then timeout=30; else timeout=2; fi; fi
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    wait 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
source scripts/lib/serve.sh
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
# User + system CPU time of a process, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

server_port=$(free_port)
nginx_port=$(free_port)
echo "building release" >&2
if ((events)); then
    swift build -c release --scratch-path .build-release --product samverkan-bench >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
    bench="$(swift build -c release --scratch-path .build-release --show-bin-path)/samverkan-bench"
    # The synthetic server writes the export nginx serves before it renders and listens.
    started=$(date +%s)
    "$bench" serve-synthetic --events "$events" --seed "$seed" --port "$server_port" \
        --exports "$work/site" >"$work/serve.log" 2>&1 &
    server_pid=$!
    pids+=("$server_pid")
    echo "waiting for serve-synthetic ($events events) to export and render" >&2
    until curl -sf -o /dev/null "http://127.0.0.1:$server_port/feeds/$feed"; do
        kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
        sleep 1
    done
    startup=$(($(date +%s) - started))
    head -1 "$work/serve.log" >&2
else
    if [[ -z ${SAMVERKAN_BIN:-} || -z ${SAMVERKAN_BENCH_BIN:-} ]]; then
        for product in samverkan samverkan-bench; do
            swift build -c release --scratch-path .build-release --product "$product" >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
        done
    fi
    bin=${SAMVERKAN_BIN:-"$(swift build -c release --scratch-path .build-release --show-bin-path)/samverkan"}
    bench=${SAMVERKAN_BENCH_BIN:-"$(swift build -c release --scratch-path .build-release --show-bin-path)/samverkan-bench"}
    start_serve "$work/serve.log" "$bin" serve --exports "$exports" || exit 1
    server_pid=$SERVE_PID
    server_port=$SERVE_PORT
    pids+=("$server_pid")
    # nginx serves a fresh export, so file mtimes (and its ETags) come from the data.
    cp -r "$exports" "$work/site"
    "$bin" export -o "$work/site" >/dev/null
fi
# The minimal server answers from the same export; like `serve`, it logs each request.
start_serve "$work/minimal.log" "$bench" minimal-server --exports "$work/site" --feed "$feed" || exit 1
minimal_pid=$SERVE_PID
minimal_port=$SERVE_PORT
pids+=("$minimal_pid")
# Both log one line per request to a file, as they would in production.
nginx_pid=$(scripts/serve-nginx.sh "$work/site" "$nginx_port" "$work/nginx")
pids+=("$nginx_pid")
sleep 0.3
nginx_worker=$(pgrep -P "$nginx_pid" | head -1)
wait_for_url "http://127.0.0.1:$server_port/feeds/$feed" 20 || { echo "the server does not answer" >&2; exit 1; }
sleep 0.5

s_url="http://127.0.0.1:$server_port/feeds/$feed"
n_url="http://127.0.0.1:$nginx_port/feeds/$feed"
m_url="http://127.0.0.1:$minimal_port/feeds/$feed"
s_tag=$(curl -sI "$s_url" | tr -d '\r' | sed -n 's/^ETag: //p')
m_tag=$(curl -sI "$m_url" | tr -d '\r' | sed -n 's/^ETag: //p')
[[ $m_tag == "$s_tag" ]] || { echo "minimal server's ETag $m_tag is not serve's $s_tag" >&2; exit 1; }
n_tag=$(curl -sI "$n_url" | tr -d '\r' | sed -n 's/^ETag: //p')

# Before measuring: both must send the same bytes (plain and gunzipped), the same
# content headers, and 304 for their own ETag.
curl -s -D "$work/s.h" -o "$work/s.body" "$s_url"
curl -s -D "$work/n.h" -o "$work/n.body" "$n_url"
curl -s -o "$work/m.body" "$m_url"
cmp "$work/s.body" "$work/n.body" || { echo "bodies differ" >&2; exit 1; }
cmp "$work/s.body" "$work/m.body" || { echo "minimal server: body differs" >&2; exit 1; }
curl -s -H "Accept-Encoding: gzip" -o "$work/s.gz" "$s_url"
curl -s -H "Accept-Encoding: gzip" -o "$work/n.gz" "$n_url"
curl -s -H "Accept-Encoding: gzip" -o "$work/m.gz" "$m_url"
for side in s n m; do
    gzip -dc "$work/$side.gz" | cmp - "$work/s.body" || { echo "$side: gzip body differs" >&2; exit 1; }
done
header() { tr -d '\r' <"$1" | grep -i "^$2:" | sed 's/^[^:]*: //'; }
for name in Content-Type Last-Modified Cache-Control X-Content-Type-Options Vary Content-Length; do
    [[ "$(header "$work/s.h" "$name")" == "$(header "$work/n.h" "$name")" ]] ||
        { echo "$name differs: $(header "$work/s.h" "$name") vs $(header "$work/n.h" "$name")" >&2; exit 1; }
done
for pair in "$s_url|$s_tag" "$n_url|$n_tag" "$m_url|$m_tag"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: ${pair#*|}" "${pair%|*}")
    [[ $code == 304 ]] || { echo "${pair%|*}: If-None-Match gave $code" >&2; exit 1; }
done
size=$(wc -c <"$work/s.body")
gz_size=$(wc -c <"$work/s.gz")
rm -f "$work"/{s,n,m}.{body,gz}
echo "verified: identical $size-byte bodies (gzip $gz_size), same headers, 304 on all three" >&2

rows=()
declare -A rates cpus
run_case() { # run_case LABEL URL PID [wrk headers...]
    local label=$1 url=$2 pid=$3
    shift 3
    local before after cpu_before cpu_after result alone headers=()
    for header in "$@"; do [[ $header == -H ]] || headers+=(-H "$header"); done
    # One request on an idle connection, for scale.
    alone=$(curl -s -o /dev/null -w '%{time_total}' "${headers[@]}" "$url")
    before=$(rss_kb "$pid")
    cpu_before=$(cpu_ticks "$pid")
    result=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout "${timeout}s" --latency "$@" "$url")
    after=$(rss_kb "$pid")
    cpu_after=$(cpu_ticks "$pid")
    echo "$result" >"$work/$(echo "$label" | tr ' /:' '___').txt"
    local rps p50 p99 errors timeouts non2xx requests mbps
    rps=$(echo "$result" | awk '/^Requests\/sec/ {print $2}')
    requests=$(echo "$result" | awk '/requests in/ {print $1}')
    p50=$(echo "$result" | awk '$1 == "50%" {print $2}')
    p99=$(echo "$result" | awk '$1 == "99%" {print $2}')
    errors=$(echo "$result" | awk '/Socket errors/ {gsub(",", ""); print $4+$6+$8+$10}')
    timeouts=$(echo "$result" | awk '/Socket errors/ {gsub(",", ""); print $10}')
    non2xx=$(echo "$result" | awk '/Non-2xx or 3xx/ {print $5}')
    # wrk's Transfer/sec (binary units) as MB/s (10^6 bytes).
    mbps=$(echo "$result" | awk '/^Transfer\/sec/ {
        v = $2; u = v; gsub(/[0-9.]/, "", u); sub(/[A-Za-z]+$/, "", v)
        f = (u == "GB") ? 1073741824 : (u == "MB") ? 1048576 : (u == "KB") ? 1024 : 1
        printf "%.1f", v * f / 1e6 }')
    rates[$label]=$rps
    # CPU time the server spent per answered request: steadier than requests/s when
    # other work shares the cores.
    local cpu_us
    cpu_us=$(awk -v t=$((cpu_after - cpu_before)) -v hz="$(getconf CLK_TCK)" -v n="${requests:-0}" \
        'BEGIN { if (n > 0) printf "%.1f", t / hz * 1e6 / n; else print "–" }')
    cpus[$label]=$cpu_us
    rows+=("| $label | $(printf '%.1f' "$rps") | ${requests:-0} | ${mbps:-0} | ${p50:-–} | ${p99:-–} | ${errors:-0} (${timeouts:-0}) | ${non2xx:-0} | $cpu_us µs | $(awk -v t="$alone" 'BEGIN { printf "%.1f", t * 1000 }') ms | $((before / 1024)) → $((after / 1024)) MB |")
    echo "$label: $rps req/s ($requests), $cpu_us µs CPU per request, $mbps MB/s, p50 $p50, p99 $p99, errors ${errors:-0}, alone $alone s" >&2
}

# The three side by side for each case, so all see the same machine state.
run_case "samverkan serve: GET" "$s_url" "$server_pid"
run_case "minimal Hummingbird: GET" "$m_url" "$minimal_pid"
run_case "nginx: GET" "$n_url" "$nginx_worker"
run_case "samverkan serve: GET gzip" "$s_url" "$server_pid" -H "Accept-Encoding: gzip"
run_case "minimal Hummingbird: GET gzip" "$m_url" "$minimal_pid" -H "Accept-Encoding: gzip"
run_case "nginx: GET gzip" "$n_url" "$nginx_worker" -H "Accept-Encoding: gzip"
run_case "samverkan serve: 304" "$s_url" "$server_pid" -H "If-None-Match: $s_tag"
run_case "minimal Hummingbird: 304" "$m_url" "$minimal_pid" -H "If-None-Match: $m_tag"
run_case "nginx: 304" "$n_url" "$nginx_worker" -H "If-None-Match: $n_tag"
ratio() { awk -v a="${rates[$1]:-0}" -v b="${rates[$2]:-0}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "–" }'; }
ratios="serve ÷ minimal Hummingbird: GET $(ratio "samverkan serve: GET" "minimal Hummingbird: GET")×, \
GET gzip $(ratio "samverkan serve: GET gzip" "minimal Hummingbird: GET gzip")×, \
304 $(ratio "samverkan serve: 304" "minimal Hummingbird: 304")×; serve ÷ nginx: GET \
$(ratio "samverkan serve: GET" "nginx: GET")×, GET gzip $(ratio "samverkan serve: GET gzip" "nginx: GET gzip")×, \
304 $(ratio "samverkan serve: 304" "nginx: 304")×."
cpu_ratio() { awk -v a="${cpus[$1]:-0}" -v b="${cpus[$2]:-0}" 'BEGIN { if (a > 0) printf "%.2f", b / a; else print "–" }'; }
ratios="$ratios
CPU per request, minimal Hummingbird ÷ serve (1 would be the ceiling): GET \
$(cpu_ratio "samverkan serve: GET" "minimal Hummingbird: GET")×, GET gzip \
$(cpu_ratio "samverkan serve: GET gzip" "minimal Hummingbird: GET gzip")×, 304 \
$(cpu_ratio "samverkan serve: 304" "minimal Hummingbird: 304")×."
echo "$ratios" >&2

load=$(cut -d' ' -f1-3 /proc/loadavg)
cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
mem=$(free -g | awk '/^Mem/ {print $2}')
nginx_version=$(nginx -v 2>&1 | sed 's|nginx version: nginx/||')
header_row='| case | requests/s | requests | MB/s | p50 | p99 | socket errors (timeouts) | non-2xx/3xx | CPU per request | one request alone | RSS |
|---|---|---|---|---|---|---|---|---|---|---|'
if ((events)); then
    label=$events
    ((events % 1000)) || label="$((events / 1000))k"
    table=$(
        cat <<TABLE
### ${label}-event feed

\`scripts/bench-serve.sh --events $events --write\` on $(date -u +%F): \`/feeds/$feed\` of a
synthetic registry of $events events (seed $seed), $size bytes ($gz_size gzipped). The server is
\`samverkan-bench serve-synthetic\` (release build; the same \`buildApplication\` as \`samverkan
serve\`, for that registry), which first wrote the export that nginx $nginx_version serves
(\`deploy/nginx.conf\`, 1 worker), and the minimal Hummingbird server (\`samverkan-bench
minimal-server\`) reads from it: bodies and headers checked identical with curl before the
cases. Start-up (export, then rendering every feed): ${startup} s. wrk $threads threads, $connections
connections, ${duration} s per case, \`--timeout ${timeout}s\`, loopback; requests still in flight when
a case ends are not counted. MB/s is wrk's Transfer/sec (10^6 bytes). "One request alone":
curl's total time for a single request before the case. RSS: VmRSS before → after the case.
Machine: $(nproc) cores ($cpu), ${mem} GiB, shared (load average $load just after
the cases).

$header_row
$(printf '%s\n' "${rows[@]}")

$ratios
TABLE
    )
else
    table=$(
        cat <<TABLE
## Serving

\`scripts/bench-serve.sh\` on $(date -u +%F): wrk $threads threads, $connections connections, ${duration} s per case,
loopback, \`/feeds/$feed\` ($size bytes). \`samverkan serve\` is the release build; nginx
$nginx_version runs \`deploy/nginx.conf\` (1 worker) over a fresh export of the same data. The
minimal Hummingbird server (\`samverkan-bench minimal-server\`, release build) answers the same
feed from that export with the same ETags, 304s and request log line and nothing else: the
ceiling this stack allows. All three log one line per request to a file (the servers:
swift-log's default handler on standard error, redirected; nginx: access log). Machine: $(nproc) cores ($cpu), ${mem} GiB, shared with other builds (load
average $load just after the cases), so absolute figures move from run to run; the two columns of one run are comparable. wrk,
the servers and nginx share the two cores. RSS is the server's (nginx: its worker's)
VmRSS before → after the case.

$header_row
$(printf '%s\n' "${rows[@]}")

$ratios

Socket errors, error statuses and memory are in the table, for $connections connections. A
304 carries no body, so it measures request handling alone. The server sends the gzip it
compressed once at start-up; nginx sends the export's pre-compressed \`.ics.gz\` twin
(\`gzip_static on\` in \`deploy/nginx.conf\`). For a large feed, see \`--events\` below.
TABLE
    )
fi
echo "$table"
if ((write)); then
    python3 - "$table" "${label:-}" <<'PY'
import pathlib, re, sys
path = pathlib.Path("BENCHMARKS.md")
table, events = sys.argv[1].rstrip() + "\n", sys.argv[2]
text = path.read_text() if path.exists() else "# Benchmarks\n"
section = re.compile(r"^## Serving\n.*?(?=^## |\Z)", re.S | re.M)
if events:
    # Replace this subsection, or add it at the end of the Serving section.
    sub = re.compile(rf"^### {re.escape(events)}-event feed\n.*?(?=^##|\Z)", re.S | re.M)
    if sub.search(text):
        text = sub.sub(lambda _: table + "\n", text)
    elif (m := section.search(text)):
        text = text[: m.end()].rstrip() + "\n\n" + table + "\n" + text[m.end():]
    else:
        text = text.rstrip() + "\n\n## Serving\n\n" + table
else:
    # Replace the section's own text, keeping its ### subsections.
    own = re.compile(r"^## Serving\n.*?(?=^##|\Z)", re.S | re.M)
    text = own.sub(lambda _: table + "\n", text) if own.search(text) else text.rstrip() + "\n\n" + table
path.write_text(text)
PY
    echo "wrote BENCHMARKS.md" >&2
fi
