//! What the cluster says about itself: manifest, version, Azure AD metadata and load.

use crate::models::{AadMetadataObject, ClusterLoadInfo, ClusterManifest, ClusterVersion};
use crate::{Result, ServerTimeout, Transport, fabric_endpoint};

/// The cluster's description of itself.
///
/// Implemented for every [`Transport`].
pub trait ClusterInfo: Transport {
    /// The cluster manifest (`GET /$/GetClusterManifest`).
    #[fabric_endpoint(GET, "/$/GetClusterManifest", api_version = "6.0")]
    async fn get_cluster_manifest(&self, #[query] timeout: Option<ServerTimeout>) -> Result<ClusterManifest>;

    /// The Service Fabric version the cluster runs (`GET /$/GetClusterVersion`).
    #[fabric_endpoint(GET, "/$/GetClusterVersion", api_version = "6.4")]
    async fn get_cluster_version(&self, #[query] timeout: Option<ServerTimeout>) -> Result<ClusterVersion>;

    /// How to sign in to a cluster secured with Azure Active Directory
    /// (`GET /$/GetAadMetadata`). The spec serves it over HTTPS only.
    #[fabric_endpoint(GET, "/$/GetAadMetadata", api_version = "6.0")]
    async fn get_aad_metadata(&self, #[query] timeout: Option<ServerTimeout>) -> Result<AadMetadataObject>;

    /// The cluster's load per metric (`GET /$/GetLoadInformation`).
    #[fabric_endpoint(GET, "/$/GetLoadInformation", api_version = "6.0", operation = "GetClusterLoad")]
    async fn get_cluster_load(&self, #[query] timeout: Option<ServerTimeout>) -> Result<ClusterLoadInfo>;
}

impl<T: Transport> ClusterInfo for T {}
