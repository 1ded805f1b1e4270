//! Mesh application resources (`/Resources/Applications`), with their services, replicas
//! and container logs.
#![allow(deprecated)]

use std::future::Future;

use super::put::put_resource;
use crate::models::{
    ApplicationResourceDescription, ApplicationResourceUpgradeProgressInfo, ContainerLogs, Paged,
    ServiceReplicaDescription, ServiceResourceDescription,
};
use crate::{Result, StatusCode, Transport, fabric_endpoint};

/// Mesh applications, their upgrades, services, replicas and container logs.
///
/// Implemented for every [`Transport`]. Resource names fill one path segment; escapes
/// already in them are kept. Mesh operations take no server timeout.
#[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
pub trait MeshApplications: Transport {
    /// The declaration of [`mesh_application_create_or_update`](Self::mesh_application_create_or_update), answering only which status came
    /// back; call that one instead.
    #[doc(hidden)]
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        PUT,
        "/Resources/Applications/{applicationResourceName}",
        api_version = "6.4-preview",
        operation = "MeshApplication_CreateOrUpdate",
        success = [200, 201, 202]
    )]
    async fn mesh_application_put(
        &self,
        #[path(keep_escapes)] application_resource_name: &str,
        #[body] description: &ApplicationResourceDescription,
    ) -> Result<StatusCode>;

    /// Creates the application `application_resource_name`, or replaces it with `description`
    /// (`PUT /Resources/Applications/{applicationResourceName}`). The gateway answers the application (200 or 201), or
    /// `202 Accepted` without a body (`None`) when it finishes in the background.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    fn mesh_application_create_or_update<'a>(
        &'a self,
        application_resource_name: &'a str,
        description: &'a ApplicationResourceDescription,
    ) -> impl Future<Output = Result<Option<ApplicationResourceDescription>>> + Send + 'a
    where
        Self: Sized,
    {
        put_resource(
            self,
            Self::MESH_APPLICATION_PUT,
            &[("applicationResourceName", application_resource_name)],
            |request| request.json_body(description),
        )
    }

    /// The application `application_resource_name` (`GET /Resources/Applications/{applicationResourceName}`).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        GET,
        "/Resources/Applications/{applicationResourceName}",
        api_version = "6.4-preview",
        operation = "MeshApplication_Get"
    )]
    async fn mesh_application_get(
        &self,
        #[path(keep_escapes)] application_resource_name: &str,
    ) -> Result<ApplicationResourceDescription>;

    /// Deletes the application `application_resource_name` (`DELETE /Resources/Applications/{applicationResourceName}`): `200`, `202` while
    /// it is deleted in the background, or `204` when there was none.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        DELETE,
        "/Resources/Applications/{applicationResourceName}",
        api_version = "6.4-preview",
        operation = "MeshApplication_Delete",
        success = [200, 202, 204]
    )]
    async fn mesh_application_delete(
        &self,
        #[path(keep_escapes)] application_resource_name: &str,
    ) -> Result<StatusCode>;

    /// The applications (`GET /Resources/Applications`).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        GET,
        "/Resources/Applications",
        api_version = "6.4-preview",
        operation = "MeshApplication_List"
    )]
    async fn mesh_application_list(&self) -> Result<Paged<ApplicationResourceDescription>>;

    /// Where the application's latest upgrade stands
    /// (`GET /Resources/Applications/{applicationResourceName}/$/GetUpgradeProgress`).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        GET,
        "/Resources/Applications/{applicationResourceName}/$/GetUpgradeProgress",
        api_version = "7.0",
        operation = "MeshApplication_GetUpgradeProgress"
    )]
    async fn mesh_application_get_upgrade_progress(
        &self,
        #[path(keep_escapes)] application_resource_name: &str,
    ) -> Result<ApplicationResourceUpgradeProgressInfo>;

    /// The service `service_resource_name` of the application
    /// (`GET /Resources/Applications/{applicationResourceName}/Services/{serviceResourceName}`).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        GET,
        "/Resources/Applications/{applicationResourceName}/Services/{serviceResourceName}",
        api_version = "6.4-preview",
        operation = "MeshService_Get"
    )]
    async fn mesh_service_get(
        &self,
        #[path(keep_escapes)] application_resource_name: &str,
        #[path(keep_escapes)] service_resource_name: &str,
    ) -> Result<ServiceResourceDescription>;

    /// The services of the application
    /// (`GET /Resources/Applications/{applicationResourceName}/Services`).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        GET,
        "/Resources/Applications/{applicationResourceName}/Services",
        api_version = "6.4-preview",
        operation = "MeshService_List"
    )]
    async fn mesh_service_list(
        &self,
        #[path(keep_escapes)] application_resource_name: &str,
    ) -> Result<Paged<ServiceResourceDescription>>;

    /// The replica `replica_name` of the service
    /// (`GET /Resources/Applications/{applicationResourceName}/Services/{serviceResourceName}/Replicas/{replicaName}`).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        GET,
        "/Resources/Applications/{applicationResourceName}/Services/{serviceResourceName}/Replicas/{replicaName}",
        api_version = "6.4-preview",
        operation = "MeshServiceReplica_Get"
    )]
    async fn mesh_service_replica_get(
        &self,
        #[path(keep_escapes)] application_resource_name: &str,
        #[path(keep_escapes)] service_resource_name: &str,
        #[path(keep_escapes)] replica_name: &str,
    ) -> Result<ServiceReplicaDescription>;

    /// The replicas of the service
    /// (`GET /Resources/Applications/{applicationResourceName}/Services/{serviceResourceName}/Replicas`).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        GET,
        "/Resources/Applications/{applicationResourceName}/Services/{serviceResourceName}/Replicas",
        api_version = "6.4-preview",
        operation = "MeshServiceReplica_List"
    )]
    async fn mesh_service_replica_list(
        &self,
        #[path(keep_escapes)] application_resource_name: &str,
        #[path(keep_escapes)] service_resource_name: &str,
    ) -> Result<Paged<ServiceReplicaDescription>>;

    /// The logs of the container `code_package_name` of a replica, the last `tail` lines
    /// only when given
    /// (`GET /Resources/Applications/{applicationResourceName}/Services/{serviceResourceName}/Replicas/{replicaName}/CodePackages/{codePackageName}/Logs`).
    /// The code package name is encoded in full, escapes included.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        GET,
        "/Resources/Applications/{applicationResourceName}/Services/{serviceResourceName}/Replicas/{replicaName}/CodePackages/{codePackageName}/Logs",
        api_version = "6.4-preview",
        operation = "MeshCodePackage_GetContainerLogs"
    )]
    async fn mesh_code_package_get_container_logs(
        &self,
        #[path(keep_escapes)] application_resource_name: &str,
        #[path(keep_escapes)] service_resource_name: &str,
        #[path(keep_escapes)] replica_name: &str,
        #[path] code_package_name: &str,
        #[query("Tail")] tail: Option<&str>,
    ) -> Result<ContainerLogs>;
}

impl<T: Transport> MeshApplications for T {}
