//! The configuration upgrade of standalone clusters and its workflow.

use crate::models::{
    ClusterConfiguration, ClusterConfigurationUpgradeDescription, ClusterConfigurationUpgradeStatusInfo,
    UpgradeOrchestrationServiceState, UpgradeOrchestrationServiceStateSummary,
};
use crate::{Accepted, Result, ServerTimeout, Transport, fabric_endpoint};

/// Upgrading the configuration of a standalone cluster, and following the upgrade.
///
/// Implemented for every [`Transport`], so the methods are available on a
/// [`Client`](crate::Client). To wait for an upgrade to finish, see
/// [`wait_for_configuration_upgrade`](crate::upgrade::wait_for_configuration_upgrade).
pub trait ClusterConfigurationUpgrade: Transport {
    /// Starts upgrading the configuration of a standalone cluster to the ClusterConfig in
    /// `description` (`POST /$/StartClusterConfigurationUpgrade`).
    ///
    /// The gateway answers `202 Accepted` as soon as the upgrade service took the request;
    /// the upgrade itself then runs in the background, upgrade domain by upgrade domain.
    /// Rejections (an unchanged `clusterConfigurationVersion`, a renamed cluster, an upgrade
    /// that cannot be interrupted) come back as `500 FABRIC_E_CONFIG_UPGRADE_FAILED`.
    #[fabric_endpoint(POST, "/$/StartClusterConfigurationUpgrade", api_version = "3.0")]
    async fn start_cluster_configuration_upgrade(
        &self,
        #[body] description: &ClusterConfigurationUpgradeDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Accepted>;

    /// The state of the current (or last) configuration upgrade
    /// (`GET /$/GetClusterConfigurationUpgradeStatus`).
    ///
    /// Right after a start the gateway may still report the *previous* upgrade's final
    /// state; compare [`config_version`](ClusterConfigurationUpgradeStatusInfo::config_version)
    /// with the version you asked for before calling an upgrade finished.
    #[fabric_endpoint(GET, "/$/GetClusterConfigurationUpgradeStatus", api_version = "6.0")]
    async fn get_cluster_configuration_upgrade_status(
        &self,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ClusterConfigurationUpgradeStatusInfo>;

    /// The committed ClusterConfig of a standalone cluster (`GET /$/GetClusterConfiguration`),
    /// in the format of `configuration_api_version` (a ClusterConfig `apiVersion` such as
    /// `"10-2017"`).
    #[fabric_endpoint(GET, "/$/GetClusterConfiguration", api_version = "6.0")]
    async fn get_cluster_configuration(
        &self,
        #[query("ConfigurationApiVersion")] configuration_api_version: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ClusterConfiguration>;

    /// The state of the upgrade orchestration service, as an opaque string for support
    /// (`GET /$/GetUpgradeOrchestrationServiceState`).
    #[fabric_endpoint(GET, "/$/GetUpgradeOrchestrationServiceState", api_version = "6.0")]
    async fn get_upgrade_orchestration_service_state(
        &self,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<UpgradeOrchestrationServiceState>;

    /// Replaces the state of the upgrade orchestration service
    /// (`POST /$/SetUpgradeOrchestrationServiceState`). Meant for recovery with support's
    /// guidance only.
    #[fabric_endpoint(POST, "/$/SetUpgradeOrchestrationServiceState", api_version = "6.0")]
    async fn set_upgrade_orchestration_service_state(
        &self,
        #[body] state: &UpgradeOrchestrationServiceState,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<UpgradeOrchestrationServiceStateSummary>;
}

impl<T: Transport> ClusterConfigurationUpgrade for T {}
