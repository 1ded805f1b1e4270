//! The committed configuration and the Upgrade Orchestration Service's state.

use serde::{Deserialize, Serialize};

use super::ClusterConfig;

/// The answer of GetClusterConfiguration: the configuration the cluster runs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ClusterConfiguration {
    /// The ClusterConfig.json text, as the server sent it.
    #[serde(default)]
    pub cluster_configuration: String,
}

impl ClusterConfiguration {
    /// Wraps the configuration text a server reports.
    pub fn new(cluster_configuration: impl Into<String>) -> ClusterConfiguration {
        ClusterConfiguration {
            cluster_configuration: cluster_configuration.into(),
        }
    }

    /// The configuration as a [`ClusterConfig`], ready to edit and send back in an upgrade.
    ///
    /// The text is taken unchecked, as when a [`ClusterConfig`] is deserialized.
    pub fn cluster_config(&self) -> ClusterConfig {
        ClusterConfig::received(self.cluster_configuration.clone())
    }
}

/// The body of SetUpgradeOrchestrationServiceState and the answer of
/// GetUpgradeOrchestrationServiceState: the service's opaque state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct UpgradeOrchestrationServiceState {
    /// The state, an opaque string; `None` when the server sent none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_state: Option<String>,
}

impl UpgradeOrchestrationServiceState {
    /// A state to send to SetUpgradeOrchestrationServiceState.
    pub fn new(service_state: impl Into<String>) -> UpgradeOrchestrationServiceState {
        UpgradeOrchestrationServiceState {
            service_state: Some(service_state.into()),
        }
    }
}

/// The answer of SetUpgradeOrchestrationServiceState: the versions the cluster runs and
/// targets, and any upgrade left pending. Fields the server leaves out stay `None`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct UpgradeOrchestrationServiceStateSummary {
    /// The code version the cluster runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_code_version: Option<String>,
    /// The manifest version the cluster runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_manifest_version: Option<String>,
    /// The code version the cluster is moving to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_code_version: Option<String>,
    /// The manifest version the cluster is moving to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_manifest_version: Option<String>,
    /// The kind of upgrade still pending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_upgrade_type: Option<String>,
}

impl UpgradeOrchestrationServiceStateSummary {
    /// A summary with every field unset.
    pub fn new() -> UpgradeOrchestrationServiceStateSummary {
        UpgradeOrchestrationServiceStateSummary::default()
    }
}
