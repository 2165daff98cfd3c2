#!/usr/bin/env bash
# A rolling restart under load, on loopback: nginx with deploy/nginx-proxy.conf in front
# of two `samverkan serve` instances; wrk keeps 64 connections busy (a mix of feeds, gzip,
# 304s, a custom feed, the API and a page: scripts/wrk-mix.lua) for the whole roll, and
# deploy/roll.sh replaces both instances one at a time, twice; the load starts 2 s before
# the roll and stops 2 s after it. Fails if any request fails (a non-2xx/3xx answer or a
# socket error, as wrk counts them), if an instance was not replaced, or if the roll did
# not finish within the load's ceiling.
#
#   scripts/roll-test.sh [--seconds N]    (the load's ceiling, default 60)
#
# Output: .test-output/roll/ (wrk's report, roll log, server and nginx logs).
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=60
while (($#)); do
    case $1 in
    --seconds) seconds=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
out="$root/.test-output/roll"
rm -rf "$out"
mkdir -p "$out"
run="$out/run"
mkdir -p "$run"/{logs,tmp}
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    for file in "$run"/serve-*.pid; do
        [[ -s $file ]] && kill -TERM "$(cat "$file")" 2>/dev/null
    done
    [[ -s $run/nginx.pid ]] && kill "$(cat "$run/nginx.pid")" 2>/dev/null
    wait 2>/dev/null
}
trap cleanup EXIT

source scripts/lib/tally.sh

command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x $nginx_bin ]] || apt-get install -y nginx-light >/dev/null

# SAMVERKAN_BIN=path runs a given binary (e.g. a release build) instead of building one.
bin=${SAMVERKAN_BIN:-}
if [[ -z $bin ]]; then
    echo "building samverkan"
    swift build --product samverkan >"$out/build.log" 2>&1 || { tail -30 "$out/build.log"; echo "FAIL build"; exit 1; }
    bin="$(swift build --show-bin-path)/samverkan"
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port_a=$(free_port)
port_b=$(free_port)
port=$(free_port)
public="http://127.0.0.1:$port"
serve_options=(--exports "$root/Exports" --public-url "$public" --shutdown-timeout 5)

# Both instances, then nginx in front.
deploy/roll.sh "$bin" "$run" "$port_a" "$port_b" "${serve_options[@]}" >"$out/start.log" 2>&1 \
    || { cat "$out/start.log"; echo "FAIL the instances did not start"; exit 1; }
sed -e "s|@LISTEN@|127.0.0.1:$port|" -e "s|@SERVE_A@|127.0.0.1:$port_a|" -e "s|@SERVE_B@|127.0.0.1:$port_b|" \
    deploy/nginx-proxy.conf >"$run/site.conf"
user_line=""
[[ $(id -u) -eq 0 ]] && user_line="user $(id -un) $(id -gn);"
cat >"$run/nginx.conf" <<CONF
$user_line
worker_processes 1;
pid $run/nginx.pid;
error_log $run/logs/error.log warn;
events { worker_connections 1024; }
http {
    # Only answers that count as failed, with what each instance said (empty: no answer).
    # 499 is nginx's note that the client closed first: wrk does so when it is stopped,
    # and counts its own timeouts.
    map \$status \$failed { ~^[23] 0; 499 0; default 1; }
    log_format failed '\$time_iso8601 \$status "\$request" upstreams \$upstream_addr statuses \$upstream_status';
    access_log $run/logs/failed.log failed if=\$failed;
    client_body_temp_path $run/tmp/body;
    proxy_temp_path $run/tmp/proxy;
    fastcgi_temp_path $run/tmp/fastcgi;
    uwsgi_temp_path $run/tmp/uwsgi;
    scgi_temp_path $run/tmp/scgi;
    include $run/site.conf;
}
CONF
"$nginx_bin" -t -p "$run" -c "$run/nginx.conf" -e "$run/logs/error.log" >"$out/nginx-test.log" 2>&1 \
    || { cat "$out/nginx-test.log"; echo "FAIL nginx configuration"; exit 1; }
"$nginx_bin" -p "$run" -c "$run/nginx.conf" -e "$run/logs/error.log"
for _ in $(seq 50); do curl -sf -o /dev/null "$public/feeds/all.ics" && break; sleep 0.1; done
curl -sf -o /dev/null "$public/feeds/all.ics" && pass "nginx answers through the two instances" \
    || { fail "nginx does not answer"; echo "$passed passed, $failed failed"; exit 1; }
