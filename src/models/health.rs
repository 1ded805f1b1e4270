//! Health: states, reports, evaluations, policies and the health of clusters, nodes and
//! deployed applications.

use fabric_rest_runtime::{ParamKind, Percent, QueryValue, RequestBuilder};
use serde::{Deserialize, Serialize};

use super::cluster_info::NodeId;
use super::health_policy::ApplicationHealthPolicy;
use super::macros::{open_enum, wire_struct};
use super::time::{IsoDuration, Timestamp};

open_enum! {
    /// The health of an entity, or of one report about it.
    pub enum HealthState {
        Invalid = "Invalid",
        Ok = "Ok",
        Warning = "Warning",
        Error = "Error",
        StateUnknown = "Unknown",
    }
}

/// Which children or events a health query returns, by their health state: a set of flags
/// sent as one integer (`HealthStateFilter::WARNING | HealthStateFilter::ERROR` is 12).
///
/// The gateway reads `0` (the default) as "all", except that health queries still return
/// every entity when asked for nothing at all; `NONE` (1) returns none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct HealthStateFilter(u32);

impl HealthStateFilter {
    /// `0`: the gateway's default.
    pub const DEFAULT: HealthStateFilter = HealthStateFilter(0);
    /// `1`: nothing.
    pub const NONE: HealthStateFilter = HealthStateFilter(1);
    /// `2`: entities or events in `Ok`.
    pub const OK: HealthStateFilter = HealthStateFilter(2);
    /// `4`: in `Warning`.
    pub const WARNING: HealthStateFilter = HealthStateFilter(4);
    /// `8`: in `Error`.
    pub const ERROR: HealthStateFilter = HealthStateFilter(8);
    /// `65535`: everything.
    pub const ALL: HealthStateFilter = HealthStateFilter(65535);

    /// The flags as the integer sent.
    pub const fn bits(self) -> u32 {
        self.0
    }
}

impl std::ops::BitOr for HealthStateFilter {
    type Output = HealthStateFilter;
    fn bitor(self, other: HealthStateFilter) -> HealthStateFilter {
        HealthStateFilter(self.0 | other.0)
    }
}

impl QueryValue for HealthStateFilter {
    const KIND: ParamKind = ParamKind::Integer;
    fn as_integer(&self) -> Option<i128> {
        Some(i128::from(self.0))
    }
    fn write_query(&self, name: &'static str, request: &mut RequestBuilder) {
        request.append_query(name, &self.0.to_string());
    }
}

/// A health report to send about an entity (ReportClusterHealth, ReportNodeHealth, ...).
///
/// ```
/// use fabric_rest::models::{HealthInformation, HealthState};
///
/// let report = HealthInformation::new("Watchdog", "Disk", HealthState::Warning);
/// assert_eq!(
///     serde_json::to_string(&report)?,
///     r#"{"SourceId":"Watchdog","Property":"Disk","HealthState":"Warning"}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct HealthInformation {
    /// Who reports: a watchdog or system component name.
    pub source_id: String,
    /// What the report is about; with `source_id` it identifies the report.
    pub property: String,
    /// The reported state.
    pub health_state: HealthState,
    /// How long the report stays valid, as an ISO-8601 duration (`PT10M`); absent: forever.
    #[serde(
        rename = "TimeToLiveInMilliSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub time_to_live: Option<IsoDuration>,
    /// Free text shown with the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Orders reports of one source and property; the gateway assigns one when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence_number: Option<String>,
    /// Whether the report disappears when it expires, rather than turning into an error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remove_when_expired: Option<bool>,
    /// A code for automated processing of the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_report_id: Option<String>,
}

impl HealthInformation {
    /// A report of `health_state` from `source_id` about `property`.
    pub fn new(source_id: impl Into<String>, property: impl Into<String>, health_state: HealthState) -> Self {
        HealthInformation {
            source_id: source_id.into(),
            property: property.into(),
            health_state,
            time_to_live: None,
            description: None,
            sequence_number: None,
            remove_when_expired: None,
            health_report_id: None,
        }
    }
}

wire_struct! {
    /// A health report as stored by the cluster, with its history.
    pub struct HealthEvent {
        /// Who reported.
        source_id: String,
        /// What the report is about.
        property: String,
        /// The reported state.
        health_state: HealthState,
        /// How long the report stays valid (ISO-8601 duration).
        #[serde(rename = "TimeToLiveInMilliSeconds")]
        time_to_live: IsoDuration,
        /// Free text.
        description: String,
        /// The report's sequence number.
        sequence_number: String,
        /// Whether the report disappears when it expires.
        remove_when_expired: bool,
        /// A code for automated processing.
        health_report_id: String,
        /// Whether the report has expired.
        is_expired: bool,
        /// When the source sent it (ISO-8601 UTC).
        source_utc_timestamp: Timestamp,
        /// When the cluster last changed it.
        last_modified_utc_timestamp: Timestamp,
        /// When it last turned `Ok`.
        last_ok_transition_at: Timestamp,
        /// When it last turned `Warning`.
        last_warning_transition_at: Timestamp,
        /// When it last turned `Error`.
        last_error_transition_at: Timestamp,
    }
}

