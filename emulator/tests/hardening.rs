//! The emulator's own limits: a bounded record, no body read for a refused caller, and
//! loopback addresses only.

mod common;

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use common::{bounded, get};
use fabric_rest_emulator::Emulator;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

#[tokio::test]
async fn the_record_keeps_the_last_requests_only() {
    bounded(async {
        let emulator = Emulator::builder().record_limit(3).start().await.unwrap();
        for n in 0..5 {
            get(
                &emulator,
                &format!("/$/GetClusterConfigurationUpgradeStatus?api-version=6.0&n={n}"),
            )
            .await;
        }
        let kept: Vec<String> = emulator.requests().into_iter().map(|r| r.target).collect();
        assert_eq!(
            kept,
            (2..5)
                .map(|n| format!("/$/GetClusterConfigurationUpgradeStatus?api-version=6.0&n={n}"))
                .collect::<Vec<_>>()
        );
        assert_eq!(emulator.take_requests().len(), 3);
        assert!(emulator.requests().is_empty());

        let silent = Emulator::builder().record_limit(0).start().await.unwrap();
        get(&silent, "/$/GetClusterConfigurationUpgradeStatus?api-version=6.0").await;
        assert!(silent.requests().is_empty());
    })
    .await;
}

/// A caller without the token is answered before its body is read: here the body never
/// comes, and the 401 arrives all the same.
#[tokio::test]
async fn a_refused_caller_is_answered_before_its_body_is_read() {
    bounded(async {
        let emulator = Emulator::builder().require_bearer_token("token").start().await.unwrap();
        let mut stream = TcpStream::connect(emulator.addr()).await.unwrap();
        let head = "POST /$/StartClusterConfigurationUpgrade?api-version=3.0 HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 4194304\r\n\r\n";
        stream.write_all(head.as_bytes()).await.unwrap();
        let mut answer = vec![0u8; 1024];
        let read = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut answer))
            .await
            .expect("answered without waiting for the body")
            .unwrap();
        let answer = String::from_utf8_lossy(&answer[..read]).into_owned();
        assert!(answer.starts_with("HTTP/1.1 401 Unauthorized\r\n"), "{answer}");
        let recorded = emulator.requests();
        assert_eq!(recorded.len(), 1);
        assert!(recorded[0].body.is_empty());
    })
    .await;
}

#[tokio::test]
async fn only_loopback_addresses_are_served() {
    for ip in [IpAddr::V4(Ipv4Addr::UNSPECIFIED), IpAddr::V6(Ipv6Addr::UNSPECIFIED)] {
        let error = Emulator::builder()
            .bind(SocketAddr::from((ip, 0)))
            .start()
            .await
            .unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
        assert_eq!(
            error.to_string(),
            format!("the emulator listens on loopback addresses only (127.0.0.1, ::1), not {ip}")
        );
    }
}
