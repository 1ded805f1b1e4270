//! The service types an application type declares, and its service manifests.

use crate::models::{ServiceTypeInfo, ServiceTypeManifest};
use crate::{Result, ServerTimeout, Transport, fabric_endpoint};

/// The service types of provisioned application types.
///
/// Implemented for every [`Transport`].
pub trait ServiceTypes: Transport {
    /// The service types of one version of an application type
    /// (`GET /ApplicationTypes/{applicationTypeName}/$/GetServiceTypes`).
    #[fabric_endpoint(
        GET,
        "/ApplicationTypes/{applicationTypeName}/$/GetServiceTypes",
        api_version = "6.0"
    )]
    async fn get_service_type_info_list(
        &self,
        #[path] application_type_name: &str,
        #[query("ApplicationTypeVersion")] application_type_version: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Vec<ServiceTypeInfo>>;

    /// One service type of an application type, or `None` when it declares none of that
    /// name (`GET /ApplicationTypes/{applicationTypeName}/$/GetServiceTypes/{serviceTypeName}`).
    #[fabric_endpoint(
        GET,
        "/ApplicationTypes/{applicationTypeName}/$/GetServiceTypes/{serviceTypeName}",
        api_version = "6.0"
    )]
    async fn get_service_type_info_by_name(
        &self,
        #[path] application_type_name: &str,
        #[query("ApplicationTypeVersion")] application_type_version: &str,
        #[path(keep_escapes)] service_type_name: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Option<ServiceTypeInfo>>;

    /// One service manifest of an application type
    /// (`GET /ApplicationTypes/{applicationTypeName}/$/GetServiceManifest`).
    #[fabric_endpoint(
        GET,
        "/ApplicationTypes/{applicationTypeName}/$/GetServiceManifest",
        api_version = "6.0"
    )]
    async fn get_service_manifest(
        &self,
        #[path] application_type_name: &str,
        #[query("ApplicationTypeVersion")] application_type_version: &str,
        #[query("ServiceManifestName")] service_manifest_name: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ServiceTypeManifest>;
}

impl<T: Transport> ServiceTypes for T {}
