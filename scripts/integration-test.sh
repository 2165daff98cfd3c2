#!/usr/bin/env bash
# End-to-end check of serving, with real clients:
#   - `samverkan serve` on a free loopback port, nginx (deploy/nginx.conf) on another,
#     serving a fresh static export (feeds + pages) of the same data;
#   - every feed fetched with curl from both, compared byte for byte with Exports/ (so the
#     feed rules, which the mutation harness runs over Exports/, hold for them too), and
#     read by khal; a custom feed held to the feed rules (Tests/Oracles/check_feeds.py);
#   - headers, 304 on If-None-Match, gzip, bad input, identical ETags across exports;
#   - a crawl of every page, link, feed and file on both hosts: the same pages byte for
#     byte, with the same headers (Tests/Oracles/browser_checks.py agree). What Chromium
#     checks in those pages (DOM, layout, CSP, axe-core) scripts/browser-test.sh checks
#     beside the build, on nginx over the committed Exports/.
# Installs what it needs when missing. Exits non-zero, saying what failed, on any failure.
# SAMVERKAN_BIN=path runs a given binary instead of building one.
# Output (fetched feeds, logs) goes to .test-output/integration/.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out="$root/.test-output/integration"
rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    wait 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

source scripts/lib/tally.sh

# --- tools -----------------------------------------------------------------------------
need_apt=()
command -v curl >/dev/null || need_apt+=(curl)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || need_apt+=(nginx-light)
command -v khal >/dev/null || need_apt+=(khal)
if ((${#need_apt[@]})); then
    echo "installing ${need_apt[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null \
        || { echo "FAIL could not install ${need_apt[*]}"; exit 1; }
fi
if ! python3 -c 'import icalendar, vobject' 2>/dev/null; then
    echo "installing icalendar vobject"
    pip install -q icalendar vobject || { echo "FAIL could not install icalendar vobject"; exit 1; }
fi

source scripts/lib/serve.sh

# --- build and start -------------------------------------------------------------------
bin=${SAMVERKAN_BIN:-}
if [[ -z $bin ]]; then
    echo "building samverkan"
    swift build --product samverkan >"$out/build.log" 2>&1 || { tail -30 "$out/build.log"; echo "FAIL build"; exit 1; }
    bin="$(swift build --show-bin-path)/samverkan"
fi

# The address subscribe links carry, the same for the server and the static export (the
# server listens on a port it picks, so the links cannot name it).
public="https://kalender.example.se"
start_serve "$out/serve.log" "$bin" serve --exports Exports --public-url "$public" \
    || { echo "FAIL server did not start"; exit 1; }
pids+=("$SERVE_PID")
server_port=$SERVE_PORT
nginx_port=$(free_port)

# Static site: a copy of Exports/ (for its SEQUENCE ledger) re-exported with the pages,
# linking to the same public address as the server, so both serve the same page.
cp -r Exports "$work/site"
"$bin" export -o "$work/site" --public-url "$public" >"$out/export.log" 2>&1 \
    || { cat "$out/export.log"; echo "FAIL static export"; exit 1; }
# A second, independent export of the same data, as another host would make it.
cp -r Exports "$work/site2"
sleep 1
"$bin" export -o "$work/site2" --public-url "$public" >>"$out/export.log" 2>&1 \
    || { echo "FAIL second static export"; exit 1; }

nginx_pid=$(scripts/serve-nginx.sh "$work/site" "$nginx_port" "$work/nginx") || { echo "FAIL nginx start"; exit 1; }
pids+=("$nginx_pid")
nginx2_port=$(free_port)
nginx2_pid=$(scripts/serve-nginx.sh "$work/site2" "$nginx2_port" "$work/nginx2") || { echo "FAIL nginx2 start"; exit 1; }
pids+=("$nginx2_pid")

echo "samverkan serve on $server_port, nginx on $nginx_port and $nginx2_port"

server="http://127.0.0.1:$server_port"
nginx="http://127.0.0.1:$nginx_port"
nginx2="http://127.0.0.1:$nginx2_port"

# --- feeds: bytes, headers, parsers ----------------------------------------------------
feeds=$(cd Exports && find . -name '*.ics' | sed 's|^\./||' | sort)
count=$(echo "$feeds" | wc -l)
for name in server nginx; do
    base=${!name}
    bad=0
    for feed in $feeds; do
        mkdir -p "$out/fetched/$name/$(dirname "$feed")"
        curl -sf -o "$out/fetched/$name/$feed" "$base/feeds/$feed" || { bad=1; echo "fetch $name $feed" >>"$out/checks.log"; }
        cmp -s "$out/fetched/$name/$feed" "Exports/$feed" || { bad=1; echo "differs: $name $feed" >>"$out/checks.log"; }
    done
    ((bad == 0)) && pass "$name: all $count feeds byte-identical to Exports/" || fail "$name: feeds differ from Exports/ (see checks.log)"

    headers=$(curl -sI "$base/feeds/municipalities/bjuv.ics" | tr -d '\r')
    echo "$headers" >"$out/headers-$name.txt"
    check "$name: Content-Type text/calendar; charset=utf-8" grep -qx 'Content-Type: text/calendar; charset=utf-8' "$out/headers-$name.txt"
    check "$name: Cache-Control" grep -qix 'Cache-Control: public, max-age=3600' "$out/headers-$name.txt"
    revised=$(awk -F'\t' '$1 == "municipalities/bjuv.ics" { print $2 }' Exports/revisions.tsv)
    http_date=$(date -u -d "$revised" '+%a, %d %b %Y %H:%M:%S GMT')
    check "$name: Last-Modified is the feed's recorded revision ($http_date)" grep -qix "Last-Modified: $http_date" "$out/headers-$name.txt"
    etag=$(echo "$headers" | sed -n 's/^[Ee][Tt]ag: //p')
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$base/feeds/municipalities/bjuv.ics")
    [[ -n $etag && $code == 304 ]] && pass "$name: If-None-Match $etag -> 304" || fail "$name: If-None-Match $etag gave $code"
    code=$(curl -s -o /dev/null -w '%{http_code}' -H 'If-None-Match: "stale"' "$base/feeds/municipalities/bjuv.ics")
    [[ $code == 200 ]] && pass "$name: stale If-None-Match -> 200" || fail "$name: stale If-None-Match gave $code"
    curl -s --compressed -D "$out/gzip-headers-$name.txt" -o "$out/gzip-$name.ics" "$base/feeds/all.ics"
    check "$name: gzip on request" grep -qi '^Content-Encoding: gzip' "$out/gzip-headers-$name.txt"
    check "$name: gzip body inflates to Exports/all.ics" cmp -s "$out/gzip-$name.ics" Exports/all.ics
done

# khal, a real terminal calendar client.
mkdir -p "$work/khal/cal"
cat >"$work/khal/config" <<KHAL
[calendars]
[[x]]
path = $work/khal/cal
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Europe/Stockholm
default_timezone = Europe/Stockholm
KHAL
events=$(grep -c '^BEGIN:VEVENT' Exports/all.ics)
khal -c "$work/khal/config" printics "$out/fetched/server/all.ics" >"$out/khal.txt" 2>&1
check "khal reads all.ics from the server: $events events" grep -q "^$events events found" "$out/khal.txt"
khal -c "$work/khal/config" printics "$out/fetched/nginx/municipalities/bjuv.ics" >"$out/khal-nginx.txt" 2>&1
check "khal reads bjuv.ics from nginx" grep -q "events found" "$out/khal-nginx.txt"

# nginx's ETag is mtime-size: two independent exports of the same data must agree.
e1=$(curl -sI "$nginx/feeds/all.ics" | tr -d '\r' | sed -n 's/^ETag: //p')
e2=$(curl -sI "$nginx2/feeds/all.ics" | tr -d '\r' | sed -n 's/^ETag: //p')
[[ -n $e1 && $e1 == "$e2" ]] && pass "nginx: two exports give the same ETag ($e1)" || fail "nginx ETags differ: $e1 vs $e2"

# A custom feed over the wire (its canonical form is checked in CustomFeedTests).
mkdir -p "$out/fetched/custom"
curl -sf -o "$out/fetched/custom/bjuv-meetings-deadlines.ics" "$server/feeds/custom.ics?municipality=bjuv&kind=meetings,deadlines"
check "custom feed parses in icalendar + vobject + ical, feed rules hold" python3 Tests/Oracles/check_feeds.py "$out/fetched/custom"

# --- bad input -----------------------------------------------------------------------------
# The server's answers to bad paths and queries are checked in BadInputTests (Swift) and
# by scripts/malformed-requests.sh; here only nginx's, and what needs the real socket.
expect_code() { # expect_code CODE URL [curl args...]
    local want=$1 url=$2
    shift 2
    local got
    got=$(curl -s --path-as-is -o /dev/null -w '%{http_code}' "$@" "$url")
    local shown=$url
    ((${#shown} > 90)) && shown="${shown:0:90}…"
    [[ $got == "$want" ]] && pass "$want ${*:+$* }$shown" || fail "expected $want, got $got: $* $shown"
}
expect_code 414 "$server/feeds/custom.ics?kind=$(printf 'meetings,%.0s' $(seq 400))meetings"
expect_code 404 "$nginx/feeds/nope.ics"
expect_code 404 "$nginx/feeds/../Package.swift"
expect_code 404 "$nginx/feeds/sequences.tsv"
expect_code 405 "$nginx/feeds/all.ics" -X POST
# Another spelling of a page's address (case, å ä ö composed or not, a folder without
# its slash): nginx answers exactly as the server does, redirect and target alike.
for spelling in /kommuner/Bjuv /KOMMUNER/bjuv /kommuner /kommuner/%C3%84NGELHOLM /kommuner/%C3%A4ngelholm \
    /kommuner/A%CC%88ngelholm /kommuner/%C3%A5storp /M%C3%96TEN/kdm-2026-04-10 /Personer/Agneta-Fristedt \
    /%E2%84%AAommuner/bjuv /kommuner/bjuv/ /om/ /kommuner/lund /kommuner/%C3%A4ngelholmx; do
    answers=()
    for base in "$server" "$nginx"; do
        answer=$(curl -s --path-as-is -o /dev/null -w '%{http_code} %{redirect_url}' "$base$spelling")
        answers+=("${answer/$base/}")
    done
    [[ ${answers[0]} == "${answers[1]}" ]] && pass "$spelling: ${answers[0]} from the server and nginx" ||
        fail "$spelling: server ${answers[0]}, nginx ${answers[1]}"
done

# --- the page ----------------------------------------------------------------------------
curl -sf -o "$out/page-server.html" "$server/"
curl -sf -o "$out/page-nginx.html" "$nginx/"
check "nginx serves the same page as the server (static export)" cmp -s "$out/page-server.html" "$out/page-nginx.html"
check "page: Content-Type text/html; charset=utf-8 from nginx" \
    bash -c "curl -sI '$nginx/' | tr -d '\r' | grep -qx 'Content-Type: text/html; charset=utf-8'"
curl -sf -o /dev/null "$nginx/kommuner/bjuv" && pass "nginx: /kommuner/bjuv" || fail "nginx: /kommuner/bjuv"
# A decision's page, and a custom feed of one municipality with its own wording of a deadline.
curl -sf -o "$out/decision-server.html" "$server/beslut/kdm-2026-04-10-scenario-3"
curl -sf -o "$out/decision-nginx.html" "$nginx/beslut/kdm-2026-04-10-scenario-3"
check "nginx serves the same decision page as the server (/beslut/ID)" \
    cmp -s "$out/decision-server.html" "$out/decision-nginx.html"
curl -sf -o "$out/person-server.html" "$server/personer/agneta-fristedt"
curl -sf -o "$out/person-nginx.html" "$nginx/personer/agneta-fristedt"
check "nginx serves the same person page as the server (/personer/SLUG)" \
    cmp -s "$out/person-server.html" "$out/person-nginx.html"
check "a person's page links their feed and their body" \
    bash -c "grep -q 'feeds/people/agneta-fristedt.ics' '$out/person-nginx.html' && grep -q 'href=\"/organ/kommundirektorerna\"' '$out/person-nginx.html'"
check "the decision page has a row per asked municipality" \
    bash -c "[[ \$(grep -o '<th scope=\"row\">' '$out/decision-nginx.html' | wc -l) == 10 ]]"
check "a custom feed of Bjuv words the deadline as Bjuv's feed does" \
    bash -c "tr -d '\r' <'$out/fetched/custom/bjuv-meetings-deadlines.ics' | sed 's/^ //' | tr -d '\n' | grep -q 'Bjuv har '"

# Every event's URL (the data's public address, then the page's path) and every link of
# the change logs answers 200 from the server and from nginx over the static export.
links=$( { cat Exports/*.ics Exports/*/*.ics | perl -0pe 's/\r\n //g' | tr -d '\r' \
        | sed -n 's|^URL:https\{0,1\}://[^/]*||p'
    cat Exports/changes.atom Exports/changes/*.atom | grep -o 'href="[^"]*"' \
        | sed -E 's|^href="https?://[^/]*||; s|"$||; s|^$|/|'; } | sort -u)
link_count=$(echo "$links" | wc -l)
for name in server nginx; do
    base=${!name}
    broken=""
    for path in $links; do
        code=$(curl -s -o /dev/null -w '%{http_code}' "$base$path")
        [[ $code == 200 ]] || broken+=" $path→$code"
    done
    [[ -z $broken ]] && pass "$name: all $link_count event and change-log links answer 200" \
        || fail "$name: links that do not answer 200:$broken"
done

# --- the pages: the same from both hosts --------------------------------------------------
absorb timeout 600 python3 Tests/Oracles/browser_checks.py agree --server "$server" --nginx "$nginx" \
    --public "$public"

# --- the server logged one line per request ---------------------------------------------
check "server logs one line per request" grep -q 'GET /feeds/all.ics 200' "$out/serve.log"

echo
tally
