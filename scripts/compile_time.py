#!/usr/bin/env python3
"""Compile time of operations declared with #[fabric_endpoint] against the same operations
written by hand against the runtime (RequestBuilder + call).

Generates four throwaway crates (declared and by hand, 50 and 250 operations) under
$CARGO_TARGET_DIR/compile-time (default: target/compile-time), builds their dependencies
once, then times for each crate:

  clean build        `cargo build` after `cargo clean -p <crate>`: only the crate itself
                     is compiled, its dependencies are already built;
  incremental build  `cargo build` after editing one doc comment of the crate.

Every figure is the median of --runs builds (dev profile), as wall-clock time and as CPU
time (user + system of cargo and rustc), which a busy machine disturbs less. Nothing is
written to the repository.

    python3 scripts/compile_time.py [--counts 50 250] [--runs 3] [--optimize-macros]

--optimize-macros builds proc macros with `opt-level = 3` in the generated workspace (the
`[profile.dev.build-override]` setting the README suggests to users).
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

HEADER_DECLARED = """\
use fabric_rest::{fabric_endpoint, Accepted, Result, ServerTimeout, Transport};
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
pub struct Payload {
    pub name: String,
}

#[derive(Deserialize)]
pub struct Info {
    pub name: String,
}

pub trait Operations: Transport {
"""

HEADER_BY_HAND = """\
use std::future::Future;

use fabric_rest::runtime::{call, Endpoint, Json, Location, Method, Param, RequestBuilder};
use fabric_rest::{Accepted, Result, ServerTimeout, Transport};
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
pub struct Payload {
    pub name: String,
}

#[derive(Deserialize)]
pub struct Info {
    pub name: String,
}

pub trait Operations: Transport {
"""

FOOTER = """}

impl<T: Transport> Operations for T {}
"""


def declared(i: int) -> str:
    """Operation i with the attribute; four shapes in turn."""
    shape = i % 4
    doc = f"    /// Operation {i}.\n"
    if shape == 0:
        return doc + (
            f'    #[fabric_endpoint(POST, "/$/Operation{i}", api_version = "6.0")]\n'
            f"    async fn operation_{i}(\n"
            f"        &self,\n"
            f"        #[body] payload: &Payload,\n"
            f"        #[query] timeout: Option<ServerTimeout>,\n"
            f"    ) -> Result<Accepted>;\n"
        )
    if shape == 1:
        return doc + (
            f'    #[fabric_endpoint(GET, "/Nodes/{{nodeName}}/$/Operation{i}", api_version = "6.0")]\n'
            f"    async fn operation_{i}(&self, #[path] node_name: &str, #[query] timeout: Option<ServerTimeout>)\n"
            f"        -> Result<Info>;\n"
        )
    if shape == 2:
        return doc + (
            f'    #[fabric_endpoint(GET, "/$/Operation{i}", api_version = "6.0")]\n'
            f"    async fn operation_{i}(\n"
            f"        &self,\n"
            f'        #[query("ConfigurationApiVersion")] version: &str,\n'
            f"        #[query] timeout: Option<ServerTimeout>,\n"
            f"    ) -> Result<Info>;\n"
        )
    return doc + (
        f'    #[fabric_endpoint(DELETE, "/Applications/{{applicationId}}/$/Operation{i}", api_version = "6.0")]\n'
        f"    async fn operation_{i}(&self, #[path] application_id: &str) -> Result<()>;\n"
    )


def by_hand(i: int) -> str:
    """Operation i written against the runtime: the endpoint constant and the same steps."""
    shape = i % 4
    doc = f"    /// Operation {i}.\n"
    if shape == 0:
        return doc + (
            f"    fn operation_{i}(\n"
            f"        &self,\n"
            f"        payload: &Payload,\n"
            f"        timeout: Option<ServerTimeout>,\n"
            f"    ) -> impl Future<Output = Result<Accepted>> + Send {{\n"
            f'        static ENDPOINT: Endpoint = Endpoint::new("Operation{i}", Method::Post, "/$/Operation{i}", "6.0")\n'
            f"            .with_success(&[202])\n"
            f"            .with_params(&[\n"
            f'                Param::new("payload", Location::Body, true),\n'
            f'                Param::new("timeout", Location::Query, false),\n'
            f"            ]);\n"
            f"        async move {{\n"
            f"            let mut request = RequestBuilder::new(&ENDPOINT, self);\n"
            f"            request.json_body(payload);\n"
            f'            request.query("timeout", &timeout);\n'
            f"            call::<Self, Accepted>(self, request.build()).await\n"
            f"        }}\n"
            f"    }}\n"
        )
    if shape == 1:
        return doc + (
            f"    fn operation_{i}(\n"
            f"        &self,\n"
            f"        node_name: &str,\n"
            f"        timeout: Option<ServerTimeout>,\n"
            f"    ) -> impl Future<Output = Result<Info>> + Send {{\n"
            f'        static ENDPOINT: Endpoint = Endpoint::new("Operation{i}", Method::Get, "/Nodes/{{nodeName}}/$/Operation{i}", "6.0")\n'
            f"            .with_params(&[\n"
            f'                Param::new("nodeName", Location::Path, true),\n'
            f'                Param::new("timeout", Location::Query, false),\n'
            f"            ]);\n"
            f"        async move {{\n"
            f"            let mut request = RequestBuilder::new(&ENDPOINT, self);\n"
            f'            request.path_param("nodeName", &node_name);\n'
            f'            request.query("timeout", &timeout);\n'
            f"            call::<Self, Json<Info>>(self, request.build()).await\n"
            f"        }}\n"
            f"    }}\n"
        )
    if shape == 2:
        return doc + (
            f"    fn operation_{i}(\n"
            f"        &self,\n"
            f"        version: &str,\n"
            f"        timeout: Option<ServerTimeout>,\n"
            f"    ) -> impl Future<Output = Result<Info>> + Send {{\n"
            f'        static ENDPOINT: Endpoint = Endpoint::new("Operation{i}", Method::Get, "/$/Operation{i}", "6.0")\n'
            f"            .with_params(&[\n"
            f'                Param::new("ConfigurationApiVersion", Location::Query, true),\n'
            f'                Param::new("timeout", Location::Query, false),\n'
            f"            ]);\n"
            f"        async move {{\n"
            f"            let mut request = RequestBuilder::new(&ENDPOINT, self);\n"
            f'            request.query("ConfigurationApiVersion", &version);\n'
            f'            request.query("timeout", &timeout);\n'
            f"            call::<Self, Json<Info>>(self, request.build()).await\n"
            f"        }}\n"
            f"    }}\n"
        )
    return doc + (
        f"    fn operation_{i}(&self, application_id: &str) -> impl Future<Output = Result<()>> + Send {{\n"
        f'        static ENDPOINT: Endpoint = Endpoint::new("Operation{i}", Method::Delete, "/Applications/{{applicationId}}/$/Operation{i}", "6.0")\n'
        f'            .with_params(&[Param::new("applicationId", Location::Path, true)]);\n'
        f"        async move {{\n"
        f"            let mut request = RequestBuilder::new(&ENDPOINT, self);\n"
        f'            request.path_param("applicationId", &application_id);\n'
        f"            call::<Self, ()>(self, request.build()).await\n"
        f"        }}\n"
        f"    }}\n"
    )


def source(style: str, count: int, edit: int) -> str:
    header, operation = (HEADER_DECLARED, declared) if style == "declared" else (HEADER_BY_HAND, by_hand)
    body = "".join(operation(i) for i in range(count))
    # The edit of an incremental rebuild: the doc comment of the first operation.
    body = body.replace("    /// Operation 0.\n", f"    /// Operation 0 (edit {edit}).\n", 1)
    return header + body + FOOTER


def write_crate(root: Path, style: str, count: int) -> tuple[str, Path]:
    name = f"compile-time-{style}-{count}"
    crate = root / name
    (crate / "src").mkdir(parents=True, exist_ok=True)
    (crate / "Cargo.toml").write_text(
        f"""[package]
name = "{name}"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
fabric-rest = {{ path = "{REPO}" }}
serde = {{ version = "1", features = ["derive"] }}
"""
    )
    (crate / "src" / "lib.rs").write_text(source(style, count, 0))
    return name, crate


def cargo(args: list[str], crate: Path, target: Path) -> tuple[float, float]:
    """Runs cargo; returns wall-clock seconds and CPU seconds (user + system, cargo and rustc)."""
    env = dict(os.environ, CARGO_TARGET_DIR=str(target))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(["cargo", *args, "--quiet", "--manifest-path", str(crate / "Cargo.toml")], check=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--counts", type=int, nargs="+", default=[50, 250])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--optimize-macros", action="store_true")
    args = parser.parse_args()

    target_root = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    root = target_root / "compile-time"
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    # One workspace, so the dependencies are built once and shared by every crate.
    crates = {}
    for count in args.counts:
        for style in ("declared", "by_hand"):
            crates[(style, count)] = write_crate(root, style, count)
    members = ", ".join(f'"{name}"' for name, _ in crates.values())
    workspace = f'[workspace]\nmembers = [{members}]\nresolver = "3"\n'
    if args.optimize_macros:
        workspace += "\n[profile.dev.build-override]\nopt-level = 3\n"
    (root / "Cargo.toml").write_text(workspace)
    shutil.copy(REPO / "Cargo.lock", root / "Cargo.lock")
    target = root / "target"

    print("building dependencies once ...", file=sys.stderr)
    subprocess.run(
        ["cargo", "build", "--quiet", "--workspace", "--manifest-path", str(root / "Cargo.toml")],
        check=True,
        env=dict(os.environ, CARGO_TARGET_DIR=str(target)),
    )

    results = {}
    for (style, count), (name, crate) in crates.items():
        clean, incremental = [], []
        for run in range(args.runs):
            subprocess.run(
                ["cargo", "clean", "--quiet", "-p", name, "--manifest-path", str(crate / "Cargo.toml")],
                check=True,
                env=dict(os.environ, CARGO_TARGET_DIR=str(target)),
            )
            clean.append(cargo(["build"], crate, target))
            (crate / "src" / "lib.rs").write_text(source(style, count, run + 1))
            incremental.append(cargo(["build"], crate, target))
        results[(style, count)] = {
            ("clean", "wall"): statistics.median(w for w, _ in clean),
            ("clean", "cpu"): statistics.median(c for _, c in clean),
            ("incremental", "wall"): statistics.median(w for w, _ in incremental),
            ("incremental", "cpu"): statistics.median(c for _, c in incremental),
        }
        print(f"{name}: clean {clean}, incremental {incremental} (wall, cpu)", file=sys.stderr)

    print("| operations | build | declared wall (s) | by hand wall (s) | ratio | declared CPU (s) | by hand CPU (s) | ratio |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for count in args.counts:
        for build in ("clean", "incremental"):
            row = [f"| {count} | {build} "]
            for clock in ("wall", "cpu"):
                declared_s = results[("declared", count)][(build, clock)]
                by_hand_s = results[("by_hand", count)][(build, clock)]
                row.append(f"| {declared_s:.2f} | {by_hand_s:.2f} | {declared_s / by_hand_s:.2f} ")
            print("".join(row) + "|")
    return 0


if __name__ == "__main__":
    sys.exit(main())
