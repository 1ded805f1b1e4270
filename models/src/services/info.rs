//! Services as the cluster lists them, their health, where they resolve to, and why
//! replicas stay unplaced.

use fabric_rest_runtime::{ParamKind, QueryValue, RequestBuilder, kind_enum, open_enum, wire_struct};

use crate::common::{
    ArmMetadata, HealthEvaluationWrapper, HealthEvent, HealthState, HealthStatistics, PartitionInformation,
};

open_enum! {
    /// Where a service is in its life.
    pub enum ServiceStatus {
        /// Not known (`Unknown` on the wire).
        StatusUnknown = "Unknown",
        /// Running.
        Active = "Active",
        /// Upgrading.
        Upgrading = "Upgrading",
        /// Being deleted.
        Deleting = "Deleting",
        /// Being created.
        Creating = "Creating",
        /// Creation or deletion stopped after persistent failures.
        Failed = "Failed",
    }
}

kind_enum! {
    /// A service (GetServiceInfo, GetServiceInfoList), by `ServiceKind`.
    ///
    /// A kind newer than this library (such as `SelfReconfiguring`) is kept whole in
    /// [`Unknown`](Self::Unknown).
    pub enum ServiceInfo by "ServiceKind" {
        /// A stateful service.
        Stateful(StatefulServiceInfo) = "Stateful",
        /// A stateless service.
        Stateless(StatelessServiceInfo) = "Stateless",
    }
}

