//! The committed configuration of a standalone cluster and the Upgrade Orchestration
//! Service's state.

use fabric_rest_runtime::wire_struct;

use super::ClusterConfig;

wire_struct! {
    /// The answer of GetClusterConfiguration: the configuration the cluster runs.
    pub struct ClusterConfiguration {
        /// The ClusterConfig.json text, as the server sent it; empty when it sent none.
        "ClusterConfiguration" cluster_configuration: String = default,
    }
}

impl ClusterConfiguration {
    /// Wraps the configuration text a server reports.
    pub fn new(cluster_configuration: impl Into<String>) -> ClusterConfiguration {
        ClusterConfiguration {
            cluster_configuration: cluster_configuration.into(),
            unknown_fields: Default::default(),
        }
    }

    /// The configuration as a [`ClusterConfig`], ready to edit and send back in an upgrade.
    ///
    /// The text is taken unchecked, as when a [`ClusterConfig`] is deserialized.
    pub fn cluster_config(&self) -> ClusterConfig {
        ClusterConfig::received(self.cluster_configuration.clone())
    }
}

wire_struct! {
    /// The body of SetUpgradeOrchestrationServiceState and the answer of
    /// GetUpgradeOrchestrationServiceState: the service's opaque state.
    pub struct UpgradeOrchestrationServiceState {
        /// The state, an opaque string; `None` when the server sent none.
        "ServiceState" service_state: Option<String>,
    }
}

impl UpgradeOrchestrationServiceState {
    /// A state to send to SetUpgradeOrchestrationServiceState.
    pub fn new(service_state: impl Into<String>) -> UpgradeOrchestrationServiceState {
        UpgradeOrchestrationServiceState {
            service_state: Some(service_state.into()),
            unknown_fields: Default::default(),
        }
    }
}

wire_struct! {
    /// The answer of SetUpgradeOrchestrationServiceState: the versions the cluster runs and
    /// targets, and any upgrade left pending. Fields the server leaves out stay `None`.
    pub struct UpgradeOrchestrationServiceStateSummary {
        /// The code version the cluster runs.
        "CurrentCodeVersion" current_code_version: Option<String>,
        /// The manifest version the cluster runs.
        "CurrentManifestVersion" current_manifest_version: Option<String>,
        /// The code version the cluster is moving to.
        "TargetCodeVersion" target_code_version: Option<String>,
        /// The manifest version the cluster is moving to.
        "TargetManifestVersion" target_manifest_version: Option<String>,
        /// The kind of upgrade still pending.
        "PendingUpgradeType" pending_upgrade_type: Option<String>,
    }
}

impl UpgradeOrchestrationServiceStateSummary {
    /// A summary with every field unset.
    pub fn new() -> UpgradeOrchestrationServiceStateSummary {
        UpgradeOrchestrationServiceStateSummary::default()
    }
}