open_enum! {
    /// What a health evaluation judged: the `Kind` of a `HealthEvaluation`.
    pub enum HealthEvaluationKind {
        Invalid = "Invalid",
        Event = "Event",
        Replicas = "Replicas",
        Partitions = "Partitions",
        DeployedServicePackages = "DeployedServicePackages",
        DeployedApplications = "DeployedApplications",
        Services = "Services",
        Nodes = "Nodes",
        Applications = "Applications",
        SystemApplication = "SystemApplication",
        UpgradeDomainDeployedApplications = "UpgradeDomainDeployedApplications",
        UpgradeDomainNodes = "UpgradeDomainNodes",
        Replica = "Replica",
        Partition = "Partition",
        DeployedServicePackage = "DeployedServicePackage",
        DeployedApplication = "DeployedApplication",
        Service = "Service",
        Node = "Node",
        Application = "Application",
        DeltaNodesCheck = "DeltaNodesCheck",
        UpgradeDomainDeltaNodesCheck = "UpgradeDomainDeltaNodesCheck",
        ApplicationTypeApplications = "ApplicationTypeApplications",
        NodeTypeNodes = "NodeTypeNodes",
    }
}

/// Why an entity is unhealthy: one evaluation, polymorphic by [`kind`](Self::kind).
///
/// The fields every kind shares are typed; the ones of a particular kind (`NodeName`,
/// `MaxPercentUnhealthyNodes`, `TotalCount`, ...) are kept by name in
/// [`details`](Self::details).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct HealthEvaluation {
    /// What was evaluated.
    pub kind: HealthEvaluationKind,
    /// The state the evaluation arrived at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggregated_health_state: Option<HealthState>,
    /// The evaluation in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The evaluations of children that led to this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unhealthy_evaluations: Vec<HealthEvaluationWrapper>,
    /// For `Event` evaluations: the report at fault.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unhealthy_event: Option<HealthEvent>,
    /// The fields particular to this kind, by their wire names.
    #[serde(flatten)]
    pub details: serde_json::Map<String, serde_json::Value>,
}

/// The gateway's wrapping of one [`HealthEvaluation`] in a list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct HealthEvaluationWrapper {
    /// The evaluation.
    pub health_evaluation: HealthEvaluation,
}

wire_struct! {
    /// How many entities of one kind are in each state.
    pub struct HealthStateCount {
        /// In `Ok`.
        ok_count: u64,
        /// In `Warning`.
        warning_count: u64,
        /// In `Error`.
        error_count: u64,
    }
}

wire_struct! {
    /// The counts of one entity kind.
    pub struct EntityKindHealthStateCount {
        /// The entity kind (`Node`, `Application`, `Replica`, ...).
        entity_kind: String,
        /// The counts.
        health_state_count: HealthStateCount,
    }
}

wire_struct! {
    /// Counts of children by health state, when the query asks for them.
    pub struct HealthStatistics {
        /// One entry per entity kind.
        health_state_count_list: Vec<EntityKindHealthStateCount>,
    }
}

wire_struct! {
    /// The health of one child entity, by name.
    pub struct EntityHealthState {
        /// The child's name (node name, application name, ...).
        #[serde(alias = "NodeName", alias = "ApplicationName", alias = "ServiceManifestName")]
        name: String,
        /// Its aggregated state.
        aggregated_health_state: HealthState,
        /// Nodes only: the node's id.
        id: NodeId,
    }
}

/// The health policy of the cluster, used by health queries and upgrades.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ClusterHealthPolicy {
    /// Whether warnings count as errors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consider_warning_as_error: Option<bool>,
    /// The share of unhealthy nodes tolerated before the cluster is in error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_percent_unhealthy_nodes: Option<Percent>,
    /// The share of unhealthy applications tolerated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_percent_unhealthy_applications: Option<Percent>,
    /// Tolerances per application type, by type name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub application_type_health_policy_map: Vec<KeyPercent>,
    /// Tolerances per node type, by node type name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub node_type_health_policy_map: Vec<KeyPercent>,
}

impl ClusterHealthPolicy {
    /// The gateway's defaults.
    pub fn new() -> ClusterHealthPolicy {
        ClusterHealthPolicy::default()
    }
}

/// A `{Key, Value}` pair of a percentage map.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct KeyPercent {
    /// The application type or node type name.
    pub key: String,
    /// The tolerated share of unhealthy entities.
    pub value: Percent,
}

