#!/usr/bin/env python3
"""Regenerates tests/fixtures/spec_operations.json, the spec facts the conformance test checks.

Reads ../shared/spec/servicefabric.skeleton.json (relative to the repository root), a
per-operation extraction of the official Service Fabric REST spec, and writes one compact
record per operation:

    {"operation": "GetNodeInfo", "method": "GET", "path": "/Nodes/{nodeName}",
     "api_version": "6.0", "success": [200, 204], "body": null | {"required": bool},
     "examples": bool,
     "params": [{"in": "path" | "query" | "header", "name": wire name, "required": bool,
                 "type": "string" | "integer" | "boolean", and when the spec gives them
                 "format", "enum", "minimum", "maximum", "default" (a string, as in the
                 spec text) and "skip_encoding": true}]}

`api-version` is not listed among the parameters: it is the record's `api_version`. Body
parameters are folded into `body`, because a declaration names its body after the Rust
parameter, not after the spec's schema.

Run from anywhere: `python3 scripts/gen_spec_fixture.py`. With `--check` it writes nothing and
exits 1 when the committed fixture differs from what it would write.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKELETON = ROOT / ".." / "shared" / "spec" / "servicefabric.skeleton.json"
FIXTURE = ROOT / "tests" / "fixtures" / "spec_operations.json"
# The emulator embeds the same digest (it never reads the repository at run time).
EMULATOR_COPY = ROOT / "emulator" / "src" / "spec" / "operations.json"


def param_record(spec):
    record = {
        "in": spec["in"],
        "name": spec["name"],
        "required": bool(spec["required"]),
        "type": spec.get("type"),
    }
    optional = {
        "format": spec.get("format"),
        "enum": spec.get("enum"),
        "minimum": spec.get("minimum"),
        "maximum": spec.get("maximum"),
        "default": spec.get("default"),
        "skip_encoding": spec.get("x-ms-skip-url-encoding"),
    }
    # Absent facts are left out to keep the fixture small; the test reads them as absent.
    record.update({key: value for key, value in optional.items() if value is not None})
    return record


def operation_record(op, parameters):
    api_version = None
    body = None
    params = []
    for ref in op["params"]:
        spec = parameters[ref]
        if spec["in"] == "query" and spec["name"] == "api-version":
            api_version = spec["default"]
        elif spec["in"] == "body":
            body = {"required": bool(spec["required"])}
        else:
            params.append(param_record(spec))
    if api_version is None:
        raise SystemExit(f"{op['operationId']}: no api-version parameter")
    return {
        "operation": op["operationId"],
        "method": op["method"].upper(),
        "path": op["path"],
        "api_version": api_version,
        "success": [int(status) for status, _schema in op["responses"]],
        "body": body,
        "examples": bool(op["examples"]),
        "params": params,
    }


def render(records):
    # One operation per line: small diffs when the spec moves, still valid JSON.
    lines = [json.dumps(record, separators=(",", ":")) for record in records]
    return "[\n" + ",\n".join(lines) + "\n]\n"


def main():
    skeleton = json.loads(SKELETON.read_text(encoding="utf-8"))
    records = [operation_record(op, skeleton["parameters"]) for op in skeleton["operations"]]
    ids = [record["operation"] for record in records]
    if len(set(ids)) != len(ids):
        raise SystemExit("the skeleton repeats an operation id")
    text = render(records)
    if "--check" in sys.argv[1:]:
        stale = [f for f in (FIXTURE, EMULATOR_COPY) if f.read_text(encoding="utf-8") != text]
        for f in stale:
            print(f"{f} is out of date; run scripts/gen_spec_fixture.py", file=sys.stderr)
        if stale:
            sys.exit(1)
        return
    FIXTURE.write_text(text, encoding="utf-8")
    EMULATOR_COPY.write_text(text, encoding="utf-8")
    print(f"wrote {len(records)} operations to {FIXTURE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
