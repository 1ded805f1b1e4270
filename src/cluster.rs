//! Cluster operations: the configuration upgrade of standalone clusters and its workflow.

use crate::models::ClusterConfigurationUpgradeDescription;
use crate::{Accepted, Result, ServerTimeout, Transport, fabric_endpoint};

/// Upgrading the configuration of a standalone cluster.
///
/// Implemented for every [`Transport`], so the methods are available on a
/// [`Client`](crate::Client).
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
}

impl<T: Transport> ClusterConfigurationUpgrade for T {}
