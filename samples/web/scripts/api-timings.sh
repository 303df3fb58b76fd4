#!/usr/bin/env bash
# How long the API takes on the demo fleet: a route's pick-list preview and an order creation,
# against a baseline measured in the same run (an authenticated GET of one route: HTTP, Basic
# authentication with its bcrypt check, one engine read). Starts the packaged jar on a new SQLite
# file (or on the JDBC URL given as $RESTOCK_WEB_URL), warms up, then times N requests of each
# kind with curl and prints median and 90th percentile in milliseconds.
#
#   mvn -B -q package -DskipTests && bash samples/web/scripts/api-timings.sh [N]
set -euo pipefail
n="${1:-30}"
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="$here/target/restock-web.jar"
work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
args=(--server.port="$port" --restock.web.demo.admin-password=timings-admin
      --restock.web.demo.driver-password=timings-driver)
if [ -n "${RESTOCK_WEB_URL:-}" ]; then args+=(--spring.datasource.url="$RESTOCK_WEB_URL"); fi
(cd "$work" && exec java -jar "$jar" "${args[@]}" > "$work/web.log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
  curl -sf -o /dev/null "$base/login" && break
  sleep 0.5
done
auth=(-u admin:timings-admin -H 'Content-Type: application/json')
route="$(curl -sf "${auth[@]}" "$base/api/routes" \
  | python3 -c 'import json,sys; print([r["id"] for r in json.load(sys.stdin)["items"] if r["code"]=="DEMO-1"][0])')"

time_ms() { # method path [body] -> milliseconds of one request (fails on a non-2xx status)
  local out
  if [ "$1" = POST ]; then
    out="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "${auth[@]}" -X POST -d "$3" "$base$2")"
  else
    out="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "${auth[@]}" "$base$2")"
  fi
  case "${out%% *}" in 2??) ;; *) echo "request $1 $2 answered ${out%% *}" >&2; exit 1;; esac
  python3 -c "print(round(float('${out#* }')*1000, 2))"
}
stats() { python3 -c '
import statistics,sys
v=sorted(float(x) for x in sys.argv[2:])
p90=v[min(len(v)-1, int(round(0.9*len(v)))-1)]
print("%-34s n=%3d  median %8.1f ms  p90 %8.1f ms" % (sys.argv[1], len(v), statistics.median(v), p90))
' "$@"; }

for _ in $(seq 1 5); do  # warm-up: class loading, JIT, caches
  time_ms GET "/api/routes/$route" > /dev/null
  time_ms GET "/api/routes/$route/pick-list" > /dev/null
done
baseline=(); picks=(); orders=()
for _ in $(seq 1 "$n"); do
  baseline+=("$(time_ms GET "/api/routes/$route")")
  picks+=("$(time_ms GET "/api/routes/$route/pick-list")")
done
for _ in $(seq 1 "$n"); do
  orders+=("$(time_ms POST /api/service-orders "{\"routeId\":\"$route\"}")")
done
echo "Restock web API on the demo fleet (route DEMO-1, 6 machines, 42 slots); $(java -version 2>&1 | head -1)"
stats "baseline: GET one route" "${baseline[@]}"
stats "pick-list preview of DEMO-1" "${picks[@]}"
stats "order creation for DEMO-1" "${orders[@]}"
python3 -c '
import statistics,sys
groups=[[float(x) for x in g.split()] for g in sys.argv[1:]]
b,p,o=(statistics.median(g) for g in groups)
print("ratios to the baseline (median): pick list %.2fx, order creation %.2fx" % (p/b, o/b))
print("over the baseline (median): pick list +%.1f ms, order creation +%.1f ms" % (p-b, o-b))
' "${baseline[*]}" "${picks[*]}" "${orders[*]}"
