//! Replicas and instances as the cluster lists them.

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::{kind_enum, open_enum, wire_struct};

use crate::common::HealthState;

open_enum! {
    /// Where a replica or instance is in its life.
    pub enum ReplicaStatus {
        Invalid = "Invalid",
        /// Being built.
        InBuild = "InBuild",
        /// A standby: down, kept in case it comes back.
        Standby = "Standby",
        /// Ready.
        Ready = "Ready",
        /// Down.
        Down = "Down",
        /// Removed from the replica set; its persisted state is gone.
        Dropped = "Dropped",
    }
}

open_enum! {
    /// The role of a replica of a stateful service.
    pub enum ReplicaRole {
        /// Not known (`Unknown` on the wire).
        RoleUnknown = "Unknown",
        /// No role.
        None = "None",
        /// The primary.
        Primary = "Primary",
        /// A secondary being built.
        IdleSecondary = "IdleSecondary",
        /// A secondary taking part in the quorum.
        ActiveSecondary = "ActiveSecondary",
        /// An auxiliary replica being built.
        IdleAuxiliary = "IdleAuxiliary",
        /// An auxiliary replica.
        ActiveAuxiliary = "ActiveAuxiliary",
        /// An auxiliary replica acting as primary.
        PrimaryAuxiliary = "PrimaryAuxiliary",
    }
}

kind_enum! {
    /// A replica or instance of a partition (GetReplicaInfo, GetReplicaInfoList), by
    /// `ServiceKind`.
    pub enum ReplicaInfo by "ServiceKind" {
        /// A replica of a stateful service.
        Stateful(StatefulServiceReplicaInfo) = "Stateful",
        /// An instance of a stateless service.
        Stateless(StatelessServiceInstanceInfo) = "Stateless",
    }
}

impl ReplicaInfo {
    /// The replica's or instance's id, whatever its kind.
    pub fn replica_or_instance_id(&self) -> Option<Int64> {
        match self {
            ReplicaInfo::Stateful(replica) => replica.replica_id,
            ReplicaInfo::Stateless(instance) => instance.instance_id,
            ReplicaInfo::Unknown(_) => None,
        }
    }
}

/// Declares a replica or instance: the fields both kinds have, then the kind's own.
macro_rules! replica_info {
    ($(#[$meta:meta])* $name:ident { $($kind_fields:tt)* }) => {
        wire_struct! {
            $(#[$meta])*
            pub struct $name {
                /// Where it is in its life.
                "ReplicaStatus" replica_status: Option<ReplicaStatus>,
                /// Its health.
                "HealthState" health_state: Option<HealthState>,
                /// The node it is on.
                "NodeName" node_name: Option<String>,
                /// The address it listens on.
                "Address" address: Option<String>,
                /// How long its last build took, in seconds.
                "LastInBuildDurationInSeconds" last_in_build_duration_in_seconds: Option<Int64>,
                $($kind_fields)*
            }
        }
    };
}

replica_info! {
    /// A replica of a stateful service.
    StatefulServiceReplicaInfo {
        /// Its role.
        "ReplicaRole" replica_role: Option<ReplicaRole>,
        /// Its id, unique in its partition for its lifetime.
        "ReplicaId" replica_id: Option<Int64>,
    }
}

replica_info! {
    /// An instance of a stateless service.
    StatelessServiceInstanceInfo {
        /// Its id, unique in its partition; a failed-over instance gets a new one.
        "InstanceId" instance_id: Option<Int64>,
    }
}
