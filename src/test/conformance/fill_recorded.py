#!/usr/bin/env python3
"""Copies AWS's recorded answers into the conformance data files.

Each data file names, per test, the snapshot keys its steps compare (`record`); this script reads
those keys from LocalStack's `*.snapshot.json` files (real AWS answers, Apache-2.0) and writes them
into the test's `recorded` member, so that the suite needs no LocalStack checkout to run.

Usage: fill_recorded.py <localstack checkout>
(reads src/test/conformance/cases/*.json, writes src/test/resources/conformance/*.json)
"""
import json
import sys
from pathlib import Path


def main(checkout):
    here = Path(__file__).parent
    out = here.parent / "resources" / "conformance"
    for path in sorted((here / "cases").glob("*.json")):
        data = json.loads(path.read_text())
        for test in data["tests"]:
            # a test may come from another file of the same folder than the data file names
            source = data["source"].split(" ", 1)[1]
            if "source" in test:
                source = source.rsplit("/", 1)[0] + "/" + test["source"]
            snapshot_file = Path(checkout) / source.replace(".py", ".snapshot.json")
            snapshot = json.loads(snapshot_file.read_text())
            by_test = {k.split(".py::", 1)[1]: v["recorded-content"] for k, v in snapshot.items()}
            recorded_as = test.get("recordedAs", test["id"])
            # a test that only asserts (no snapshot) has no recorded answers
            content = by_test.get(recorded_as, {})
            keys = [s["record"] for s in test["steps"] if "record" in s]
            if test.get("allRecorded"):
                # steps such as importedResources name their answers as the recording did
                keys = list(content)
            test["recorded"] = {k: content[k] for k in keys}
        (out / path.name).write_text(json.dumps(data, indent=1) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
