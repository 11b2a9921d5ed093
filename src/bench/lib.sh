# Shared helpers of the benchmark scripts: start the packaged service on free ports with a fresh
# data directory, wait for readiness, stop it. Sourced, not run.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# DYNAGATE_JAR: another build to measure (e.g. a copy of main's for before/after figures).
JAR="${DYNAGATE_JAR:-$ROOT/target/quarkus-app/quarkus-run.jar}"
TOKEN=bench-admin-token-0123456789

need_tools() {
  local missing=()
  for tool in "$@"; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

build_if_needed() {
  [ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -B -q -ntp package -DskipTests)
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start_service EXTRA_JAVA_OPTS... ; sets PORT, EMU_PORT, PID, DATA, READY_MS
start_service() {
  DATA=$(mktemp -d /tmp/dynagate-bench.XXXXXX)
  PORT=$(free_port)
  EMU_PORT=$(free_port)
  local start_ns
  start_ns=$(date +%s%N)
  DYNAGATE_ADMIN_TOKEN=$TOKEN java -Dquarkus.http.port="$PORT" -Ddynagate.data-dir="$DATA" \
    -Ddynagate.emulator.port="$EMU_PORT" -Dquarkus.log.level=WARN "$@" -jar "$JAR" >"$DATA/service.log" 2>&1 &
  PID=$!
  until curl -sf "localhost:$PORT/q/health/ready" >/dev/null 2>&1; do
    kill -0 "$PID" 2>/dev/null || { cat "$DATA/service.log"; exit 1; }
    sleep 0.02
  done
  READY_MS=$(( ($(date +%s%N) - start_ns) / 1000000 ))
}

stop_service() {
  kill "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  rm -rf "$DATA"
}

# Resident memory (MB) of the service and its children (dynalite).
rss_mb() {
  local pids
  pids=$(echo "$PID $(pgrep -P "$PID" | tr '\n' ' ')" | xargs | tr ' ' ',')
  ps -o rss= -p "$pids" | awk '{s+=$1} END {printf "%.0f", s/1024}'
}

# Resident memory of each process, split as the kernel counts it: anonymous (heaps, stacks, JIT
# code) and file-backed (binaries, libraries, memory-mapped files such as LevelDB's tables).
rss_split() {
  local pid
  for pid in $PID $(pgrep -P "$PID"); do
    awk -v name="$(tr -d '\n' < /proc/"$pid"/comm)" '
      /^Rss:/ {rss=$2} /^Anonymous:/ {anon=$2}
      END {printf "  %-16s %4.0f MB (anonymous %.0f, file-backed %.0f)\n", name, rss/1024, anon/1024, (rss-anon)/1024}' \
      /proc/"$pid"/smaps_rollup
  done
}

api() { # METHOD PATH [BODY]
  curl -s -X "$1" "localhost:$PORT$2" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${3:+-d "$3"}
}

# CPU time (ms) of the service's JIT compiler threads, and of the whole service.
TICK_MS=$(( 1000 / $(getconf CLK_TCK) ))
jit_ms() {
  local task
  for task in /proc/"$PID"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in C1*|C2*) sed 's/^.*) //' "$task/stat" ;; esac
  done | awk -v t="$TICK_MS" '{s+=$12+$13} END {print s*t}'
}
service_ms() { awk -v t="$TICK_MS" '{print ($14+$15)*t}' /proc/"$PID"/stat; }
