//! Provisioning and unprovisioning Service Fabric code and configuration packages.

use fabric_rest_runtime::wire_struct;

wire_struct! {
    /// The packages to provision (ProvisionCluster): a code package, a cluster manifest, or
    /// both.
    pub struct ProvisionFabricDescription {
        /// The code package's path in the image store.
        "CodeFilePath" code_file_path: Option<String>,
        /// The cluster manifest's path in the image store.
        "ClusterManifestFilePath" cluster_manifest_file_path: Option<String>,
    }
}

impl ProvisionFabricDescription {
    /// Nothing to provision yet; set one or both paths.
    pub fn new() -> ProvisionFabricDescription {
        ProvisionFabricDescription::default()
    }
}

wire_struct! {
    /// The versions to unprovision (UnprovisionCluster).
    pub struct UnprovisionFabricDescription {
        /// The code version to remove.
        "CodeVersion" code_version: Option<String>,
        /// The configuration version to remove.
        "ConfigVersion" config_version: Option<String>,
    }
}

impl UnprovisionFabricDescription {
    /// Nothing to unprovision yet; set one or both versions.
    pub fn new() -> UnprovisionFabricDescription {
        UnprovisionFabricDescription::default()
    }
}
