#!/usr/bin/env bash
# Starts nginx (one worker, 16 pooled keep-alive connections to partners-service, responses streamed, X-Forwarded-For
# and X-Request-Id set: the proxying the gateway does, without the token check and the rate limit) on 127.0.0.1:8096 as
# a reference for what a mature C proxy costs on this machine; Ctrl-C stops it. Then, in another terminal:
#   REFERENCE=http://127.0.0.1:8096 bench/gateway-vs-direct.sh
# Needs nginx: apt-get install nginx-light (only this script uses it).
set -euo pipefail
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { echo "nginx is missing: apt-get install nginx-light" >&2; exit 2; }
PORT=${PORT:-8096}
UPSTREAM=${UPSTREAM:-127.0.0.1:8081}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat > "$dir/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx.pid;
error_log stderr warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  upstream partners { server $UPSTREAM; keepalive 16; }
  server {
    listen 127.0.0.1:$PORT;
    location / {
      proxy_pass http://partners;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Request-Id \$request_id;
      proxy_buffering off;
    }
  }
}
CONF
echo "nginx on 127.0.0.1:$PORT -> $UPSTREAM (Ctrl-C stops it)"
"$NGINX" -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;'
