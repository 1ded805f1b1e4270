//! Replicas and instances of a partition.

use crate::models::{Paged, ReplicaInfo};
use crate::paging::{self, Stream};
use crate::{Result, ServerTimeout, Transport, fabric_endpoint};

/// The replicas (stateful) and instances (stateless) of partitions.
///
/// Implemented for every [`Transport`].
pub trait Replicas: Transport {
    /// One page of a partition's replicas or instances
    /// (`GET /Partitions/{partitionId}/$/GetReplicas`).
    #[fabric_endpoint(GET, "/Partitions/{partitionId}/$/GetReplicas", api_version = "6.0")]
    async fn get_replica_info_list(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[query("ContinuationToken", keep_escapes)] continuation_token: Option<&str>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Paged<ReplicaInfo>>;

    /// Every replica or instance of a partition, fetching page after page as the stream
    /// is read.
    ///
    /// ```no_run
    /// use fabric_rest::Client;
    /// use fabric_rest::replicas::Replicas;
    /// use futures_util::StreamExt;
    ///
    /// # async fn run() -> fabric_rest::Result<()> {
    /// let client = Client::new("http://127.0.0.1:19080")?;
    /// let mut replicas = std::pin::pin!(client.replicas("1daae3f5-7fd6-42e9-b1ba-8c05f873994d", None));
    /// while let Some(replica) = replicas.next().await {
    ///     println!("{:?}", replica?.replica_or_instance_id());
    /// }
    /// # Ok(()) }
    /// ```
    fn replicas<'a>(
        &'a self,
        partition_id: &'a str,
        timeout: Option<ServerTimeout>,
    ) -> impl Stream<Item = Result<ReplicaInfo>> + Send + 'a
    where
        Self: Sized,
    {
        paging::items(move |token: Option<String>| async move {
            self.get_replica_info_list(partition_id, token.as_deref(), timeout)
                .await
        })
    }

    /// One replica or instance, or `None` when the partition has none of that id
    /// (`GET /Partitions/{partitionId}/$/GetReplicas/{replicaId}`).
    #[fabric_endpoint(GET, "/Partitions/{partitionId}/$/GetReplicas/{replicaId}", api_version = "6.0")]
    async fn get_replica_info(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[path(keep_escapes)] replica_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Option<ReplicaInfo>>;
}

impl<T: Transport> Replicas for T {}
