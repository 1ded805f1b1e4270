//! The library's declarations read what the emulator serves, and fit what it checks.

use fabric_rest::Client;
use fabric_rest::cluster::{ClusterHealthOperations, ClusterInfo};
use fabric_rest::models::HealthState;
use fabric_rest::nodes::Nodes;
use fabric_rest_emulator::{Emulator, HealthState as EmulatedHealth};

#[tokio::test]
async fn the_emulated_cluster_decodes_through_the_declared_operations() {
    let emulator = Emulator::builder().with_spec_examples().start().await.unwrap();
    assert!(emulator.set_node_health("vm2", EmulatedHealth::Error));
    let client = Client::new(&emulator.base_url()).unwrap();

    let version = client.get_cluster_version(None).await.unwrap();
    assert_eq!(version.version.as_deref(), Some("9.1.0.0"));

    let page = client.get_node_info_list(None, None, Some(2), None).await.unwrap();
    let names: Vec<Option<&str>> = page.items.iter().map(|n| n.name.as_deref()).collect();
    assert_eq!(names, [Some("vm0"), Some("vm1")]);
    assert_eq!(page.continuation_token.as_deref(), Some("vm1"));
    let next = client
        .get_node_info_list(Some("vm1"), None, Some(2), None)
        .await
        .unwrap();
    assert_eq!(next.items[0].name.as_deref(), Some("vm2"));
    assert_eq!(next.items[0].health_state, Some(HealthState::Error));

    let health = client
        .get_cluster_health(None, None, None, None, None, None)
        .await
        .unwrap();
    assert_eq!(health.aggregated_health_state, Some(HealthState::Error));
    assert_eq!(health.node_health_states.as_ref().map(Vec::len), Some(3));

    // An operation the emulator does not serve itself answers the spec's example.
    let manifest = client.get_cluster_manifest(None).await.unwrap();
    assert!(manifest.manifest.is_some_and(|m| m.contains("ClusterManifest")));

    // Every request the library sent fits the gateway's reading of the operation.
    assert_eq!(emulator.unmatched(), []);
}
