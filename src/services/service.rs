//! Services themselves: listing, creating, updating, deleting, describing and resolving
//! them.

use crate::models::{
    ApplicationNameInfo, ArmMetadata, Paged, PartitionKeyType, ResolvedServicePartition, ServiceDescription,
    ServiceFromTemplateDescription, ServiceInfo, ServiceUpdateDescription, UnplacedReplicaInformation,
};
use crate::paging::{self, Stream};
use crate::{Accepted, Result, ServerTimeout, Transport, fabric_endpoint};

/// The services of applications.
///
/// Implemented for every [`Transport`]. Creation runs on after the gateway's `202`: the
/// service's status in [`get_service_info`](Self::get_service_info) moves from `Creating`
/// to `Active` (or `Failed`).
pub trait Services: Transport {
    /// One page of an application's services, of `service_type_name` if given
    /// (`GET /Applications/{applicationId}/$/GetServices`).
    #[fabric_endpoint(GET, "/Applications/{applicationId}/$/GetServices", api_version = "6.0")]
    async fn get_service_info_list(
        &self,
        #[path(keep_escapes)] application_id: &str,
        #[query("ServiceTypeName")] service_type_name: Option<&str>,
        #[query("ContinuationToken", keep_escapes)] continuation_token: Option<&str>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Paged<ServiceInfo>>;

    /// Every service of an application, fetching page after page as the stream is read.
    ///
    /// ```no_run
    /// use fabric_rest::Client;
    /// use fabric_rest::services::Services;
    /// use futures_util::StreamExt;
    ///
    /// # async fn run() -> fabric_rest::Result<()> {
    /// let client = Client::new("http://127.0.0.1:19080")?;
    /// let mut services = std::pin::pin!(client.services("samples~CalculatorApp", None, None));
    /// while let Some(service) = services.next().await {
    ///     println!("{:?}", service?.name());
    /// }
    /// # Ok(()) }
    /// ```
    fn services<'a>(
        &'a self,
        application_id: &'a str,
        service_type_name: Option<&'a str>,
        timeout: Option<ServerTimeout>,
    ) -> impl Stream<Item = Result<ServiceInfo>> + Send + 'a
    where
        Self: Sized,
    {
        paging::items(move |token: Option<String>| async move {
            self.get_service_info_list(application_id, service_type_name, token.as_deref(), timeout)
                .await
        })
    }

    /// One service of an application, or `None` when it has none of that id
    /// (`GET /Applications/{applicationId}/$/GetServices/{serviceId}`).
    #[fabric_endpoint(GET, "/Applications/{applicationId}/$/GetServices/{serviceId}", api_version = "6.0")]
    async fn get_service_info(
        &self,
        #[path(keep_escapes)] application_id: &str,
        #[path(keep_escapes)] service_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Option<ServiceInfo>>;

    /// The application a service belongs to
    /// (`GET /Services/{serviceId}/$/GetApplicationName`).
    #[fabric_endpoint(GET, "/Services/{serviceId}/$/GetApplicationName", api_version = "6.0")]
    async fn get_application_name_info(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ApplicationNameInfo>;

    /// Creates a service in an application
    /// (`POST /Applications/{applicationId}/$/GetServices/$/Create`).
    #[fabric_endpoint(POST, "/Applications/{applicationId}/$/GetServices/$/Create", api_version = "6.0")]
    async fn create_service(
        &self,
        #[path(keep_escapes)] application_id: &str,
        #[body] description: &ServiceDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Accepted>;

    /// Creates a service from a template of the application manifest
    /// (`POST /Applications/{applicationId}/$/GetServices/$/CreateFromTemplate`).
    #[fabric_endpoint(
        POST,
        "/Applications/{applicationId}/$/GetServices/$/CreateFromTemplate",
        api_version = "6.0"
    )]
    async fn create_service_from_template(
        &self,
        #[path(keep_escapes)] application_id: &str,
        #[body] description: &ServiceFromTemplateDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Accepted>;

    /// Deletes a service; with `force_remove`, without waiting for its replicas to close
    /// gracefully (`POST /Services/{serviceId}/$/Delete`).
    #[fabric_endpoint(POST, "/Services/{serviceId}/$/Delete", api_version = "6.0")]
    async fn delete_service(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[query("ForceRemove")] force_remove: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Changes a running service (`POST /Services/{serviceId}/$/Update`).
    #[fabric_endpoint(POST, "/Services/{serviceId}/$/Update", api_version = "6.0", idempotent)]
    async fn update_service(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[body] update: &ServiceUpdateDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// A service's description as the cluster holds it
    /// (`GET /Services/{serviceId}/$/GetDescription`).
    #[fabric_endpoint(GET, "/Services/{serviceId}/$/GetDescription", api_version = "6.0")]
    async fn get_service_description(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ServiceDescription>;

    /// The partition of a service that owns a key, and where its replicas listen
    /// (`GET /Services/{serviceId}/$/ResolvePartition`). Pass the previous answer's
    /// `Version` as `previous_rsp_version` to get a newer one than that.
    #[fabric_endpoint(GET, "/Services/{serviceId}/$/ResolvePartition", api_version = "6.0")]
    async fn resolve_service(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[query("PartitionKeyType")] partition_key_type: Option<PartitionKeyType>,
        #[query("PartitionKeyValue", keep_escapes)] partition_key_value: Option<&str>,
        #[query("PreviousRspVersion", keep_escapes)] previous_rsp_version: Option<&str>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ResolvedServicePartition>;

    /// Why replicas of a service (of one partition, or only primaries) stay unplaced
    /// (`GET /Services/{serviceId}/$/GetUnplacedReplicaInformation`).
    #[fabric_endpoint(GET, "/Services/{serviceId}/$/GetUnplacedReplicaInformation", api_version = "6.4")]
    async fn get_unplaced_replica_information(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[query("PartitionId")] partition_id: Option<&str>,
        #[query("OnlyQueryPrimaries", default = false)] only_query_primaries: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<UnplacedReplicaInformation>;

    /// Sets a service's ARM metadata; with `force`, even when it is already set
    /// (`POST /Services/{serviceId}/$/UpdateArmMetadata`).
    #[fabric_endpoint(POST, "/Services/{serviceId}/$/UpdateArmMetadata", api_version = "9.0", idempotent)]
    async fn update_service_arm_metadata(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[body] metadata: &ArmMetadata,
        #[query] timeout: Option<ServerTimeout>,
        #[query("Force")] force: Option<bool>,
    ) -> Result<()>;
}

impl<T: Transport> Services for T {}
