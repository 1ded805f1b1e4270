//! Package upload throughput over loopback: fabric-rest's `upload_package` against the
//! official CLI (`sfctl application upload`, 11.2.1), both to the same in-process emulator,
//! taking turns, with the bytes in the emulator's image store checked after every run.
//!
//! ```text
//! cargo run --release -p fabric-rest-benches --example upload_vs_sfctl -- [--rounds 3]
//!     [--files 1000] [--total-mib 200] [--max-file-kib 10240]
//! ```
//!
//! The package is generated (deterministically) under the target directory: an
//! `ApplicationManifest.xml` and `--files` files in ten service folders, sizes spread
//! log-uniformly from 1 KiB to `--max-file-kib`, `--total-mib` in all. sfctl comes from
//! `scripts/sfctl_venv.py` (a virtual environment under the target directory); when the
//! package index cannot be reached, only fabric-rest runs, and the output says so.
//!
//! fabric-rest runs in a child process (this program with `--child`), so its peak memory
//! (`VmHWM`) is its own and not the emulator's.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use fabric_rest::Client;
use fabric_rest::image_store::ImageStore;
use fabric_rest::image_store::upload::{UploadOptions, upload_package};
use fabric_rest_emulator::Emulator;

const KIB: u64 = 1024;
const MIB: u64 = 1024 * 1024;

/// A small generator of reproducible numbers (64-bit xorshift).
struct Numbers(u64);

