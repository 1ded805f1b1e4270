//! The second main job as a user runs it: the deploy example against its embedded emulator,
//! and against a gateway named with `--endpoint`.
//!
//! `cargo test` builds the examples before it runs the tests; run it (or
//! `cargo build --example deploy_application`) before this file alone.
#![cfg(all(feature = "image_store", feature = "applications", feature = "application_types"))]

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use fabric_rest_emulator::Emulator;

fn program() -> PathBuf {
    let deps = std::env::current_exe().unwrap().parent().unwrap().to_path_buf();
    let path = deps.parent().unwrap().join("examples").join("deploy_application");
    assert!(
        path.exists(),
        "{} is not built: run `cargo build --example deploy_application` first",
        path.display()
    );
    path
}

async fn run(args: &[&str]) -> (i32, String, String) {
    let Output { status, stdout, stderr } = tokio::process::Command::new(program())
        .args(args)
        .output()
        .await
        .unwrap();
    (
        status.code().unwrap(),
        String::from_utf8(stdout).unwrap(),
        String::from_utf8(stderr).unwrap(),
    )
}

/// The progress lines without their elapsed-time prefix.
fn steps(stdout: &str) -> Vec<&str> {
    stdout
        .lines()
        .map(|l| l.split_once("] ").map_or(l, |(_, rest)| rest))
        .collect()
}

#[tokio::test]
async fn deploys_the_sample_to_the_embedded_emulator() {
    let (code, stdout, stderr) = run(&["--poll-interval", "0.05"]).await;
    assert_eq!(code, 0, "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert_eq!(stderr, "");
    let lines = steps(&stdout);
    assert!(lines[0].starts_with("Started an embedded Service Fabric gateway at http://127.0.0.1:"));
    assert!(
        lines[1].starts_with("Uploading ") && lines[1].ends_with("examples/data/SamplePkg"),
        "{}",
        lines[1]
    );
    assert!(lines.contains(&"uploaded 4/4 files, 2.0 KiB of 2.0 KiB"), "{stdout}");
    let from_provision: Vec<&str> = lines
        .iter()
        .copied()
        .skip_while(|l| !l.starts_with("Provisioning"))
        .collect();
    assert_eq!(
        from_provision[..from_provision.len() - 1],
        [
            "Provisioning the application type",
            "SampleAppType 1.0.0 Provisioning",
            "SampleAppType 1.0.0 Available",
            "Creating fabric:/Sample",
            "fabric:/Sample Creating at SampleAppType 1.0.0",
            "fabric:/Sample Ready at SampleAppType 1.0.0",
        ]
    );
    assert!(
        from_provision
            .last()
            .unwrap()
            .starts_with("fabric:/Sample is Ready at SampleAppType 1.0.0 ("),
        "{stdout}"
    );
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[tokio::test]
async fn upgrades_an_application_on_a_named_gateway() {
    let emulator = Emulator::builder()
        .step(Duration::from_millis(30))
        .start()
        .await
        .unwrap();
    let url = emulator.base_url();
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/SamplePkg");
    let args = [
        "--endpoint",
        url.as_str(),
        "--poll-interval",
        "0.02",
        "--app-name",
        "fabric:/Voting",
    ];
    let (code, stdout, stderr) = run(&args).await;
    assert_eq!(code, 0, "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(
        stdout.ends_with(")\n") && stdout.contains("fabric:/Voting is Ready at SampleAppType 1.0.0"),
        "{stdout}"
    );

    let v2 = std::env::temp_dir()
        .join(format!("fabric-rest-deploy-job-{}", std::process::id()))
        .join("SamplePkg");
    let _ = std::fs::remove_dir_all(&v2);
    copy_tree(Path::new(sample), &v2);
    let manifest = v2.join("ApplicationManifest.xml");
    let text = std::fs::read_to_string(&manifest)
        .unwrap()
        .replace(r#"ApplicationTypeVersion="1.0.0""#, r#"ApplicationTypeVersion="2.0.0""#);
    std::fs::write(&manifest, text).unwrap();
    let mut upgrade = args.to_vec();
    upgrade.extend([
        "--package",
        v2.to_str().unwrap(),
        "--parameters",
        "Greeting=hej",
        "Web_InstanceCount=2",
    ]);
    let (code, stdout, stderr) = run(&upgrade).await;
    assert_eq!(code, 0, "stdout:\n{stdout}\nstderr:\n{stderr}");
    let lines = steps(&stdout);
    assert!(lines.contains(&"Upgrading fabric:/Voting"), "{stdout}");
    assert!(lines.contains(&"RollingForwardCompleted to 2.0.0"), "{stdout}");
    assert!(
        lines
            .last()
            .unwrap()
            .starts_with("fabric:/Voting was upgraded to 2.0.0 ("),
        "{stdout}"
    );
    let app = emulator.application("fabric:/Voting").unwrap();
    assert_eq!(app.type_version, "2.0.0");
    assert_eq!(
        app.parameters,
        [
            ("Greeting".to_owned(), "hej".to_owned()),
            ("Web_InstanceCount".to_owned(), "2".to_owned())
        ]
    );
}

#[tokio::test]
async fn bad_arguments_are_refused_before_anything_starts() {
    for (args, message) in [
        (vec!["--app-name", "Voting"], "--app-name"),
        (vec!["--parameters", "=x"], "\"=x\" is not KEY=VALUE"),
        (vec!["--upgrade-mode", "Fast"], "\"Fast\" is not Monitored"),
        (vec!["--timeout", "0"], "out of range"),
    ] {
        let (code, stdout, stderr) = run(&args).await;
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert_eq!(stdout, "", "{args:?}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
}
