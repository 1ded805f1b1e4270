//! Faults induced on one partition: data loss, quorum loss and restarts.

use crate::models::{
    DataLossMode, FaultDuration, OperationId, PartitionDataLossProgress, PartitionQuorumLossProgress,
    PartitionRestartProgress, QuorumLossMode, RestartPartitionMode,
};
use crate::{Accepted, Result, ServerTimeout, Transport, fabric_endpoint};

/// Faults induced on one partition of a stateful (or, for restarts, any) service, through
/// the Fault Analysis Service.
///
/// Implemented for every [`Transport`]. Each start takes an [`OperationId`] of the caller's
/// choosing ([`OperationId::new`]) and answers `202 Accepted` at once; the fault then runs
/// in the cluster, and its progress is asked for with the same id until its
/// [`OperationState`](crate::models::OperationState) is final.
/// [`FaultOperations::cancel_operation`](super::FaultOperations::cancel_operation) stops
/// it.
///
/// `service_id` is the service's name without `fabric:/` (`myapp~myservice` for
/// `fabric:/myapp/myservice`), `partition_id` the partition's GUID.
///
/// ```no_run
/// use fabric_rest::Client;
/// use fabric_rest::faults::PartitionFaults;
/// use fabric_rest::models::{DataLossMode, OperationId};
///
/// # async fn run() -> fabric_rest::Result<()> {
/// let client = Client::new("http://127.0.0.1:19080")?;
/// let (service, partition) = ("myapp~myservice", "1daae3f5-7fd6-42e9-b1ba-8c05f873994d");
/// let id = OperationId::new();
/// client.start_data_loss(service, partition, id, DataLossMode::PartialDataLoss, None).await?;
/// loop {
///     let progress = client.get_data_loss_progress(service, partition, id, None).await?;
///     if progress.state.as_ref().is_some_and(|state| state.is_final()) {
///         break;
///     }
///     tokio::time::sleep(std::time::Duration::from_secs(5)).await;
/// }
/// # Ok(()) }
/// ```
pub trait PartitionFaults: Transport {
    /// Starts a data loss of the partition, which calls its `OnDataLossAsync`
    /// (`POST /Faults/Services/{serviceId}/$/GetPartitions/{partitionId}/$/StartDataLoss`).
    /// It cannot be undone: cancelling it only stops it and cleans up the system's state.
    #[fabric_endpoint(
        POST,
        "/Faults/Services/{serviceId}/$/GetPartitions/{partitionId}/$/StartDataLoss",
        api_version = "6.0"
    )]
    async fn start_data_loss(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[path(keep_escapes)] partition_id: &str,
        #[query("OperationId")] operation_id: OperationId,
        #[query("DataLossMode")] data_loss_mode: DataLossMode,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Accepted>;

    /// Where the data loss started with `operation_id` stands
    /// (`GET /Faults/Services/{serviceId}/$/GetPartitions/{partitionId}/$/GetDataLossProgress`).
    #[fabric_endpoint(
        GET,
        "/Faults/Services/{serviceId}/$/GetPartitions/{partitionId}/$/GetDataLossProgress",
        api_version = "6.0"
    )]
    async fn get_data_loss_progress(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[path(keep_escapes)] partition_id: &str,
        #[query("OperationId")] operation_id: OperationId,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<PartitionDataLossProgress>;

    /// Starts a quorum loss of the partition for `quorum_loss_duration`
    /// (`POST /Faults/Services/{serviceId}/$/GetPartitions/{partitionId}/$/StartQuorumLoss`).
    /// Only for stateful services with persisted state.
    #[fabric_endpoint(
        POST,
        "/Faults/Services/{serviceId}/$/GetPartitions/{partitionId}/$/StartQuorumLoss",
        api_version = "6.0"
    )]
    async fn start_quorum_loss(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[path(keep_escapes)] partition_id: &str,
        #[query("OperationId")] operation_id: OperationId,
        #[query("QuorumLossMode")] quorum_loss_mode: QuorumLossMode,
        #[query("QuorumLossDuration")] quorum_loss_duration: FaultDuration,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Accepted>;

    /// Where the quorum loss started with `operation_id` stands
    /// (`GET /Faults/Services/{serviceId}/$/GetPartitions/{partitionId}/$/GetQuorumLossProgress`).
    #[fabric_endpoint(
        GET,
        "/Faults/Services/{serviceId}/$/GetPartitions/{partitionId}/$/GetQuorumLossProgress",
        api_version = "6.0"
    )]
    async fn get_quorum_loss_progress(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[path(keep_escapes)] partition_id: &str,
        #[query("OperationId")] operation_id: OperationId,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<PartitionQuorumLossProgress>;

    /// Starts restarting replicas of the partition, to test failover
    /// (`POST /Faults/Services/{serviceId}/$/GetPartitions/{partitionId}/$/StartRestart`).
    #[fabric_endpoint(
        POST,
        "/Faults/Services/{serviceId}/$/GetPartitions/{partitionId}/$/StartRestart",
        api_version = "6.0",
        operation = "StartPartitionRestart"
    )]
    async fn start_partition_restart(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[path(keep_escapes)] partition_id: &str,
        #[query("OperationId")] operation_id: OperationId,
        #[query("RestartPartitionMode")] restart_partition_mode: RestartPartitionMode,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Accepted>;

    /// Where the restart started with `operation_id` stands
    /// (`GET /Faults/Services/{serviceId}/$/GetPartitions/{partitionId}/$/GetRestartProgress`).
    #[fabric_endpoint(
        GET,
        "/Faults/Services/{serviceId}/$/GetPartitions/{partitionId}/$/GetRestartProgress",
        api_version = "6.0",
        operation = "GetPartitionRestartProgress"
    )]
    async fn get_partition_restart_progress(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[path(keep_escapes)] partition_id: &str,
        #[query("OperationId")] operation_id: OperationId,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<PartitionRestartProgress>;
}

impl<T: Transport> PartitionFaults for T {}