impl Numbers {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// `files` sizes from 1 KiB to `max` (both present), spread as `1 KiB × (max / 1 KiB)^(uᵏ)`
/// for uniform `u`, with `k` chosen so that they make `total` bytes in all.
fn sizes(files: usize, total: u64, max: u64) -> Vec<u64> {
    let mut numbers = Numbers(0x9e37_79b9_7f4a_7c15);
    let mut draws: Vec<f64> = (0..files).map(|_| numbers.unit()).collect();
    if let [first, second, ..] = draws.as_mut_slice() {
        (*first, *second) = (1.0, 0.0);
    }
    let ratio = max as f64 / KIB as f64;
    let spread = |k: f64| -> Vec<u64> {
        draws
            .iter()
            .map(|u| (KIB as f64 * ratio.powf(u.powf(k))) as u64)
            .collect()
    };
    let (mut low, mut high) = (0.01_f64, 1000.0_f64);
    for _ in 0..100 {
        let k = (low * high).sqrt();
        if spread(k).iter().sum::<u64>() > total {
            low = k;
        } else {
            high = k;
        }
    }
    let mut sizes = spread(high);
    // Whatever rounding left goes to the smallest file that can take it.
    let sum: u64 = sizes.iter().sum();
    if let Some(smallest) = sizes.iter_mut().min() {
        *smallest += total.saturating_sub(sum).min(max - *smallest);
    }
    sizes
}

/// Writes the package under `root`; its folder and its files' relative paths.
fn generate(root: &Path, sizes: &[u64]) -> (PathBuf, Vec<String>) {
    let package = root.join("BenchPkg");
    let _ = std::fs::remove_dir_all(&package);
    std::fs::create_dir_all(&package).expect("package folder");
    let manifest = r#"<?xml version="1.0" encoding="utf-8"?>
<ApplicationManifest xmlns="http://schemas.microsoft.com/2011/01/fabric" ApplicationTypeName="BenchType" ApplicationTypeVersion="1.0.0" />
"#;
    std::fs::write(package.join("ApplicationManifest.xml"), manifest).expect("manifest");
    let mut files = vec!["ApplicationManifest.xml".to_owned()];
    let mut numbers = Numbers(42);
    for (i, size) in sizes.iter().enumerate() {
        let relative = format!("Svc{}Pkg/Code/file{i:04}.bin", i % 10);
        let path = package.join(&relative);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
        let bytes: Vec<u8> = (0..*size).map(|_| numbers.next() as u8).collect();
        std::fs::write(&path, bytes).expect("file");
        files.push(relative);
    }
    (package, files)
}

/// Whether the image store holds every file of the package at `BenchPkg/`, byte for byte,
/// and a `_.dir` marker in every folder.
fn same_bytes(emulator: &Emulator, package: &Path, files: &[String]) -> Result<(), String> {
    for file in files {
        let stored = emulator
            .image_store_file(&format!("BenchPkg/{file}"))
            .ok_or_else(|| format!("{file} is missing"))?;
        let local = std::fs::read(package.join(file)).map_err(|e| e.to_string())?;
        if stored != local {
            return Err(format!("{file} differs"));
        }
    }
    let paths = emulator.image_store_paths();
    let markers = paths.iter().filter(|p| p.ends_with("/_.dir")).count();
    // The root, ten service folders and their Code folders.
    match markers {
        21 => Ok(()),
        n => Err(format!("{n} folder markers instead of 21")),
    }
}

/// The child: uploads `dir` to `destination` and prints `<bytes> <peak KiB>`.
fn child(url: &str, dir: &Path, destination: &str) {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let report = runtime.block_on(async {
        let client = Client::new(url).expect("client");
        upload_package(&client, dir, destination, UploadOptions::default(), |_| {}).await
    });
    let report = report.unwrap_or_else(|e| panic!("upload failed: {e}"));
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .unwrap_or(0);
    println!("{} {peak}", report.bytes);
}

/// The sfctl program, or why there is none.
fn sfctl() -> Result<PathBuf, String> {
    let target = std::env::var("CARGO_TARGET_DIR")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../target").to_owned());
    let venv = Path::new(&target).join("tmp/sfctl-11.2.1");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/sfctl_venv.py");
    let status = Command::new("python3")
        .arg(script)
        .arg(&venv)
        .status()
        .map_err(|e| e.to_string())?;
    match status.code() {
        Some(0) => Ok(venv.join("bin/sfctl")),
        Some(75) => Err("the package index cannot be reached".to_owned()),
        _ => Err(format!("installing sfctl failed: {status}")),
    }
}

fn sfctl_command(program: &Path, home: &Path) -> Command {
    let mut command = Command::new(program);
    command
        .env("HOME", home)
        .env("SFCTL_SERVICEFABRIC_USE_TELEMETRY", "false")
        .env("NO_PROXY", "127.0.0.1,localhost,::1")
        .env("no_proxy", "127.0.0.1,localhost,::1");
    for proxy in [
        "http_proxy",
        "https_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ] {
        command.env_remove(proxy);
    }
    command
}

struct Settings {
    rounds: usize,
    files: usize,
    total: u64,
    max: u64,
}

fn settings(args: &[String]) -> Settings {
    let value = |name: &str, default: u64| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .map_or(default, |v| {
                v.parse().unwrap_or_else(|_| panic!("{name} takes a number"))
            })
    };
    Settings {
        rounds: value("--rounds", 3) as usize,
        files: value("--files", 1000) as usize,
        total: value("--total-mib", 200) * MIB,
        max: value("--max-file-kib", 10 * 1024) * KIB,
    }
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values.get(values.len() / 2).copied().unwrap_or_default()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--child") {
        return child(&args[2], Path::new(&args[3]), &args[4]);
    }
    let settings = settings(&args);
    let sizes = sizes(settings.files, settings.total, settings.max);
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../target/tmp/upload-bench")).to_path_buf();
    let (package, files) = generate(&root, &sizes);
    let bytes: u64 =
        sizes.iter().sum::<u64>() + std::fs::metadata(package.join("ApplicationManifest.xml")).map_or(0, |m| m.len());
    println!(
        "package: {} files, {:.1} MiB, smallest {} B, largest {:.1} MiB, {} over the gateway's 4 MiB body limit",
        files.len(),
        bytes as f64 / MIB as f64,
        sizes.iter().min().unwrap_or(&0),
        *sizes.iter().max().unwrap_or(&0) as f64 / MIB as f64,
        sizes.iter().filter(|s| **s > 4 * MIB).count()
    );
    let sfctl = sfctl();
    if let Err(why) = &sfctl {
        println!("sfctl skipped: {why}");
    }
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let emulator = runtime.block_on(async {
        Emulator::builder()
            .record_limit(16)
            .image_store_bytes(4 * 1024 * MIB)
            .start()
            .await
            .expect("emulator")
    });
    let url = emulator.base_url();
    let client = Client::new(&url).expect("client");
    let clear = || {
        runtime.block_on(async {
            let _ = client.delete_image_store_content("BenchPkg", None).await;
        })
    };
    let home = root.join("sfctl-home");
    std::fs::create_dir_all(home.join(".sfctl")).expect("home");
    std::fs::write(home.join(".sfctl/config"), "[servicefabric]\nuse_telemetry = false\n").expect("config");
    if let Ok(program) = &sfctl {
        let status = sfctl_command(program, &home)
            .args(["cluster", "select", "--endpoint", &url])
            .status()
            .expect("sfctl runs");
        assert!(status.success(), "sfctl cluster select failed");
    }
    let me = std::env::current_exe().expect("this program");
    let (mut ours, mut theirs, mut peaks) = (Vec::new(), Vec::new(), Vec::new());
    let mut sfctl_failure = None;
    for round in 0..settings.rounds {
        for turn in 0..2 {
            clear();
            let fabric_rest_first = round % 2 == 0;
            if (turn == 0) == fabric_rest_first {
                let started = Instant::now();
                let output = Command::new(&me)
                    .args(["--child", &url, package.to_str().expect("path"), "BenchPkg"])
                    .output()
                    .expect("child runs");
                let elapsed = started.elapsed();
                assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
                let text = String::from_utf8_lossy(&output.stdout);
                let peak: u64 = text.split_whitespace().nth(1).and_then(|p| p.parse().ok()).unwrap_or(0);
                same_bytes(&emulator, &package, &files).unwrap_or_else(|e| panic!("fabric-rest: {e}"));
                println!(
                    "round {round}: fabric-rest {:.2} s, peak {:.1} MiB",
                    elapsed.as_secs_f64(),
                    peak as f64 / 1024.0
                );
                ours.push(elapsed);
                peaks.push(peak);
            } else if let Ok(program) = &sfctl {
                let started = Instant::now();
                let output = sfctl_command(program, &home)
                    .args([
                        "application",
                        "upload",
                        "--path",
                        package.to_str().expect("path"),
                        "--timeout",
                        "3600",
                    ])
                    .output()
                    .expect("sfctl runs");
                let elapsed = started.elapsed();
                if !output.status.success() {
                    let text =
                        String::from_utf8_lossy(&output.stdout).to_string() + &String::from_utf8_lossy(&output.stderr);
                    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("").to_owned();
                    println!(
                        "round {round}: sfctl failed after {:.2} s: {line}",
                        elapsed.as_secs_f64()
                    );
                    sfctl_failure = Some(line);
                    continue;
                }
                same_bytes(&emulator, &package, &files).unwrap_or_else(|e| panic!("sfctl: {e}"));
                println!("round {round}: sfctl {:.2} s", elapsed.as_secs_f64());
                theirs.push(elapsed);
            }
        }
    }
    let mib = bytes as f64 / MIB as f64;
    let ours = median(ours);
    println!(
        "fabric-rest: median {:.2} s, {:.1} MiB/s, peak memory {:.1} MiB (highest of {} runs)",
        ours.as_secs_f64(),
        mib / ours.as_secs_f64(),
        *peaks.iter().max().unwrap_or(&0) as f64 / 1024.0,
        peaks.len()
    );
    if !theirs.is_empty() {
        let theirs = median(theirs);
        println!(
            "sfctl:       median {:.2} s, {:.1} MiB/s; fabric-rest is {:.2} times as fast",
            theirs.as_secs_f64(),
            mib / theirs.as_secs_f64(),
            theirs.as_secs_f64() / ours.as_secs_f64()
        );
    } else if let Some(line) = sfctl_failure {
        println!("sfctl:       could not upload this package: {line}");
    }
}
