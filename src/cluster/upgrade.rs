//! Provisioning Service Fabric versions and upgrading the cluster to them.

use crate::models::{
    ClusterUpgradeProgressObject, FabricCodeVersionInfo, FabricConfigVersionInfo, ProvisionFabricDescription,
    ResumeClusterUpgradeDescription, StartClusterUpgradeDescription, UnprovisionFabricDescription,
    UpdateClusterUpgradeDescription, ValidateClusterUpgradeResult,
};
use crate::{Accepted, Result, ServerTimeout, Transport, fabric_endpoint};

/// Provisioning code and configuration versions, and upgrading the cluster to them.
///
/// Implemented for every [`Transport`].
pub trait ClusterUpgrade: Transport {
    /// The provisioned code versions, or only `code_version` when given
    /// (`GET /$/GetProvisionedCodeVersions`).
    #[fabric_endpoint(
        GET,
        "/$/GetProvisionedCodeVersions",
        api_version = "6.0",
        operation = "GetProvisionedFabricCodeVersionInfoList"
    )]
    async fn get_provisioned_fabric_code_version_info_list(
        &self,
        #[query("CodeVersion")] code_version: Option<&str>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Vec<FabricCodeVersionInfo>>;

    /// The provisioned configuration versions, or only `config_version` when given
    /// (`GET /$/GetProvisionedConfigVersions`).
    #[fabric_endpoint(
        GET,
        "/$/GetProvisionedConfigVersions",
        api_version = "6.0",
        operation = "GetProvisionedFabricConfigVersionInfoList"
    )]
    async fn get_provisioned_fabric_config_version_info_list(
        &self,
        #[query("ConfigVersion")] config_version: Option<&str>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Vec<FabricConfigVersionInfo>>;

    /// Where the current (or last) cluster upgrade stands (`GET /$/GetUpgradeProgress`).
    #[fabric_endpoint(
        GET,
        "/$/GetUpgradeProgress",
        api_version = "6.0",
        operation = "GetClusterUpgradeProgress"
    )]
    async fn get_cluster_upgrade_progress(
        &self,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ClusterUpgradeProgressObject>;

    /// Provisions code and configuration packages from the image store (`POST /$/Provision`).
    #[fabric_endpoint(POST, "/$/Provision", api_version = "6.0", operation = "ProvisionCluster")]
    async fn provision_cluster(
        &self,
        #[body] description: &ProvisionFabricDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Unprovisions code and configuration versions (`POST /$/Unprovision`).
    #[fabric_endpoint(POST, "/$/Unprovision", api_version = "6.0", operation = "UnprovisionCluster")]
    async fn unprovision_cluster(
        &self,
        #[body] description: &UnprovisionFabricDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Rolls the current upgrade back (`POST /$/RollbackUpgrade`); the rollback runs in the
    /// background.
    #[fabric_endpoint(
        POST,
        "/$/RollbackUpgrade",
        api_version = "6.0",
        operation = "RollbackClusterUpgrade"
    )]
    async fn rollback_cluster_upgrade(&self, #[query] timeout: Option<ServerTimeout>) -> Result<Accepted>;

    /// Lets a manual upgrade continue with the next upgrade domain
    /// (`POST /$/MoveToNextUpgradeDomain`).
    #[fabric_endpoint(
        POST,
        "/$/MoveToNextUpgradeDomain",
        api_version = "6.0",
        operation = "ResumeClusterUpgrade"
    )]
    async fn resume_cluster_upgrade(
        &self,
        #[body] description: &ResumeClusterUpgradeDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Starts upgrading the cluster's code or configuration to provisioned versions
    /// (`POST /$/Upgrade`); the upgrade runs in the background.
    #[fabric_endpoint(POST, "/$/Upgrade", api_version = "6.0", operation = "StartClusterUpgrade")]
    async fn start_cluster_upgrade(
        &self,
        #[body] description: &StartClusterUpgradeDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Accepted>;

    /// Changes the settings of the running upgrade (`POST /$/UpdateUpgrade`).
    #[fabric_endpoint(POST, "/$/UpdateUpgrade", api_version = "6.0", operation = "UpdateClusterUpgrade")]
    async fn update_cluster_upgrade(
        &self,
        #[body] description: &UpdateClusterUpgradeDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Checks an upgrade without starting it (`POST /$/ValidateUpgrade`).
    #[fabric_endpoint(
        POST,
        "/$/ValidateUpgrade",
        api_version = "8.2",
        operation = "ValidateClusterUpgrade",
        idempotent
    )]
    async fn validate_cluster_upgrade(
        &self,
        #[body] description: &StartClusterUpgradeDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ValidateClusterUpgradeResult>;
}

impl<T: Transport> ClusterUpgrade for T {}
