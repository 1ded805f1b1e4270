//! The health of a partition: queries and reports.

use crate::models::{ApplicationHealthPolicy, HealthInformation, HealthStateFilter, PartitionHealth};
use crate::{Result, ServerTimeout, Transport, fabric_endpoint};

/// The health of partitions.
///
/// Implemented for every [`Transport`].
pub trait PartitionHealthOperations: Transport {
    /// A partition's health, with its replicas' states as the filters select
    /// (`GET /Partitions/{partitionId}/$/GetHealth`).
    #[fabric_endpoint(GET, "/Partitions/{partitionId}/$/GetHealth", api_version = "6.0")]
    async fn get_partition_health(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[query("EventsHealthStateFilter", default = 0)] events_filter: Option<HealthStateFilter>,
        #[query("ReplicasHealthStateFilter", default = 0)] replicas_filter: Option<HealthStateFilter>,
        #[query("ExcludeHealthStatistics", default = false)] exclude_health_statistics: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<PartitionHealth>;

    /// A partition's health evaluated with `policy`
    /// (`POST /Partitions/{partitionId}/$/GetHealth`).
    #[fabric_endpoint(
        POST,
        "/Partitions/{partitionId}/$/GetHealth",
        api_version = "6.0",
        operation = "GetPartitionHealthUsingPolicy",
        idempotent
    )]
    async fn get_partition_health_using_policy(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[query("EventsHealthStateFilter", default = 0)] events_filter: Option<HealthStateFilter>,
        #[query("ReplicasHealthStateFilter", default = 0)] replicas_filter: Option<HealthStateFilter>,
        #[body] policy: Option<&ApplicationHealthPolicy>,
        #[query("ExcludeHealthStatistics", default = false)] exclude_health_statistics: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<PartitionHealth>;

    /// Sends a health report about a partition
    /// (`POST /Partitions/{partitionId}/$/ReportHealth`).
    #[fabric_endpoint(POST, "/Partitions/{partitionId}/$/ReportHealth", api_version = "6.0")]
    async fn report_partition_health(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[body] report: &HealthInformation,
        #[query("Immediate", default = false)] immediate: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;
}

impl<T: Transport> PartitionHealthOperations for T {}
