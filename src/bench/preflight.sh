#!/usr/bin/env bash
# Preflight benchmark (issue 21): a 10-route API (GetItem by path, query string and header, with
# projections; Query on the table and on a GSI with sort-key conditions) proved on the local
# shadow. The first run starts the shadow (dynalite and emulator) and fills its tables; the next
# RUNS are what a changed definition costs. Usage: src/bench/preflight.sh [runs, default 10]
source "$(dirname "$0")/lib.sh"
RUNS=${1:-10}
build_if_needed
start_service -Ddynagate.reconcile.on-change=false -Ddynagate.reconcile.interval=off \
  -Ddynagate.auth.rate-limit.per-second=100000 -Ddynagate.auth.rate-limit.burst=100000

api PUT /api/v1/tables/bench-users '{"TableName":"bench-users",
  "AttributeDefinitions":[{"AttributeName":"userId","AttributeType":"S"}],
  "KeySchema":[{"AttributeName":"userId","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST",
  "AttributeSchema":{"name":"S","age":"N","tags":"SS","address":{"M":{"street":"S","zip":"N"}}}}' >/dev/null
api PUT /api/v1/tables/bench-orders '{"TableName":"bench-orders",
  "AttributeDefinitions":[{"AttributeName":"customer","AttributeType":"S"},
    {"AttributeName":"placed","AttributeType":"N"},{"AttributeName":"sku","AttributeType":"S"}],
  "KeySchema":[{"AttributeName":"customer","KeyType":"HASH"},{"AttributeName":"placed","KeyType":"RANGE"}],
  "BillingMode":"PAY_PER_REQUEST",
  "GlobalSecondaryIndexes":[{"IndexName":"by-sku","KeySchema":[{"AttributeName":"sku","KeyType":"HASH"},
    {"AttributeName":"placed","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}}],
  "AttributeSchema":{"total":"N","paid":"BOOL","lines":{"L":{"M":{"sku":"S","qty":"N"}}}}}' >/dev/null
api PUT /api/v1/apis/bench '{"stage":"dev"}' >/dev/null
route() { api PUT "/api/v1/apis/bench/routes/$1" "$2" >/dev/null; }
route get-user '{"method":"GET","path":"/users/{userId}","table":"bench-users"}'
route get-user-q '{"method":"GET","path":"/lookup","table":"bench-users","key":{"userId":"query.id"}}'
route get-user-h '{"method":"GET","path":"/me","table":"bench-users","key":{"userId":"header.X-User"}}'
route get-user-name '{"method":"GET","path":"/users/{userId}/name","table":"bench-users","projection":["name"]}'
route get-order '{"method":"GET","path":"/customers/{customer}/orders/{placed}","table":"bench-orders"}'
route list-orders '{"method":"GET","path":"/customers/{customer}/orders","table":"bench-orders","action":"Query"}'
route orders-since '{"method":"GET","path":"/customers/{customer}/since","table":"bench-orders","action":"Query","sortKey":{"condition":"GE","value":"query.from"}}'
route orders-between '{"method":"GET","path":"/customers/{customer}/between","table":"bench-orders","action":"Query","sortKey":{"condition":"BETWEEN","values":["query.a","query.b"]}}'
route by-sku '{"method":"GET","path":"/skus/{sku}/orders","table":"bench-orders","action":"Query","index":"by-sku"}'
route by-sku-before '{"method":"GET","path":"/skus/{sku}/before","table":"bench-orders","action":"Query","index":"by-sku","sortKey":{"condition":"LT","value":"query.t"}}'

run() { # prints: wall-ms server-ms passed probes
  local start_ns body
  start_ns=$(date +%s%N)
  body=$(api POST "/api/v1/apis/bench/preflight?force=true")
  echo "$(( ($(date +%s%N) - start_ns) / 1000000 )) $(echo "$body" | python3 -c '
import json,sys; r=json.load(sys.stdin)
print(r["millis"], r["passed"], sum(len(x["probes"]) for x in r["routes"]))')"
}

read -r wall server passed probes <<<"$(run)"
echo "first run (starts the shadow, fills its tables): ${wall} ms wall, ${server} ms in preflight, passed=$passed, $probes probes"
: >"$DATA/runs"
for _ in $(seq "$RUNS"); do run >>"$DATA/runs"; done
python3 - "$DATA/runs" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
wall = sorted(int(r[0]) for r in rows); server = sorted(int(r[1]) for r in rows)
print(f"next {len(rows)} runs: wall p50 {statistics.median(wall):.0f} ms, max {wall[-1]} ms; "
      f"in preflight p50 {statistics.median(server):.0f} ms; all passed: {all(r[2] == 'True' for r in rows)}")
PY
echo "resident memory with the shadow: $(rss_mb) MB (service, dynalite and the shadow's dynalite)"
stop_service
