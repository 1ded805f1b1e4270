#!/usr/bin/env python3
"""Clean-build time of the library as a user gets it, against the generated peer crate.

Lays out scratch crates outside the repository (default: /tmp/fabric-rest-build-time), each
depending on one library and doing nothing else:

  before-all      fabric-rest at commit --before (default 7860f5f), by path, all operations
  after-all       this checkout by path, every feature
  after-cluster   this checkout by path, `default-features = false, features = ["cluster"]`
  peer            azure_svc_servicefabric --peer-version from crates.io, default features

fabric-rest's variants share one target directory, the peer has its own. For each variant
it builds everything once, so that every dependency is built, then --runs times
removes the timed crates (`cargo clean -p`) and builds again with `cargo build --timings`:
only they are compiled. Timed crates: fabric-rest-macros, -runtime, -models and fabric-rest
(or azure_svc_servicefabric for the peer). Dev profile. rustc runs under a RUSTC_WRAPPER
that records each timed crate's peak resident memory with /usr/bin/time -v.

Reports, per variant, the median of the runs: the wall time of the build, the sum of the
timed crates' unit times from cargo's timings, each crate's unit time, and the largest
peak memory of one rustc. Needs crates.io for the peer and for the dependencies; not part
of CI.

    python3 scripts/build_time.py [--runs 3] [--peer-runs 2] [--only after-all after-cluster]
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OURS = ["fabric-rest-macros", "fabric-rest-runtime", "fabric-rest-models", "fabric-rest"]
PEER = ["azure_svc_servicefabric"]
ALL_GROUPS = [
    "cluster", "nodes", "image_store", "applications", "application_types", "services", "partitions",
    "replicas", "names", "events", "faults", "chaos", "backup_restore", "compose", "mesh",
]

WRAPPER = """#!/bin/sh
# Records the peak memory of each rustc run for a timed crate, then runs it.
name=""
prev=""
for arg in "$@"; do
    if [ "$prev" = "--crate-name" ]; then name="$arg"; fi
    prev="$arg"
done
case " $TIMED_CRATES " in
    *" $name "*) exec /usr/bin/time -f "$name %M" -a -o "$MEMORY_LOG" "$@" ;;
    *) exec "$@" ;;
esac
"""


def scratch_manifest(name, dependency):
    return f"""[package]
name = "{name}"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
{dependency}

