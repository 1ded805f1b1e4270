//! The events of nodes: opening, closing, going down and up, joining and leaving the
//! cluster, deactivations, health reports, and restarts Chaos scheduled.

use fabric_rest_runtime::wire::Int64;

use crate::common::Timestamp;

event_enum! {
    /// An event of a node (GetNodeEventList, GetNodesEventList), by `Kind`.
    pub enum NodeEvent => FabricEvent {
        ChaosNodeRestartScheduled(ChaosNodeRestartScheduledEvent) = "ChaosNodeRestartScheduled",
        NodeAborted(NodeAbortedEvent) = "NodeAborted",
        NodeAddedToCluster(NodeAddedToClusterEvent) = "NodeAddedToCluster",
        NodeClosed(NodeClosedEvent) = "NodeClosed",
        NodeDeactivateCompleted(NodeDeactivateCompletedEvent) = "NodeDeactivateCompleted",
        NodeDeactivateStarted(NodeDeactivateStartedEvent) = "NodeDeactivateStarted",
        NodeDown(NodeDownEvent) = "NodeDown",
        NodeHealthReportExpired(NodeHealthReportExpiredEvent) = "NodeHealthReportExpired",
        NodeNewHealthReport(NodeNewHealthReportEvent) = "NodeNewHealthReport",
        NodeOpenFailed(NodeOpenFailedEvent) = "NodeOpenFailed",
        NodeOpenSucceeded(NodeOpenSucceededEvent) = "NodeOpenSucceeded",
        NodeRemovedFromCluster(NodeRemovedFromClusterEvent) = "NodeRemovedFromCluster",
        NodeUp(NodeUpEvent) = "NodeUp",
    }
}

event! {
    /// Chaos scheduled the restart of a node.
    pub struct ChaosNodeRestartScheduledEvent: node {
        /// The node's instance id.
        "NodeInstanceId" node_instance_id: Option<Int64>,
        /// The id of the group of faults it is part of.
        "FaultGroupId" fault_group_id: Option<String>,
        /// The fault's id.
        "FaultId" fault_id: Option<String>,
    }
}

event! {
    /// A node aborted.
    pub struct NodeAbortedEvent: node {
        /// The node's instance id.
        "NodeInstance" node_instance: Option<Int64>,
        /// The node's internal id.
        "NodeId" node_id: Option<String>,
        /// Its upgrade domain.
        "UpgradeDomain" upgrade_domain: Option<String>,
        /// Its fault domain (`fd:/0`).
        "FaultDomain" fault_domain: Option<String>,
        /// Its IP address or fully qualified domain name.
        "IpAddressOrFQDN" ip_address_or_fqdn: Option<String>,
        /// The machine's host name.
        "Hostname" hostname: Option<String>,
        /// Whether it is a seed node.
        "IsSeedNode" is_seed_node: Option<bool>,
        /// The Service Fabric version the node runs.
        "NodeVersion" node_version: Option<String>,
    }
}

event! {
    /// A node was added to the cluster.
    pub struct NodeAddedToClusterEvent: node {
        /// The node's internal id.
        "NodeId" node_id: Option<String>,
        /// The node's instance id.
        "NodeInstance" node_instance: Option<Int64>,
        /// The node's type.
        "NodeType" node_type: Option<String>,
        /// The Service Fabric version it runs.
        "FabricVersion" fabric_version: Option<String>,
        /// Its IP address or fully qualified domain name.
        "IpAddressOrFQDN" ip_address_or_fqdn: Option<String>,
        /// The node's capacities, as text.
        "NodeCapacities" node_capacities: Option<String>,
    }
}

event! {
    /// A node closed.
    pub struct NodeClosedEvent: node {
        /// The node's internal id.
        "NodeId" node_id: Option<String>,
        /// The node's instance id.
        "NodeInstance" node_instance: Option<Int64>,
        /// The error, in words.
        "Error" error: Option<String>,
    }
}

