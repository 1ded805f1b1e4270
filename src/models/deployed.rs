//! What runs on a node: deployed applications, service packages, code packages, service
//! types and replicas, and the containers among them.

use serde::{Deserialize, Serialize};

use super::health::HealthState;
use super::macros::{kind_enum, wire_struct};
use super::time::Timestamp;

wire_struct! {
    /// A service type registered on a node.
    pub struct DeployedServiceTypeInfo {
        /// The service type's name.
        service_type_name: String,
        /// The service manifest that declares it.
        service_manifest_name: String,
        /// The code package that registered it.
        code_package_name: String,
        /// `Invalid`, `Disabled`, `Enabled` or `Registered`.
        status: String,
        /// The activation id of its service package.
        service_package_activation_id: String,
    }
}

wire_struct! {
    /// An application deployed on a node.
    pub struct DeployedApplicationInfo {
        /// The application's id (`MyApp~Sub`).
        id: String,
        /// Its name (`fabric:/MyApp/Sub`).
        name: String,
        /// Its type.
        type_name: String,
        /// Its type's version.
        type_version: String,
        /// `Invalid`, `Downloading`, `Activating`, `Active`, `Upgrading` or `Deactivating`.
        status: String,
        /// Its work directory on the node.
        work_directory: String,
        /// Its log directory.
        log_directory: String,
        /// Its temporary directory.
        temp_directory: String,
        /// Its health, when asked for.
        health_state: HealthState,
    }
}

wire_struct! {
    /// A service package deployed on a node.
    pub struct DeployedServicePackageInfo {
        /// The service manifest's name.
        name: String,
        /// Its version.
        version: String,
        /// Its status.
        status: String,
        /// Its activation id.
        service_package_activation_id: String,
    }
}

wire_struct! {
    /// A code package deployed on a node.
    pub struct DeployedCodePackageInfo {
        /// Its name.
        name: String,
        /// Its version.
        version: String,
        /// The service manifest's name.
        service_manifest_name: String,
        /// The activation id of its service package.
        service_package_activation_id: String,
        /// `ExeHost` or `ContainerHost`.
        host_type: String,
        /// `Process` or `HyperV`.
        host_isolation_mode: String,
        /// Its status.
        status: String,
        /// How often a periodic code package runs. The gateway writes it as a JSON number,
        /// which is kept as its text.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        run_frequency_interval: String,
        /// Its setup entry point.
        setup_entry_point: CodePackageEntryPoint,
        /// Its main entry point.
        main_entry_point: CodePackageEntryPoint,
    }
}

wire_struct! {
    /// An entry point of a code package.
    pub struct CodePackageEntryPoint {
        /// The executable's location.
        entry_point_location: String,
        /// The process id.
        process_id: String,
        /// The user it runs as.
        run_as_user_name: String,
        /// Activation and exit statistics, kept as JSON.
        code_package_entry_point_statistics: serde_json::Value,
        /// Its status.
        status: String,
        /// When it activates next.
        next_activation_time: Timestamp,
        /// Its instance id.
        instance_id: String,
        /// The container's id; container hosts only.
        container_id: String,
    }
}

kind_enum! {
    /// A replica or instance on a node, by `ServiceKind`.
    pub enum DeployedServiceReplicaInfo by "ServiceKind" {
        Stateful(DeployedReplica) = "Stateful",
        Stateless(DeployedReplica) = "Stateless",
    }
}

wire_struct! {
    /// The fields of a deployed replica (stateful) or instance (stateless).
    pub struct DeployedReplica {
        /// The service's name.
        service_name: String,
        /// Its type.
        service_type_name: String,
        /// The service manifest's name.
        service_manifest_name: String,
        /// The code package's name.
        code_package_name: String,
        /// The partition's id.
        partition_id: String,
        /// `Invalid`, `InBuild`, `Standby`, `Ready`, `Down` or `Dropped`.
        replica_status: String,
        /// The address it listens on.
        address: String,
        /// The activation id of its service package.
        service_package_activation_id: String,
        /// The host process's id.
        host_process_id: String,
        /// Stateful: the replica id.
        replica_id: String,
        /// Stateful: its role (`Primary`, `ActiveSecondary`, ...).
        replica_role: String,
        /// Stateful: the reconfiguration in progress, kept as JSON.
        reconfiguration_information: serde_json::Value,
        /// Stateless: the instance id.
        instance_id: String,
    }
}

