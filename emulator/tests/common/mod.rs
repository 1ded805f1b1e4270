//! A minimal HTTP/1.1 client over a raw loopback socket, so tests see the exact wire:
//! the status line with its reason phrase, every header, and the body bytes.

#![allow(dead_code)]

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use fabric_rest_emulator::{Emulator, SAMPLE_CLUSTER_CONFIG};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The longest any single test may run.
pub const TEST_LIMIT: Duration = Duration::from_secs(60);

/// Runs a test body, failing it instead of hanging past [`TEST_LIMIT`].
pub async fn bounded<F: Future<Output = ()>>(test: F) {
    tokio::time::timeout(TEST_LIMIT, test)
        .await
        .expect("test exceeded its time limit");
}

/// A response as read off the socket.
#[derive(Debug)]
pub struct RawResponse {
    pub status_line: String,
    pub status: u16,
    pub reason: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl RawResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("JSON body")
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// Asserts a FabricError answer: status, reason phrase, code and message.
    pub fn assert_error(&self, status: u16, code: &str, message: &str) {
        assert_eq!(self.status, status, "{}", self.text());
        assert_eq!(self.reason, code);
        assert_eq!(
            self.text(),
            format!(r#"{{"Error":{{"Code":"{code}","Message":{}}}}}"#, Value::from(message))
        );
        assert_eq!(self.header("content-type"), Some("application/json; charset=utf-8"));
    }
}

/// Sends raw bytes and reads the whole answer (the request must ask to close).
pub async fn send_raw(addr: SocketAddr, request: &[u8]) -> RawResponse {
    let exchange = async {
        let mut stream = TcpStream::connect(addr).await.expect("connect");
        stream.write_all(request).await.expect("write");
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).await.expect("read");
        bytes
    };
    let bytes = tokio::time::timeout(Duration::from_secs(20), exchange)
        .await
        .expect("answer within 20 s");
    parse(&bytes)
}

pub fn parse(bytes: &[u8]) -> RawResponse {
    let split = bytes.windows(4).position(|w| w == b"\r\n\r\n").expect("end of head");
    let head = String::from_utf8(bytes[..split].to_vec()).expect("ASCII head");
    let mut lines = head.split("\r\n");
    let status_line = lines.next().expect("status line").to_owned();
    let mut parts = status_line.splitn(3, ' ');
    let _version = parts.next();
    let status = parts.next().expect("status").parse().expect("numeric status");
    let reason = parts.next().unwrap_or("").to_owned();
    let headers: Vec<(String, String)> = lines
        .map(|line| {
            let (name, value) = line.split_once(':').expect("header line");
            (name.to_ascii_lowercase(), value.trim().to_owned())
        })
        .collect();
    let mut body = bytes[split + 4..].to_vec();
    if let Some(length) = headers.iter().find(|(n, _)| n == "content-length") {
        body.truncate(length.1.parse().expect("length"));
    }
    RawResponse {
        status_line,
        status,
        reason,
        headers,
        body,
    }
}

/// Sends one request with `target` exactly as given.
pub async fn request(addr: SocketAddr, method: &str, target: &str, body: Option<&[u8]>) -> RawResponse {
    let mut raw = format!("{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if let Some(body) = body {
        raw.push_str("Content-Type: application/json; charset=utf-8\r\n");
        raw.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    raw.push_str("\r\n");
    let mut raw = raw.into_bytes();
    raw.extend_from_slice(body.unwrap_or_default());
    send_raw(addr, &raw).await
}

pub async fn get(emulator: &Emulator, target: &str) -> RawResponse {
    request(emulator.addr(), "GET", target, None).await
}

pub async fn post(emulator: &Emulator, target: &str, body: &[u8]) -> RawResponse {
    request(emulator.addr(), "POST", target, Some(body)).await
}

/// The sample ClusterConfig at another `clusterConfigurationVersion`.
pub fn config_at(version: &str) -> String {
    SAMPLE_CLUSTER_CONFIG.replacen(
        r#""clusterConfigurationVersion": "1.0.0""#,
        &format!(r#""clusterConfigurationVersion": "{version}""#),
        1,
    )
}

/// A StartClusterConfigurationUpgrade body carrying `config`.
pub fn description(config: &str) -> Vec<u8> {
    serde_json::json!({ "ClusterConfig": config }).to_string().into_bytes()
}

pub const START: &str = "/$/StartClusterConfigurationUpgrade?api-version=3.0&timeout=60";
pub const STATUS: &str = "/$/GetClusterConfigurationUpgradeStatus?api-version=6.0";

/// Starts an upgrade to `version` and expects the 202.
pub async fn start_upgrade(emulator: &Emulator, version: &str) {
    let response = post(emulator, START, &description(&config_at(version))).await;
    assert_eq!(response.status, 202, "{}", response.text());
}

/// Reads the status over HTTP, expecting a 200.
pub async fn status(emulator: &Emulator) -> Value {
    let response = get(emulator, STATUS).await;
    assert_eq!(response.status, 200, "{}", response.text());
    response.json()
}

/// Polls the status until the upgrade settles; returns every distinct status seen.
pub async fn poll_until_settled(emulator: &Emulator, target_version: &str) -> Vec<Value> {
    let mut seen: Vec<Value> = Vec::new();
    for _ in 0..20_000 {
        let now = status(emulator).await;
        if seen.last() != Some(&now) {
            seen.push(now.clone());
        }
        let state = now["UpgradeState"].as_str().unwrap_or_default();
        // Just after a start the status still shows how the previous upgrade ended, which
        // may be `Failed` too: a failure only counts once this upgrade was seen running.
        let running = states(&seen).iter().any(|s| {
            s.starts_with("RollingForward") && s != "RollingForwardCompleted"
                || s.starts_with("RollingBack") && s != "RollingBackCompleted"
        });
        let settled = match state {
            "RollingForwardCompleted" => now["ConfigVersion"] == target_version,
            "Failed" | "RollingBackCompleted" => running,
            _ => false,
        };
        if settled {
            return seen;
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    panic!("upgrade did not settle; seen {seen:?}");
}

/// The `UpgradeState`s of `seen`, in order.
pub fn states(seen: &[Value]) -> Vec<String> {
    seen.iter()
        .map(|s| s["UpgradeState"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// Whether `expected` appears in `seen` in order (other entries may come between).
pub fn in_order(seen: &[String], expected: &[&str]) -> bool {
    let mut rest = seen.iter();
    expected.iter().all(|e| rest.any(|s| s == e))
}
