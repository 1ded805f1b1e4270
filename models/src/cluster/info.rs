//! What the cluster says about itself: its manifest, version, Azure AD metadata and the
//! Service Fabric versions provisioned in it.

use fabric_rest_runtime::wire_struct;

wire_struct! {
    /// The cluster manifest (GetClusterManifest).
    pub struct ClusterManifest {
        /// The manifest's XML text.
        "Manifest" manifest: Option<String>,
    }
}

wire_struct! {
    /// The Service Fabric version the cluster runs (GetClusterVersion).
    pub struct ClusterVersion {
        /// The version, such as `6.4.617.9590`.
        "Version" version: Option<String>,
    }
}

wire_struct! {
    /// How to authenticate against the cluster with Azure Active Directory (GetAadMetadata).
    pub struct AadMetadataObject {
        /// The metadata's type: `aad`.
        "type" metadata_type: Option<String>,
        /// The metadata.
        "metadata" metadata: Option<AadMetadata>,
    }
}

wire_struct! {
    /// The Azure Active Directory settings of a cluster.
    pub struct AadMetadata {
        /// The AAD authority URL.
        "authority" authority: Option<String>,
        /// The client application id.
        "client" client: Option<String>,
        /// The cluster application id.
        "cluster" cluster: Option<String>,
        /// The login endpoint.
        "login" login: Option<String>,
        /// The redirect URI.
        "redirect" redirect: Option<String>,
        /// The tenant id.
        "tenant" tenant: Option<String>,
    }
}

wire_struct! {
    /// A provisioned Service Fabric code version (GetProvisionedFabricCodeVersionInfoList).
    pub struct FabricCodeVersionInfo {
        /// The version.
        "CodeVersion" code_version: Option<String>,
    }
}

wire_struct! {
    /// A provisioned Service Fabric configuration version
    /// (GetProvisionedFabricConfigVersionInfoList).
    pub struct FabricConfigVersionInfo {
        /// The version.
        "ConfigVersion" config_version: Option<String>,
    }
}
