//! Repair tasks: the repair manager's record of work on nodes, and the requests that move a
//! task through its states.

use serde::{Deserialize, Serialize};

use super::macros::{kind_enum, wire_struct};

kind_enum! {
    /// What a repair task works on, by `Kind`.
    pub enum RepairTargetDescription by "Kind" {
        Node(NodeRepairTargetDescription) = "Node",
    }
}

wire_struct! {
    /// The nodes a repair task works on.
    pub struct NodeRepairTargetDescription {
        /// The nodes' names.
        node_names: Vec<String>,
    }
}

kind_enum! {
    /// What a repair task does to the cluster, by `Kind`.
    pub enum RepairImpactDescription by "Kind" {
        Node(NodeRepairImpactDescription) = "Node",
    }
}

wire_struct! {
    /// The impact of a repair on nodes.
    pub struct NodeRepairImpactDescription {
        /// One entry per node.
        node_impact_list: Vec<NodeImpact>,
    }
}

wire_struct! {
    /// The impact of a repair on one node.
    pub struct NodeImpact {
        /// The node's name.
        node_name: String,
        /// `Invalid`, `None`, `Restart`, `RemoveData` or `RemoveNode`.
        impact_level: String,
    }
}

/// A repair task (CreateRepairTask, GetRepairTaskList, UpdateRepairExecutionState).
///
/// Timestamps and the history are kept as the gateway writes them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct RepairTask {
    /// The task's id.
    pub task_id: String,
    /// Its version; `"0"` or absent on creation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// A description of the repair.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `Invalid`, `Created`, `Claimed`, `Preparing`, `Approved`, `Executing`, `Restoring`
    /// or `Completed`.
    pub state: String,
    /// `1`: cancel requested; `2`: abort requested; `4`: approval forced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags: Option<i32>,
    /// The repair to perform, such as `System.Reboot`.
    pub action: String,
    /// What it works on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<RepairTargetDescription>,
    /// The executor that claimed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub executor: Option<String>,
    /// The executor's own data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub executor_data: Option<String>,
    /// What it does to the cluster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<RepairImpactDescription>,
    /// `Invalid`, `Succeeded`, `Cancelled`, `Interrupted`, `Failed` or `Pending`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result_status: Option<String>,
    /// A code describing the result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result_code: Option<i32>,
    /// The result in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result_details: Option<String>,
    /// When each state was entered, kept as JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<serde_json::Value>,
    /// The health check before the repair.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preparing_health_check_state: Option<String>,
    /// The health check after the repair.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restoring_health_check_state: Option<String>,
    /// Whether to check health before the repair.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perform_preparing_health_check: Option<bool>,
    /// Whether to check health after the repair.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perform_restoring_health_check: Option<bool>,
}

impl RepairTask {
    /// A new task `task_id` performing `action`, in state `Created`.
    pub fn new(task_id: impl Into<String>, action: impl Into<String>) -> RepairTask {
        RepairTask {
            task_id: task_id.into(),
            version: None,
            description: None,
            state: "Created".to_owned(),
            flags: None,
            action: action.into(),
            target: None,
            executor: None,
            executor_data: None,
            impact: None,
            result_status: None,
            result_code: None,
            result_details: None,
            history: None,
            preparing_health_check_state: None,
            restoring_health_check_state: None,
            perform_preparing_health_check: None,
            perform_restoring_health_check: None,
        }
    }
}

/// The answer to a repair task change: the task's new version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct RepairTaskUpdateInfo {
    /// The new version.
    pub version: String,
}

/// Identifies a repair task, optionally at a version (the change fails if the task moved
/// on): the body of CancelRepairTask, DeleteRepairTask and ForceApproveRepairTask.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct RepairTaskIdentity {
    /// The task's id.
    pub task_id: String,
    /// The expected version; absent or `"0"` skips the check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// CancelRepairTask only: whether to abort a task already executing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_abort: Option<bool>,
}

impl RepairTaskIdentity {
    /// Task `task_id`, at any version.
    pub fn new(task_id: impl Into<String>) -> RepairTaskIdentity {
        RepairTaskIdentity {
            task_id: task_id.into(),
            version: None,
            request_abort: None,
        }
    }
}

/// Which health checks a repair task performs (UpdateRepairTaskHealthPolicy).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct RepairTaskUpdateHealthPolicyDescription {
    /// The task's id.
    pub task_id: String,
    /// The expected version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Whether to check health before the repair.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perform_preparing_health_check: Option<bool>,
    /// Whether to check health after the repair.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perform_restoring_health_check: Option<bool>,
}

impl RepairTaskUpdateHealthPolicyDescription {
    /// Task `task_id`, checks unchanged.
    pub fn new(task_id: impl Into<String>) -> Self {
        RepairTaskUpdateHealthPolicyDescription {
            task_id: task_id.into(),
            version: None,
            perform_preparing_health_check: None,
            perform_restoring_health_check: None,
        }
    }
}