impl KeyPercent {
    /// `value` for `key`.
    pub fn new(key: impl Into<String>, value: Percent) -> KeyPercent {
        KeyPercent { key: key.into(), value }
    }
}

/// A `{Key, Value}` pair of an application health policy map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ApplicationHealthPolicyMapItem {
    /// The application name (`fabric:/App`).
    pub key: String,
    /// Its policy.
    pub value: ApplicationHealthPolicy,
}

/// The policies a cluster health query evaluates with.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ClusterHealthPolicies {
    /// Policies of particular applications.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub application_health_policy_map: Vec<ApplicationHealthPolicyMapItem>,
    /// The cluster's policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster_health_policy: Option<ClusterHealthPolicy>,
}

impl ClusterHealthPolicies {
    /// No policies: the cluster's own apply.
    pub fn new() -> ClusterHealthPolicies {
        ClusterHealthPolicies::default()
    }
}

wire_struct! {
    /// The health of the cluster (GetClusterHealth).
    pub struct ClusterHealth {
        /// The cluster's state.
        aggregated_health_state: HealthState,
        /// Reports about the cluster itself.
        health_events: Vec<HealthEvent>,
        /// Why the cluster is not `Ok`.
        unhealthy_evaluations: Vec<HealthEvaluationWrapper>,
        /// Counts of children by state.
        health_statistics: HealthStatistics,
        /// The nodes' states, as filtered.
        node_health_states: Vec<EntityHealthState>,
        /// The applications' states, as filtered.
        application_health_states: Vec<EntityHealthState>,
    }
}

wire_struct! {
    /// The health of a node (GetNodeHealth).
    pub struct NodeHealth {
        /// The node's name.
        name: String,
        /// The node's state.
        aggregated_health_state: HealthState,
        /// Reports about the node.
        health_events: Vec<HealthEvent>,
        /// Why the node is not `Ok`.
        unhealthy_evaluations: Vec<HealthEvaluationWrapper>,
        /// Counts of children by state.
        health_statistics: HealthStatistics,
    }
}

wire_struct! {
    /// The health of an application on one node (GetDeployedApplicationHealth).
    pub struct DeployedApplicationHealth {
        /// The application's name (`fabric:/App`).
        name: String,
        /// The node's name.
        node_name: String,
        /// The deployed application's state.
        aggregated_health_state: HealthState,
        /// Reports about it.
        health_events: Vec<HealthEvent>,
        /// Why it is not `Ok`.
        unhealthy_evaluations: Vec<HealthEvaluationWrapper>,
        /// Counts of children by state.
        health_statistics: HealthStatistics,
        /// The states of its service packages, as filtered.
        deployed_service_package_health_states: Vec<DeployedServicePackageHealthState>,
    }
}

wire_struct! {
    /// The state of one deployed service package.
    pub struct DeployedServicePackageHealthState {
        /// Its state.
        aggregated_health_state: HealthState,
        /// The node's name.
        node_name: String,
        /// The application's name.
        application_name: String,
        /// The service manifest's name.
        service_manifest_name: String,
        /// The activation id of the package.
        service_package_activation_id: String,
    }
}

wire_struct! {
    /// The health of a service package on one node (GetDeployedServicePackageHealth).
    pub struct DeployedServicePackageHealth {
        /// The application's name.
        application_name: String,
        /// The service manifest's name.
        service_manifest_name: String,
        /// The node's name.
        node_name: String,
        /// The package's state.
        aggregated_health_state: HealthState,
        /// Reports about it.
        health_events: Vec<HealthEvent>,
        /// Why it is not `Ok`.
        unhealthy_evaluations: Vec<HealthEvaluationWrapper>,
        /// Counts of children by state.
        health_statistics: HealthStatistics,
    }
}

wire_struct! {
    /// The cluster's health in chunks: only the entities the query's filters select
    /// (GetClusterHealthChunk). The chunk lists are kept as JSON.
    pub struct ClusterHealthChunk {
        /// The cluster's state.
        health_state: HealthState,
        /// `{"TotalCount", "Items"}` of node chunks.
        node_health_state_chunks: serde_json::Value,
        /// `{"TotalCount", "Items"}` of application chunks.
        application_health_state_chunks: serde_json::Value,
    }
}

wire_struct! {
    /// What GetClusterHealthChunkUsingPolicyAndAdvancedFilters returns: filters and policies.
    /// The filter lists are JSON arrays of the gateway's filter objects.
    pub struct ClusterHealthChunkQueryDescription {
        /// Node filters.
        node_filters: Vec<serde_json::Value>,
        /// Application filters.
        application_filters: Vec<serde_json::Value>,
        /// The cluster health policy to evaluate with.
        cluster_health_policy: ClusterHealthPolicy,
        /// Application policies to evaluate with.
        application_health_policies: super::ApplicationHealthPolicies,
    }
}
