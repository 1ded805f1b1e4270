//! The `fabric-rest-emulator` binary.

mod common;

use std::process::{Command, Stdio};
use std::time::Duration;

use common::*;
use tokio::io::{AsyncBufReadExt, BufReader};

#[tokio::test]
async fn serves_on_loopback_and_prints_its_url() {
    bounded(async {
        let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_fabric-rest-emulator"))
            .args(["--port", "0", "--step-ms", "5", "--outcome", "fail"])
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("spawn");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        let mut stdout = BufReader::new(stdout);
        let read = stdout.read_line(&mut line);
        tokio::time::timeout(Duration::from_secs(20), read)
            .await
            .expect("URL printed in time")
            .expect("read");
        let url = line.trim();
        let addr = url
            .strip_prefix("http://")
            .expect("http URL")
            .parse::<std::net::SocketAddr>()
            .expect("socket address");
        assert!(addr.ip().is_loopback(), "{url}");
        let response = request(addr, "GET", STATUS, None).await;
        assert_eq!(response.status, 200);
        assert_eq!(response.json()["ConfigVersion"], "1.0.0");
        child.kill().await.expect("kill");
    })
    .await;
}

#[test]
fn refuses_bad_arguments() {
    for args in [
        &["--outcome", "maybe"][..],
        &["--port", "70000"],
        &["--port"],
        &["--step-ms", "-1"],
        &["--bind", "0.0.0.0"],
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_fabric-rest-emulator"))
            .args(args)
            .output()
            .expect("run");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("Usage:"));
    }
    let help = Command::new(env!("CARGO_BIN_EXE_fabric-rest-emulator"))
        .arg("--help")
        .output()
        .expect("run");
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("--outcome"));
}
