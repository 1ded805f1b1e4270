//! The health of a partition (GetPartitionHealth) and the states of its replicas.

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::{kind_enum, wire_struct};

use crate::common::{HealthEvaluationWrapper, HealthEvent, HealthState, HealthStatistics};

wire_struct! {
    /// The health of a partition and of its replicas.
    pub struct PartitionHealth {
        /// The partition's state.
        "AggregatedHealthState" aggregated_health_state: Option<HealthState>,
        /// Reports about the partition itself.
        "HealthEvents" health_events: Option<Vec<HealthEvent>>,
        /// Why it is not `Ok`.
        "UnhealthyEvaluations" unhealthy_evaluations: Option<Vec<HealthEvaluationWrapper>>,
        /// Counts of children by state, when asked for.
        "HealthStatistics" health_statistics: Option<HealthStatistics>,
        /// The partition's id.
        "PartitionId" partition_id: Option<String>,
        /// Its replicas' states, as filtered.
        "ReplicaHealthStates" replica_health_states: Option<Vec<ReplicaHealthState>>,
    }
}

kind_enum! {
    /// The state of one replica or instance of a partition, by `ServiceKind`.
    pub enum ReplicaHealthState by "ServiceKind" {
        /// A replica of a stateful service.
        Stateful(StatefulServiceReplicaHealthState) = "Stateful",
        /// An instance of a stateless service.
        Stateless(StatelessServiceInstanceHealthState) = "Stateless",
    }
}

wire_struct! {
    /// The state of a replica.
    pub struct StatefulServiceReplicaHealthState {
        /// The state.
        "AggregatedHealthState" aggregated_health_state: Option<HealthState>,
        /// The partition's id.
        "PartitionId" partition_id: Option<String>,
        /// The replica's id.
        "ReplicaId" replica_id: Option<Int64>,
    }
}

wire_struct! {
    /// The state of an instance.
    pub struct StatelessServiceInstanceHealthState {
        /// The state.
        "AggregatedHealthState" aggregated_health_state: Option<HealthState>,
        /// The partition's id.
        "PartitionId" partition_id: Option<String>,
        /// The instance's id; the wire calls it `ReplicaId`.
        "ReplicaId" replica_id: Option<Int64>,
    }
}