cmp -s <(curl -s "$public/feeds/all.ics") Exports/all.ics && pass "through nginx: all.ics byte-identical to Exports/" \
    || fail "through nginx: all.ics differs"

etag=$(curl -sI "$public/feeds/all.ics" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
etag_gzip=$(curl -sI -H 'Accept-Encoding: gzip' "$public/feeds/all.ics" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$public/feeds/all.ics")
[[ $code == 304 ]] && pass "through nginx: If-None-Match -> 304" || fail "through nginx: If-None-Match gave $code"

old_a=$(cat "$run/serve-$port_a.pid")
old_b=$(cat "$run/serve-$port_b.pid")

# The load, for the whole roll.
wrk -t2 -c64 -d"${seconds}s" --timeout 10s --latency -s scripts/wrk-mix.lua "$public" -- "$etag" "$etag_gzip" \
    >"$out/wrk.txt" 2>&1 &
wrk_pid=$!
pids+=("$wrk_pid")
load_started=$(date +%s.%N)
sleep 2
roll_status=0
{
    echo "== roll 1"
    deploy/roll.sh "$bin" "$run" "$port_a" "$port_b" "${serve_options[@]}" || roll_status=1
    sleep 1
    echo "== roll 2"
    deploy/roll.sh "$bin" "$run" "$port_a" "$port_b" "${serve_options[@]}" || roll_status=1
} >"$out/roll.log" 2>&1
roll_done=$(date +%s.%N)
cat "$out/roll.log"
# wrk stops on SIGINT and prints its report as at the end of its duration.
sleep 2
kill -INT "$wrk_pid" 2>/dev/null
wait "$wrk_pid"
wrk_status=$?
load_done=$(date +%s.%N)

((roll_status == 0)) && pass "deploy/roll.sh replaced both instances twice" || fail "deploy/roll.sh failed (see roll.log)"
new_a=$(cat "$run/serve-$port_a.pid")
new_b=$(cat "$run/serve-$port_b.pid")
[[ $new_a != "$old_a" && $new_b != "$old_b" ]] && kill -0 "$new_a" 2>/dev/null && kill -0 "$new_b" 2>/dev/null \
    && pass "new instances running (A $old_a -> $new_a, B $old_b -> $new_b)" || fail "instances not replaced"
for pid in "$old_a" "$old_b"; do
    kill -0 "$pid" 2>/dev/null && fail "old instance $pid still running"
done
awk -v a="$load_started" -v r="$roll_done" -v e="$load_done" -v s="$seconds" \
    'BEGIN { exit !(r - a < s - 1) }' && pass "the roll finished while the load ran ($(awk -v a="$load_started" -v r="$roll_done" 'BEGIN { printf "%.1f", r - a }') s; ceiling ${seconds} s)" \
    || fail "the roll outlasted the load's ceiling; run with a larger --seconds"

cat "$out/wrk.txt"
requests=$(awk '/requests in/ {print $1}' "$out/wrk.txt")
errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$out/wrk.txt")
non2xx=$(awk '/Non-2xx or 3xx/ {print $5}' "$out/wrk.txt")
errors=${errors:-0}
non2xx=${non2xx:-0}
((wrk_status == 0)) && [[ -n $requests ]] && ((requests > 0)) \
    && pass "wrk: $requests requests at 64 connections during the roll" || fail "wrk did not run (status $wrk_status)"
((errors == 0 && non2xx == 0)) && pass "no request failed: $errors socket errors, $non2xx non-2xx/3xx answers" \
    || fail "$errors socket errors, $non2xx non-2xx/3xx answers during the roll"
[[ -s $run/logs/failed.log ]] && { echo "failed answers, as nginx logged them:"; head -20 "$run/logs/failed.log"; }
retried=$(grep -c 'upstream' "$run/logs/error.log" 2>/dev/null || true)
echo "nginx error log: ${retried:-0} upstream errors, each retried on the other instance (see $run/logs/error.log)"
for port in "$port_a" "$port_b"; do
    grep -q "Fatal error\| 500 " "$run/serve-$port.log" && fail "serve on $port logged an internal error"
done

echo
tally
