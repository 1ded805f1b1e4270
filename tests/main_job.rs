//! The main job as a user runs it: the example program against its embedded emulator.
//!
//! `cargo test` builds the examples before it runs the tests; run it (or
//! `cargo build --example start_cluster_configuration_upgrade`) before this file alone.

use std::path::PathBuf;
use std::process::{Command, Output};

fn program() -> PathBuf {
    let deps = std::env::current_exe().unwrap().parent().unwrap().to_path_buf();
    let path = deps
        .parent()
        .unwrap()
        .join("examples")
        .join("start_cluster_configuration_upgrade");
    assert!(
        path.exists(),
        "{} is not built: run `cargo build --example start_cluster_configuration_upgrade` first",
        path.display()
    );
    path
}

fn run(args: &[&str]) -> (i32, String, String) {
    let Output { status, stdout, stderr } = Command::new(program()).args(args).output().unwrap();
    (
        status.code().unwrap(),
        String::from_utf8(stdout).unwrap(),
        String::from_utf8(stderr).unwrap(),
    )
}

#[test]
fn upgrades_the_embedded_emulator_to_the_sample_version() {
    let (code, stdout, stderr) = run(&["--poll-interval", "0.05"]);
    assert_eq!(code, 0, "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert_eq!(stderr, "");
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("Started an embedded Service Fabric gateway at http://127.0.0.1:"));
    assert!(lines[1].starts_with("The gateway accepted the configuration upgrade to version 2.0.0 ("));
    let states: Vec<&str> = lines[2..lines.len() - 1]
        .iter()
        .map(|l| l.split_once("] ").unwrap().1)
        .collect();
    assert_eq!(
        states,
        [
            "RollingForwardCompleted at version 1.0.0 (0%)",
            "RollingForwardPending at version 1.0.0 (0%)",
            "RollingForwardInProgress at version 1.0.0 (0%) - Upgrading upgrade domain UD0 (1 of 3).",
            "RollingForwardInProgress at version 1.0.0 (33%) - Upgrading upgrade domain UD1 (2 of 3).",
            "RollingForwardInProgress at version 1.0.0 (66%) - Upgrading upgrade domain UD2 (3 of 3).",
            "RollingForwardCompleted at version 2.0.0 (100%)",
        ]
    );
    assert!(
        lines
            .last()
            .unwrap()
            .starts_with("Upgrade completed: the cluster runs configuration version 2.0.0 (")
    );
}

#[test]
fn out_of_range_timeouts_are_refused_before_sending() {
    for (value, shown) in [("0", "0 s"), ("4294967296", "4294967296 s")] {
        let (code, stdout, stderr) = run(&["--timeout", value]);
        assert_eq!(code, 2);
        assert_eq!(stdout, "", "nothing may start, not even the emulator");
        assert!(stderr.starts_with(&format!(
            "error: invalid value '{value}' for '--timeout <SECS>': server timeout of {shown} is out of range: it must be between 1 and 4294967295 seconds\n"
        )));
    }
}

#[test]
fn a_rejected_upgrade_exits_non_zero_with_the_gateway_error() {
    let config = std::env::temp_dir().join(format!("fabric-rest-same-version-{}.json", std::process::id()));
    let sample = include_str!("../examples/data/ClusterConfig.json");
    std::fs::write(&config, sample.replace("\"2.0.0\"", "\"1.0.0\"")).unwrap();
    let (code, stdout, stderr) = run(&["--config", config.to_str().unwrap()]);
    std::fs::remove_file(&config).unwrap();
    assert_eq!(code, 1);
    assert!(stdout.starts_with("Started an embedded Service Fabric gateway"));
    assert!(
        stderr.starts_with(
            "error: POST /$/StartClusterConfigurationUpgrade: 500 FABRIC_E_CONFIG_UPGRADE_FAILED: ValidationException: A configuration upgrade with identical configuration version is not allowed. [request id "
        ),
        "{stderr}"
    );
}

#[test]
fn no_wait_stops_after_the_202() {
    let (code, stdout, _) = run(&["--no-wait", "--timeout", "30", "--api-version", "6.0"]);
    assert_eq!(code, 0);
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    assert!(stdout.contains("The gateway accepted the configuration upgrade to version 2.0.0"));
}
