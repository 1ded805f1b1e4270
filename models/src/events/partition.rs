//! The events of partitions: reconfigurations, health reports, moves Chaos scheduled, and
//! analyses of why a primary moved.

use fabric_rest_runtime::wire::{Decimal, Int64};

use crate::common::{IsoDuration, Timestamp};

event_enum! {
    /// An event of a partition (GetPartitionEventList, GetPartitionsEventList), by `Kind`.
    pub enum PartitionEvent => FabricEvent {
        ChaosPartitionPrimaryMoveScheduled(ChaosPartitionPrimaryMoveScheduledEvent) = "ChaosPartitionPrimaryMoveScheduled",
        ChaosPartitionSecondaryMoveScheduled(ChaosPartitionSecondaryMoveScheduledEvent) = "ChaosPartitionSecondaryMoveScheduled",
        PartitionHealthReportExpired(PartitionHealthReportExpiredEvent) = "PartitionHealthReportExpired",
        PartitionNewHealthReport(PartitionNewHealthReportEvent) = "PartitionNewHealthReport",
        PartitionReconfigured(PartitionReconfiguredEvent) = "PartitionReconfigured",
        PartitionPrimaryMoveAnalysis(PartitionPrimaryMoveAnalysisEvent) = "PartitionPrimaryMoveAnalysis",
    }
}

event! {
    /// Chaos scheduled the move of a partition's primary.
    pub struct ChaosPartitionPrimaryMoveScheduledEvent: partition {
        /// The id of the group of faults it is part of.
        "FaultGroupId" fault_group_id: Option<String>,
        /// The fault's id.
        "FaultId" fault_id: Option<String>,
        /// The service's name (`fabric:/app1/svc1`).
        "ServiceName" service_name: Option<String>,
        /// The node the primary moves to.
        "NodeTo" node_to: Option<String>,
        /// Whether the move was forced.
        "ForcedMove" forced_move: Option<bool>,
    }
}

event! {
    /// Chaos scheduled the move of a partition's secondary.
    pub struct ChaosPartitionSecondaryMoveScheduledEvent: partition {
        /// The id of the group of faults it is part of.
        "FaultGroupId" fault_group_id: Option<String>,
        /// The fault's id.
        "FaultId" fault_id: Option<String>,
        /// The service's name (`fabric:/app1/svc1`).
        "ServiceName" service_name: Option<String>,
        /// The node the secondary moves from.
        "SourceNode" source_node: Option<String>,
        /// The node the secondary moves to.
        "DestinationNode" destination_node: Option<String>,
        /// Whether the move was forced.
        "ForcedMove" forced_move: Option<bool>,
    }
}

event! {
    /// A health report about a partition expired.
    pub struct PartitionHealthReportExpiredEvent: partition + health_report {}
}

event! {
    /// A health report about a partition arrived.
    pub struct PartitionNewHealthReportEvent: partition + health_report {}
}

event! {
    /// A partition was reconfigured.
    pub struct PartitionReconfiguredEvent: partition {
        /// The node's name.
        "NodeName" node_name: Option<String>,
        /// The node's instance id.
        "NodeInstanceId" node_instance_id: Option<String>,
        /// The service type's name.
        "ServiceType" service_type: Option<String>,
        /// The data loss version of the partition's current epoch.
        "CcEpochDataLossVersion" cc_epoch_data_loss_version: Option<Int64>,
        /// The configuration version of the partition's current epoch.
        "CcEpochConfigVersion" cc_epoch_config_version: Option<Int64>,
        /// The kind of reconfiguration (`Failover`, `SwapPrimary`, `Other`, ...).
        "ReconfigType" reconfig_type: Option<String>,
        /// How it ended (`Completed`, `Failed`, ...).
        "Result" result: Option<String>,
        /// How long phase 0 took, in milliseconds.
        "Phase0DurationMs" phase0_duration_ms: Option<Decimal>,
        /// How long phase 1 took, in milliseconds.
        "Phase1DurationMs" phase1_duration_ms: Option<Decimal>,
        /// How long phase 2 took, in milliseconds.
        "Phase2DurationMs" phase2_duration_ms: Option<Decimal>,
        /// How long phase 3 took, in milliseconds.
        "Phase3DurationMs" phase3_duration_ms: Option<Decimal>,
        /// How long phase 4 took, in milliseconds.
        "Phase4DurationMs" phase4_duration_ms: Option<Decimal>,
        /// How long the reconfiguration took, in milliseconds.
        "TotalDurationMs" total_duration_ms: Option<Decimal>,
    }
}

event_enum! {
    /// An analysis the cluster made of a partition's events, by `Kind`.
    pub enum PartitionAnalysisEvent => FabricEvent {
        PartitionPrimaryMoveAnalysis(PartitionPrimaryMoveAnalysisEvent) = "PartitionPrimaryMoveAnalysis",
    }
}

event! {
    /// An analysis of why a partition's primary moved.
    pub struct PartitionPrimaryMoveAnalysisEvent: partition {
        /// When and how long the analysis looked.
        "Metadata" metadata: Option<AnalysisEventMetadata>,
        /// When the move completed.
        "WhenMoveCompleted" when_move_completed: Option<Timestamp>,
        /// The node the primary was on.
        "PreviousNode" previous_node: Option<String>,
        /// The node the primary is on now.
        "CurrentNode" current_node: Option<String>,
        /// Why the primary moved.
        "MoveReason" move_reason: Option<String>,
        /// The traces the analysis drew on.
        "RelevantTraces" relevant_traces: Option<String>,
    }
}

fabric_rest_runtime::wire_struct! {
    /// When an analysis looked at a partition's events, and for how long.
    pub struct AnalysisEventMetadata {
        /// How long after the events the analysis ran.
        "Delay" delay: Option<IsoDuration>,
        /// How long it ran.
        "Duration" duration: Option<IsoDuration>,
    }
}
