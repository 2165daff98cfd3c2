#!/usr/bin/env bash
# Starts nginx on loopback serving an export folder with deploy/nginx.conf, without root
# and without touching /etc or /var: everything lives under a run folder.
#
#   scripts/serve-nginx.sh EXPORTS_DIR PORT RUN_DIR
#
# NGINX_ACCESS_LOG=off turns the access log off (for benchmarks).
# Prints nginx's master PID; stop it with `kill PID` (or `kill $(cat RUN_DIR/nginx.pid)`).
set -euo pipefail

if [[ $# -ne 3 ]]; then
    echo "usage: $0 EXPORTS_DIR PORT RUN_DIR" >&2
    exit 2
fi
root_dir=$(cd "$(dirname "$0")/.." && pwd)
exports=$(cd "$1" && pwd)
port=$2
run=$3

if ! command -v nginx >/dev/null 2>&1 && [[ ! -x /usr/sbin/nginx ]]; then
    echo "nginx missing: installing nginx-light" >&2
    apt-get install -y nginx-light >&2 || { apt-get update >&2 && apt-get install -y nginx-light >&2; }
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

mkdir -p "$run"/{logs,tmp}
run=$(cd "$run" && pwd)
sed -e "s|@EXPORTS@|$exports|g" -e "s|@LISTEN@|127.0.0.1:$port|g" \
    "$root_dir/deploy/nginx.conf" > "$run/site.conf"
# Started as root, nginx runs its workers as `nobody`, who may not read a private temp
# folder: run them as the owner of the export folder instead.
user_line=""
if [[ $(id -u) -eq 0 ]]; then
    user_line="user $(stat -c %U "$exports") $(stat -c %G "$exports");"
fi
cat > "$run/nginx.conf" <<CONF
$user_line
worker_processes 1;
pid $run/nginx.pid;
error_log $run/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log ${NGINX_ACCESS_LOG:-$run/logs/access.log};
    client_body_temp_path $run/tmp/body;
    proxy_temp_path $run/tmp/proxy;
    fastcgi_temp_path $run/tmp/fastcgi;
    uwsgi_temp_path $run/tmp/uwsgi;
    scgi_temp_path $run/tmp/scgi;
    keepalive_requests 100000;
    include $run/site.conf;
}
CONF
"$nginx_bin" -t -p "$run" -c "$run/nginx.conf" -e "$run/logs/error.log" 2>"$run/logs/test.log" || {
    cat "$run/logs/test.log" >&2
    exit 1
}
"$nginx_bin" -p "$run" -c "$run/nginx.conf" -e "$run/logs/error.log"
for _ in $(seq 50); do
    [[ -s "$run/nginx.pid" ]] && break
    sleep 0.1
done
cat "$run/nginx.pid"
