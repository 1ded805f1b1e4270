//! Partition loads: the most loaded partitions of a metric (GetLoadedPartitionInfoList), and
//! reported load updates (UpdatePartitionLoad).

use fabric_rest_runtime::{open_enum, wire_struct};

open_enum! {
    /// The order of GetLoadedPartitionInfoList.
    pub enum Ordering {
        Desc = "Desc",
        Asc = "Asc",
    }
}

wire_struct! {
    /// The load of one partition for one metric.
    pub struct LoadedPartitionInformationResult {
        /// The service's name.
        "ServiceName" service_name: Option<String>,
        /// The partition's id.
        "PartitionId" partition_id: Option<String>,
        /// The metric's name.
        "MetricName" metric_name: Option<String>,
        /// The load.
        "Load" load: Option<i64>,
    }
}

wire_struct! {
    /// A metric's load on one replica or instance.
    pub struct MetricLoadDescription {
        /// The metric's name.
        "MetricName" metric_name: Option<String>,
        /// The current load.
        "CurrentLoad" current_load: Option<i64>,
        /// The predicted load.
        "PredictedLoad" predicted_load: Option<i64>,
    }
}

wire_struct! {
    /// Loads on the replicas or instances of one node.
    pub struct ReplicaMetricLoadDescription {
        /// The node's name.
        "NodeName" node_name: Option<String>,
        /// The loads.
        "ReplicaOrInstanceLoadEntries" replica_or_instance_load_entries: Option<Vec<MetricLoadDescription>>,
    }
}

wire_struct! {
    /// New loads of one partition (UpdatePartitionLoad).
    pub struct PartitionMetricLoadDescription {
        /// The partition's id.
        "PartitionId" partition_id: Option<String>,
        /// Loads of the primary.
        "PrimaryReplicaLoadEntries" primary_replica_load_entries: Option<Vec<MetricLoadDescription>>,
        /// Loads of every secondary or instance.
        "SecondaryReplicasOrInstancesLoadEntries"
            secondary_replicas_or_instances_load_entries: Option<Vec<MetricLoadDescription>>,
        /// Loads of the secondaries or instances per node.
        "SecondaryReplicaOrInstanceLoadEntriesPerNode"
            secondary_replica_or_instance_load_entries_per_node: Option<Vec<ReplicaMetricLoadDescription>>,
        /// Loads of every auxiliary replica.
        "AuxiliaryReplicasLoadEntries" auxiliary_replicas_load_entries: Option<Vec<MetricLoadDescription>>,
        /// Loads of the auxiliary replicas per node.
        "AuxiliaryReplicaLoadEntriesPerNode"
            auxiliary_replica_load_entries_per_node: Option<Vec<ReplicaMetricLoadDescription>>,
    }
}

wire_struct! {
    /// The result of updating one partition's load.
    pub struct UpdatePartitionLoadResult {
        /// The partition's id.
        "PartitionId" partition_id: Option<String>,
        /// `0` on success, else the error's code.
        "PartitionErrorCode" partition_error_code: Option<i32>,
    }
}
