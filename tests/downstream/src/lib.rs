//! A user crate that declares its own Service Fabric operations with `#[fabric_endpoint]`,
//! depending on `fabric-rest` alone (plus `serde` for its own models).

use fabric_rest::{Result, ServerTimeout, Transport, fabric_endpoint};
use serde::Deserialize;

/// The part of a node's description this crate cares about.
#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "PascalCase")]
pub struct NodeInfo {
    /// The node's name.
    pub name: String,
    /// `Up`, `Down`, ...
    pub node_status: String,
    /// The upgrade domain the node belongs to.
    pub upgrade_domain: String,
}

/// A summary of the configuration upgrade, in this crate's own shape.
#[derive(Debug, Deserialize, PartialEq, Eq)]
pub struct UpgradeProgress {
    /// The upgrade state as the gateway spells it.
    #[serde(rename = "UpgradeState")]
    pub state: String,
    /// The configuration version in force.
    #[serde(rename = "ConfigVersion")]
    pub version: String,
}

/// Node queries this crate needs.
pub trait NodeQueries: Transport {
    /// Describes one node.
    #[fabric_endpoint(GET, "/Nodes/{nodeName}", api_version = "6.0")]
    async fn get_node_info(&self, #[path] node_name: &str, #[query] timeout: Option<ServerTimeout>)
    -> Result<NodeInfo>;
}

impl<T: Transport> NodeQueries for T {}

/// The configuration upgrade status, decoded into this crate's own type.
pub trait UpgradeProgressQueries: Transport {
    /// Reads the configuration upgrade status.
    #[fabric_endpoint(
        GET,
        "/$/GetClusterConfigurationUpgradeStatus",
        api_version = "6.0",
        operation = "DownstreamUpgradeProgress"
    )]
    async fn upgrade_progress(&self) -> Result<UpgradeProgress>;
}

impl<T: Transport> UpgradeProgressQueries for T {}