[workspace]
"""


def variants(root, before_tree, peer_version):
    after = REPO.as_posix()
    features = ", ".join(f'"{g}"' for g in ALL_GROUPS)
    return {
        # Before the layout there was no models crate.
        "before-all": (
            f'fabric-rest = {{ path = "{before_tree}" }}',
            [c for c in OURS if c != "fabric-rest-models"],
            "fabric_rest",
        ),
        "after-all": (f'fabric-rest = {{ path = "{after}", features = [{features}] }}', OURS, "fabric_rest"),
        "after-cluster": (
            f'fabric-rest = {{ path = "{after}", default-features = false, features = ["cluster"] }}',
            OURS,
            "fabric_rest",
        ),
        "peer": (f'azure_svc_servicefabric = "={peer_version}"', PEER, "azure_svc_servicefabric"),
    }


def export_before(commit, root):
    """The tree of `commit`, outside the repository, as a path dependency."""
    tree = root / f"src-{commit}"
    if not tree.exists():
        tree.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", REPO, "archive", commit], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tree], input=archive, check=True)
    return tree


def run(cmd, cwd, env):
    started = time.monotonic()
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(map(str, cmd))} failed in {cwd}:\n{result.stderr[-4000:]}")
    return time.monotonic() - started


def unit_times(target):
    """Unit name -> seconds, from the newest cargo-timing HTML report."""
    reports = sorted((target / "cargo-timings").glob("cargo-timing-*.html"))
    text = reports[-1].read_text(encoding="utf-8")
    data = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);\n", text, re.S).group(1))
    times = {}
    for unit in data:
        if unit.get("mode", "build") == "run-custom-build":
            continue
        times[unit["name"]] = times.get(unit["name"], 0.0) + unit["duration"]
    return times


def measure(name, dependency, timed, lib, root, runs):
    crate = root / name
    # fabric-rest's variants share their dependencies' build; the peer has its own.
    target = root / ("target-peer" if timed == PEER else "target-fabric-rest")
    (crate / "src").mkdir(parents=True, exist_ok=True)
    (crate / "Cargo.toml").write_text(scratch_manifest(name.replace("-", "_"), dependency))
    (crate / "src" / "lib.rs").write_text(f"pub use {lib};\n")
    wrapper = root / "rustc-memory.sh"
    wrapper.write_text(WRAPPER)
    wrapper.chmod(0o755)
    memory_log = crate / "memory.log"
    env = dict(os.environ, RUSTC_WRAPPER=str(wrapper), TIMED_CRATES=" ".join(c.replace("-", "_") for c in timed),
               MEMORY_LOG=str(memory_log), CARGO_TARGET_DIR=str(target))
    env.pop("CARGO_BUILD_RUSTC_WRAPPER", None)
    run(["cargo", "build", "-q"], crate, env)
    walls, sums, per_crate, peaks = [], [], {}, []
    for _ in range(runs):
        clean = ["cargo", "clean", "-q"] + [arg for c in timed for arg in ("-p", c)]
        run(clean, crate, env)
        memory_log.write_text("")
        walls.append(run(["cargo", "build", "-q", "--timings"], crate, env))
        times = unit_times(target)
        sums.append(sum(times.get(c, 0.0) for c in timed))
        for c in timed:
            per_crate.setdefault(c, []).append(times.get(c, 0.0))
        kib = [int(line.split()[1]) for line in memory_log.read_text().splitlines() if line.strip()]
        peaks.append(max(kib) if kib else 0)
    return {
        "wall": statistics.median(walls),
        "crates_sum": statistics.median(sums),
        "per_crate": {c: statistics.median(v) for c, v in per_crate.items()},
        "peak_rss_mib": statistics.median(peaks) / 1024,
        "runs": runs,
    }


def peer_operations(peer_version):
    """Operations of the peer's default tag: its client methods that return a request
    builder, one per operation of the spec version the tag names."""
    registry = Path(os.environ.get("CARGO_HOME", Path.home() / ".cargo")) / "registry" / "src"
    sources = list(registry.glob(f"*/azure_svc_servicefabric-{peer_version}"))
    if not sources:
        return None
    manifest = (sources[0] / "Cargo.toml").read_text()
    tag = re.search(r'default_tag = \["([^"]+)"\]', manifest).group(1)
    module = sources[0] / "src" / f"v{tag}"
    text = (module / "mod.rs").read_text(encoding="utf-8")
    flat = " ".join(text.split())
    operations = list(re.findall(r"pub fn (\w+)\([^)]*\) -> \w+::RequestBuilder", flat))
    lines = sum(len(path.read_text(encoding="utf-8").splitlines()) for path in module.glob("*.rs"))
    return {"tag": tag, "operations": len(operations), "generated_lines": lines}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--peer-runs", type=int, default=2)
    parser.add_argument("--before", default="7860f5f")
    parser.add_argument("--peer-version", default="0.21.0")
    parser.add_argument("--root", default="/tmp/fabric-rest-build-time")
    parser.add_argument("--only", nargs="*")
    args = parser.parse_args()
    root = Path(args.root)
    root.mkdir(parents=True, exist_ok=True)
    before = export_before(args.before, root)
    results = {}
    for name, (dependency, timed, lib) in variants(root, before, args.peer_version).items():
        if args.only and name not in args.only:
            continue
        runs = args.peer_runs if timed == PEER else args.runs
        results[name] = measure(name, dependency, timed, lib, root, runs)
        print(name, json.dumps(results[name]), flush=True)
    if not args.only or "peer" in args.only:
        results["peer-operations"] = peer_operations(args.peer_version)
        print("peer-operations", json.dumps(results["peer-operations"]))
    (root / "results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
