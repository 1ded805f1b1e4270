//! A node's load per metric (GetNodeLoadInfo).

use fabric_rest_runtime::wire::Decimal;
use fabric_rest_runtime::wire_struct;

wire_struct! {
    /// A node's load per metric (GetNodeLoadInfo).
    pub struct NodeLoadInfo {
        /// The node's name.
        "NodeName" node_name: Option<String>,
        /// One entry per metric.
        "NodeLoadMetricInformation" node_load_metric_information: Option<Vec<NodeLoadMetricInformation>>,
    }
}

wire_struct! {
    /// The load of one metric on a node. Loads are [`Decimal`]s: the spec types them as
    /// strings, the gateway writes some as JSON numbers, and each is written back as it came.
    pub struct NodeLoadMetricInformation {
        /// The metric's name.
        "Name" name: Option<String>,
        /// The node's capacity.
        "NodeCapacity" node_capacity: Option<Decimal>,
        /// The node's load.
        "NodeLoad" node_load: Option<Decimal>,
        /// Capacity left.
        "NodeRemainingCapacity" node_remaining_capacity: Option<Decimal>,
        /// Whether the load exceeds the capacity.
        "IsCapacityViolation" is_capacity_violation: Option<bool>,
        /// The buffered capacity.
        "NodeBufferedCapacity" node_buffered_capacity: Option<Decimal>,
        /// Buffered capacity left.
        "NodeRemainingBufferedCapacity" node_remaining_buffered_capacity: Option<Decimal>,
        /// The current load.
        "CurrentNodeLoad" current_node_load: Option<Decimal>,
        /// Capacity left.
        "NodeCapacityRemaining" node_capacity_remaining: Option<Decimal>,
        /// Buffered capacity left.
        "BufferedNodeCapacityRemaining" buffered_node_capacity_remaining: Option<Decimal>,
        /// Load planned to leave the node.
        "PlannedNodeLoadRemoval" planned_node_load_removal: Option<Decimal>,
    }
}
