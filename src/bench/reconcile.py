#!/usr/bin/env python3
"""Reconcile benchmark (issue 6), against a running Dynagate in embedded mode.

Counts AWS calls with the emulator's /_emulator/calls: one API with 1, 10, 100 and 300 routes,
first pass and unchanged pass (mutating and read calls, wall time); then N changed APIs under the
emulator's AWS quotas, time to converge beside the CreateDeployment floor.
Usage: reconcile.py BASE_URL EMULATOR_URL TOKEN [quota-apis quota-time-scale]
"""
import json
import sys
import time
import urllib.request

BASE, EMU, TOKEN = sys.argv[1], sys.argv[2], sys.argv[3]
MUTATING = ("Create", "Put", "Update", "Delete", "Tag", "Untag", "Import")


def call(method, url, body=None, auth=True):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if auth:
        request.add_header("Authorization", "Bearer " + TOKEN)
    with urllib.request.urlopen(request, timeout=600) as answer:
        text = answer.read().decode()
        return json.loads(text) if text else None


def calls():
    counts = call("GET", EMU + "/_emulator/calls", auth=False)
    aws = {k: v for k, v in counts.items() if not k.startswith("dynamodb:")}
    mutating = sum(v for k, v in aws.items() if k.split(":")[1].startswith(MUTATING))
    return mutating, sum(aws.values()) - mutating, aws


def reset():
    call("DELETE", EMU + "/_emulator/calls", auth=False)


def timed_reconcile(api):
    reset()
    started = time.monotonic()
    answer = call("POST", f"{BASE}/api/v1/apis/{api}/reconcile?wait=true")
    elapsed = time.monotonic() - started
    assert answer["status"]["phase"] == "Ready", answer["status"]
    return elapsed, calls()


def declare_api(api, routes):
    call("PUT", f"{BASE}/api/v1/apis/{api}", {"stage": "dev"})
    for i in range(routes):
        call("PUT", f"{BASE}/api/v1/apis/{api}/routes/r{i}",
             {"method": "GET", "path": f"/items{i}/{{itemId}}", "table": "bench-items",
              "key": {"itemId": "path.itemId"}})


def route_counts():
    print("| routes | pass | mutating calls | read calls | wall time |")
    print("| ---: | --- | ---: | ---: | ---: |")
    for n in (1, 10, 100, 300):
        api = f"bench-{n}"
        declare_api(api, n)
        # The service runs with dynagate.reconcile.on-change=false: this call makes the first pass.
        first = timed_reconcile(api)
        second = timed_reconcile(api)
        for label, (elapsed, (mutating, reads, _)) in (("first", first), ("unchanged", second)):
            print(f"| {n} | {label} | {mutating} | {reads} | {elapsed * 1000:.0f} ms |")


def await_converged(apis):
    """Polls status (no extra pass): converged when each API is Ready with its desired definition's hash."""
    desired = {i: call("GET", f"{BASE}/api/v1/apis/quota-{i}/definition")["hash"] for i in range(apis)}
    pending = set(range(apis))
    while pending:
        for i in list(pending):
            status = call("GET", f"{BASE}/api/v1/apis/quota-{i}")["status"]
            if status["phase"] == "Ready" and status.get("definitionHash") == desired[i]:
                pending.discard(i)
        time.sleep(0.02)


def quota_convergence(apis, scale):
    for i in range(apis):
        declare_api(f"quota-{i}", 1)
    await_converged(apis)
    reset()
    started = time.monotonic()
    # One change per API; each declaration starts its pass at once, the quotas pace them.
    for i in range(apis):
        call("PUT", f"{BASE}/api/v1/apis/quota-{i}/routes/r0",
             {"method": "GET", "path": "/changed/{itemId}", "table": "bench-items", "key": {"itemId": "path.itemId"}})
    await_converged(apis)
    elapsed = time.monotonic() - started
    floor = apis * 5 * scale
    mutating, reads, aws = calls()
    print(f"{apis} changed APIs under AWS quotas (time scale {scale}): converged in {elapsed:.2f} s; "
          f"CreateDeployment floor {floor:.2f} s; ratio {elapsed / floor:.2f}x; "
          f"CreateDeployment calls {aws.get('apigateway:CreateDeployment', 0)}, PutRestApi {aws.get('apigateway:PutRestApi', 0)}")


if __name__ == "__main__":
    call("PUT", f"{BASE}/api/v1/tables/bench-items", {
        "TableName": "bench-items", "BillingMode": "PAY_PER_REQUEST",
        "AttributeDefinitions": [{"AttributeName": "itemId", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "itemId", "KeyType": "HASH"}]})
    if len(sys.argv) > 4:
        quota_convergence(int(sys.argv[4]), float(sys.argv[5]))
    else:
        route_counts()
