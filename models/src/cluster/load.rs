//! The cluster's load per metric (GetClusterLoad).

use fabric_rest_runtime::wire::Decimal;
use fabric_rest_runtime::wire_struct;

use crate::common::{NodeId, Timestamp};

wire_struct! {
    /// The cluster's load per metric (GetClusterLoad).
    pub struct ClusterLoadInfo {
        /// When the last balancing run started (ISO-8601 UTC).
        "LastBalancingStartTimeUtc" last_balancing_start_time_utc: Option<Timestamp>,
        /// When it ended.
        "LastBalancingEndTimeUtc" last_balancing_end_time_utc: Option<Timestamp>,
        /// One entry per metric.
        "LoadMetricInformation" load_metric_information: Option<Vec<LoadMetricInformation>>,
    }
}

wire_struct! {
    /// The load of one metric across the cluster. Loads are [`Decimal`]s: the spec types
    /// them as strings, the gateway writes most as JSON numbers, and each is written back
    /// as it came.
    ///
    /// Five fields are written under other names than the spec's property names, the ones
    /// the gateway uses (`MinNodeLoadId` for the spec's `MinNodeLoadNodeId`, ...); both are
    /// read.
    pub struct LoadMetricInformation {
        /// The metric's name.
        "Name" name: Option<String>,
        /// Whether the metric was balanced before the last run.
        "IsBalancedBefore" is_balanced_before: Option<bool>,
        /// Whether it is balanced after.
        "IsBalancedAfter" is_balanced_after: Option<bool>,
        /// Standard deviation of load before the run.
        "DeviationBefore" deviation_before: Option<Decimal>,
        /// After the run.
        "DeviationAfter" deviation_after: Option<Decimal>,
        /// The balancing threshold.
        "BalancingThreshold" balancing_threshold: Option<Decimal>,
        /// What the last run did.
        "Action" action: Option<String>,
        /// The activity threshold.
        "ActivityThreshold" activity_threshold: Option<Decimal>,
        /// The cluster's capacity.
        "ClusterCapacity" cluster_capacity: Option<Decimal>,
        /// The cluster's load.
        "ClusterLoad" cluster_load: Option<Decimal>,
        /// The current load.
        "CurrentClusterLoad" current_cluster_load: Option<Decimal>,
        /// Capacity left; deprecated in favor of `cluster_capacity_remaining`.
        "RemainingUnbufferedCapacity" | "ClusterRemainingCapacity" cluster_remaining_capacity: Option<Decimal>,
        /// Capacity left.
        "ClusterCapacityRemaining" cluster_capacity_remaining: Option<Decimal>,
        /// Whether the load exceeds the capacity.
        "IsClusterCapacityViolation" is_cluster_capacity_violation: Option<bool>,
        /// The reserved buffer, in percent.
        "NodeBufferPercentage" node_buffer_percentage: Option<Decimal>,
        /// Capacity left within the buffer; deprecated in favor of
        /// `buffered_cluster_capacity_remaining`.
        "BufferedCapacity" | "ClusterBufferedCapacity" cluster_buffered_capacity: Option<Decimal>,
        /// Capacity left within the buffer.
        "BufferedClusterCapacityRemaining" buffered_cluster_capacity_remaining: Option<Decimal>,
        /// The remaining share of the cluster's capacity.
        "RemainingBufferedCapacity" | "ClusterRemainingBufferedCapacity"
            cluster_remaining_buffered_capacity: Option<Decimal>,
        /// The smallest node load; deprecated in favor of `minimum_node_load`.
        "MinNodeLoadValue" min_node_load_value: Option<Decimal>,
        /// The smallest node load.
        "MinimumNodeLoad" minimum_node_load: Option<Decimal>,
        /// The node with the smallest load.
        "MinNodeLoadId" | "MinNodeLoadNodeId" min_node_load_node_id: Option<NodeId>,
        /// The largest node load; deprecated in favor of `maximum_node_load`.
        "MaxNodeLoadValue" max_node_load_value: Option<Decimal>,
        /// The largest node load.
        "MaximumNodeLoad" maximum_node_load: Option<Decimal>,
        /// The node with the largest load.
        "MaxNodeLoadId" | "MaxNodeLoadNodeId" max_node_load_node_id: Option<NodeId>,
        /// Load planned to leave the nodes.
        "PlannedLoadRemoval" planned_load_removal: Option<Decimal>,
    }
}
