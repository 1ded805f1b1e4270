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
        // Without --spec-examples, an operation it does not serve is unknown.
        let manifest = request(addr, "GET", "/$/GetClusterManifest?api-version=6.0", None).await;
        assert_eq!(manifest.status, 400);
        child.kill().await.expect("kill");
        let (mut child, url) = spawn(&["--port", "0", "--spec-examples"]).await;
        let addr = url.strip_prefix("http://").expect("http URL").parse().expect("address");
        let manifest = request(addr, "GET", "/$/GetClusterManifest?api-version=6.0", None).await;
        assert_eq!(manifest.status, 200);
        assert!(manifest.json()["Manifest"].is_string());
        child.kill().await.expect("kill");
    })
    .await;
}

#[test]
fn refuses_bad_arguments() {
    for (args, message) in [
        (
            &["--outcome", "maybe"][..],
            "invalid value 'maybe' for '--outcome <OUTCOME>'",
        ),
        (&["--port", "70000"], "invalid value '70000' for '--port <PORT>'"),
        (&["--port"], "a value is required for '--port <PORT>'"),
        (&["--step-ms", "-1"], "unexpected argument '-1' found"),
        (&["--bind", "127.0.0.1"], "unexpected argument '--bind' found"),
        (
            &["--node-health", "vm1=sick"],
            "invalid value 'vm1=sick' for '--node-health <NAME=STATE>': `sick` is not a health state (ok, warning, error)",
        ),
        (
            &["--port", "0", "--node-health", "vm9=ok"],
            "error: the cluster has no node vm9",
        ),
        (
            &["--host", "0.0.0.0"],
            "invalid value '0.0.0.0' for '--host <HOST>': `0.0.0.0` is not a loopback address (use 127.0.0.1 or ::1)",
        ),
        (
            &["--tls-cert", "cert.pem"],
            "the following required arguments were not provided:\n  --tls-key <FILE>",
        ),
        (
            &["--client-ca", "ca.pem"],
            "the following required arguments were not provided:\n  --tls-key <FILE>\n  --tls-cert <FILE>",
        ),
        (
            &[
                "--port",
                "0",
                "--tls-cert",
                "/nonexistent/cert.pem",
                "--tls-key",
                "/nonexistent/key.pem",
            ],
            "error: cannot read the certificate /nonexistent/cert.pem: No such file or directory (os error 2)",
        ),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_fabric-rest-emulator"))
            .args(args)
            .output()
            .expect("run");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
    let help = Command::new(env!("CARGO_BIN_EXE_fabric-rest-emulator"))
        .arg("--help")
        .output()
        .expect("run");
    assert!(help.status.success());
    let help = String::from_utf8_lossy(&help.stdout);
    for flag in [
        "--outcome",
        "--host",
        "--tls-cert",
        "--tls-key",
        "--client-ca",
        "--bearer-token",
        "--spec-examples",
        "--node-health",
        "--log-requests",
    ] {
        assert!(help.contains(flag), "{flag} missing from --help");
    }
}

/// Starts the binary with `args` and returns it with the base URL it printed.
async fn spawn(args: &[&str]) -> (tokio::process::Child, String) {
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_fabric-rest-emulator"))
        .args(args)
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("spawn");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    tokio::time::timeout(Duration::from_secs(20), stdout.read_line(&mut line))
        .await
        .expect("URL printed in time")
        .expect("read");
    (child, line.trim().to_owned())
}

/// One request over TLS to `addr`, trusting `ca`, with an optional client certificate.
async fn https_get(
    addr: std::net::SocketAddr,
    ca: &rcgen::Certificate,
    client: Option<(&rcgen::Certificate, &rcgen::KeyPair)>,
    head: &str,
) -> RawResponse {
    use rustls_pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer, ServerName};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let mut roots = rustls::RootCertStore::empty();
    roots.add(CertificateDer::from(ca.der().to_vec())).expect("CA");
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("versions")
        .with_root_certificates(roots);
    let config = match client {
        Some((cert, key)) => config
            .with_client_auth_cert(
                vec![CertificateDer::from(cert.der().to_vec())],
                PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
            )
            .expect("client certificate"),
        None => config.with_no_client_auth(),
    };
    let connector = tokio_rustls::TlsConnector::from(std::sync::Arc::new(config));
    let tcp = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let name = ServerName::IpAddress(addr.ip().into());
    let mut tls = connector.connect(name, tcp).await.expect("TLS handshake");
    let request = format!("GET {STATUS} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n{head}\r\n");
    tls.write_all(request.as_bytes()).await.expect("write");
    let mut bytes = Vec::new();
    // The gateway may close without close_notify; what arrived before counts.
    let _ = tls.read_to_end(&mut bytes).await;
    parse(&bytes)
}

#[tokio::test]
async fn serves_https_on_ipv6_with_client_certificates_and_a_token() {
    bounded(async {
        let dir = std::env::temp_dir().join(format!("fabric-rest-emulator-binary-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let ca_key = rcgen::KeyPair::generate().expect("key");
        let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).expect("params");
        ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        let ca = ca_params.self_signed(&ca_key).expect("CA");
        let issuer = rcgen::Issuer::new(ca_params, ca_key);
        let server_key = rcgen::KeyPair::generate().expect("key");
        let server = rcgen::CertificateParams::new(vec!["::1".to_owned()])
            .expect("params")
            .signed_by(&server_key, &issuer)
            .expect("server certificate");
        let client_key = rcgen::KeyPair::generate().expect("key");
        let client = rcgen::CertificateParams::new(vec!["operator".to_owned()])
            .expect("params")
            .signed_by(&client_key, &issuer)
            .expect("client certificate");
        let write = |name: &str, pem: String| {
            let path = dir.join(name);
            std::fs::write(&path, pem).expect("write PEM");
            path.to_str().expect("UTF-8 path").to_owned()
        };
        let cert = write("server.pem", server.pem());
        let key = write("server.key", server_key.serialize_pem());
        let client_ca = write("ca.pem", ca.pem());

        let (mut child, url) = spawn(&[
            "--port",
            "0",
            "--host",
            "::1",
            "--tls-cert",
            &cert,
            "--tls-key",
            &key,
            "--client-ca",
            &client_ca,
            "--bearer-token",
            "t0ken",
        ])
        .await;
        let addr: std::net::SocketAddr = url
            .strip_prefix("https://")
            .expect("https URL")
            .parse()
            .expect("address");
        assert_eq!(addr.ip(), std::net::Ipv6Addr::LOCALHOST);

        let ok = https_get(
            addr,
            &ca,
            Some((&client, &client_key)),
            "Authorization: Bearer t0ken\r\n",
        )
        .await;
        assert_eq!(ok.status, 200, "{}", ok.text());
        assert_eq!(ok.json()["ConfigVersion"], "1.0.0");

        let no_token = https_get(addr, &ca, Some((&client, &client_key)), "").await;
        assert_eq!((no_token.status, no_token.body.len()), (401, 0));

        let no_certificate = https_get(addr, &ca, None, "Authorization: Bearer t0ken\r\n").await;
        assert_eq!(no_certificate.status_line, "HTTP/1.1 403 Client certificate required");
        assert!(no_certificate.body.is_empty());

        child.kill().await.expect("kill");
        std::fs::remove_dir_all(&dir).expect("clean up");
    })
    .await;
}
