#!/usr/bin/env bash
# Reconcile benchmark (issue 6): AWS calls and wall time per pass for 1, 10, 100, 300 routes,
# then 20 changed APIs converging under the emulator's AWS quotas (time-scaled).
# Usage: src/bench/reconcile.sh [quota-apis, default 20] [time-scale, default 0.05]
source "$(dirname "$0")/lib.sh"
APIS=${1:-20}
SCALE=${2:-0.05}
build_if_needed
RATE="-Ddynagate.auth.rate-limit.per-second=100000 -Ddynagate.auth.rate-limit.burst=100000"

echo "== one API, growing route count (first pass made by the reconcile call)"
start_service $RATE -Ddynagate.reconcile.on-change=false -Ddynagate.reconcile.interval=off
python3 "$(dirname "$0")/reconcile.py" "http://localhost:$PORT" "http://localhost:$EMU_PORT" "$TOKEN"
stop_service

echo "== $APIS changed APIs under AWS quotas, time scale $SCALE"
start_service $RATE -Ddynagate.reconcile.interval=off -Ddynagate.emulator.quotas=aws \
  -Ddynagate.emulator.quotas.time-scale="$SCALE"
python3 "$(dirname "$0")/reconcile.py" "http://localhost:$PORT" "http://localhost:$EMU_PORT" "$TOKEN" "$APIS" "$SCALE"
stop_service
