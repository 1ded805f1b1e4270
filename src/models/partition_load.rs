//! Partition loads: the most loaded partitions of a metric, and reported load updates.

use serde::{Deserialize, Serialize};

use super::macros::{enum_query_value, open_enum, wire_struct};

open_enum! {
    /// The order of GetLoadedPartitionInfoList.
    pub enum Ordering {
        Desc = "Desc",
        Asc = "Asc",
    }
}

enum_query_value!(Ordering);

wire_struct! {
    /// The load of one partition for one metric.
    pub struct LoadedPartitionInformationResult {
        /// The service's name.
        service_name: String,
        /// The partition's id.
        partition_id: String,
        /// The metric's name.
        metric_name: String,
        /// The load.
        load: i64,
    }
}

wire_struct! {
    /// A metric's load on one replica or instance.
    pub struct MetricLoadDescription {
        /// The metric's name.
        metric_name: String,
        /// The current load.
        current_load: i64,
        /// The predicted load.
        predicted_load: i64,
    }
}

wire_struct! {
    /// Loads on the replicas or instances of one node.
    pub struct ReplicaMetricLoadDescription {
        /// The node's name.
        node_name: String,
        /// The loads.
        replica_or_instance_load_entries: Vec<MetricLoadDescription>,
    }
}

wire_struct! {
    /// New loads of one partition (UpdatePartitionLoad).
    pub struct PartitionMetricLoadDescription {
        /// The partition's id.
        partition_id: String,
        /// Loads of the primary.
        primary_replica_load_entries: Vec<MetricLoadDescription>,
        /// Loads of every secondary or instance.
        secondary_replicas_or_instances_load_entries: Vec<MetricLoadDescription>,
        /// Loads of the secondaries or instances per node.
        secondary_replica_or_instance_load_entries_per_node: Vec<ReplicaMetricLoadDescription>,
        /// Loads of every auxiliary replica.
        auxiliary_replicas_load_entries: Vec<MetricLoadDescription>,
        /// Loads of the auxiliary replicas per node.
        auxiliary_replica_load_entries_per_node: Vec<ReplicaMetricLoadDescription>,
    }
}

/// The result of updating one partition's load.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct UpdatePartitionLoadResult {
    /// The partition's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition_id: Option<String>,
    /// `0` on success, else the error's code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition_error_code: Option<i32>,
}
