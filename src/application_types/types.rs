//! Application types: listing them, provisioning and unprovisioning them, their manifests
//! and their ARM metadata.

use crate::models::{
    ApplicationTypeDefinitionKindFilter, ApplicationTypeInfo, ApplicationTypeManifest, ArmMetadata, Paged,
    ProvisionApplicationTypeDescriptionBase, UnprovisionApplicationTypeDescriptionInfo,
};
use crate::paging::{self, Stream};
use crate::{Result, ServerTimeout, StatusCode, Transport, fabric_endpoint};

/// The application types provisioned in the cluster.
///
/// Implemented for every [`Transport`]. Provisioning is a long-running workflow: the
/// gateway answers 202 for an asynchronous provision, and the type's status in
/// [`get_application_type_info_list_by_name`](Self::get_application_type_info_list_by_name)
/// moves from `Provisioning` to `Available` or `Failed`.
pub trait ApplicationTypes: Transport {
    /// One page of the application types, every version of each
    /// (`GET /ApplicationTypes`).
    #[fabric_endpoint(GET, "/ApplicationTypes", api_version = "6.0")]
    async fn get_application_type_info_list(
        &self,
        #[query("ApplicationTypeDefinitionKindFilter", default = 0)] definition_kind_filter: Option<
            ApplicationTypeDefinitionKindFilter,
        >,
        #[query("ExcludeApplicationParameters", default = false)] exclude_application_parameters: Option<bool>,
        #[query("ContinuationToken", keep_escapes)] continuation_token: Option<&str>,
        #[query("MaxResults", min = 0, default = 0)] max_results: Option<i64>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Paged<ApplicationTypeInfo>>;

    /// Every application type in every version, fetching page after page as the stream
    /// is read.
    ///
    /// ```no_run
    /// use fabric_rest::Client;
    /// use fabric_rest::application_types::ApplicationTypes;
    /// use futures_util::StreamExt;
    ///
    /// # async fn run() -> fabric_rest::Result<()> {
    /// let client = Client::new("http://127.0.0.1:19080")?;
    /// let mut types = std::pin::pin!(client.application_types(None, Some(true), None, None));
    /// while let Some(application_type) = types.next().await {
    ///     let application_type = application_type?;
    ///     println!("{:?} {:?}", application_type.name, application_type.version);
    /// }
    /// # Ok(()) }
    /// ```
    fn application_types(
        &self,
        definition_kind_filter: Option<ApplicationTypeDefinitionKindFilter>,
        exclude_application_parameters: Option<bool>,
        max_results: Option<i64>,
        timeout: Option<ServerTimeout>,
    ) -> impl Stream<Item = Result<ApplicationTypeInfo>> + Send + '_
    where
        Self: Sized,
    {
        paging::items(move |token: Option<String>| async move {
            self.get_application_type_info_list(
                definition_kind_filter,
                exclude_application_parameters,
                token.as_deref(),
                max_results,
                timeout,
            )
            .await
        })
    }

    /// One page of the versions of one application type, or only `application_type_version`
    /// (`GET /ApplicationTypes/{applicationTypeName}`).
    #[fabric_endpoint(GET, "/ApplicationTypes/{applicationTypeName}", api_version = "6.0")]
    async fn get_application_type_info_list_by_name(
        &self,
        #[path] application_type_name: &str,
        #[query("ApplicationTypeVersion")] application_type_version: Option<&str>,
        #[query("ExcludeApplicationParameters", default = false)] exclude_application_parameters: Option<bool>,
        #[query("ContinuationToken", keep_escapes)] continuation_token: Option<&str>,
        #[query("MaxResults", min = 0, default = 0)] max_results: Option<i64>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Paged<ApplicationTypeInfo>>;

    /// Provisions an application type from the image store or an external store
    /// (`POST /ApplicationTypes/$/Provision`). Answers `202 Accepted` when the description
    /// asks for an asynchronous provision, `200 OK` once a synchronous one is done.
    #[fabric_endpoint(POST, "/ApplicationTypes/$/Provision", api_version = "6.2", success = [200, 202])]
    async fn provision_application_type(
        &self,
        #[body] description: &ProvisionApplicationTypeDescriptionBase,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<StatusCode>;

    /// Unprovisions one version of an application type; no application may use it
    /// (`POST /ApplicationTypes/{applicationTypeName}/$/Unprovision`). Answers `202` for an
    /// asynchronous unprovision, `200` once a synchronous one is done.
    #[fabric_endpoint(
        POST,
        "/ApplicationTypes/{applicationTypeName}/$/Unprovision",
        api_version = "6.0",
        success = [200, 202]
    )]
    async fn unprovision_application_type(
        &self,
        #[path] application_type_name: &str,
        #[body] description: &UnprovisionApplicationTypeDescriptionInfo,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<StatusCode>;

    /// Sets the ARM metadata of one version of an application type; with `force`, even
    /// when it is already set
    /// (`POST /ApplicationTypes/{applicationTypeName}/$/UpdateArmMetadata`).
    #[fabric_endpoint(
        POST,
        "/ApplicationTypes/{applicationTypeName}/$/UpdateArmMetadata",
        api_version = "9.0",
        idempotent
    )]
    async fn update_application_type_arm_metadata(
        &self,
        #[path] application_type_name: &str,
        #[query("ApplicationTypeVersion")] application_type_version: &str,
        #[body] metadata: &ArmMetadata,
        #[query] timeout: Option<ServerTimeout>,
        #[query("Force")] force: Option<bool>,
    ) -> Result<()>;

    /// The application manifest of one version of an application type
    /// (`GET /ApplicationTypes/{applicationTypeName}/$/GetApplicationManifest`).
    #[fabric_endpoint(
        GET,
        "/ApplicationTypes/{applicationTypeName}/$/GetApplicationManifest",
        api_version = "6.0"
    )]
    async fn get_application_manifest(
        &self,
        #[path] application_type_name: &str,
        #[query("ApplicationTypeVersion")] application_type_version: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ApplicationTypeManifest>;
}

impl<T: Transport> ApplicationTypes for T {}
