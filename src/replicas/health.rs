//! The health of a replica or instance: queries and reports.

use crate::models::{ApplicationHealthPolicy, HealthInformation, HealthStateFilter, ReplicaHealth, ServiceKind};
use crate::{Result, ServerTimeout, Transport, fabric_endpoint};

/// The health of replicas and instances.
///
/// Implemented for every [`Transport`].
pub trait ReplicaHealthOperations: Transport {
    /// A replica's or instance's health
    /// (`GET /Partitions/{partitionId}/$/GetReplicas/{replicaId}/$/GetHealth`).
    #[fabric_endpoint(
        GET,
        "/Partitions/{partitionId}/$/GetReplicas/{replicaId}/$/GetHealth",
        api_version = "6.0"
    )]
    async fn get_replica_health(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[path(keep_escapes)] replica_id: &str,
        #[query("EventsHealthStateFilter", default = 0)] events_filter: Option<HealthStateFilter>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ReplicaHealth>;

    /// A replica's or instance's health evaluated with `policy`
    /// (`POST /Partitions/{partitionId}/$/GetReplicas/{replicaId}/$/GetHealth`).
    #[fabric_endpoint(
        POST,
        "/Partitions/{partitionId}/$/GetReplicas/{replicaId}/$/GetHealth",
        api_version = "6.0",
        operation = "GetReplicaHealthUsingPolicy",
        idempotent
    )]
    async fn get_replica_health_using_policy(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[path(keep_escapes)] replica_id: &str,
        #[query("EventsHealthStateFilter", default = 0)] events_filter: Option<HealthStateFilter>,
        #[body] policy: Option<&ApplicationHealthPolicy>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ReplicaHealth>;

    /// Sends a health report about a replica (`service_kind` `Stateful`) or an instance
    /// (`Stateless`)
    /// (`POST /Partitions/{partitionId}/$/GetReplicas/{replicaId}/$/ReportHealth`).
    #[fabric_endpoint(
        POST,
        "/Partitions/{partitionId}/$/GetReplicas/{replicaId}/$/ReportHealth",
        api_version = "6.0"
    )]
    async fn report_replica_health(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[path(keep_escapes)] replica_id: &str,
        #[query("ServiceKind", default = "Stateful")] service_kind: ServiceKind,
        #[body] report: &HealthInformation,
        #[query("Immediate", default = false)] immediate: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;
}

impl<T: Transport> ReplicaHealthOperations for T {}
