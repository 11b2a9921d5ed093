#!/usr/bin/env bash
# Management API benchmark (issue 10): start-up time, GET and PUT throughput and latency, memory.
# Usage: src/bench/management.sh [seconds per load, default 10]
source "$(dirname "$0")/lib.sh"
SECONDS_PER_LOAD=${1:-10}
need_tools wrk
build_if_needed
# The per-token limit on mutating calls (10/s by default) would answer most PUTs 429.
# DYNAGATE_JAVA_OPTS: JVM options to measure (e.g. the README's memory settings).
# shellcheck disable=SC2086
start_service ${DYNAGATE_JAVA_OPTS:-} -Ddynagate.auth.rate-limit.per-second=1000000 -Ddynagate.auth.rate-limit.burst=1000000
echo "ready after ${READY_MS} ms (JVM start, dynalite start, registry table check)"

api PUT /api/v1/tables/users "$(cat "$ROOT/src/test/resources/seed/users-table.json")" >/dev/null

cat >/tmp/dynagate-put.lua <<LUA
local n = 0
request = function()
  n = n + 1
  local body = '{"description":"bench ' .. n .. '"}'
  return wrk.format("PUT", "/api/v1/apis/bench-" .. (n % 50), {["Authorization"]="Bearer $TOKEN", ["Content-Type"]="application/json"}, body)
end
LUA

# Reconcile passes run so far, all APIs and outcomes.
passes() {
  curl -s "localhost:$PORT/q/metrics" | awk '/^dynagate_reconcile_passes_total/ {s+=$2} END {printf "%d", s}'
}

# Warm-up: the JIT compiles the hot paths (GET, then PUT) first (figures below are for a warm service).
wrk -t2 -c16 -d5s -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT/api/v1/tables/users" >/dev/null
wrk -t2 -c8 -d5s -s /tmp/dynagate-put.lua "http://localhost:$PORT" >/dev/null
echo "--- GET /q/health/live, the ceiling of this machine and HTTP stack (2 threads, 16 connections, ${SECONDS_PER_LOAD}s)"
wrk -t2 -c16 -d"${SECONDS_PER_LOAD}s" --latency "http://localhost:$PORT/q/health/live" \
  | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors"
echo "--- GET /api/v1/tables/users (2 threads, 16 connections, ${SECONDS_PER_LOAD}s)"
wrk -t2 -c16 -d"${SECONDS_PER_LOAD}s" --latency -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT/api/v1/tables/users" \
  | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors"
echo "--- PUT /api/v1/apis/bench-N (2 threads, 8 connections, ${SECONDS_PER_LOAD}s)"
passes_before=$(passes)
wrk -t2 -c8 -d"${SECONDS_PER_LOAD}s" --latency -s /tmp/dynagate-put.lua "http://localhost:$PORT" \
  | grep -E "Requests/sec|requests in|50%|99%|Non-2xx|Socket errors"
# The passes those PUTs started (coalesced per API), counted once the last one is over.
sleep 3
echo "reconcile passes during the PUTs: $(( $(passes) - passes_before ))"
echo "resident memory, service + dynalite: $(rss_mb) MB (load average: $(cut -d" " -f1-3 /proc/loadavg))"
stop_service
