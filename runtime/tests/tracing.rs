//! The `tracing` span of a request. It runs in a process of its own: its subscriber is set
//! for its thread only, and `tracing` may cache a call site as disabled when another test
//! thread reaches it first, which made this test flaky next to others.

mod support;

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use fabric_rest_emulator::{Emulator, Fault};
use fabric_rest_runtime::{Client, RetryPolicy};
use support::{Authority, bounded, status};

/// Collects what a `tracing` subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn one_span_per_request_with_its_fields_and_no_secrets() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    bounded(async {
        // A token goes out over https only.
        let ca = Authority::new("fabric-rest tracing test CA");
        let leaf = ca.issue("gateway", &["127.0.0.1"]);
        let emulator = Emulator::builder()
            .tls(leaf.cert_pem, leaf.key_pem)
            .start()
            .await
            .unwrap();
        emulator.inject(Fault::unavailable(), 1);
        let client = Client::builder(&emulator.base_url())
            .ca_certificates_pem(ca.pem())
            .retry_policy(RetryPolicy::default().backoff(Duration::from_millis(2), Duration::from_millis(10)))
            .bearer_token("top-secret-token")
            .build()
            .unwrap();
        status(&client).await.unwrap();
        // The span names the call; each attempt's header adds its number.
        let header = emulator.requests()[0]
            .header("x-servicefabricrequestid")
            .unwrap()
            .to_owned();
        let id = header.strip_suffix(":1").expect(&header);
        let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
        assert!(!logs.contains("top-secret-token"), "{logs}");
        let closed = logs.lines().find(|l| l.contains("close")).expect(&logs);
        for field in [
            "fabric_request{".to_owned(),
            "operation=\"GetClusterConfigurationUpgradeStatus\"".to_owned(),
            "method=GET".to_owned(),
            "path=\"/$/GetClusterConfigurationUpgradeStatus\"".to_owned(),
            "api_version=\"6.0\"".to_owned(),
            format!("request_id=\"{id}\""),
            "attempt=2".to_owned(),
            format!("endpoint=\"{}\"", emulator.base_url()),
            "status=200".to_owned(),
            "duration_ms=".to_owned(),
        ] {
            assert!(closed.contains(&field), "{field} missing from {closed}");
        }
        assert!(logs.contains("retrying"), "{logs}");
    })
    .await;
}
