//! The health of the cluster: queries, chunks, reports and placement health reporting.

use crate::models::{
    ClusterHealth, ClusterHealthChunk, ClusterHealthChunkQueryDescription, ClusterHealthPolicies, HealthInformation,
    HealthStateFilter,
};
use crate::{Result, ServerTimeout, Transport, fabric_endpoint};

/// The health of the cluster as a whole.
///
/// Implemented for every [`Transport`], so the methods are available on a
/// [`Client`](crate::Client).
pub trait ClusterHealthOperations: Transport {
    /// The cluster's health, with its nodes' and applications' states as the filters select
    /// (`GET /$/GetClusterHealth`).
    #[fabric_endpoint(GET, "/$/GetClusterHealth", api_version = "6.0")]
    async fn get_cluster_health(
        &self,
        #[query("NodesHealthStateFilter", default = 0)] nodes_filter: Option<HealthStateFilter>,
        #[query("ApplicationsHealthStateFilter", default = 0)] applications_filter: Option<HealthStateFilter>,
        #[query("EventsHealthStateFilter", default = 0)] events_filter: Option<HealthStateFilter>,
        #[query("ExcludeHealthStatistics", default = false)] exclude_health_statistics: Option<bool>,
        #[query("IncludeSystemApplicationHealthStatistics", default = false)]
        include_system_application_health_statistics: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ClusterHealth>;

    /// The cluster's health evaluated with `policies` instead of the cluster's own
    /// (`POST /$/GetClusterHealth`).
    #[fabric_endpoint(
        POST,
        "/$/GetClusterHealth",
        api_version = "6.0",
        operation = "GetClusterHealthUsingPolicy",
        idempotent
    )]
    async fn get_cluster_health_using_policy(
        &self,
        #[query("NodesHealthStateFilter", default = 0)] nodes_filter: Option<HealthStateFilter>,
        #[query("ApplicationsHealthStateFilter", default = 0)] applications_filter: Option<HealthStateFilter>,
        #[query("EventsHealthStateFilter", default = 0)] events_filter: Option<HealthStateFilter>,
        #[query("ExcludeHealthStatistics", default = false)] exclude_health_statistics: Option<bool>,
        #[query("IncludeSystemApplicationHealthStatistics", default = false)]
        include_system_application_health_statistics: Option<bool>,
        #[body] policies: Option<&ClusterHealthPolicies>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ClusterHealth>;

    /// The cluster's health state in chunks (`GET /$/GetClusterHealthChunk`).
    #[fabric_endpoint(GET, "/$/GetClusterHealthChunk", api_version = "6.0")]
    async fn get_cluster_health_chunk(&self, #[query] timeout: Option<ServerTimeout>) -> Result<ClusterHealthChunk>;

    /// The cluster's health state in chunks, with advanced filters and policies
    /// (`POST /$/GetClusterHealthChunk`).
    #[fabric_endpoint(POST, "/$/GetClusterHealthChunk", api_version = "6.0", idempotent)]
    async fn get_cluster_health_chunk_using_policy_and_advanced_filters(
        &self,
        #[body] query: Option<&ClusterHealthChunkQueryDescription>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ClusterHealthChunk>;

    /// Sends a health report about the cluster (`POST /$/ReportClusterHealth`). With
    /// `immediate`, the gateway forwards it at once instead of batching it.
    #[fabric_endpoint(POST, "/$/ReportClusterHealth", api_version = "6.0")]
    async fn report_cluster_health(
        &self,
        #[body] report: &HealthInformation,
        #[query("Immediate", default = false)] immediate: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Turns verbose health reports of service placement on or off
    /// (`POST /$/ToggleVerboseServicePlacementHealthReporting`).
    #[fabric_endpoint(POST, "/$/ToggleVerboseServicePlacementHealthReporting", api_version = "6.4")]
    async fn toggle_verbose_service_placement_health_reporting(
        &self,
        #[query("Enabled")] enabled: bool,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;
}

impl<T: Transport> ClusterHealthOperations for T {}
