//! The replicas and instances deployed on a node, and their details.

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::{kind_enum, wire_struct};

use crate::common::Timestamp;

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
        "ServiceName" service_name: Option<String>,
        /// Its type.
        "ServiceTypeName" service_type_name: Option<String>,
        /// The service manifest's name.
        "ServiceManifestName" service_manifest_name: Option<String>,
        /// The code package's name.
        "CodePackageName" code_package_name: Option<String>,
        /// The partition's id.
        "PartitionId" partition_id: Option<String>,
        /// `Invalid`, `InBuild`, `Standby`, `Ready`, `Down` or `Dropped`.
        "ReplicaStatus" replica_status: Option<String>,
        /// The address it listens on.
        "Address" address: Option<String>,
        /// The activation id of its service package.
        "ServicePackageActivationId" service_package_activation_id: Option<String>,
        /// The host process's id.
        "HostProcessId" host_process_id: Option<Int64>,
        /// Stateful: the replica id.
        "ReplicaId" replica_id: Option<Int64>,
        /// Stateful: its role (`Primary`, `ActiveSecondary`, ...).
        "ReplicaRole" replica_role: Option<String>,
        /// Stateful: the reconfiguration in progress, kept as JSON.
        "ReconfigurationInformation" reconfiguration_information: Option<serde_json::Value>,
        /// Stateless: the instance id.
        "InstanceId" instance_id: Option<Int64>,
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
        "ServiceName" service_name: Option<String>,
        /// The partition's id.
        "PartitionId" partition_id: Option<String>,
        /// What the service is doing (`Open`, `ChangeRole`, ...).
        "CurrentServiceOperation" current_service_operation: Option<String>,
        /// Since when.
        "CurrentServiceOperationStartTimeUtc" current_service_operation_start_time_utc: Option<Timestamp>,
        /// The loads it reported, kept as JSON.
        "ReportedLoad" reported_load: Option<Vec<serde_json::Value>>,
        /// Stateful: the replica id.
        "ReplicaId" replica_id: Option<Int64>,
        /// Stateful: what the replicator is doing.
        "CurrentReplicatorOperation" current_replicator_operation: Option<String>,
        /// Stateful: whether it can serve reads.
        "ReadStatus" read_status: Option<String>,
        /// Stateful: whether it can serve writes.
        "WriteStatus" write_status: Option<String>,
        /// Stateful: the replicator's status.
        "ReplicatorStatus" replicator_status: Option<serde_json::Value>,
        /// Stateful: the store's status.
        "ReplicaStatus" replica_status: Option<serde_json::Value>,
        /// Stateful: the replica as listed. The gateway writes it as `DeployedServiceReplica`,
        /// the spec names it `DeployedServiceReplicaQueryResult`; both are read.
        "DeployedServiceReplica" | "DeployedServiceReplicaQueryResult"
            deployed_service_replica_query_result: Option<serde_json::Value>,
        /// Stateless: the instance id.
        "InstanceId" instance_id: Option<Int64>,
        /// Stateless: the instance as listed.
        "DeployedServiceReplicaInstance" deployed_service_replica_instance: Option<serde_json::Value>,
    }
}
