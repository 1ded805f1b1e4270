//! A test a user writes: the emulator scripts the crate's own operation and a library
//! operation, and tells the test where a declaration does not fit the gateway.

use fabric_rest::nodes::Nodes;
use fabric_rest::{Client, Result, Transport, fabric_endpoint};
use fabric_rest_downstream::{NodeInfo, NodeQueries};
use fabric_rest_emulator::{Answer, Emulator, Problem, Script};
use serde::Deserialize;
use serde_json::json;

/// What the declarations below decode.
#[derive(Debug, Deserialize)]
struct Anything {}

/// Two declarations with mistakes a cluster would not report.
trait Misdeclared: Transport {
    /// The filter's name is misspelt: the gateway ignores it and lists every node.
    #[fabric_endpoint(GET, "/Nodes", api_version = "6.3", operation = "MisspeltNodeList")]
    async fn nodes_by_status(&self, #[query("NodeStatusFiltr")] filter: Option<&str>) -> Result<Anything>;

    /// GetClusterVersion exists from api-version 6.4 on.
    #[fabric_endpoint(GET, "/$/GetClusterVersion", api_version = "6.0", operation = "EarlyClusterVersion")]
    async fn cluster_version(&self) -> Result<Anything>;
}

impl<T: Transport> Misdeclared for T {}

#[tokio::test]
async fn own_and_library_operations_answer_what_the_test_scripts() {
    let node = json!({"Name": "vm7", "NodeStatus": "Up", "UpgradeDomain": "UD3"});
    let emulator = Emulator::builder()
        .respond(
            <Client as NodeQueries>::GET_NODE_INFO,
            Script::new()
                .then(Answer::json(&node))
                .then(Answer::error("FABRIC_E_NODE_NOT_FOUND", "Node not found.")),
        )
        .respond(
            Client::GET_NODE_INFO_LIST,
            Answer::json(json!({"ContinuationToken": "", "Items": [node]})),
        )
        .start()
        .await
        .unwrap();
    let client = Client::new(&emulator.base_url()).unwrap();

    let mine = NodeQueries::get_node_info(&client, "vm7", None).await.unwrap();
    assert_eq!(
        mine,
        NodeInfo {
            name: "vm7".into(),
            node_status: "Up".into(),
            upgrade_domain: "UD3".into(),
        }
    );
    let missing = NodeQueries::get_node_info(&client, "vm7", None).await.unwrap_err();
    assert_eq!(missing.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(
        missing.fabric_error().map(|e| e.code.as_str()),
        Some("FABRIC_E_NODE_NOT_FOUND")
    );

    let page = client.get_node_info_list(None, None, None, None).await.unwrap();
    let names: Vec<Option<&str>> = page.items.iter().map(|n| n.name.as_deref()).collect();
    assert_eq!(names, [Some("vm7")]);
    // Both declarations fit the gateway's reading of them.
    assert_eq!(emulator.unmatched(), []);
}

#[tokio::test]
async fn a_wrong_declaration_shows_up_in_unmatched() {
    let emulator = Emulator::builder()
        .respond(
            Client::GET_NODE_INFO_LIST,
            Answer::json(json!({"ContinuationToken": "", "Items": []})),
        )
        .start()
        .await
        .unwrap();
    let client = Client::new(&emulator.base_url()).unwrap();

    // Answered as a cluster answers it: the misspelt filter has no effect...
    client.nodes_by_status(Some("Down")).await.unwrap();
    // ...and the too-early version is refused.
    let refused = client.cluster_version().await.unwrap_err();
    assert_eq!(refused.status().map(|s| s.as_u16()), Some(400));

    let unmatched = emulator.unmatched();
    let found: Vec<(Option<&str>, &Problem)> = unmatched
        .iter()
        .map(|m| (m.operation.map(|e| e.operation()), &m.problem))
        .collect();
    assert_eq!(
        found,
        [
            (
                Some("GetNodeInfoList"),
                &Problem::UnknownQueryParameter {
                    name: "NodeStatusFiltr".into()
                }
            ),
            (
                Some("GetClusterVersion"),
                &Problem::ApiVersionOutOfRange {
                    sent: "6.0".into(),
                    minimum: "6.4".into(),
                    maximum: "9.1".into()
                }
            ),
        ]
    );
    assert_eq!(
        unmatched[0].request.target,
        "/Nodes?api-version=6.3&NodeStatusFiltr=Down"
    );
    assert!(!unmatched[0].problem.is_refusal());
    assert!(unmatched[1].problem.is_refusal());
}
