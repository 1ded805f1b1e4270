//! The events of replicas and instances: health reports, and removals and restarts Chaos
//! scheduled.

use fabric_rest_runtime::wire::Int64;

event_enum! {
    /// An event of a replica or instance (GetPartitionReplicaEventList,
    /// GetPartitionReplicasEventList), by `Kind`.
    pub enum ReplicaEvent => FabricEvent {
        ChaosReplicaRemovalScheduled(ChaosReplicaRemovalScheduledEvent) = "ChaosReplicaRemovalScheduled",
        ChaosReplicaRestartScheduled(ChaosReplicaRestartScheduledEvent) = "ChaosReplicaRestartScheduled",
        StatefulReplicaHealthReportExpired(StatefulReplicaHealthReportExpiredEvent) = "StatefulReplicaHealthReportExpired",
        StatefulReplicaNewHealthReport(StatefulReplicaNewHealthReportEvent) = "StatefulReplicaNewHealthReport",
        StatelessReplicaHealthReportExpired(StatelessReplicaHealthReportExpiredEvent) = "StatelessReplicaHealthReportExpired",
        StatelessReplicaNewHealthReport(StatelessReplicaNewHealthReportEvent) = "StatelessReplicaNewHealthReport",
    }
}

event! {
    /// Chaos scheduled the removal of a replica.
    pub struct ChaosReplicaRemovalScheduledEvent: replica {
        /// The id of the group of faults it is part of.
        "FaultGroupId" fault_group_id: Option<String>,
        /// The fault's id.
        "FaultId" fault_id: Option<String>,
        /// The service's name (`fabric:/app1/svc1`).
        "ServiceUri" service_uri: Option<String>,
    }
}

event! {
    /// Chaos scheduled the restart of a replica.
    pub struct ChaosReplicaRestartScheduledEvent: replica {
        /// The id of the group of faults it is part of.
        "FaultGroupId" fault_group_id: Option<String>,
        /// The fault's id.
        "FaultId" fault_id: Option<String>,
        /// The service's name (`fabric:/app1/svc1`).
        "ServiceUri" service_uri: Option<String>,
    }
}

event! {
    /// A health report about a stateful replica expired.
    pub struct StatefulReplicaHealthReportExpiredEvent: replica + health_report {
        /// The replica's instance id.
        "ReplicaInstanceId" replica_instance_id: Option<Int64>,
    }
}

event! {
    /// A health report about a stateful replica arrived.
    pub struct StatefulReplicaNewHealthReportEvent: replica + health_report {
        /// The replica's instance id.
        "ReplicaInstanceId" replica_instance_id: Option<Int64>,
    }
}

event! {
    /// A health report about a stateless instance expired.
    pub struct StatelessReplicaHealthReportExpiredEvent: replica + health_report {}
}

event! {
    /// A health report about a stateless instance arrived.
    pub struct StatelessReplicaNewHealthReportEvent: replica + health_report {}
}
