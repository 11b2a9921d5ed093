#!/usr/bin/env bash
# Memory with the largest API the quotas allow (issue 16): one API with CORS and 297 UpdateItem
# routes (with the root, /users and /users/{userId}: 300 resources), declared route by route as a
# script would, each change followed by its coalesced pass (an import and a deployment on the
# account and on preflight's shadow). Prints resident memory per process and the service's heap
# after a full collection.
# Usage: src/bench/memory.sh   (DYNAGATE_JAVA_OPTS and NODE_OPTIONS as for management.sh)
source "$(dirname "$0")/lib.sh"
ROUTES=297
build_if_needed
# shellcheck disable=SC2086
start_service ${DYNAGATE_JAVA_OPTS:-} -Ddynagate.auth.rate-limit.per-second=1000000 -Ddynagate.auth.rate-limit.burst=1000000
api PUT /api/v1/tables/users "$(cat "$ROOT/src/test/resources/seed/users-table.json")" >/dev/null
api PUT /api/v1/apis/big '{"cors":{"allowOrigins":["https://a.example.com","https://b.example.com"]}}' >/dev/null
declared_ms=$(date +%s%N)
for i in $(seq 0 $((ROUTES - 1))); do
  answer=$(api PUT /api/v1/apis/big/routes/r$i "{\"method\":\"PATCH\",\"path\":\"/users/{userId}/r$i\",\"table\":\"users\",\"action\":\"UpdateItem\",\"versionAttribute\":\"version\",\"allowRemove\":true,\"timestamps\":true}")
  case "$answer" in *'"status":4'*|*'"status":5'*) echo "route r$i refused: $answer"; exit 1 ;; esac
done
echo "$ROUTES routes declared in $(( ($(date +%s%N) - declared_ms) / 1000000 )) ms"
api POST "/api/v1/apis/big/reconcile?wait=true" | jq -r '"pass: " + .status.phase + ", " + (.status.message | split(";")[0])'
echo "resident memory, service + dynalites: $(rss_mb) MB"
rss_split
jcmd "$PID" GC.run >/dev/null
jcmd "$PID" GC.heap_info | awk '/tenured|old|region|Metaspace/ {$1=$1; print "  " $0}' | cut -c1-110
# With -XX:NativeMemoryTracking=summary in DYNAGATE_JAVA_OPTS: the JVM's own account of its memory.
jcmd "$PID" VM.native_memory summary 2>/dev/null | awk '/^Total|^-/ && /committed/ {gsub(/reserved=[0-9]+KB, /, ""); $1=$1; print "  " $0}'
stop_service
