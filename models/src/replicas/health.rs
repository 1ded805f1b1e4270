//! The health of a replica or instance (GetReplicaHealth).

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::{kind_enum, wire_struct};

use crate::common::{HealthEvaluationWrapper, HealthEvent, HealthState, HealthStatistics};

kind_enum! {
    /// The health of a replica or instance, by `ServiceKind`.
    pub enum ReplicaHealth by "ServiceKind" {
        /// A replica of a stateful service.
        Stateful(StatefulServiceReplicaHealth) = "Stateful",
        /// An instance of a stateless service.
        Stateless(StatelessServiceInstanceHealth) = "Stateless",
    }
}

/// Declares the health of a replica or instance: the fields every health has, then the
/// kind's id.
macro_rules! replica_health {
    ($(#[$meta:meta])* $name:ident { $($kind_fields:tt)* }) => {
        wire_struct! {
            $(#[$meta])*
            pub struct $name {
                /// Its state.
                "AggregatedHealthState" aggregated_health_state: Option<HealthState>,
                /// Reports about it.
                "HealthEvents" health_events: Option<Vec<HealthEvent>>,
                /// Why it is not `Ok`.
                "UnhealthyEvaluations" unhealthy_evaluations: Option<Vec<HealthEvaluationWrapper>>,
                /// Counts by state, when asked for.
                "HealthStatistics" health_statistics: Option<HealthStatistics>,
                /// Its partition's id.
                "PartitionId" partition_id: Option<String>,
                $($kind_fields)*
            }
        }
    };
}

replica_health! {
    /// The health of a replica.
    StatefulServiceReplicaHealth {
        /// The replica's id.
        "ReplicaId" replica_id: Option<Int64>,
    }
}

replica_health! {
    /// The health of an instance.
    StatelessServiceInstanceHealth {
        /// The instance's id.
        "InstanceId" instance_id: Option<Int64>,
    }
}
