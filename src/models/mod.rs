//! The JSON bodies of the declared operations.
//!
//! Field names follow the gateway's PascalCase. Optional fields are `Option`s that are left
//! out of the JSON while `None`, so the server's defaults apply; unknown fields in a response
//! are ignored. Moments are [`Timestamp`]s and durations in responses [`IsoDuration`]s: both
//! keep the gateway's text, so a model serializes back to the JSON it came from, and read it
//! into `SystemTime` or `Duration` on request.

mod cluster_config;
mod cluster_info;
mod cluster_upgrade;
mod deployed;
mod health;
mod health_policy;
mod image_store;
mod key_value;
mod macros;
mod node;
mod orchestration;
mod partition_load;
mod repair;
mod time;
mod upgrade_description;
mod upgrade_status;

pub use cluster_config::{ClusterConfig, ClusterConfigError};
pub use cluster_info::{
    AadMetadata, AadMetadataObject, ClusterLoadInfo, ClusterManifest, ClusterVersion, FabricCodeVersionInfo,
    FabricConfigVersionInfo, InfrastructureServiceResponse, LoadMetricInformation, NodeId, ProvisionFabricDescription,
    UnprovisionFabricDescription, ValidateClusterUpgradeResult,
};
pub use cluster_upgrade::{
    ApplicationHealthPolicyMapObject, ClusterUpgradeDescriptionObject, ClusterUpgradeHealthPolicyObject,
    ClusterUpgradeProgressObject, ClusterUpgradeState, FailureAction, MonitoringPolicyDescription,
    NodeUpgradeProgressInfo, PartitionSafetyCheck, ResumeClusterUpgradeDescription, RollingUpgradeUpdateDescription,
    SafetyCheck, SafetyCheckWrapper, SeedNodeSafetyCheck, StartClusterUpgradeDescription,
    UpdateClusterUpgradeDescription, UpgradeDomainInfo, UpgradeDomainProgress, UpgradeMode,
};
pub use deployed::{
    CodePackageEntryPoint, ContainerApiRequestBody, ContainerApiResponse, ContainerApiResult, ContainerLogs,
    DeployServicePackageToNodeDescription, DeployedApplicationInfo, DeployedCodePackageInfo, DeployedReplica,
    DeployedReplicaDetail, DeployedServicePackageInfo, DeployedServiceReplicaDetailInfo, DeployedServiceReplicaInfo,
    DeployedServiceTypeInfo, RestartDeployedCodePackageDescription,
};
pub use fabric_rest_runtime::Paged;
pub use fabric_rest_runtime::{Percent, PercentError};
pub use health::{
    ApplicationHealthPolicyMapItem, ClusterHealth, ClusterHealthChunk, ClusterHealthChunkQueryDescription,
    ClusterHealthPolicies, ClusterHealthPolicy, DeployedApplicationHealth, DeployedServicePackageHealth,
    DeployedServicePackageHealthState, EntityHealthState, EntityKindHealthStateCount, HealthEvaluation,
    HealthEvaluationKind, HealthEvaluationWrapper, HealthEvent, HealthInformation, HealthState, HealthStateCount,
    HealthStateFilter, HealthStatistics, KeyPercent, NodeHealth,
};
pub use health_policy::{ApplicationHealthPolicies, ApplicationHealthPolicy, ServiceTypeHealthPolicy};
pub use image_store::{
    ContentRange, ContentRangeError, DiskInfo, FileInfo, FileVersion, FolderInfo, FolderSizeInfo, ImageStoreContent,
    ImageStoreCopyDescription, ImageStoreInfo, UploadChunkRange, UploadSession, UploadSessionInfo, UsageInfo,
};
pub use node::{
    ConfigParameterOverride, DeactivationIntent, DeactivationIntentDescription, NodeDeactivationInfo,
    NodeDeactivationTask, NodeDeactivationTaskId, NodeInfo, NodeLoadInfo, NodeLoadMetricInformation, NodeStatus,
    NodeStatusFilter, RestartNodeDescription,
};
pub use orchestration::{
    ClusterConfiguration, UpgradeOrchestrationServiceState, UpgradeOrchestrationServiceStateSummary,
};
pub use partition_load::{
    LoadedPartitionInformationResult, MetricLoadDescription, Ordering, PartitionMetricLoadDescription,
    ReplicaMetricLoadDescription, UpdatePartitionLoadResult,
};
pub use repair::{
    NodeImpact, NodeRepairImpactDescription, NodeRepairTargetDescription, RepairImpactDescription,
    RepairTargetDescription, RepairTask, RepairTaskIdentity, RepairTaskUpdateHealthPolicyDescription,
    RepairTaskUpdateInfo,
};
pub use time::{IsoDuration, Timestamp};
pub use upgrade_description::ClusterConfigurationUpgradeDescription;
pub use upgrade_status::{ClusterConfigurationUpgradeStatusInfo, UpgradeState};

#[cfg(test)]
mod tests;
