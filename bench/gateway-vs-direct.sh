#!/usr/bin/env bash
# Benchmark: an authenticated, database-backed single-object GET (a partner) straight to partners-service vs
# through the gateway — same token, same object, same load tool, alternating rounds, one machine.
#
# 1. start the stack with the gateway's per-user rate limit off (a single benchmark user would be throttled):
#      GATEWAY_RATE_LIMIT_ENABLED=false ./stack start
# 2. in another terminal:  bench/gateway-vs-direct.sh        (needs wrk: apt-get install wrk)
#
# Prints requests/s and p99 per round, the through-gateway/direct ratio (of the means, and the spread of the per-round
# ratios), and the gateway's CPU time per request (from /proc, user+system, over the gateway rounds). Loopback only;
# every round is bounded by DURATION.
#
# A small VM's speed drifts by several per cent from one minute to the next, so a single pair of rounds can say 72 %
# or 83 % for the same build: the rounds alternate in ABBA order (direct, gateway, gateway, direct, ...) so that a
# steady drift weighs on both targets alike, and there are many short ones.
set -euo pipefail

ROUNDS=${ROUNDS:-10}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-30s}   # per target, twice: the JIT needs about a minute of load before the figures settle
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
KEYCLOAK=${KEYCLOAK:-http://localhost:8180}
DIRECT=${DIRECT:-http://127.0.0.1:8081}
GATEWAY=${GATEWAY:-http://127.0.0.1:8080}
PARTNER=${PARTNER:-a0000000-0000-4000-8000-000000000002}   # Riverside Food Bank (demo data)
USER_NAME=${USER_NAME:-tom.foodbank}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
token() {
  curl -sf -d grant_type=password -d client_id=partnership-cli -d "username=$USER_NAME" -d password=demo \
    "$KEYCLOAK/realms/partnership/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
gateway_pid() { local port=${GATEWAY##*:}; ss -ltnpH "sport = :${port%%/*}" | sed -nE 's/.*pid=([0-9]+).*/\1/p' | head -1; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

TOKEN=$(token)
for url in "$DIRECT" "$GATEWAY"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$url/api/v1/partners/$PARTNER")
  [ "$code" = 200 ] || { echo "GET $url/api/v1/partners/$PARTNER answered $code; is the stack running?" >&2; exit 2; }
done

run() { # url -> "requests/s p99_ms requests"; a round with any non-200 answer or socket error is not a measurement
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$1/api/v1/partners/$PARTNER")
  if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then
    echo "$1 answered errors during the round, so its figures mean nothing:" >&2
    grep -E 'Non-2xx|Socket errors' <<<"$out" >&2
    exit 1
  fi
  awk '/Requests\/sec/ {rps=$2} /^ +99%/ {p=$2; if (p ~ /us$/) {sub(/us/,"",p); p=p/1000} else if (p ~ /ms$/) {sub(/ms/,"",p)} else if (p ~ /s$/) {sub(/s/,"",p); p=p*1000}} /requests in/ {n=$1} END {printf "%.0f %.2f %d\n", rps, p, n}' <<<"$out"
}

echo "warm-up (2 x $WARMUP per target)..."
for _ in 1 2; do DURATION=$WARMUP run "$DIRECT" >/dev/null; DURATION=$WARMUP run "$GATEWAY" >/dev/null; done
PID=$(gateway_pid); HZ=$(getconf CLK_TCK)
gw_requests=0; gw_ticks=0; rounds=""
printf '%-6s %-8s %10s %9s\n' round target 'req/s' 'p99 ms'
measure() { # target url round -> appends "target rps p99" to $rounds
  local before rps p99 n
  [ "$1" = gateway ] && before=$(cpu_ticks "$PID")
  read -r rps p99 n <<<"$(run "$2")"
  if [ "$1" = gateway ]; then gw_ticks=$((gw_ticks + $(cpu_ticks "$PID") - before)); gw_requests=$((gw_requests + n)); fi
  printf '%-6s %-8s %10s %9s\n' "$3" "$1" "$rps" "$p99"
  rounds+="$3 $1 $rps $p99"$'\n'
}
for i in $(seq 1 "$ROUNDS"); do
  TOKEN=$(token)
  if [ $((i % 2)) -eq 1 ]; then measure direct "$DIRECT" "$i"; measure gateway "$GATEWAY" "$i"
  else measure gateway "$GATEWAY" "$i"; measure direct "$DIRECT" "$i"; fi
done
awk -v t="$gw_ticks" -v hz="$HZ" -v n="$gw_requests" '
  NF == 4 { rps[$1, $2] = $3; p99[$2] = p99[$2] " " $4; sum[$2] += $3; rounds[$1] = 1 }
  function sorted(list, out,   k, m, i, j, v) { m = split(list, out, " "); for (i = 2; i <= m; i++) { v = out[i]; for (j = i - 1; j > 0 && out[j] > v; j--) out[j+1] = out[j]; out[j+1] = v } return m }
  END {
    r = 0; for (k in rounds) { r++; ratios = ratios " " 100 * rps[k, "gateway"] / rps[k, "direct"] }
    m = sorted(ratios, q); pd = sorted(p99["direct"], a); pg = sorted(p99["gateway"], b)
    printf "mean direct %.0f req/s, through gateway %.0f req/s, ratio %.1f %%\n", sum["direct"]/r, sum["gateway"]/r, 100*sum["gateway"]/sum["direct"]
    printf "per-round ratio: min %.1f %%, median %.1f %%, max %.1f %% (%d rounds)\n", q[1], (q[int((m+1)/2)] + q[int(m/2)+1])/2, q[m], m
    printf "p99 ms, median (worst): direct %.2f (%.2f), gateway %.2f (%.2f)\n", (a[int((pd+1)/2)] + a[int(pd/2)+1])/2, a[pd], (b[int((pg+1)/2)] + b[int(pg/2)+1])/2, b[pg]
    printf "gateway CPU time per request: %.1f us (user+system over the gateway rounds)\n", 1e6*t/hz/n }' <<<"$rounds"
