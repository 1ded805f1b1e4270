//! Mesh network resources (`/Resources/Networks`).
#![allow(deprecated)]

use std::future::Future;

use super::put::put_resource;
use crate::models::{NetworkResourceDescription, Paged};
use crate::{Result, StatusCode, Transport, fabric_endpoint};

/// Mesh networks, which Mesh services attach to.
///
/// Implemented for every [`Transport`]. Resource names fill one path segment; escapes
/// already in them are kept. Mesh operations take no server timeout.
#[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
pub trait MeshNetworks: Transport {
    /// The declaration of [`mesh_network_create_or_update`](Self::mesh_network_create_or_update), answering only which status came
    /// back; call that one instead.
    #[doc(hidden)]
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        PUT,
        "/Resources/Networks/{networkResourceName}",
        api_version = "6.4-preview",
        operation = "MeshNetwork_CreateOrUpdate",
        success = [200, 201, 202]
    )]
    async fn mesh_network_put(
        &self,
        #[path(keep_escapes)] network_resource_name: &str,
        #[body] description: &NetworkResourceDescription,
    ) -> Result<StatusCode>;

    /// Creates the network `network_resource_name`, or replaces it with `description`
    /// (`PUT /Resources/Networks/{networkResourceName}`). The gateway answers the network (200 or 201), or
    /// `202 Accepted` without a body (`None`) when it finishes in the background.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    fn mesh_network_create_or_update<'a>(
        &'a self,
        network_resource_name: &'a str,
        description: &'a NetworkResourceDescription,
    ) -> impl Future<Output = Result<Option<NetworkResourceDescription>>> + Send + 'a
    where
        Self: Sized,
    {
        put_resource(
            self,
            Self::MESH_NETWORK_PUT,
            &[("networkResourceName", network_resource_name)],
            |request| request.json_body(description),
        )
    }

    /// The network `network_resource_name` (`GET /Resources/Networks/{networkResourceName}`).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        GET,
        "/Resources/Networks/{networkResourceName}",
        api_version = "6.4-preview",
        operation = "MeshNetwork_Get"
    )]
    async fn mesh_network_get(
        &self,
        #[path(keep_escapes)] network_resource_name: &str,
    ) -> Result<NetworkResourceDescription>;

    /// Deletes the network `network_resource_name` (`DELETE /Resources/Networks/{networkResourceName}`): `200`, `202` while
    /// it is deleted in the background, or `204` when there was none.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        DELETE,
        "/Resources/Networks/{networkResourceName}",
        api_version = "6.4-preview",
        operation = "MeshNetwork_Delete",
        success = [200, 202, 204]
    )]
    async fn mesh_network_delete(&self, #[path(keep_escapes)] network_resource_name: &str) -> Result<StatusCode>;

    /// The networks (`GET /Resources/Networks`).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        GET,
        "/Resources/Networks",
        api_version = "6.4-preview",
        operation = "MeshNetwork_List"
    )]
    async fn mesh_network_list(&self) -> Result<Paged<NetworkResourceDescription>>;
}

impl<T: Transport> MeshNetworks for T {}