event! {
    /// A node's deactivation completed.
    pub struct NodeDeactivateCompletedEvent: node {
        /// The node's instance id.
        "NodeInstance" node_instance: Option<Int64>,
        /// The strongest intent of the node's deactivations.
        "EffectiveDeactivateIntent" effective_deactivate_intent: Option<String>,
        /// The deactivation batches and their intents.
        "BatchIdsWithDeactivateIntent" batch_ids_with_deactivate_intent: Option<String>,
        /// When it started.
        "StartTime" start_time: Option<Timestamp>,
    }
}

event! {
    /// A node's deactivation started.
    pub struct NodeDeactivateStartedEvent: node {
        /// The node's instance id.
        "NodeInstance" node_instance: Option<Int64>,
        /// The id of the deactivation batch.
        "BatchId" batch_id: Option<String>,
        /// The deactivation's intent (`Pause`, `Restart`, `RemoveData`, ...).
        "DeactivateIntent" deactivate_intent: Option<String>,
    }
}

event! {
    /// A node went down.
    pub struct NodeDownEvent: node {
        /// The node's instance id.
        "NodeInstance" node_instance: Option<Int64>,
        /// When the node last came up.
        "LastNodeUpAt" last_node_up_at: Option<Timestamp>,
    }
}

event! {
    /// A health report about a node expired.
    pub struct NodeHealthReportExpiredEvent: node + health_report {
        /// The node's instance id.
        "NodeInstanceId" node_instance_id: Option<Int64>,
    }
}

event! {
    /// A health report about a node arrived.
    pub struct NodeNewHealthReportEvent: node + health_report {
        /// The node's instance id.
        "NodeInstanceId" node_instance_id: Option<Int64>,
    }
}

event! {
    /// A node failed to open.
    pub struct NodeOpenFailedEvent: node {
        /// The node's instance id.
        "NodeInstance" node_instance: Option<Int64>,
        /// The node's internal id.
        "NodeId" node_id: Option<String>,
        /// Its upgrade domain.
        "UpgradeDomain" upgrade_domain: Option<String>,
        /// Its fault domain (`fd:/0`).
        "FaultDomain" fault_domain: Option<String>,
        /// Its IP address or fully qualified domain name.
        "IpAddressOrFQDN" ip_address_or_fqdn: Option<String>,
        /// The machine's host name.
        "Hostname" hostname: Option<String>,
        /// Whether it is a seed node.
        "IsSeedNode" is_seed_node: Option<bool>,
        /// The Service Fabric version the node runs.
        "NodeVersion" node_version: Option<String>,
        /// The error, in words.
        "Error" error: Option<String>,
    }
}

event! {
    /// A node opened.
    pub struct NodeOpenSucceededEvent: node {
        /// The node's instance id.
        "NodeInstance" node_instance: Option<Int64>,
        /// The node's internal id.
        "NodeId" node_id: Option<String>,
        /// Its upgrade domain.
        "UpgradeDomain" upgrade_domain: Option<String>,
        /// Its fault domain (`fd:/0`).
        "FaultDomain" fault_domain: Option<String>,
        /// Its IP address or fully qualified domain name.
        "IpAddressOrFQDN" ip_address_or_fqdn: Option<String>,
        /// The machine's host name.
        "Hostname" hostname: Option<String>,
        /// Whether it is a seed node.
        "IsSeedNode" is_seed_node: Option<bool>,
        /// The Service Fabric version the node runs.
        "NodeVersion" node_version: Option<String>,
    }
}

event! {
    /// A node was removed from the cluster.
    pub struct NodeRemovedFromClusterEvent: node {
        /// The node's internal id.
        "NodeId" node_id: Option<String>,
        /// The node's instance id.
        "NodeInstance" node_instance: Option<Int64>,
        /// The node's type.
        "NodeType" node_type: Option<String>,
        /// The Service Fabric version it runs.
        "FabricVersion" fabric_version: Option<String>,
        /// Its IP address or fully qualified domain name.
        "IpAddressOrFQDN" ip_address_or_fqdn: Option<String>,
        /// The node's capacities, as text.
        "NodeCapacities" node_capacities: Option<String>,
    }
}

event! {
    /// A node came up.
    pub struct NodeUpEvent: node {
        /// The node's instance id.
        "NodeInstance" node_instance: Option<Int64>,
        /// When the node last went down.
        "LastNodeDownAt" last_node_down_at: Option<Timestamp>,
    }
}
