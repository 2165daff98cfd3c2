#!/usr/bin/env bash
# nginx over an export folder never answers 304 to a conditional request whose date or
# tag is older than a change (issue 10). On loopback, bounded (about 10 s):
#   1. a copy of Exports/ served by nginx (deploy/nginx.conf); Last-Modified and ETag noted;
#   2. the meeting of 22 May moved to 29 May 09:00–11:00, still citing the minutes of
#      10 April, exported over the folder (stale-export-probe, at a fixed instant later
#      than anything the committed ledger records);
#      If-Modified-Since/If-None-Match with the old values must get 200 and the new time;
#   3. the meeting removed; the same with the values of step 2.
# Prints "N passed, M failed"; exits non-zero on any failure.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=$(mktemp -d)
nginx_pid=""
cleanup() {
    [[ -n $nginx_pid ]] && kill "$nginx_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

source scripts/lib/tally.sh

# STALE_EXPORT_PROBE names an already built probe (else it is built here).
probe=${STALE_EXPORT_PROBE:-}
if [[ -z $probe ]]; then
    swift build --product stale-export-probe >"$work/build.log" 2>&1 || {
        tail -30 "$work/build.log"
        echo "FAIL build"
        exit 1
    }
    probe="$(swift build --show-bin-path)/stale-export-probe"
fi
source scripts/lib/serve.sh

exports="$work/exports"
cp -a Exports "$exports"
port=$(free_port)
nginx_pid=$(scripts/serve-nginx.sh "$exports" "$port" "$work/nginx") || { echo "FAIL nginx"; exit 1; }
base="http://127.0.0.1:$port/feeds"

header() { # header NAME FILE
    sed -n "s/^$1: *//Ip" "$2" | tr -d '\r' | head -1
}
fetch() { # fetch PATH OUT [CURL ARGS...] -> prints the status
    local path=$1 out=$2
    shift 2
    curl -s -o "$out.body" -D "$out.headers" -w '%{http_code}' "$@" "$base/$path"
}

paths=(all.ics meetings.ics bodies/kommundirektorerna.ics municipalities/bjuv.ics)
declare -A modified tag
for path in "${paths[@]}"; do
    fetch "$path" "$work/a" >/dev/null
    modified[$path]=$(header Last-Modified "$work/a.headers")
    tag[$path]=$(header ETag "$work/a.headers")
done

step() { # step NAME NOW EXPECTED-LAST-MODIFIED BODY-CHECK
    local name=$1 now=$2 expected=$3 check=$4
    "$probe" "$name" "$exports" "$now" || { fail "$name: export"; return; }
    for path in "${paths[@]}"; do
        local status
        status=$(fetch "$path" "$work/b" -H "If-Modified-Since: ${modified[$path]}")
        expect_eq "$name: $path If-Modified-Since ${modified[$path]} gives 200" "$status" 200
        expect_eq "$name: $path Last-Modified" "$(header Last-Modified "$work/b.headers")" "$expected"
        if eval "$check" "$work/b.body"; then pass "$name: $path body"; else fail "$name: $path body"; fi
        status=$(fetch "$path" "$work/c" -H "If-None-Match: ${tag[$path]}")
        expect_eq "$name: $path If-None-Match old tag gives 200" "$status" 200
        local new_modified new_tag
        new_modified=$(header Last-Modified "$work/b.headers")
        new_tag=$(header ETag "$work/b.headers")
        status=$(fetch "$path" "$work/d" -H "If-Modified-Since: $new_modified")
        expect_eq "$name: $path If-Modified-Since the new date gives 304" "$status" 304
        modified[$path]=$new_modified
        tag[$path]=$new_tag
    done
}

step moved 2030-01-07T10:15:07Z "Mon, 07 Jan 2030 10:15:07 GMT" \
    "grep -q 'DTSTART;TZID=Europe/Stockholm:20260529T090000'"
step removed 2030-01-08T08:00:00Z "Tue, 08 Jan 2030 08:00:00 GMT" "! grep -q 'kdm-2026-05-22'"

tally
