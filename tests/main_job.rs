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

/// A wait of any length that parses (here about 317 billion years) is "wait until done",
/// not an overflow; one that does not fit a duration is refused.
#[test]
fn the_longest_waits_do_not_overflow() {
    let (code, stdout, stderr) = run(&["--poll-interval", "0.05", "--wait-timeout", "1e19"]);
    assert_eq!(code, 0, "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(stdout.contains("Upgrade completed"), "{stdout}");
    let (code, _, stderr) = run(&["--wait-timeout", "1e30"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("1e30 seconds is too long"), "{stderr}");
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

/// Certificates for a secure emulator: a CA, a server certificate whose name is the
/// cluster's (not the loopback address it is reached at), and a client certificate.
struct Pki {
    dir: PathBuf,
    server_cert: String,
    server_key: String,
    ca: String,
}

fn pki() -> Pki {
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
    let dir = std::env::temp_dir().join(format!("fabric-rest-main-job-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ca_key = KeyPair::generate().unwrap();
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "fabric-rest test CA");
    let ca = ca_params.self_signed(&ca_key).unwrap();
    let issuer = Issuer::new(ca_params, ca_key);
    let issue = |cn: &str, names: Vec<String>| {
        let key = KeyPair::generate().unwrap();
        let mut params = CertificateParams::new(names).unwrap();
        params.distinguished_name.push(DnType::CommonName, cn);
        (params.signed_by(&key, &issuer).unwrap().pem(), key.serialize_pem())
    };
    let (server_cert, server_key) = issue("mycluster.example.com", vec!["mycluster.example.com".into()]);
    let (client_cert, client_key) = issue("admin", vec![]);
    std::fs::write(dir.join("ca.pem"), ca.pem()).unwrap();
    std::fs::write(dir.join("admin.pem"), &client_cert).unwrap();
    std::fs::write(dir.join("admin.key"), &client_key).unwrap();
    std::fs::write(
        dir.join("ClusterConfig.json"),
        include_str!("../examples/data/ClusterConfig.json"),
    )
    .unwrap();
    Pki {
        dir,
        server_cert,
        server_key,
        ca: ca.pem(),
    }
}

#[tokio::test]
async fn secure_cluster_with_client_certificate_and_server_common_name() {
    let pki = pki();
    let emulator = fabric_rest_emulator::Emulator::builder()
        .tls(pki.server_cert.clone(), pki.server_key.clone())
        .require_client_certificate(pki.ca.clone())
        .start()
        .await
        .unwrap();
    let base = emulator.base_url();
    assert!(base.starts_with("https://127.0.0.1:"));
    let file = |name: &str| pki.dir.join(name).to_str().unwrap().to_owned();
    let common = [
        "--endpoint".to_owned(),
        base.clone(),
        "--config".to_owned(),
        file("ClusterConfig.json"),
        "--ca".to_owned(),
        file("ca.pem"),
        "--server-cn".to_owned(),
        "mycluster.example.com".to_owned(),
        "--no-wait".to_owned(),
    ];

    let with_certificate: Vec<String> = common
        .iter()
        .cloned()
        .chain(["--pem".into(), file("admin.pem"), "--key".into(), file("admin.key")])
        .collect();
    let (code, stdout, stderr) =
        tokio::task::spawn_blocking(move || run(&with_certificate.iter().map(String::as_str).collect::<Vec<_>>()))
            .await
            .unwrap();
    assert_eq!(code, 0, "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(
        stdout.starts_with("The gateway accepted the configuration upgrade to version 2.0.0 ("),
        "{stdout}"
    );
    assert_eq!(emulator.requests().len(), 1);

    // Without the client certificate the gateway refuses with an empty 403, and the error
    // says what to check.
    let without = common.to_vec();
    let (code, _, stderr) =
        tokio::task::spawn_blocking(move || run(&without.iter().map(String::as_str).collect::<Vec<_>>()))
            .await
            .unwrap();
    assert_eq!(code, 1);
    assert!(
        stderr.starts_with("error: POST /$/StartClusterConfigurationUpgrade: 403 Client certificate required"),
        "{stderr}"
    );
    assert!(
        stderr.contains("the gateway requires a client certificate and none is configured"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&pki.dir).unwrap();
}
