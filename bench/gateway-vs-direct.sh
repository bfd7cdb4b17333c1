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
# REFERENCE=<url> adds a third target to every round, measured the same way: another proxy in front of the same
# service, to tell the gateway's cost from what any proxy costs on this machine (bench/nginx-proxy.sh starts nginx,
# bench/bare-proxy.sh a bare Vert.x proxy).
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
REFERENCE=${REFERENCE:-}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
token() {
  curl -sf -d grant_type=password -d client_id=partnership-cli -d "username=$USER_NAME" -d password=demo \
    "$KEYCLOAK/realms/partnership/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
# CPU ticks (user+system) of every process listening on the url's port (nginx: master and worker)
cpu_ticks() {
  local port=${1##*:} pid total=0
  for pid in $(ss -ltnpH "sport = :${port%%/*}" | grep -oE 'pid=[0-9]+' | cut -d= -f2 | sort -u); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}

TOKEN=$(token)
for url in "$DIRECT" "$GATEWAY" $REFERENCE; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$url/api/v1/partners/$PARTNER")
  [ "$code" = 200 ] || { echo "GET $url/api/v1/partners/$PARTNER answered $code; is the stack running?" >&2; exit 2; }
done

run() { # url -> "requests/s p99_ms requests"; a round with any non-200 answer or socket error is not a measurement
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$1/api/v1/partners/$PARTNER")
  if [ -z "${WARMING:-}" ] && grep -qE 'Non-2xx|Socket errors' <<<"$out"; then
    echo "$1 answered errors during the round, so its figures mean nothing:" >&2
    grep -E 'Non-2xx|Socket errors' <<<"$out" >&2
    exit 1
  fi
  awk '/Requests\/sec/ {rps=$2} /^ +99%/ {p=$2; if (p ~ /us$/) {sub(/us/,"",p); p=p/1000} else if (p ~ /ms$/) {sub(/ms/,"",p)} else if (p ~ /s$/) {sub(/s/,"",p); p=p*1000}} /requests in/ {n=$1} END {printf "%.0f %.2f %d\n", rps, p, n}' <<<"$out"
}

targets="direct gateway${REFERENCE:+ reference}"
url_of() { case $1 in direct) echo "$DIRECT" ;; gateway) echo "$GATEWAY" ;; reference) echo "$REFERENCE" ;; esac; }
echo "warm-up (2 x $WARMUP per target)..."
# (a timeout while a freshly started JVM warms up is no measurement, and no reason to give up either)
for _ in 1 2; do for target in $targets; do WARMING=1 DURATION=$WARMUP run "$(url_of "$target")" >/dev/null; done; done
HZ=$(getconf CLK_TCK)
rounds=""
printf '%-6s %-9s %10s %9s\n' round target 'req/s' 'p99 ms'
measure() { # target round -> appends "round target rps p99 requests cpu_ticks" to $rounds
  local url before=0 after=0 rps p99 n
  url=$(url_of "$1")
  [ "$1" = direct ] || before=$(cpu_ticks "$url")
  read -r rps p99 n <<<"$(run "$url")"
  [ "$1" = direct ] || after=$(cpu_ticks "$url")
  printf '%-6s %-9s %10s %9s\n' "$2" "$1" "$rps" "$p99"
  rounds+="$2 $1 $rps $p99 $n $((after - before))"$'\n'
}
for i in $(seq 1 "$ROUNDS"); do
  TOKEN=$(token)
  order=$targets
  [ $((i % 2)) -eq 0 ] && order=$(tr ' ' '\n' <<<"$targets" | tac | tr '\n' ' ')
  for target in $order; do measure "$target" "$i"; done
done
awk -v hz="$HZ" '
  NF == 6 { rps[$1, $2] = $3; p99[$2] = p99[$2] " " $4; sum[$2] += $3; n[$2] += $5; ticks[$2] += $6; rounds[$1] = 1; seen[$2] = 1 }
  function sorted(list, out,   k, m, i, j, v) { m = split(list, out, " "); for (i = 2; i <= m; i++) { v = out[i]; for (j = i - 1; j > 0 && out[j] > v; j--) out[j+1] = out[j]; out[j+1] = v } return m }
  function median(a, m) { return (a[int((m+1)/2)] + a[int(m/2)+1]) / 2 }
  function report(t,   r, k, ratios, q, m, b, pb) {
    r = 0; ratios = ""; for (k in rounds) { r++; ratios = ratios " " 100 * rps[k, t] / rps[k, "direct"] }
    m = sorted(ratios, q); pb = sorted(p99[t], b)
    printf "%-9s %6.0f req/s, ratio to direct %.1f %% (per round: min %.1f, median %.1f, max %.1f), p99 median %.2f ms (worst %.2f), CPU %.1f us/request\n",
      t, sum[t]/r, 100*sum[t]/sum["direct"], q[1], median(q, m), q[m], median(b, pb), b[pb], 1e6*ticks[t]/hz/n[t] }
  END {
    r = 0; for (k in rounds) r++
    pd = sorted(p99["direct"], a)
    printf "over %d rounds:\n%-9s %6.0f req/s, p99 median %.2f ms (worst %.2f)\n", r, "direct", sum["direct"]/r, median(a, pd), a[pd]
    report("gateway"); if ("reference" in seen) report("reference") }' <<<"$rounds"
