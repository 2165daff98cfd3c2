# Shared by the scripts that start servers on loopback: source it, then
#   free_port                       prints a free TCP port on 127.0.0.1 (for nginx)
#   start_serve LOG CMD ARGS...     starts a `serve`-like command with --port 0 added,
#                                   waits for its "NAME: listening on http://HOST:PORT" line and
#                                   sets SERVE_PID and SERVE_PORT; returns 1 (log shown)
#                                   if it exits or does not listen within SERVE_WAIT seconds
#   wait_for_url URL [SECONDS]      polls until URL answers 2xx; returns 1 on timeout
# The caller stops SERVE_PID itself (kill -TERM, wait).

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

start_serve() {
    local log=$1
    shift
    "$@" --port 0 >"$log" 2>&1 &
    SERVE_PID=$!
    SERVE_PORT=""
    local deadline=$((SECONDS + ${SERVE_WAIT:-120}))
    while ((SECONDS < deadline)); do
        SERVE_PORT=$(sed -n 's|^[a-z -]*: listening on http://[^:]*:\([0-9]*\)$|\1|p' "$log" | head -1)
        [[ -n $SERVE_PORT ]] && return 0
        if ! kill -0 "$SERVE_PID" 2>/dev/null; then
            echo "the server exited before listening; its log:" >&2
            tail -20 "$log" >&2
            return 1
        fi
        sleep 0.1
    done
    echo "the server did not listen within ${SERVE_WAIT:-120} s; its log:" >&2
    tail -20 "$log" >&2
    return 1
}

wait_for_url() {
    local url=$1 deadline=$((SECONDS + ${2:-30}))
    until curl -sf -o /dev/null "$url"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}
