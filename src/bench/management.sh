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


# Warm-up: figures below are for a warm service. The PUT path (registry writes, audit, passes,
# the emulator's control plane, SigV4 signing) keeps the JIT compiling for about a minute: with a
# 5 s warm-up a quarter of the measured CPU was the compiler's, and PUT/s rose from 170 to 300
# over seven 10 s rounds. So the PUT warm-up runs in 10 s rounds until the compiler takes under a
# tenth of the service's CPU (at most 12 rounds).
wrk -t2 -c16 -d5s -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT/api/v1/tables/users" >/dev/null
for round in $(seq 1 12); do
  jit_before=$(jit_ms) cpu_before=$(service_ms)
  rate=$(wrk -t2 -c8 -d10s -s /tmp/dynagate-put.lua "http://localhost:$PORT" | awk '/Requests\/sec/ {printf "%.0f", $2}')
  jit=$(( $(jit_ms) - jit_before )) cpu=$(( $(service_ms) - cpu_before ))
  echo "warm-up round $round: $rate PUT/s, JIT $jit ms of the service's $cpu ms CPU"
  [ $(( jit * 10 )) -lt "$cpu" ] && break
done
echo "--- GET /q/health/live, the ceiling of this machine and HTTP stack (2 threads, 16 connections, ${SECONDS_PER_LOAD}s)"
wrk -t2 -c16 -d"${SECONDS_PER_LOAD}s" --latency "http://localhost:$PORT/q/health/live" \
  | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors"
echo "--- GET /api/v1/tables/users (2 threads, 16 connections, ${SECONDS_PER_LOAD}s)"
wrk -t2 -c16 -d"${SECONDS_PER_LOAD}s" --latency -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT/api/v1/tables/users" \
  | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors"
echo "--- PUT /api/v1/apis/bench-N (2 threads, 8 connections, ${SECONDS_PER_LOAD}s)"
passes_before=$(passes) jit_before=$(jit_ms) cpu_before=$(service_ms)
wrk -t2 -c8 -d"${SECONDS_PER_LOAD}s" --latency -s /tmp/dynagate-put.lua "http://localhost:$PORT" \
  | grep -E "Requests/sec|requests in|50%|99%|Non-2xx|Socket errors"
echo "JIT during the PUTs: $(( $(jit_ms) - jit_before )) ms of the service's $(( $(service_ms) - cpu_before )) ms CPU"
# The passes those PUTs started (coalesced per API), counted once the last one is over.
sleep 3
echo "reconcile passes during the PUTs: $(( $(passes) - passes_before ))"
echo "resident memory, service + dynalite: $(rss_mb) MB (load average: $(cut -d" " -f1-3 /proc/loadavg))"
rss_split
stop_service
