#!/usr/bin/env bash
# Replaces the two `samverkan serve` instances behind deploy/nginx-proxy.conf one at a
# time: stop A gracefully (SIGTERM: it stops accepting, finishes what it has, exits),
# start the new binary on A's port, wait until it answers, then the same for B. While one
# restarts, nginx sends everything to the other. Also starts them the first time.
#
#   deploy/roll.sh BIN RUN_DIR PORT_A PORT_B [serve options...]
#
#   BIN       the new `samverkan` binary (a release build: `swift build -c release`)
#   RUN_DIR   where pid files (serve-PORT.pid) and logs (serve-PORT.log) live
#   PORT_A/B  the ports in the nginx upstream (they listen on 127.0.0.1)
#   options   passed to `samverkan serve`, e.g. --exports /srv/samverkan/Exports
#             --public-url https://kalender.example.se --shutdown-timeout 10
#
# ROLL_STOP_WAIT (seconds, default 30) bounds the wait for an old instance to exit; past
# it the instance is killed. ROLL_READY_WAIT (default 60) bounds the wait for a new one
# to answer; if it does not, the roll stops there with exit status 1 and the other
# instance, untouched, keeps serving. ROLL_SETTLE (default 1) is how long the first new
# instance takes traffic before the second old one is stopped.
set -euo pipefail

if (($# < 4)); then
    sed -n '2,19p' "$0" >&2
    exit 2
fi
bin=$1 run=$2 port_a=$3 port_b=$4
shift 4
stop_wait=${ROLL_STOP_WAIT:-30}
ready_wait=${ROLL_READY_WAIT:-60}
settle=${ROLL_SETTLE:-1}
# Checked before anything is stopped: a bad value would otherwise stop the roll halfway.
for setting in "ROLL_STOP_WAIT=$stop_wait" "ROLL_READY_WAIT=$ready_wait" "ROLL_SETTLE=$settle"; do
    if [[ ! ${setting#*=} =~ ^[0-9]+$ ]]; then
        echo "$setting: give a whole number of seconds" >&2
        exit 2
    fi
done
mkdir -p "$run"

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# running PID: true until the process has exited. An exited process its parent has not yet
# reaped (a zombie) counts as stopped: an instance from an earlier roll is the child of
# init, which may reap it a second or more later.
running() {
    if [[ ! -d /proc/self ]]; then
        kill -0 "$1" 2>/dev/null
        return
    fi
    local state
    state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1) || return 1
    [[ -n $state && $state != Z ]]
}

replace() {
    local port=$1 pidfile="$run/serve-$1.pid" old="" started
    shift
    if [[ -s $pidfile ]] && running "$(cat "$pidfile")"; then
        old=$(cat "$pidfile")
        started=$(now)
        kill -TERM "$old"
        for _ in $(seq $((stop_wait * 10))); do
            running "$old" || break
            sleep 0.1
        done
        if running "$old"; then
            echo "port $port: pid $old still running after ${stop_wait} s; killing it" >&2
            kill -KILL "$old" 2>/dev/null || true
        fi
        echo "port $port: pid $old stopped after $(since "$started") s"
    fi
    started=$(now)
    # Its own session: a Ctrl-C at the terminal that ran the roll does not reach it.
    setsid "$bin" serve --host 127.0.0.1 --port "$port" "$@" >>"$run/serve-$port.log" 2>&1 </dev/null &
    local pid=$!
    echo "$pid" >"$pidfile"
    for _ in $(seq $((ready_wait * 10))); do
        if curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$port/feeds/all.ics"; then
            echo "port $port: pid $pid answering after $(since "$started") s"
            return 0
        fi
        running "$pid" || break
        sleep 0.1
    done
    echo "port $port: the new instance (pid $pid) did not answer; stopping the roll here" >&2
    tail -5 "$run/serve-$port.log" >&2
    return 1
}

replace "$port_a" "$@"
# The proxy's view of an instance lags behind it under load: nginx may still be handing
# the second instance requests that the first refused while it restarted, after the first
# already answers again. Stopped at that moment, the second would cut such a request off,
# and a request refused by one instance and cut off by the other fails. So the first gets
# a moment of traffic before the second stops.
if [[ -s $run/serve-$port_b.pid ]] && running "$(cat "$run/serve-$port_b.pid")"; then
    sleep "$settle"
fi
replace "$port_b" "$@"
