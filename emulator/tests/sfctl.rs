//! The official command line, sfctl 11.2.1, against the `fabric-rest-emulator` binary: it
//! connects, lists, upgrades the configuration, uploads a package, provisions it and
//! creates an application.
//!
//! `scripts/sfctl_venv.py` makes (once) a Python virtual environment holding sfctl under
//! the target directory; CI runs it before the tests. The test skips, saying so, only when
//! the package index cannot be reached; any other trouble installing sfctl fails it.

mod common;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use common::*;
use fabric_rest_emulator::SAMPLE_CLUSTER_CONFIG;
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

/// What `scripts/sfctl_venv.py` exits with when the package index cannot be reached.
const NO_NETWORK: i32 = 75;

/// Durations for every field sfctl would otherwise send as `P0D`. Each must be above zero
/// and below a day: sfctl rewrites a duration through Python's `timedelta`, and writes zero
/// as `P0D` and whole days as `P1D`, both of which the gateway refuses.
const DURATIONS: [&str; 10] = [
    "--health-check-retry",
    "PT1S",
    "--health-check-wait",
    "PT1S",
    "--health-check-stable",
    "PT1S",
    "--upgrade-domain-timeout",
    "PT1H",
    "--upgrade-timeout",
    "PT2H",
];

/// The virtual environment, made if needed; `None` when the package index cannot be
/// reached.
fn sfctl_venv() -> Option<PathBuf> {
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sfctl-11.2.1");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/sfctl_venv.py");
    let output = std::process::Command::new("python3")
        .arg(&script)
        .arg(&venv)
        .output()
        .expect("python3 runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    match output.status.code() {
        Some(0) => Some(venv),
        Some(NO_NETWORK) => {
            println!("skipped: sfctl cannot be installed because the package index cannot be reached: {stderr}");
            None
        }
        _ => panic!("installing sfctl failed ({}): {stderr}", output.status),
    }
}

/// An sfctl run isolated from the user's own settings: its own home, no telemetry, no
/// proxy between it and the loopback emulator.
struct Sfctl {
    program: PathBuf,
    home: PathBuf,
}

impl Sfctl {
    fn new(venv: &Path) -> Sfctl {
        let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("sfctl-home-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&home);
        std::fs::create_dir_all(home.join(".sfctl")).expect("home");
        std::fs::write(home.join(".sfctl/config"), "[servicefabric]\nuse_telemetry = false\n").expect("config");
        Sfctl {
            program: venv.join("bin/sfctl"),
            home,
        }
    }

    /// Runs sfctl with `args`: its exit success, standard output and standard error.
    async fn run(&self, args: &[&str]) -> (bool, String, String) {
        let mut command = Command::new(&self.program);
        command
            .args(args)
            .env("HOME", &self.home)
            .env("SFCTL_SERVICEFABRIC_USE_TELEMETRY", "false");
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
            .env("NO_PROXY", "127.0.0.1,localhost,::1")
            .env("no_proxy", "127.0.0.1,localhost,::1");
        let output = tokio::time::timeout(Duration::from_secs(60), command.output())
            .await
            .expect("sfctl finishes in time")
            .expect("sfctl runs");
        let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
        (output.status.success(), text(&output.stdout), text(&output.stderr))
    }

    /// Runs sfctl, expecting success and JSON on standard output.
    async fn json(&self, args: &[&str]) -> Value {
        let (ok, stdout, stderr) = self.run(args).await;
        assert!(ok, "sfctl {args:?} failed: {stderr}");
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("sfctl {args:?} printed no JSON ({e}): {stdout}"))
    }
}

impl Drop for Sfctl {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.home);
    }
}

