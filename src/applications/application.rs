//! Applications themselves: listing, creating, deleting, their load, capacity and ARM
//! metadata.

use crate::models::{
    ApplicationDefinitionKindFilter, ApplicationDescription, ApplicationInfo, ApplicationLoadInfo,
    ApplicationUpdateDescription, ArmMetadata, Paged,
};
use crate::paging::{self, Stream};
use crate::{Result, ServerTimeout, Transport, fabric_endpoint};

/// The applications of the cluster.
///
/// Implemented for every [`Transport`]. Creation and deletion run on in the cluster after
/// the gateway answers: the application's status in
/// [`get_application_info`](Self::get_application_info) moves from `Creating` to `Ready`
/// (or `Failed`), and a deleted one ends as `None`.
pub trait Applications: Transport {
    /// One page of the cluster's applications (`GET /Applications`).
    #[fabric_endpoint(GET, "/Applications", api_version = "6.1")]
    async fn get_application_info_list(
        &self,
        #[query("ApplicationDefinitionKindFilter", default = 0)] definition_kind_filter: Option<
            ApplicationDefinitionKindFilter,
        >,
        #[query("ApplicationTypeName")] application_type_name: Option<&str>,
        #[query("ExcludeApplicationParameters", default = false)] exclude_application_parameters: Option<bool>,
        #[query("ContinuationToken", keep_escapes)] continuation_token: Option<&str>,
        #[query("MaxResults", min = 0, default = 0)] max_results: Option<i64>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Paged<ApplicationInfo>>;

    /// Every application (of `application_type_name`, if given), fetching page after page
    /// as the stream is read.
    ///
    /// ```no_run
    /// use fabric_rest::Client;
    /// use fabric_rest::applications::Applications;
    /// use futures_util::StreamExt;
    ///
    /// # async fn run() -> fabric_rest::Result<()> {
    /// let client = Client::new("http://127.0.0.1:19080")?;
    /// let mut applications = std::pin::pin!(client.applications(None, None, None, None, None));
    /// while let Some(application) = applications.next().await {
    ///     println!("{:?}", application?.name);
    /// }
    /// # Ok(()) }
    /// ```
    fn applications<'a>(
        &'a self,
        definition_kind_filter: Option<ApplicationDefinitionKindFilter>,
        application_type_name: Option<&'a str>,
        exclude_application_parameters: Option<bool>,
        max_results: Option<i64>,
        timeout: Option<ServerTimeout>,
    ) -> impl Stream<Item = Result<ApplicationInfo>> + Send + 'a
    where
        Self: Sized,
    {
        paging::items(move |token: Option<String>| async move {
            self.get_application_info_list(
                definition_kind_filter,
                application_type_name,
                exclude_application_parameters,
                token.as_deref(),
                max_results,
                timeout,
            )
            .await
        })
    }

    /// One application, or `None` when the cluster has none of that id
    /// (`GET /Applications/{applicationId}`).
    #[fabric_endpoint(GET, "/Applications/{applicationId}", api_version = "6.0")]
    async fn get_application_info(
        &self,
        #[path(keep_escapes)] application_id: &str,
        #[query("ExcludeApplicationParameters", default = false)] exclude_application_parameters: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Option<ApplicationInfo>>;

    /// Creates an application of a provisioned type (`POST /Applications/$/Create`);
    /// `201 Created` once the cluster took it.
    #[fabric_endpoint(POST, "/Applications/$/Create", api_version = "6.0", success = 201)]
    async fn create_application(
        &self,
        #[body] description: &ApplicationDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Deletes an application and its services; with `force_remove`, without waiting for
    /// its replicas to close gracefully (`POST /Applications/{applicationId}/$/Delete`).
    #[fabric_endpoint(POST, "/Applications/{applicationId}/$/Delete", api_version = "6.0")]
    async fn delete_application(
        &self,
        #[path(keep_escapes)] application_id: &str,
        #[query("ForceRemove")] force_remove: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// An application's load and reserved capacity, or `None` when there is none to tell
    /// (`GET /Applications/{applicationId}/$/GetLoadInformation`).
    #[fabric_endpoint(
        GET,
        "/Applications/{applicationId}/$/GetLoadInformation",
        api_version = "6.0",
        operation = "GetApplicationLoadInfo"
    )]
    async fn get_application_load_info(
        &self,
        #[path(keep_escapes)] application_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Option<ApplicationLoadInfo>>;

    /// Changes an application's capacity (`POST /Applications/{applicationId}/$/Update`).
    #[fabric_endpoint(POST, "/Applications/{applicationId}/$/Update", api_version = "8.1", idempotent)]
    async fn update_application(
        &self,
        #[path(keep_escapes)] application_id: &str,
        #[body] update: &ApplicationUpdateDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Sets an application's ARM metadata; with `force`, even when it is already set
    /// (`POST /Applications/{applicationId}/$/UpdateArmMetadata`).
    #[fabric_endpoint(
        POST,
        "/Applications/{applicationId}/$/UpdateArmMetadata",
        api_version = "9.0",
        idempotent
    )]
    async fn update_application_arm_metadata(
        &self,
        #[path(keep_escapes)] application_id: &str,
        #[body] metadata: &ArmMetadata,
        #[query] timeout: Option<ServerTimeout>,
        #[query("Force")] force: Option<bool>,
    ) -> Result<()>;
}

impl<T: Transport> Applications for T {}
