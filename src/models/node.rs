//! Nodes: their description, load, deactivation, restart and configuration overrides.

use serde::{Deserialize, Serialize};

use super::cluster_info::NodeId;
use super::cluster_upgrade::SafetyCheckWrapper;
use super::health::HealthState;
use super::macros::{enum_query_value, open_enum, wire_struct};
use super::time::{IsoDuration, Timestamp};

open_enum! {
    /// The status of a node.
    pub enum NodeStatus {
        Invalid = "Invalid",
        Up = "Up",
        Down = "Down",
        Enabling = "Enabling",
        Disabling = "Disabling",
        Disabled = "Disabled",
        StatusUnknown = "Unknown",
        Removed = "Removed",
    }
}

open_enum! {
    /// Which nodes GetNodeInfoList returns, by status; `default` is every node but the
    /// ones `unknown` or `removed`.
    pub enum NodeStatusFilter {
        Default = "default",
        All = "all",
        Up = "up",
        Down = "down",
        Enabling = "enabling",
        Disabling = "disabling",
        Disabled = "disabled",
        StatusUnknown = "unknown",
        Removed = "removed",
    }
}

enum_query_value!(NodeStatusFilter);

open_enum! {
    /// Why a node is deactivated; each intent is stronger than the one before.
    pub enum DeactivationIntent {
        Invalid = "Invalid",
        Pause = "Pause",
        Restart = "Restart",
        RemoveData = "RemoveData",
        RemoveNode = "RemoveNode",
    }
}

wire_struct! {
    /// A node of the cluster (GetNodeInfo, GetNodeInfoList).
    pub struct NodeInfo {
        /// The node's name.
        name: String,
        /// Its IP address or fully qualified domain name.
        #[serde(rename = "IpAddressOrFQDN")]
        ip_address_or_fqdn: String,
        /// Its node type.
        #[serde(rename = "Type")]
        node_type: String,
        /// The Service Fabric code version it runs.
        code_version: String,
        /// The configuration version it runs.
        config_version: String,
        /// Its status.
        node_status: NodeStatus,
        /// Seconds since it came up.
        node_up_time_in_seconds: String,
        /// Its health.
        health_state: HealthState,
        /// Whether it is a seed node.
        is_seed_node: bool,
        /// Its upgrade domain.
        upgrade_domain: String,
        /// Its fault domain (`fd:/0`).
        fault_domain: String,
        /// Its internal id.
        id: NodeId,
        /// Its instance id; it changes on every restart.
        instance_id: String,
        /// Its deactivation, if any.
        node_deactivation_info: NodeDeactivationInfo,
        /// Whether it is stopped.
        is_stopped: bool,
        /// Seconds since it went down.
        node_down_time_in_seconds: String,
        /// When it came up (ISO-8601 UTC).
        node_up_at: Timestamp,
        /// When it went down.
        node_down_at: Timestamp,
        /// Its tags.
        node_tags: Vec<String>,
        /// Whether a node-by-node upgrade is upgrading it.
        is_node_by_node_upgrade_in_progress: bool,
        /// Its placement id in the infrastructure.
        #[serde(rename = "InfrastructurePlacementID")]
        infrastructure_placement_id: String,
    }
}

wire_struct! {
    /// A node's deactivation and what it waits for.
    pub struct NodeDeactivationInfo {
        /// The strongest intent of its deactivation tasks.
        node_deactivation_intent: DeactivationIntent,
        /// `None`, `SafetyCheckInProgress`, `SafetyCheckComplete` or `Completed`.
        node_deactivation_status: String,
        /// The tasks that deactivated it.
        node_deactivation_task: Vec<NodeDeactivationTask>,
        /// What the deactivation waits for.
        pending_safety_checks: Vec<SafetyCheckWrapper>,
    }
}

wire_struct! {
    /// One task that deactivated a node.
    pub struct NodeDeactivationTask {
        /// The task's id.
        node_deactivation_task_id: NodeDeactivationTaskId,
        /// Its intent.
        node_deactivation_intent: DeactivationIntent,
    }
}

wire_struct! {
    /// The id of a deactivation task.
    pub struct NodeDeactivationTaskId {
        /// The id.
        id: String,
        /// Who created it: `Infrastructure`, `Repair` or `Client`.
        node_deactivation_task_type: String,
    }
}

wire_struct! {
    /// A node's load per metric (GetNodeLoadInfo).
    pub struct NodeLoadInfo {
        /// The node's name.
        node_name: String,
        /// One entry per metric.
        node_load_metric_information: Vec<NodeLoadMetricInformation>,
    }
}

wire_struct! {
    /// The load of one metric on a node. Loads are decimal numbers in text: the gateway
    /// writes some as JSON numbers, which are kept as their text.
    pub struct NodeLoadMetricInformation {
        /// The metric's name.
        name: String,
        /// The node's capacity.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        node_capacity: String,
        /// The node's load.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        node_load: String,
        /// Capacity left.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        node_remaining_capacity: String,
        /// Whether the load exceeds the capacity.
        is_capacity_violation: bool,
        /// The buffered capacity.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        node_buffered_capacity: String,
        /// Buffered capacity left.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        node_remaining_buffered_capacity: String,
        /// The current load.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        current_node_load: String,
        /// Capacity left.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        node_capacity_remaining: String,
        /// Buffered capacity left.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        buffered_node_capacity_remaining: String,
        /// Load planned to leave the node.
        #[serde(deserialize_with = "super::macros::number_or_text")]
        planned_node_load_removal: String,
    }
}

/// How to deactivate a node (DisableNode).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct DeactivationIntentDescription {
    /// The intent; absent means `Pause`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deactivation_intent: Option<DeactivationIntent>,
}

impl DeactivationIntentDescription {
    /// Deactivate with `intent`.
    pub fn new(intent: DeactivationIntent) -> DeactivationIntentDescription {
        DeactivationIntentDescription {
            deactivation_intent: Some(intent),
        }
    }
}

/// Which node instance to restart (RestartNode).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct RestartNodeDescription {
    /// The instance to restart; `"0"` restarts whatever instance runs.
    pub node_instance_id: String,
    /// `"True"` to dump the fabric process first, `"False"` otherwise (text, as the gateway
    /// expects).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_fabric_dump: Option<String>,
}

impl RestartNodeDescription {
    /// Restart instance `node_instance_id` without a dump.
    pub fn new(node_instance_id: impl Into<String>) -> RestartNodeDescription {
        RestartNodeDescription {
            node_instance_id: node_instance_id.into(),
            create_fabric_dump: None,
        }
    }
}

/// One configuration parameter set on a node, overriding the cluster manifest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ConfigParameterOverride {
    /// The manifest section.
    pub section_name: String,
    /// The parameter.
    pub parameter_name: String,
    /// Its value.
    pub parameter_value: String,
    /// How long the override lasts (ISO-8601 duration).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<IsoDuration>,
    /// Whether it survives upgrades.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persist_across_upgrade: Option<bool>,
}

impl ConfigParameterOverride {
    /// Set `parameter_name` of `section_name` to `parameter_value`.
    pub fn new(
        section_name: impl Into<String>,
        parameter_name: impl Into<String>,
        parameter_value: impl Into<String>,
    ) -> ConfigParameterOverride {
        ConfigParameterOverride {
            section_name: section_name.into(),
            parameter_name: parameter_name.into(),
            parameter_value: parameter_value.into(),
            timeout: None,
            persist_across_upgrade: None,
        }
    }
}