/// The emulator binary, with the lines it logs on standard error collected.
async fn emulator() -> (Child, std::net::SocketAddr, tokio::task::JoinHandle<Vec<String>>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fabric-rest-emulator"))
        .args([
            "--port",
            "0",
            "--step-ms",
            "20",
            "--node-health",
            "vm1=warning",
            "--log-requests",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("spawn");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut url = String::new();
    tokio::time::timeout(Duration::from_secs(20), stdout.read_line(&mut url))
        .await
        .expect("URL printed in time")
        .expect("read");
    let addr = url
        .trim()
        .strip_prefix("http://")
        .expect("http URL")
        .parse()
        .expect("address");
    let mut stderr = BufReader::new(child.stderr.take().expect("stderr")).lines();
    let log = tokio::spawn(async move {
        let mut lines = Vec::new();
        while let Ok(Some(line)) = stderr.next_line().await {
            lines.push(line);
        }
        lines
    });
    (child, addr, log)
}

fn nodes_of(list: &Value, key: &str) -> Vec<(String, String)> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|n| {
            (
                n["name"].as_str().expect("name").to_owned(),
                n[key].as_str().expect(key).to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn sfctl_connects_lists_upgrades_and_deploys() {
    let Some(venv) = sfctl_venv() else {
        return;
    };
    bounded(async {
        let sfctl = Sfctl::new(&venv);
        let (mut child, addr, log) = emulator().await;
        let endpoint = format!("http://{addr}");

        let (ok, _, stderr) = sfctl.run(&["cluster", "select", "--endpoint", &endpoint]).await;
        assert!(ok, "select: {stderr}");

        // What sfctl prints is what the emulator holds: its ClusterConfig's nodes, vm1
        // in Warning as the binary was told, and the cluster as bad as its worst node.
        let held = request(addr, "GET", "/Nodes?api-version=6.3", None).await.json();
        let health = sfctl.json(&["cluster", "health"]).await;
        assert_eq!(health["aggregatedHealthState"], "Warning");
        let states = nodes_of(&health["nodeHealthStates"], "aggregatedHealthState");
        let expected: Vec<(String, String)> = [("vm0", "Ok"), ("vm1", "Warning"), ("vm2", "Ok")]
            .iter()
            .map(|(n, s)| (n.to_string(), s.to_string()))
            .collect();
        assert_eq!(states, expected);

        let nodes = sfctl.json(&["node", "list"]).await;
        let listed = &nodes["items"];
        assert_eq!(nodes_of(listed, "healthState"), expected);
        assert_eq!(
            nodes_of(listed, "upgradeDomain"),
            [("vm0", "UD0"), ("vm1", "UD1"), ("vm2", "UD2")].map(|(n, u)| (n.to_owned(), u.to_owned()))
        );
        for (printed, held) in listed
            .as_array()
            .expect("items")
            .iter()
            .zip(held["Items"].as_array().expect("items"))
        {
            assert_eq!(printed["id"]["id"], held["Id"]["Id"]);
            assert_eq!(printed["faultDomain"], held["FaultDomain"]);
            assert_eq!(printed["configVersion"], "1.0.0");
        }

        // sfctl's defaults send P0D for every duration, which the gateway refuses.
        let target = SAMPLE_CLUSTER_CONFIG.replacen("\"1.0.0\"", "\"2.0.0\"", 1);
        let (ok, _, stderr) = sfctl
            .run(&["sa-cluster", "config-upgrade", "--cluster-config", &target])
            .await;
        assert!(!ok);
        assert!(stderr.contains("(E_INVALIDARG) Invalid argument"), "{stderr}");

        let mut upgrade = vec!["sa-cluster", "config-upgrade", "--cluster-config", &target];
        upgrade.extend(DURATIONS);
        let (ok, stdout, stderr) = sfctl.run(&upgrade).await;
        assert!(ok, "config-upgrade: {stderr}");
        assert_eq!(stdout, "");

        let mut seen = Vec::new();
        for _ in 0..200 {
            let status = sfctl.json(&["sa-cluster", "upgrade-status"]).await;
            let state = status["upgradeState"].as_str().expect("state").to_owned();
            if seen.last() != Some(&state) {
                seen.push(state.clone());
            }
            if state == "RollingForwardCompleted" && status["configVersion"] == "2.0.0" {
                assert_eq!(status["progressStatus"], 100);
                break;
            }
        }
        assert_eq!(
            seen.last().map(String::as_str),
            Some("RollingForwardCompleted"),
            "{seen:?}"
        );
        assert!(seen.iter().any(|s| s == "RollingForwardInProgress"), "{seen:?}");
        let held = request(addr, "GET", STATUS, None).await.json();
        assert_eq!(held["ConfigVersion"], "2.0.0");
        let nodes = sfctl.json(&["node", "list"]).await;
        let versions = nodes_of(&nodes["items"], "configVersion");
        assert!(versions.iter().all(|(_, v)| v == "2.0.0"), "{versions:?}");

        // A package goes up, is provisioned and becomes an application, as the emulator
        // holds them.
        let package = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data/SamplePkg");
        let (ok, stdout, stderr) = sfctl.run(&["application", "upload", "--path", package]).await;
        assert!(ok, "upload: {stderr}");
        assert_eq!(stdout, "");
        let listed = request(addr, "GET", "/ImageStore/SamplePkg/WebPkg/Code?api-version=6.2", None)
            .await
            .json();
        let files: Vec<&str> = listed["StoreFiles"]
            .as_array()
            .expect("files")
            .iter()
            .map(|f| f["StoreRelativePath"].as_str().expect("path"))
            .collect();
        assert_eq!(files, ["SamplePkg/WebPkg/Code/_.dir", "SamplePkg/WebPkg/Code/run.sh"]);
        let (ok, stdout, stderr) = sfctl
            .run(&["application", "provision", "--application-type-build-path", "SamplePkg"])
            .await;
        assert!(ok, "provision: {stderr}");
        assert_eq!(stdout, "");
        let types = sfctl.json(&["application", "type-list"]).await;
        let sample = &types["items"][0];
        assert_eq!(
            (&sample["name"], &sample["version"], &sample["status"]),
            (&"SampleAppType".into(), &"1.0.0".into(), &"Available".into())
        );
        assert_eq!(sample["defaultParameterList"][1]["value"], "Hello from fabric-rest");
        let (ok, _, stderr) = sfctl
            .run(&[
                "application",
                "create",
                "--app-name",
                "fabric:/Sfctl",
                "--app-type",
                "SampleAppType",
                "--app-version",
                "1.0.0",
                "--parameters",
                r#"{"Greeting": "hej"}"#,
            ])
            .await;
        assert!(ok, "create: {stderr}");
        let mut listed = Value::Null;
        for _ in 0..100 {
            listed = sfctl.json(&["application", "list"]).await;
            if listed["items"][0]["status"] == "Ready" {
                break;
            }
        }
        let app = &listed["items"][0];
        let held = request(addr, "GET", "/Applications/Sfctl?api-version=6.0", None).await.json();
        assert_eq!(held["Status"], "Ready");
        assert_eq!(app["name"], held["Name"]);
        assert_eq!(app["id"], held["Id"]);
        assert_eq!(app["status"], held["Status"]);
        assert_eq!((&app["typeName"], &app["typeVersion"]), (&held["TypeName"], &held["TypeVersion"]));
        assert_eq!(app["parameters"][0]["key"], "Greeting");
        assert_eq!(app["parameters"][0]["value"], "hej");

        child.kill().await.expect("kill");
        let log = log.await.expect("log");
        // Every request sfctl sent fits its operation, and sfctl asked what a client asks
        // on connecting.
        let unmatched: Vec<&String> = log.iter().filter(|l| l.starts_with("unmatched:")).collect();
        assert!(unmatched.is_empty(), "{unmatched:#?}");
        for line in [
            "request: GET /",
            "request: GET /$/GetClusterVersion?api-version=6.4&timeout=60",
            "request: GET /$/GetClusterHealth?api-version=6.0&NodesHealthStateFilter=0&ApplicationsHealthStateFilter=0&EventsHealthStateFilter=0&ExcludeHealthStatistics=false&IncludeSystemApplicationHealthStatistics=false&timeout=60",
            "request: GET /Nodes?api-version=6.3&NodeStatusFilter=default&MaxResults=0&timeout=60",
            "request: POST /$/StartClusterConfigurationUpgrade?api-version=6.0&timeout=60",
            "request: GET /$/GetClusterConfigurationUpgradeStatus?api-version=6.0&timeout=60",
            "request: POST /ApplicationTypes/$/Provision?api-version=6.2&timeout=60",
            "request: POST /Applications/$/Create?api-version=6.0&timeout=60",
        ] {
            assert!(log.iter().any(|l| l == line), "{line} not in {log:#?}");
        }
        // sfctl writes each folder's marker after its files, its server timeout what is left
        // of its 300 seconds.
        let marker = "request: PUT /ImageStore/SamplePkg/WebPkg/Code/_.dir?api-version=6.1&timeout=";
        assert!(log.iter().any(|l| l.starts_with(marker)), "{log:#?}");
    })
    .await;
}
