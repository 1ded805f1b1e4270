//! Partitions themselves: listing, their service, load and recovery, and moving their
//! replicas and instances.

use crate::models::{Paged, PartitionLoadInformation, ServiceNameInfo, ServicePartitionInfo};
use crate::paging::{self, Stream};
use crate::{Result, ServerTimeout, Transport, fabric_endpoint};

/// The partitions of services.
///
/// Implemented for every [`Transport`].
pub trait Partitions: Transport {
    /// One page of a service's partitions (`GET /Services/{serviceId}/$/GetPartitions`).
    #[fabric_endpoint(GET, "/Services/{serviceId}/$/GetPartitions", api_version = "6.4")]
    async fn get_partition_info_list(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[query("ContinuationToken", keep_escapes)] continuation_token: Option<&str>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Paged<ServicePartitionInfo>>;

    /// Every partition of a service, fetching page after page as the stream is read.
    ///
    /// ```no_run
    /// use fabric_rest::Client;
    /// use fabric_rest::partitions::Partitions;
    /// use futures_util::StreamExt;
    ///
    /// # async fn run() -> fabric_rest::Result<()> {
    /// let client = Client::new("http://127.0.0.1:19080")?;
    /// let mut partitions = std::pin::pin!(client.partitions("App~Svc", None));
    /// while let Some(partition) = partitions.next().await {
    ///     println!("{:?}", partition?.partition_information());
    /// }
    /// # Ok(()) }
    /// ```
    fn partitions<'a>(
        &'a self,
        service_id: &'a str,
        timeout: Option<ServerTimeout>,
    ) -> impl Stream<Item = Result<ServicePartitionInfo>> + Send + 'a
    where
        Self: Sized,
    {
        paging::items(move |token: Option<String>| async move {
            self.get_partition_info_list(service_id, token.as_deref(), timeout)
                .await
        })
    }

    /// One partition, or `None` when there is none of that id
    /// (`GET /Partitions/{partitionId}`).
    #[fabric_endpoint(GET, "/Partitions/{partitionId}", api_version = "6.0")]
    async fn get_partition_info(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Option<ServicePartitionInfo>>;

    /// The service a partition belongs to (`GET /Partitions/{partitionId}/$/GetServiceName`).
    #[fabric_endpoint(GET, "/Partitions/{partitionId}/$/GetServiceName", api_version = "6.0")]
    async fn get_service_name_info(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ServiceNameInfo>;

    /// The loads a partition's replicas reported
    /// (`GET /Partitions/{partitionId}/$/GetLoadInformation`).
    #[fabric_endpoint(GET, "/Partitions/{partitionId}/$/GetLoadInformation", api_version = "6.0")]
    async fn get_partition_load_information(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<PartitionLoadInformation>;

    /// Resets a partition's loads to the service's defaults
    /// (`POST /Partitions/{partitionId}/$/ResetLoad`).
    #[fabric_endpoint(POST, "/Partitions/{partitionId}/$/ResetLoad", api_version = "6.0", idempotent)]
    async fn reset_partition_load(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Asks the cluster to recover a partition stuck in quorum loss
    /// (`POST /Partitions/{partitionId}/$/Recover`).
    #[fabric_endpoint(POST, "/Partitions/{partitionId}/$/Recover", api_version = "6.0")]
    async fn recover_partition(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Asks the cluster to recover every partition of a service stuck in quorum loss
    /// (`POST /Services/$/{serviceId}/$/GetPartitions/$/Recover`).
    #[fabric_endpoint(POST, "/Services/$/{serviceId}/$/GetPartitions/$/Recover", api_version = "6.0")]
    async fn recover_service_partitions(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Moves a stateful partition's primary to `node_name`, or to a node the cluster
    /// picks; with `ignore_constraints`, even against placement constraints
    /// (`POST /Partitions/{partitionId}/$/MovePrimaryReplica`).
    #[fabric_endpoint(POST, "/Partitions/{partitionId}/$/MovePrimaryReplica", api_version = "6.5")]
    async fn move_primary_replica(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[query("NodeName")] node_name: Option<&str>,
        #[query("IgnoreConstraints", default = false)] ignore_constraints: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Moves a secondary from `current_node_name` to `new_node_name`, or to a node the
    /// cluster picks (`POST /Partitions/{partitionId}/$/MoveSecondaryReplica`).
    #[fabric_endpoint(POST, "/Partitions/{partitionId}/$/MoveSecondaryReplica", api_version = "6.5")]
    async fn move_secondary_replica(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[query("CurrentNodeName")] current_node_name: &str,
        #[query("NewNodeName")] new_node_name: Option<&str>,
        #[query("IgnoreConstraints", default = false)] ignore_constraints: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Moves an instance of a stateless partition; either node may be left for the
    /// cluster to pick
    /// (`POST /Services/{serviceId}/$/GetPartitions/{partitionId}/$/MoveInstance`).
    #[fabric_endpoint(
        POST,
        "/Services/{serviceId}/$/GetPartitions/{partitionId}/$/MoveInstance",
        api_version = "8.0"
    )]
    async fn move_instance(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[path(keep_escapes)] partition_id: &str,
        #[query("CurrentNodeName")] current_node_name: Option<&str>,
        #[query("NewNodeName")] new_node_name: Option<&str>,
        #[query("IgnoreConstraints", default = false)] ignore_constraints: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Moves an auxiliary replica of a stateful partition; either node may be left for the
    /// cluster to pick
    /// (`POST /Services/{serviceId}/$/GetPartitions/{partitionId}/$/MoveAuxiliaryReplica`).
    #[fabric_endpoint(
        POST,
        "/Services/{serviceId}/$/GetPartitions/{partitionId}/$/MoveAuxiliaryReplica",
        api_version = "8.1"
    )]
    async fn move_auxiliary_replica(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[path(keep_escapes)] partition_id: &str,
        #[query("CurrentNodeName")] current_node_name: Option<&str>,
        #[query("NewNodeName")] new_node_name: Option<&str>,
        #[query("IgnoreConstraints", default = false)] ignore_constraints: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;
}

impl<T: Transport> Partitions for T {}
