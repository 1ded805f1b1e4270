//! Nodes: their description, deactivation, restart and configuration overrides.

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::{open_enum, wire_struct};

use crate::common::{HealthState, IsoDuration, NodeId, SafetyCheckWrapper, Timestamp};

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
        "Name" name: Option<String>,
        /// Its IP address or fully qualified domain name.
        "IpAddressOrFQDN" ip_address_or_fqdn: Option<String>,
        /// Its node type.
        "Type" node_type: Option<String>,
        /// The Service Fabric code version it runs.
        "CodeVersion" code_version: Option<String>,
        /// The configuration version it runs.
        "ConfigVersion" config_version: Option<String>,
        /// Its status.
        "NodeStatus" node_status: Option<NodeStatus>,
        /// Seconds since it came up.
        "NodeUpTimeInSeconds" node_up_time_in_seconds: Option<Int64>,
        /// Its health.
        "HealthState" health_state: Option<HealthState>,
        /// Whether it is a seed node.
        "IsSeedNode" is_seed_node: Option<bool>,
        /// Its upgrade domain.
        "UpgradeDomain" upgrade_domain: Option<String>,
        /// Its fault domain (`fd:/0`).
        "FaultDomain" fault_domain: Option<String>,
        /// Its internal id.
        "Id" id: Option<NodeId>,
        /// Its instance id; it changes on every restart.
        "InstanceId" instance_id: Option<Int64>,
        /// Its deactivation, if any.
        "NodeDeactivationInfo" node_deactivation_info: Option<NodeDeactivationInfo>,
        /// Whether it is stopped.
        "IsStopped" is_stopped: Option<bool>,
        /// Seconds since it went down.
        "NodeDownTimeInSeconds" node_down_time_in_seconds: Option<Int64>,
        /// When it came up (ISO-8601 UTC).
        "NodeUpAt" node_up_at: Option<Timestamp>,
        /// When it went down.
        "NodeDownAt" node_down_at: Option<Timestamp>,
        /// Its tags.
        "NodeTags" node_tags: Option<Vec<String>>,
        /// Whether a node-by-node upgrade is upgrading it.
        "IsNodeByNodeUpgradeInProgress" is_node_by_node_upgrade_in_progress: Option<bool>,
        /// Its placement id in the infrastructure.
        "InfrastructurePlacementID" infrastructure_placement_id: Option<String>,
    }
}

wire_struct! {
    /// A node's deactivation and what it waits for.
    pub struct NodeDeactivationInfo {
        /// The strongest intent of its deactivation tasks.
        "NodeDeactivationIntent" node_deactivation_intent: Option<DeactivationIntent>,
        /// `None`, `SafetyCheckInProgress`, `SafetyCheckComplete` or `Completed`.
        "NodeDeactivationStatus" node_deactivation_status: Option<String>,
        /// The tasks that deactivated it.
        "NodeDeactivationTask" node_deactivation_task: Option<Vec<NodeDeactivationTask>>,
        /// What the deactivation waits for.
        "PendingSafetyChecks" pending_safety_checks: Option<Vec<SafetyCheckWrapper>>,
    }
}

wire_struct! {
    /// One task that deactivated a node.
    pub struct NodeDeactivationTask {
        /// The task's id.
        "NodeDeactivationTaskId" node_deactivation_task_id: Option<NodeDeactivationTaskId>,
        /// Its intent.
        "NodeDeactivationIntent" node_deactivation_intent: Option<DeactivationIntent>,
    }
}

wire_struct! {
    /// The id of a deactivation task.
    pub struct NodeDeactivationTaskId {
        /// The id.
        "Id" id: Option<String>,
        /// Who created it: `Infrastructure`, `Repair` or `Client`.
        "NodeDeactivationTaskType" node_deactivation_task_type: Option<String>,
    }
}

wire_struct! {
    /// How to deactivate a node (DisableNode).
    pub struct DeactivationIntentDescription {
        /// The intent; absent means `Pause`.
        "DeactivationIntent" deactivation_intent: Option<DeactivationIntent>,
    }
}

impl DeactivationIntentDescription {
    /// Deactivate with `intent`.
    pub fn new(intent: DeactivationIntent) -> DeactivationIntentDescription {
        DeactivationIntentDescription {
            deactivation_intent: Some(intent),
            unknown_fields: Default::default(),
        }
    }
}

wire_struct! {
    /// Which node instance to restart (RestartNode).
    pub struct RestartNodeDescription {
        /// The instance to restart; `"0"` restarts whatever instance runs.
        "NodeInstanceId" node_instance_id: String,
        /// `"True"` to dump the fabric process first, `"False"` otherwise (text, as the
        /// gateway expects).
        "CreateFabricDump" create_fabric_dump: Option<String>,
    }
}

impl RestartNodeDescription {
    /// Restart instance `node_instance_id` without a dump.
    pub fn new(node_instance_id: impl Into<String>) -> RestartNodeDescription {
        RestartNodeDescription {
            node_instance_id: node_instance_id.into(),
            create_fabric_dump: None,
            unknown_fields: Default::default(),
        }
    }
}

wire_struct! {
    /// One configuration parameter set on a node, overriding the cluster manifest
    /// (AddConfigurationParameterOverrides, GetConfigurationOverrides).
    pub struct ConfigParameterOverride {
        /// The manifest section.
        "SectionName" section_name: String,
        /// The parameter.
        "ParameterName" parameter_name: String,
        /// Its value.
        "ParameterValue" parameter_value: String,
        /// How long the override lasts (ISO-8601 duration).
        "Timeout" timeout: Option<IsoDuration>,
        /// Whether it survives upgrades.
        "PersistAcrossUpgrade" persist_across_upgrade: Option<bool>,
    }
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
            unknown_fields: Default::default(),
        }
    }
}
