#!/usr/bin/env bash
# Start-up benchmark: time from `java -jar` to a 200 on /q/health/ready (JVM start, data-directory
# lock, dynalite start, registry table check), fresh data directory each run, then to the same
# ready on a directory that already holds data (a restart). Target: under 3 s on a quiet 2-core
# machine. Usage: src/bench/startup.sh [runs, default 5]
source "$(dirname "$0")/lib.sh"
RUNS=${1:-5}
build_if_needed

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
fresh=()
for _ in $(seq "$RUNS"); do
  start_service
  fresh+=("$READY_MS")
  stop_service
done

# A restart: the same data directory started again (the registry table exists already).
restart=()
start_service
KEEP=$DATA
kill "$PID"; wait "$PID" 2>/dev/null || true
for _ in $(seq "$RUNS"); do
  start_ns=$(date +%s%N)
  DYNAGATE_ADMIN_TOKEN=$TOKEN java -Dquarkus.http.port="$PORT" -Ddynagate.data-dir="$KEEP" \
    -Ddynagate.emulator.port="$EMU_PORT" -Dquarkus.log.level=WARN -jar "$JAR" >>"$KEEP/service.log" 2>&1 &
  PID=$!
  until curl -sf "localhost:$PORT/q/health/ready" >/dev/null 2>&1; do
    kill -0 "$PID" 2>/dev/null || { cat "$KEEP/service.log"; exit 1; }
    sleep 0.02
  done
  restart+=("$(( ($(date +%s%N) - start_ns) / 1000000 ))")
  kill "$PID"; wait "$PID" 2>/dev/null || true
done
rm -rf "$KEEP"

summary() { # NAME MS...
  local name=$1; shift
  printf '%s' "$*" | tr ' ' '\n' | sort -n | awk -v name="$name" \
    '{a[NR]=$1} END {printf "%-22s runs %d  min %d ms  median %d ms  max %d ms\n", name, NR, a[1], a[int((NR+1)/2)], a[NR]}'
}
summary "ready, fresh data dir" "${fresh[@]}"
summary "ready, restart" "${restart[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
