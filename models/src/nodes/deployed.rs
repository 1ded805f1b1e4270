//! What is deployed on a node: applications, service packages, code packages and service
//! types, and the requests that deploy a package or restart a code package.

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::wire_struct;

use crate::common::{HealthState, Timestamp};

wire_struct! {
    /// A service type registered on a node.
    pub struct DeployedServiceTypeInfo {
        /// The service type's name.
        "ServiceTypeName" service_type_name: Option<String>,
        /// The service manifest that declares it.
        "ServiceManifestName" service_manifest_name: Option<String>,
        /// The code package that registered it.
        "CodePackageName" code_package_name: Option<String>,
        /// `Invalid`, `Disabled`, `Enabled` or `Registered`.
        "Status" status: Option<String>,
        /// The activation id of its service package.
        "ServicePackageActivationId" service_package_activation_id: Option<String>,
    }
}

wire_struct! {
    /// An application deployed on a node.
    pub struct DeployedApplicationInfo {
        /// The application's id (`MyApp~Sub`).
        "Id" id: Option<String>,
        /// Its name (`fabric:/MyApp/Sub`).
        "Name" name: Option<String>,
        /// Its type.
        "TypeName" type_name: Option<String>,
        /// Its type's version.
        "TypeVersion" type_version: Option<String>,
        /// `Invalid`, `Downloading`, `Activating`, `Active`, `Upgrading` or `Deactivating`.
        "Status" status: Option<String>,
        /// Its work directory on the node.
        "WorkDirectory" work_directory: Option<String>,
        /// Its log directory.
        "LogDirectory" log_directory: Option<String>,
        /// Its temporary directory.
        "TempDirectory" temp_directory: Option<String>,
        /// Its health, when asked for.
        "HealthState" health_state: Option<HealthState>,
    }
}

wire_struct! {
    /// A service package deployed on a node.
    pub struct DeployedServicePackageInfo {
        /// The service manifest's name.
        "Name" name: Option<String>,
        /// Its version.
        "Version" version: Option<String>,
        /// Its status.
        "Status" status: Option<String>,
        /// Its activation id.
        "ServicePackageActivationId" service_package_activation_id: Option<String>,
    }
}

wire_struct! {
    /// A code package deployed on a node.
    pub struct DeployedCodePackageInfo {
        /// Its name.
        "Name" name: Option<String>,
        /// Its version.
        "Version" version: Option<String>,
        /// The service manifest's name.
        "ServiceManifestName" service_manifest_name: Option<String>,
        /// The activation id of its service package.
        "ServicePackageActivationId" service_package_activation_id: Option<String>,
        /// `ExeHost` or `ContainerHost`.
        "HostType" host_type: Option<String>,
        /// `Process` or `HyperV`.
        "HostIsolationMode" host_isolation_mode: Option<String>,
        /// Its status.
        "Status" status: Option<String>,
        /// How often a periodic code package runs; the spec types it as a string, the gateway
        /// writes a number.
        "RunFrequencyInterval" run_frequency_interval: Option<Int64>,
        /// Its setup entry point.
        "SetupEntryPoint" setup_entry_point: Option<CodePackageEntryPoint>,
        /// Its main entry point.
        "MainEntryPoint" main_entry_point: Option<CodePackageEntryPoint>,
    }
}

wire_struct! {
    /// An entry point of a code package.
    pub struct CodePackageEntryPoint {
        /// The executable's location.
        "EntryPointLocation" entry_point_location: Option<String>,
        /// The process id.
        "ProcessId" process_id: Option<Int64>,
        /// The user it runs as.
        "RunAsUserName" run_as_user_name: Option<String>,
        /// Activation and exit statistics, kept as JSON.
        "CodePackageEntryPointStatistics" code_package_entry_point_statistics: Option<serde_json::Value>,
        /// Its status.
        "Status" status: Option<String>,
        /// When it activates next.
        "NextActivationTime" next_activation_time: Option<Timestamp>,
        /// Its instance id.
        "InstanceId" instance_id: Option<Int64>,
        /// The container's id; container hosts only.
        "ContainerId" container_id: Option<String>,
    }
}

wire_struct! {
    /// Which service package to download to a node ahead of time (DeployServicePackageToNode).
    pub struct DeployServicePackageToNodeDescription {
        /// The service manifest's name.
        "ServiceManifestName" service_manifest_name: String,
        /// The application type.
        "ApplicationTypeName" application_type_name: String,
        /// Its version.
        "ApplicationTypeVersion" application_type_version: String,
        /// The node to deploy to.
        "NodeName" node_name: String,
        /// Which packages to share, kept as the gateway's JSON objects.
        "PackageSharingPolicy" package_sharing_policy: Option<Vec<serde_json::Value>>,
    }
}

impl DeployServicePackageToNodeDescription {
    /// Deploy `service_manifest_name` of the application type to `node_name`.
    pub fn new(
        service_manifest_name: impl Into<String>,
        application_type_name: impl Into<String>,
        application_type_version: impl Into<String>,
        node_name: impl Into<String>,
    ) -> Self {
        DeployServicePackageToNodeDescription {
            service_manifest_name: service_manifest_name.into(),
            application_type_name: application_type_name.into(),
            application_type_version: application_type_version.into(),
            node_name: node_name.into(),
            package_sharing_policy: None,
            unknown_fields: Default::default(),
        }
    }
}

wire_struct! {
    /// Which code package instance to restart (RestartDeployedCodePackage).
    pub struct RestartDeployedCodePackageDescription {
        /// The service manifest's name.
        "ServiceManifestName" service_manifest_name: String,
        /// The activation id of the service package.
        "ServicePackageActivationId" service_package_activation_id: Option<String>,
        /// The code package's name.
        "CodePackageName" code_package_name: String,
        /// The instance to restart, as listed by GetDeployedCodePackageInfoList.
        "CodePackageInstanceId" code_package_instance_id: String,
    }
}

impl RestartDeployedCodePackageDescription {
    /// Restart instance `code_package_instance_id` of a code package.
    pub fn new(
        service_manifest_name: impl Into<String>,
        code_package_name: impl Into<String>,
        code_package_instance_id: impl Into<String>,
    ) -> Self {
        RestartDeployedCodePackageDescription {
            service_manifest_name: service_manifest_name.into(),
            service_package_activation_id: None,
            code_package_name: code_package_name.into(),
            code_package_instance_id: code_package_instance_id.into(),
            unknown_fields: Default::default(),
        }
    }
}
