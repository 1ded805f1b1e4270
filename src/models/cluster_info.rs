//! What the cluster says about itself: manifest, version, Azure AD metadata, provisioned
//! versions, load, and the infrastructure service's answers.

use serde::{Deserialize, Serialize};

use super::macros::wire_struct;
use super::time::Timestamp;

wire_struct! {
    /// The cluster manifest (GetClusterManifest).
    pub struct ClusterManifest {
        /// The manifest's XML text.
        manifest: String,
    }
}

wire_struct! {
    /// The Service Fabric version the cluster runs (GetClusterVersion).
    pub struct ClusterVersion {
        /// The version, such as `6.4.617.9590`.
        version: String,
    }
}

/// How to authenticate against the cluster with Azure Active Directory (GetAadMetadata).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AadMetadataObject {
    /// The metadata's type: `aad`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub metadata_type: Option<String>,
    /// The metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<AadMetadata>,
}

/// The Azure Active Directory settings of a cluster.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AadMetadata {
    /// The AAD authority URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
    /// The client application id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client: Option<String>,
    /// The cluster application id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// The login endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login: Option<String>,
    /// The redirect URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect: Option<String>,
    /// The tenant id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
}

wire_struct! {
    /// A provisioned Service Fabric code version.
    pub struct FabricCodeVersionInfo {
        /// The version.
        code_version: String,
    }
}

wire_struct! {
    /// A provisioned Service Fabric configuration version.
    pub struct FabricConfigVersionInfo {
        /// The version.
        config_version: String,
    }
}

/// The packages to provision (ProvisionCluster): a code package, a cluster manifest, or both.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ProvisionFabricDescription {
    /// The code package's path in the image store.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_file_path: Option<String>,
    /// The cluster manifest's path in the image store.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster_manifest_file_path: Option<String>,
}

impl ProvisionFabricDescription {
    /// Nothing to provision yet; set one or both paths.
    pub fn new() -> ProvisionFabricDescription {
        ProvisionFabricDescription::default()
    }
}

/// The versions to unprovision (UnprovisionCluster).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct UnprovisionFabricDescription {
    /// The code version to remove.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_version: Option<String>,
    /// The configuration version to remove.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config_version: Option<String>,
}

impl UnprovisionFabricDescription {
    /// Nothing to unprovision yet; set one or both versions.
    pub fn new() -> UnprovisionFabricDescription {
        UnprovisionFabricDescription::default()
    }
}

wire_struct! {
    /// The cluster's load per metric (GetClusterLoad).
    pub struct ClusterLoadInfo {
        /// When the last balancing run started (ISO-8601 UTC).
        last_balancing_start_time_utc: Timestamp,
        /// When it ended.
        last_balancing_end_time_utc: Timestamp,
        /// One entry per metric.
        load_metric_information: Vec<LoadMetricInformation>,
    }
}

wire_struct! {
    /// The load of one metric across the cluster. Loads are decimal numbers in text: the
    /// gateway writes some as JSON numbers, which are kept as their text.
    ///
    /// Five fields are written under other names than the spec's property names, the ones
    /// the gateway uses (`MinNodeLoadId` for the spec's `MinNodeLoadNodeId`, ...); both are
    /// read.
    pub struct LoadMetricInformation {
        /// The metric's name.
        name: String,
        /// Whether the metric was balanced before the last run.
        is_balanced_before: bool,
        /// Whether it is balanced after.
        is_balanced_after: bool,
        /// Standard deviation of load before the run.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        deviation_before: String,
        /// After the run.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        deviation_after: String,
        /// The balancing threshold.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        balancing_threshold: String,
        /// What the last run did.
        action: String,
        /// The activity threshold.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        activity_threshold: String,
        /// The cluster's capacity.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        cluster_capacity: String,
        /// The cluster's load.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        cluster_load: String,
        /// The current load.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        current_cluster_load: String,
        /// Capacity left; deprecated in favor of `cluster_capacity_remaining`.
        #[serde(
            rename = "RemainingUnbufferedCapacity",
            alias = "ClusterRemainingCapacity",
            deserialize_with = "super::macros::number_or_text"
        )]
        cluster_remaining_capacity: String,
        /// Capacity left.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        cluster_capacity_remaining: String,
        /// Whether the load exceeds the capacity.
        is_cluster_capacity_violation: bool,
        /// The reserved buffer, in percent.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        node_buffer_percentage: String,
        /// Capacity left within the buffer; deprecated in favor of
        /// `buffered_cluster_capacity_remaining`.
        #[serde(
            rename = "BufferedCapacity",
            alias = "ClusterBufferedCapacity",
            deserialize_with = "super::macros::number_or_text"
        )]
        cluster_buffered_capacity: String,
        /// Capacity left within the buffer.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        buffered_cluster_capacity_remaining: String,
        /// The remaining share of the cluster's capacity.
        #[serde(
            rename = "RemainingBufferedCapacity",
            alias = "ClusterRemainingBufferedCapacity",
            deserialize_with = "super::macros::number_or_text"
        )]
        cluster_remaining_buffered_capacity: String,
        /// The smallest node load; deprecated in favor of `minimum_node_load`.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        min_node_load_value: String,
        /// The smallest node load.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        minimum_node_load: String,
        /// The node with the smallest load.
        #[serde(rename = "MinNodeLoadId", alias = "MinNodeLoadNodeId")]
        min_node_load_node_id: NodeId,
        /// The largest node load; deprecated in favor of `maximum_node_load`.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        max_node_load_value: String,
        /// The largest node load.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        maximum_node_load: String,
        /// The node with the largest load.
        #[serde(rename = "MaxNodeLoadId", alias = "MaxNodeLoadNodeId")]
        max_node_load_node_id: NodeId,
        /// Load planned to leave the nodes.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        planned_load_removal: String,
    }
}

wire_struct! {
    /// A node's internal id.
    pub struct NodeId {
        /// The id, a 128-bit number in hex.
        id: String,
    }
}

/// What the infrastructure service answered (InvokeInfrastructureCommand and -Query): the
/// service's own JSON, passed through by the gateway.
pub type InfrastructureServiceResponse = serde_json::Value;

wire_struct! {
    /// What ValidateClusterUpgrade found.
    pub struct ValidateClusterUpgradeResult {
        /// Whether service hosts will restart: `None`, `ServiceHostRestart` or `Unknown`.
        service_host_upgrade_impact: String,
        /// Details of the validation.
        validation_details: String,
    }
}
