//! Cluster-wide partition operations: loads and quorum-loss recovery.

use crate::models::{
    LoadedPartitionInformationResult, Ordering, Paged, PartitionMetricLoadDescription, UpdatePartitionLoadResult,
};
use crate::{Result, ServerTimeout, Transport, fabric_endpoint};

/// Partition loads and the recovery of partitions across the cluster.
///
/// Implemented for every [`Transport`].
pub trait ClusterPartitions: Transport {
    /// The partitions with the highest (or lowest) load of `metric_name`, a page at a time
    /// (`GET /$/GetLoadedPartitionInfoList`).
    #[fabric_endpoint(GET, "/$/GetLoadedPartitionInfoList", api_version = "8.0")]
    async fn get_loaded_partition_info_list(
        &self,
        #[query("MetricName")] metric_name: &str,
        #[query("ServiceName")] service_name: Option<&str>,
        #[query("Ordering", default = "Desc")] ordering: Option<Ordering>,
        #[query("MaxResults", min = 0, default = 0)] max_results: Option<i64>,
        #[query("ContinuationToken", keep_escapes)] continuation_token: Option<&str>,
    ) -> Result<Paged<LoadedPartitionInformationResult>>;

    /// Sets the loads of partitions (`POST /$/UpdatePartitionLoad`); the answer lists the
    /// result per partition, a page at a time.
    #[fabric_endpoint(POST, "/$/UpdatePartitionLoad", api_version = "7.2")]
    async fn update_partition_load(
        &self,
        #[body] loads: &[PartitionMetricLoadDescription],
        #[query("ContinuationToken", keep_escapes)] continuation_token: Option<&str>,
        #[query("MaxResults", min = 0, default = 0)] max_results: Option<i64>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Paged<UpdatePartitionLoadResult>>;

    /// Recovers the system service partitions stuck in quorum loss
    /// (`POST /$/RecoverSystemPartitions`).
    #[fabric_endpoint(POST, "/$/RecoverSystemPartitions", api_version = "6.0")]
    async fn recover_system_partitions(&self, #[query] timeout: Option<ServerTimeout>) -> Result<()>;

    /// Recovers every partition stuck in quorum loss (`POST /$/RecoverAllPartitions`).
    #[fabric_endpoint(POST, "/$/RecoverAllPartitions", api_version = "6.0")]
    async fn recover_all_partitions(&self, #[query] timeout: Option<ServerTimeout>) -> Result<()>;
}

impl<T: Transport> ClusterPartitions for T {}
