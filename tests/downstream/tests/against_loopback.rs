//! The crate's own declarations, called over loopback HTTP.

use fabric_rest::{Client, ServerTimeout};
use fabric_rest_downstream::{NodeInfo, NodeQueries, UpgradeProgress, UpgradeProgressQueries};
use fabric_rest_emulator::Emulator;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

#[tokio::test]
async fn path_parameter_is_percent_encoded_on_the_wire() {
    let emulator = Emulator::start().await.unwrap();
    let client = Client::new(&emulator.base_url()).unwrap();
    // The cluster has no such node: the emulator answers 204 No Content, as the gateway
    // does, which this declaration (200 only) reports as an error. What matters here is
    // the request line it received.
    let error = client
        .get_node_info("node 1/α~%", Some(ServerTimeout::seconds::<15>()))
        .await
        .unwrap_err();
    assert_eq!(error.status().unwrap().as_u16(), 204);
    assert_eq!(error.operation(), Some("GetNodeInfo"));
    assert_eq!(
        emulator.requests()[0].target,
        "/Nodes/node%201%2F%CE%B1~%25?api-version=6.0&timeout=15"
    );
}

#[tokio::test]
async fn json_body_decodes_into_the_crates_own_type() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(async move {
        let (mut stream, _) = listener.accept().await.unwrap();
        let mut request = Vec::new();
        let mut buf = [0u8; 4096];
        while !request.windows(4).any(|w| w == b"\r\n\r\n") {
            let n = stream.read(&mut buf).await.unwrap();
            assert!(n > 0);
            request.extend_from_slice(&buf[..n]);
        }
        let body = r#"{"Name":"_Node_0","NodeStatus":"Up","UpgradeDomain":"UD0","IsSeedNode":true}"#;
        let response = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(response.as_bytes()).await.unwrap();
        String::from_utf8(request).unwrap()
    });
    let client = Client::new(&base).unwrap();
    let node = client.get_node_info("_Node_0", None).await.unwrap();
    assert_eq!(
        node,
        NodeInfo {
            name: "_Node_0".into(),
            node_status: "Up".into(),
            upgrade_domain: "UD0".into(),
        }
    );
    let request = server.await.unwrap();
    assert!(
        request.starts_with("GET /Nodes/_Node_0?api-version=6.0 HTTP/1.1\r\n"),
        "{request}"
    );
}

#[tokio::test]
async fn status_from_the_emulator() {
    let emulator = Emulator::start().await.unwrap();
    let client = Client::new(&emulator.base_url()).unwrap();
    let progress = client.upgrade_progress().await.unwrap();
    assert_eq!(
        progress,
        UpgradeProgress {
            state: "RollingForwardCompleted".into(),
            version: "1.0.0".into(),
        }
    );
    assert_eq!(
        emulator.requests()[0].target,
        "/$/GetClusterConfigurationUpgradeStatus?api-version=6.0"
    );
}

#[test]
fn declarations_are_registered_beside_the_librarys_own() {
    let own = fabric_rest::endpoint("DownstreamUpgradeProgress").unwrap();
    assert_eq!(own.path(), "/$/GetClusterConfigurationUpgradeStatus");
    assert!(fabric_rest::endpoint("GetNodeInfo").is_some());
    assert!(fabric_rest::endpoint("StartClusterConfigurationUpgrade").is_some());
}