/// Declares a service of one kind: the fields both kinds have, then the kind's own.
macro_rules! service_info {
    ($(#[$meta:meta])* $name:ident { $($kind_fields:tt)* }) => {
        wire_struct! {
            $(#[$meta])*
            pub struct $name {
                /// Its REST id (`App~Service`); see [`ServiceId`](crate::ServiceId).
                "Id" id: Option<String>,
                /// Its name (`fabric:/App/Service`).
                "Name" name: Option<String>,
                /// Its service type.
                "TypeName" type_name: Option<String>,
                /// The version of the service manifest it runs.
                "ManifestVersion" manifest_version: Option<String>,
                /// Its health.
                "HealthState" health_state: Option<HealthState>,
                /// Where it is in its life.
                "ServiceStatus" service_status: Option<ServiceStatus>,
                /// Whether it is in a service group.
                "IsServiceGroup" is_service_group: Option<bool>,
                /// What the cluster records about it.
                "ServiceMetadata" service_metadata: Option<ServiceMetadata>,
                $($kind_fields)*
            }
        }
    };
}

service_info! {
    /// A stateful service.
    StatefulServiceInfo {
        /// Whether its replicas keep their state on disk.
        "HasPersistedState" has_persisted_state: Option<bool>,
    }
}

service_info! {
    /// A stateless service.
    StatelessServiceInfo {}
}

impl ServiceInfo {
    /// The service's REST id, whatever its kind (`Id` of an unknown kind included).
    pub fn id(&self) -> Option<&str> {
        match self {
            ServiceInfo::Stateful(service) => service.id.as_deref(),
            ServiceInfo::Stateless(service) => service.id.as_deref(),
            ServiceInfo::Unknown(object) => object.get("Id").and_then(|id| id.as_str()),
        }
    }

    /// The service's name, whatever its kind.
    pub fn name(&self) -> Option<&str> {
        match self {
            ServiceInfo::Stateful(service) => service.name.as_deref(),
            ServiceInfo::Stateless(service) => service.name.as_deref(),
            ServiceInfo::Unknown(object) => object.get("Name").and_then(|name| name.as_str()),
        }
    }
}

wire_struct! {
    /// What the cluster records about a service.
    pub struct ServiceMetadata {
        /// Its Azure Resource Manager metadata.
        "ArmMetadata" arm_metadata: Option<ArmMetadata>,
    }
}

wire_struct! {
    /// The application a service belongs to (GetApplicationNameInfo).
    pub struct ApplicationNameInfo {
        /// The application's REST id.
        "Id" id: Option<String>,
        /// Its name.
        "Name" name: Option<String>,
    }
}

wire_struct! {
    /// The health of a service and of its partitions (GetServiceHealth).
    pub struct ServiceHealth {
        /// The service's state.
        "AggregatedHealthState" aggregated_health_state: Option<HealthState>,
        /// Reports about the service itself.
        "HealthEvents" health_events: Option<Vec<HealthEvent>>,
        /// Why it is not `Ok`.
        "UnhealthyEvaluations" unhealthy_evaluations: Option<Vec<HealthEvaluationWrapper>>,
        /// Counts of children by state, when asked for.
        "HealthStatistics" health_statistics: Option<HealthStatistics>,
        /// The service's name.
        "Name" name: Option<String>,
        /// Its partitions' states, as filtered.
        "PartitionHealthStates" partition_health_states: Option<Vec<PartitionHealthState>>,
    }
}

wire_struct! {
    /// The state of one partition of a service.
    pub struct PartitionHealthState {
        /// The state.
        "AggregatedHealthState" aggregated_health_state: Option<HealthState>,
        /// The partition's id.
        "PartitionId" partition_id: Option<String>,
    }
}

/// How ResolveService finds the partition: the kind of key its `PartitionKeyValue` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartitionKeyType(u8);

impl PartitionKeyType {
    /// `1`: the service is not partitioned; no key.
    pub const NONE: PartitionKeyType = PartitionKeyType(1);
    /// `2`: a 64-bit integer key.
    pub const INT64: PartitionKeyType = PartitionKeyType(2);
    /// `3`: a partition name.
    pub const NAMED: PartitionKeyType = PartitionKeyType(3);

    /// The number sent.
    pub const fn get(self) -> u8 {
        self.0
    }
}

impl QueryValue for PartitionKeyType {
    const KIND: ParamKind = ParamKind::Integer;
    fn as_integer(&self) -> Option<i128> {
        Some(i128::from(self.0))
    }
    fn write_query(&self, name: &'static str, request: &mut RequestBuilder) {
        request.append_query(name, &self.0.to_string());
    }
}

open_enum! {
    /// Which replica role an endpoint of a resolved partition belongs to.
    pub enum ServiceEndpointRole {
        Invalid = "Invalid",
        /// An instance of a stateless service.
        Stateless = "Stateless",
        /// The primary of a stateful service.
        StatefulPrimary = "StatefulPrimary",
        /// A secondary of a stateful service.
        StatefulSecondary = "StatefulSecondary",
    }
}

wire_struct! {
    /// A partition of a service and where its replicas listen (ResolveService).
    pub struct ResolvedServicePartition {
        /// The service's name.
        "Name" name: String,
        /// The partition.
        "PartitionInformation" partition_information: PartitionInformation,
        /// Its endpoints.
        "Endpoints" endpoints: Vec<ResolvedServiceEndpoint>,
        /// The version of this answer; pass it as `PreviousRspVersion` to be told of a
        /// newer one.
        "Version" version: String,
    }
}

wire_struct! {
    /// One endpoint of a resolved partition.
    pub struct ResolvedServiceEndpoint {
        /// The role of the replica that listens there.
        "Kind" kind: Option<ServiceEndpointRole>,
        /// The address; with several listeners, a JSON object of them written as text.
        "Address" address: Option<String>,
    }
}

wire_struct! {
    /// Why replicas of a service could not be placed (GetUnplacedReplicaInformation).
    pub struct UnplacedReplicaInformation {
        /// The service's name.
        "ServiceName" service_name: Option<String>,
        /// The partition asked about.
        "PartitionId" partition_id: Option<String>,
        /// The reasons.
        "UnplacedReplicaDetails" unplaced_replica_details: Option<Vec<String>>,
    }
}
