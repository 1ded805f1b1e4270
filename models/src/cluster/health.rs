//! The health of the cluster: as a whole (GetClusterHealth) and in chunks
//! (GetClusterHealthChunk).

use fabric_rest_runtime::wire_struct;

use super::ApplicationHealthPolicies;
use crate::common::{
    ClusterHealthPolicy, EntityHealthState, HealthEvaluationWrapper, HealthEvent, HealthState, HealthStatistics,
};

wire_struct! {
    /// The health of the cluster (GetClusterHealth).
    pub struct ClusterHealth {
        /// The cluster's state.
        "AggregatedHealthState" aggregated_health_state: Option<HealthState>,
        /// Reports about the cluster itself.
        "HealthEvents" health_events: Option<Vec<HealthEvent>>,
        /// Why the cluster is not `Ok`.
        "UnhealthyEvaluations" unhealthy_evaluations: Option<Vec<HealthEvaluationWrapper>>,
        /// Counts of children by state.
        "HealthStatistics" health_statistics: Option<HealthStatistics>,
        /// The nodes' states, as filtered.
        "NodeHealthStates" node_health_states: Option<Vec<EntityHealthState>>,
        /// The applications' states, as filtered.
        "ApplicationHealthStates" application_health_states: Option<Vec<EntityHealthState>>,
    }
}

wire_struct! {
    /// The cluster's health in chunks: only the entities the query's filters select
    /// (GetClusterHealthChunk). The chunk lists are kept as JSON.
    pub struct ClusterHealthChunk {
        /// The cluster's state.
        "HealthState" health_state: Option<HealthState>,
        /// `{"TotalCount", "Items"}` of node chunks.
        "NodeHealthStateChunks" node_health_state_chunks: Option<serde_json::Value>,
        /// `{"TotalCount", "Items"}` of application chunks.
        "ApplicationHealthStateChunks" application_health_state_chunks: Option<serde_json::Value>,
    }
}

wire_struct! {
    /// What GetClusterHealthChunkUsingPolicyAndAdvancedFilters takes: filters and policies.
    /// The filter lists are JSON arrays of the gateway's filter objects.
    pub struct ClusterHealthChunkQueryDescription {
        /// Node filters.
        "NodeFilters" node_filters: Option<Vec<serde_json::Value>>,
        /// Application filters.
        "ApplicationFilters" application_filters: Option<Vec<serde_json::Value>>,
        /// The cluster health policy to evaluate with.
        "ClusterHealthPolicy" cluster_health_policy: Option<ClusterHealthPolicy>,
        /// Application policies to evaluate with.
        "ApplicationHealthPolicies" application_health_policies: Option<ApplicationHealthPolicies>,
    }
}
