//! Mesh volume resources (`/Resources/Volumes`).
#![allow(deprecated)]

use std::future::Future;

use super::put::put_resource;
use crate::models::{Paged, VolumeResourceDescription};
use crate::{Result, StatusCode, Transport, fabric_endpoint};

/// Mesh volumes: Azure Files shares that Mesh containers mount.
///
/// Implemented for every [`Transport`]. Resource names fill one path segment; escapes
/// already in them are kept. Mesh operations take no server timeout.
#[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
pub trait MeshVolumes: Transport {
    /// The declaration of [`mesh_volume_create_or_update`](Self::mesh_volume_create_or_update), answering only which status came
    /// back; call that one instead.
    #[doc(hidden)]
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        PUT,
        "/Resources/Volumes/{volumeResourceName}",
        api_version = "6.4-preview",
        operation = "MeshVolume_CreateOrUpdate",
        success = [200, 201, 202]
    )]
    async fn mesh_volume_put(
        &self,
        #[path(keep_escapes)] volume_resource_name: &str,
        #[body] description: &VolumeResourceDescription,
    ) -> Result<StatusCode>;

    /// Creates the volume `volume_resource_name`, or replaces it with `description`
    /// (`PUT /Resources/Volumes/{volumeResourceName}`). The gateway answers the volume (200 or 201), or
    /// `202 Accepted` without a body (`None`) when it finishes in the background.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    fn mesh_volume_create_or_update<'a>(
        &'a self,
        volume_resource_name: &'a str,
        description: &'a VolumeResourceDescription,
    ) -> impl Future<Output = Result<Option<VolumeResourceDescription>>> + Send + 'a
    where
        Self: Sized,
    {
        put_resource(
            self,
            Self::MESH_VOLUME_PUT,
            &[("volumeResourceName", volume_resource_name)],
            |request| request.json_body(description),
        )
    }

    /// The volume `volume_resource_name` (`GET /Resources/Volumes/{volumeResourceName}`).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        GET,
        "/Resources/Volumes/{volumeResourceName}",
        api_version = "6.4-preview",
        operation = "MeshVolume_Get"
    )]
    async fn mesh_volume_get(
        &self,
        #[path(keep_escapes)] volume_resource_name: &str,
    ) -> Result<VolumeResourceDescription>;

    /// Deletes the volume `volume_resource_name` (`DELETE /Resources/Volumes/{volumeResourceName}`): `200`, `202` while
    /// it is deleted in the background, or `204` when there was none.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        DELETE,
        "/Resources/Volumes/{volumeResourceName}",
        api_version = "6.4-preview",
        operation = "MeshVolume_Delete",
        success = [200, 202, 204]
    )]
    async fn mesh_volume_delete(&self, #[path(keep_escapes)] volume_resource_name: &str) -> Result<StatusCode>;

    /// The volumes (`GET /Resources/Volumes`).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        GET,
        "/Resources/Volumes",
        api_version = "6.4-preview",
        operation = "MeshVolume_List"
    )]
    async fn mesh_volume_list(&self) -> Result<Paged<VolumeResourceDescription>>;
}

impl<T: Transport> MeshVolumes for T {}
