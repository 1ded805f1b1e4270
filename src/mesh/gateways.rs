//! Mesh gateway resources (`/Resources/Gateways`), removed from the Service Fabric
//! runtime.
#![allow(deprecated)]

use std::future::Future;

use super::put::put_resource;
use crate::models::{GatewayResourceDescription, Paged};
use crate::{Result, StatusCode, Transport, fabric_endpoint};

/// Mesh gateways, which route traffic from one network to services on another.
///
/// `/Resources/Gateways` has been removed from the Service Fabric runtime: current
/// clusters refuse these requests. They stay declared for older clusters only.
///
/// Implemented for every [`Transport`]. Resource names fill one path segment; escapes
/// already in them are kept. Mesh operations take no server timeout.
#[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
pub trait MeshGateways: Transport {
    /// The declaration of [`mesh_gateway_create_or_update`](Self::mesh_gateway_create_or_update), answering only which status came
    /// back; call that one instead.
    #[doc(hidden)]
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        PUT,
        "/Resources/Gateways/{gatewayResourceName}",
        api_version = "6.4-preview",
        operation = "MeshGateway_CreateOrUpdate",
        success = [200, 201, 202]
    )]
    async fn mesh_gateway_put(
        &self,
        #[path(keep_escapes)] gateway_resource_name: &str,
        #[body] description: &GatewayResourceDescription,
    ) -> Result<StatusCode>;

    /// Creates the gateway `gateway_resource_name`, or replaces it with `description`
    /// (`PUT /Resources/Gateways/{gatewayResourceName}`). The gateway answers the gateway (200 or 201), or
    /// `202 Accepted` without a body (`None`) when it finishes in the background.
    ///
    /// Removed from the Service Fabric runtime: a current cluster refuses it.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    fn mesh_gateway_create_or_update<'a>(
        &'a self,
        gateway_resource_name: &'a str,
        description: &'a GatewayResourceDescription,
    ) -> impl Future<Output = Result<Option<GatewayResourceDescription>>> + Send + 'a
    where
        Self: Sized,
    {
        put_resource(
            self,
            Self::MESH_GATEWAY_PUT,
            &[("gatewayResourceName", gateway_resource_name)],
            |request| request.json_body(description),
        )
    }

    /// The gateway `gateway_resource_name` (`GET /Resources/Gateways/{gatewayResourceName}`).
    ///
    /// Removed from the Service Fabric runtime: a current cluster refuses it.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        GET,
        "/Resources/Gateways/{gatewayResourceName}",
        api_version = "6.4-preview",
        operation = "MeshGateway_Get"
    )]
    async fn mesh_gateway_get(
        &self,
        #[path(keep_escapes)] gateway_resource_name: &str,
    ) -> Result<GatewayResourceDescription>;

    /// Deletes the gateway `gateway_resource_name` (`DELETE /Resources/Gateways/{gatewayResourceName}`): `200`, `202` while
    /// it is deleted in the background, or `204` when there was none.
    ///
    /// Removed from the Service Fabric runtime: a current cluster refuses it.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        DELETE,
        "/Resources/Gateways/{gatewayResourceName}",
        api_version = "6.4-preview",
        operation = "MeshGateway_Delete",
        success = [200, 202, 204]
    )]
    async fn mesh_gateway_delete(&self, #[path(keep_escapes)] gateway_resource_name: &str) -> Result<StatusCode>;

    /// The gateways (`GET /Resources/Gateways`).
    ///
    /// Removed from the Service Fabric runtime: a current cluster refuses it.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        GET,
        "/Resources/Gateways",
        api_version = "6.4-preview",
        operation = "MeshGateway_List"
    )]
    async fn mesh_gateway_list(&self) -> Result<Paged<GatewayResourceDescription>>;
}

impl<T: Transport> MeshGateways for T {}
