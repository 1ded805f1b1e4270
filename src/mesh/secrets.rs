//! Mesh secret resources and their values (`/Resources/Secrets`).
#![allow(deprecated)]

use std::future::Future;

use super::put::put_resource;
use crate::models::{Paged, SecretResourceDescription, SecretValue, SecretValueResourceDescription};
use crate::{Result, StatusCode, Transport, fabric_endpoint};

/// Mesh secrets and the versions of their values. Values are
/// [`SecretString`](crate::models::SecretString)s, never shown by `Debug`.
///
/// Implemented for every [`Transport`]. Resource names fill one path segment; escapes
/// already in them are kept. Mesh operations take no server timeout.
#[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
pub trait MeshSecrets: Transport {
    /// The declaration of [`mesh_secret_create_or_update`](Self::mesh_secret_create_or_update), answering only which status came
    /// back; call that one instead.
    #[doc(hidden)]
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        PUT,
        "/Resources/Secrets/{secretResourceName}",
        api_version = "6.4-preview",
        operation = "MeshSecret_CreateOrUpdate",
        success = [200, 201, 202]
    )]
    async fn mesh_secret_put(
        &self,
        #[path(keep_escapes)] secret_resource_name: &str,
        #[body] description: &SecretResourceDescription,
    ) -> Result<StatusCode>;

    /// Creates the secret `secret_resource_name`, or replaces it with `description`
    /// (`PUT /Resources/Secrets/{secretResourceName}`). The gateway answers the secret (200 or 201), or
    /// `202 Accepted` without a body (`None`) when it finishes in the background.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    fn mesh_secret_create_or_update<'a>(
        &'a self,
        secret_resource_name: &'a str,
        description: &'a SecretResourceDescription,
    ) -> impl Future<Output = Result<Option<SecretResourceDescription>>> + Send + 'a
    where
        Self: Sized,
    {
        put_resource(
            self,
            Self::MESH_SECRET_PUT,
            &[("secretResourceName", secret_resource_name)],
            |request| request.json_body(description),
        )
    }

    /// The secret `secret_resource_name` (`GET /Resources/Secrets/{secretResourceName}`).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        GET,
        "/Resources/Secrets/{secretResourceName}",
        api_version = "6.4-preview",
        operation = "MeshSecret_Get"
    )]
    async fn mesh_secret_get(
        &self,
        #[path(keep_escapes)] secret_resource_name: &str,
    ) -> Result<SecretResourceDescription>;

    /// Deletes the secret `secret_resource_name` (`DELETE /Resources/Secrets/{secretResourceName}`): `200`, `202` while
    /// it is deleted in the background, or `204` when there was none.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        DELETE,
        "/Resources/Secrets/{secretResourceName}",
        api_version = "6.4-preview",
        operation = "MeshSecret_Delete",
        success = [200, 202, 204]
    )]
    async fn mesh_secret_delete(&self, #[path(keep_escapes)] secret_resource_name: &str) -> Result<StatusCode>;

    /// The secrets (`GET /Resources/Secrets`).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        GET,
        "/Resources/Secrets",
        api_version = "6.4-preview",
        operation = "MeshSecret_List"
    )]
    async fn mesh_secret_list(&self) -> Result<Paged<SecretResourceDescription>>;

    /// The declaration of [`mesh_secret_value_add_value`](Self::mesh_secret_value_add_value), answering only which status came
    /// back; call that one instead.
    #[doc(hidden)]
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        PUT,
        "/Resources/Secrets/{secretResourceName}/values/{secretValueResourceName}",
        api_version = "6.4-preview",
        operation = "MeshSecretValue_AddValue",
        success = [200, 201, 202]
    )]
    async fn mesh_secret_value_put(
        &self,
        #[path(keep_escapes)] secret_resource_name: &str,
        #[path(keep_escapes)] secret_value_resource_name: &str,
        #[body] description: &SecretValueResourceDescription,
    ) -> Result<StatusCode>;

    /// Adds the version `secret_value_resource_name` of the secret's value, or replaces it
    /// (`PUT /Resources/Secrets/{secretResourceName}/values/{secretValueResourceName}`). The
    /// gateway answers the version (200 or 201), or `202 Accepted` without a body (`None`).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    fn mesh_secret_value_add_value<'a>(
        &'a self,
        secret_resource_name: &'a str,
        secret_value_resource_name: &'a str,
        description: &'a SecretValueResourceDescription,
    ) -> impl Future<Output = Result<Option<SecretValueResourceDescription>>> + Send + 'a
    where
        Self: Sized,
    {
        put_resource(
            self,
            Self::MESH_SECRET_VALUE_PUT,
            &[
                ("secretResourceName", secret_resource_name),
                ("secretValueResourceName", secret_value_resource_name),
            ],
            |request| request.json_body(description),
        )
    }

    /// The version `secret_value_resource_name` of the secret, without its value
    /// (`GET /Resources/Secrets/{secretResourceName}/values/{secretValueResourceName}`).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        GET,
        "/Resources/Secrets/{secretResourceName}/values/{secretValueResourceName}",
        api_version = "6.4-preview",
        operation = "MeshSecretValue_Get"
    )]
    async fn mesh_secret_value_get(
        &self,
        #[path(keep_escapes)] secret_resource_name: &str,
        #[path(keep_escapes)] secret_value_resource_name: &str,
    ) -> Result<SecretValueResourceDescription>;

    /// Deletes the version `secret_value_resource_name` of the secret
    /// (`DELETE /Resources/Secrets/{secretResourceName}/values/{secretValueResourceName}`).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        DELETE,
        "/Resources/Secrets/{secretResourceName}/values/{secretValueResourceName}",
        api_version = "6.4-preview",
        operation = "MeshSecretValue_Delete",
        success = [200, 202, 204]
    )]
    async fn mesh_secret_value_delete(
        &self,
        #[path(keep_escapes)] secret_resource_name: &str,
        #[path(keep_escapes)] secret_value_resource_name: &str,
    ) -> Result<StatusCode>;

    /// The versions of the secret's value, without the values
    /// (`GET /Resources/Secrets/{secretResourceName}/values`).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        GET,
        "/Resources/Secrets/{secretResourceName}/values",
        api_version = "6.4-preview",
        operation = "MeshSecretValue_List"
    )]
    async fn mesh_secret_value_list(
        &self,
        #[path(keep_escapes)] secret_resource_name: &str,
    ) -> Result<Paged<SecretValueResourceDescription>>;

    /// The value of the version `secret_value_resource_name` of the secret, in clear
    /// (`POST /Resources/Secrets/{secretResourceName}/values/{secretValueResourceName}/list_value`).
    /// A read: safe to send again.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    #[fabric_endpoint(
        POST,
        "/Resources/Secrets/{secretResourceName}/values/{secretValueResourceName}/list_value",
        api_version = "6.4-preview",
        operation = "MeshSecretValue_Show",
        idempotent
    )]
    async fn mesh_secret_value_show(
        &self,
        #[path(keep_escapes)] secret_resource_name: &str,
        #[path(keep_escapes)] secret_value_resource_name: &str,
    ) -> Result<SecretValue>;
}

impl<T: Transport> MeshSecrets for T {}
