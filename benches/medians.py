#!/usr/bin/env python3
"""Medians of the last `cargo bench` run, from criterion's estimates, and each variant's
ratio to the others of its group.

    python3 benches/medians.py [CRITERION_DIR]   (default $CARGO_TARGET_DIR/criterion)
"""

import json
import os
import sys
from pathlib import Path


def main() -> int:
    default = Path(os.environ.get("CARGO_TARGET_DIR", Path(__file__).resolve().parent.parent / "target")) / "criterion"
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    groups: dict[str, dict[str, float]] = {}
    for estimates in sorted(root.glob("**/new/estimates.json")):
        bench = json.loads((estimates.parent / "benchmark.json").read_text())
        median = json.loads(estimates.read_text())["median"]["point_estimate"]
        groups.setdefault(bench["group_id"], {})[bench["function_id"]] = median
    for group, medians in groups.items():
        print(f"{group}")
        for name, median in medians.items():
            others = "  ".join(f"/{o} {median / m:.3f}" for o, m in medians.items() if o != name)
            print(f"  {name:<30} median {format_ns(median):>10}   {others}")
    return 0


def format_ns(ns: float) -> str:
    if ns >= 1e6:
        return f"{ns / 1e6:.3f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.1f} ns"


if __name__ == "__main__":
    sys.exit(main())