kind_enum! {
    /// The details of a replica or instance on a node, by `ServiceKind`.
    pub enum DeployedServiceReplicaDetailInfo by "ServiceKind" {
        Stateful(DeployedReplicaDetail) = "Stateful",
        Stateless(DeployedReplicaDetail) = "Stateless",
    }
}

wire_struct! {
    /// The fields of a replica's or instance's details. The replicator's and store's status,
    /// themselves polymorphic, are kept as JSON.
    pub struct DeployedReplicaDetail {
        /// The service's name.
        service_name: String,
        /// The partition's id.
        partition_id: String,
        /// What the service is doing (`Open`, `ChangeRole`, ...).
        current_service_operation: String,
        /// Since when.
        current_service_operation_start_time_utc: Timestamp,
        /// The loads it reported, kept as JSON.
        reported_load: Vec<serde_json::Value>,
        /// Stateful: the replica id.
        replica_id: String,
        /// Stateful: what the replicator is doing.
        current_replicator_operation: String,
        /// Stateful: whether it can serve reads.
        read_status: String,
        /// Stateful: whether it can serve writes.
        write_status: String,
        /// Stateful: the replicator's status.
        replicator_status: serde_json::Value,
        /// Stateful: the store's status.
        replica_status: serde_json::Value,
        /// Stateful: the replica as listed. The gateway writes it as `DeployedServiceReplica`,
        /// the spec names it `DeployedServiceReplicaQueryResult`; both are read.
        #[serde(rename = "DeployedServiceReplica", alias = "DeployedServiceReplicaQueryResult")]
        deployed_service_replica_query_result: serde_json::Value,
        /// Stateless: the instance id.
        instance_id: String,
        /// Stateless: the instance as listed.
        deployed_service_replica_instance: serde_json::Value,
    }
}

/// Which service package to download to a node ahead of time (DeployServicePackageToNode).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct DeployServicePackageToNodeDescription {
    /// The service manifest's name.
    pub service_manifest_name: String,
    /// The application type.
    pub application_type_name: String,
    /// Its version.
    pub application_type_version: String,
    /// The node to deploy to.
    pub node_name: String,
    /// Which packages to share, kept as the gateway's JSON objects.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub package_sharing_policy: Vec<serde_json::Value>,
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
            package_sharing_policy: Vec::new(),
        }
    }
}

/// Which code package instance to restart (RestartDeployedCodePackage).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct RestartDeployedCodePackageDescription {
    /// The service manifest's name.
    pub service_manifest_name: String,
    /// The activation id of the service package.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_package_activation_id: Option<String>,
    /// The code package's name.
    pub code_package_name: String,
    /// The instance to restart, as listed by GetDeployedCodePackageInfoList.
    pub code_package_instance_id: String,
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
        }
    }
}

wire_struct! {
    /// The logs of a container (GetContainerLogsDeployedOnNode).
    pub struct ContainerLogs {
        /// The log text.
        content: String,
    }
}

/// A call to the Docker API of a container (InvokeContainerApi).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ContainerApiRequestBody {
    /// The HTTP verb; absent means GET.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_verb: Option<String>,
    /// The path of the Docker API, relative to the container (`/containers/{id}/logs`).
    pub uri_path: String,
    /// The content type of `body`.
    #[serde(rename = "Content-Type", default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// The request body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

impl ContainerApiRequestBody {
    /// A GET of `uri_path`.
    pub fn new(uri_path: impl Into<String>) -> ContainerApiRequestBody {
        ContainerApiRequestBody {
            http_verb: None,
            uri_path: uri_path.into(),
            content_type: None,
            body: None,
        }
    }
}

/// What the container's Docker API answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ContainerApiResponse {
    /// The answer.
    pub container_api_result: ContainerApiResult,
}

/// The Docker API's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ContainerApiResult {
    /// The HTTP status.
    pub status: u16,
    /// Its content type.
    #[serde(rename = "Content-Type", default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// Its content encoding.
    #[serde(rename = "Content-Encoding", default, skip_serializing_if = "Option::is_none")]
    pub content_encoding: Option<String>,
    /// Its body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}
