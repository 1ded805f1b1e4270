//! A client pointed at a port that does not speak HTTP says so, once.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use fabric_rest_runtime::{Client, ErrorKind, RetryPolicy};
use support::{bounded, self_signed, status};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// What a listener does with each connection.
#[derive(Clone, Copy)]
enum Behaviour {
    /// Reads what arrives, answers bytes of a binary protocol, closes.
    Binary,
    /// Closes at once, before reading anything.
    Close,
}

/// A listener on a free loopback port; the counter says how many connections it took.
async fn listener(behaviour: Behaviour) -> (String, Arc<AtomicU32>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let accepted = Arc::new(AtomicU32::new(0));
    let counter = Arc::clone(&accepted);
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            counter.fetch_add(1, Ordering::SeqCst);
            match behaviour {
                Behaviour::Close => drop(stream),
                Behaviour::Binary => {
                    let mut buffer = [0u8; 4096];
                    let _ = tokio::time::timeout(Duration::from_secs(2), stream.read(&mut buffer)).await;
                    // A length-prefixed binary frame, as a Service Fabric client connection port sends.
                    let _ = stream
                        .write_all(&[0x1c, 0x00, 0x00, 0x00, 0xff, 0xd3, 0x01, 0x00, 0x02, 0x9a, 0x00])
                        .await;
                    let _ = stream.shutdown().await;
                }
            }
        }
    });
    (format!("http://{addr}"), accepted)
}

fn retrying(base: &str) -> Client {
    Client::builder(base)
        .retry_policy(
            RetryPolicy::default()
                .max_attempts(4)
                .backoff(Duration::from_millis(1), Duration::from_millis(5)),
        )
        .build()
        .unwrap()
}

const CHECK: &str = "the HTTP gateway usually listens on port 19080, while 19000 is the cluster's client connection port, which speaks a binary protocol; check the port, and the scheme (https for a secure cluster, http for an open one)";

/// The error's text without its request id, which changes every run.
fn text(error: &fabric_rest_runtime::Error) -> String {
    let text = error.display_chain().to_string();
    match text.find(" [request id ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

#[tokio::test]
async fn a_binary_protocol_is_named_once_not_retried() {
    bounded(async {
        let (base, accepted) = listener(Behaviour::Binary).await;
        let error = status(&retrying(&base)).await.unwrap_err();
        let server = base.strip_prefix("http://").unwrap();
        assert_eq!(
            text(&error),
            format!(
                "GET /$/GetClusterConfigurationUpgradeStatus: connection failed: {server} does not look like a Service Fabric HTTP gateway: its answer is not HTTP (invalid HTTP version parsed); {CHECK}"
            )
        );
        assert_eq!(error.kind(), ErrorKind::Transport);
        assert_eq!((error.attempts(), accepted.load(Ordering::SeqCst)), (1, 1));
    })
    .await;
}

#[tokio::test]
async fn a_port_that_closes_at_once_is_named_after_the_retries() {
    bounded(async {
        let (base, accepted) = listener(Behaviour::Close).await;
        let error = status(&retrying(&base)).await.unwrap_err();
        let server = base.strip_prefix("http://").unwrap();
        assert_eq!(
            text(&error),
            format!(
                "GET /$/GetClusterConfigurationUpgradeStatus: connection failed: {server} closed the connection without sending a status line; if that lasts, it may not be a Service Fabric HTTP gateway: {CHECK} (after 4 attempts)"
            )
        );
        // A gateway node going down closes connections the same way: an idempotent
        // request is tried again, a POST is not.
        assert_eq!((error.attempts(), accepted.load(Ordering::SeqCst)), (4, 4));
        let (base, accepted) = listener(Behaviour::Close).await;
        let error = support::set_state(&retrying(&base)).await.unwrap_err();
        assert_eq!((error.attempts(), accepted.load(Ordering::SeqCst)), (1, 1));
        assert_eq!(error.kind(), ErrorKind::Transport);
    })
    .await;
}

#[tokio::test]
async fn the_wrong_scheme_either_way_is_named() {
    bounded(async {
        let plain = fabric_rest_emulator::Emulator::start().await.unwrap();
        let https = plain.base_url().replace("http:", "https:");
        let error = status(&retrying(&https)).await.unwrap_err();
        assert_eq!(
            text(&error),
            format!(
                "GET /$/GetClusterConfigurationUpgradeStatus: cannot connect to the gateway: the TLS handshake failed (received corrupt message of type InvalidContentType): the server does not look like a Service Fabric HTTP gateway over https; {CHECK}"
            )
        );
        assert_eq!(error.attempts(), 1);

        let leaf = self_signed("localhost", &["localhost", "127.0.0.1"]);
        let secure = fabric_rest_emulator::Emulator::builder()
            .tls(leaf.cert_pem.clone(), leaf.key_pem.clone())
            .start()
            .await
            .unwrap();
        let http = secure.base_url().replace("https:", "http:");
        let error = status(&retrying(&http)).await.unwrap_err();
        assert_eq!(
            text(&error),
            format!(
                "GET /$/GetClusterConfigurationUpgradeStatus: connection failed: {} does not look like a Service Fabric HTTP gateway: its answer is not HTTP (invalid HTTP version parsed); {CHECK}",
                secure.addr()
            )
        );
        assert_eq!(error.attempts(), 1);
        // The real gateway, for contrast, answers and is retried as usual.
        assert!(status(&retrying(&plain.base_url())).await.is_ok());
    })
    .await;
}
