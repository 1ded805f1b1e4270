//! Repair tasks: the repair manager's record of work on nodes, and the requests that move a
//! task through its states.

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::{kind_enum, wire_struct};

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
        "NodeNames" node_names: Option<Vec<String>>,
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
        "NodeImpactList" node_impact_list: Option<Vec<NodeImpact>>,
    }
}

wire_struct! {
    /// The impact of a repair on one node.
    pub struct NodeImpact {
        /// The node's name.
        "NodeName" node_name: Option<String>,
        /// `Invalid`, `None`, `Restart`, `RemoveData` or `RemoveNode`.
        "ImpactLevel" impact_level: Option<String>,
    }
}

wire_struct! {
    /// A repair task (CreateRepairTask, GetRepairTaskList, UpdateRepairExecutionState).
    ///
    /// Timestamps and the history are kept as the gateway writes them.
    pub struct RepairTask {
        /// The task's id.
        "TaskId" task_id: String,
        /// Its version; `"0"` or absent on creation.
        "Version" version: Option<Int64>,
        /// A description of the repair.
        "Description" description: Option<String>,
        /// `Invalid`, `Created`, `Claimed`, `Preparing`, `Approved`, `Executing`, `Restoring`
        /// or `Completed`.
        "State" state: String,
        /// `1`: cancel requested; `2`: abort requested; `4`: approval forced.
        "Flags" flags: Option<i32>,
        /// The repair to perform, such as `System.Reboot`.
        "Action" action: String,
        /// What it works on.
        "Target" target: Option<RepairTargetDescription>,
        /// The executor that claimed it.
        "Executor" executor: Option<String>,
        /// The executor's own data.
        "ExecutorData" executor_data: Option<String>,
        /// What it does to the cluster.
        "Impact" impact: Option<RepairImpactDescription>,
        /// `Invalid`, `Succeeded`, `Cancelled`, `Interrupted`, `Failed` or `Pending`.
        "ResultStatus" result_status: Option<String>,
        /// A code describing the result.
        "ResultCode" result_code: Option<i32>,
        /// The result in words.
        "ResultDetails" result_details: Option<String>,
        /// When each state was entered, kept as JSON.
        "History" history: Option<serde_json::Value>,
        /// The health check before the repair.
        "PreparingHealthCheckState" preparing_health_check_state: Option<String>,
        /// The health check after the repair.
        "RestoringHealthCheckState" restoring_health_check_state: Option<String>,
        /// Whether to check health before the repair.
        "PerformPreparingHealthCheck" perform_preparing_health_check: Option<bool>,
        /// Whether to check health after the repair.
        "PerformRestoringHealthCheck" perform_restoring_health_check: Option<bool>,
    }
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
            unknown_fields: Default::default(),
        }
    }
}

wire_struct! {
    /// The answer to a repair task change: the task's new version.
    pub struct RepairTaskUpdateInfo {
        /// The new version.
        "Version" version: Int64,
    }
}

wire_struct! {
    /// Identifies a repair task, optionally at a version (the change fails if the task moved
    /// on): the body of CancelRepairTask, DeleteRepairTask and ForceApproveRepairTask.
    pub struct RepairTaskIdentity {
        /// The task's id.
        "TaskId" task_id: String,
        /// The expected version; absent or `"0"` skips the check.
        "Version" version: Option<Int64>,
        /// CancelRepairTask only: whether to abort a task already executing.
        "RequestAbort" request_abort: Option<bool>,
    }
}

impl RepairTaskIdentity {
    /// Task `task_id`, at any version.
    pub fn new(task_id: impl Into<String>) -> RepairTaskIdentity {
        RepairTaskIdentity {
            task_id: task_id.into(),
            version: None,
            request_abort: None,
            unknown_fields: Default::default(),
        }
    }
}

wire_struct! {
    /// Which health checks a repair task performs (UpdateRepairTaskHealthPolicy).
    pub struct RepairTaskUpdateHealthPolicyDescription {
        /// The task's id.
        "TaskId" task_id: String,
        /// The expected version.
        "Version" version: Option<Int64>,
        /// Whether to check health before the repair.
        "PerformPreparingHealthCheck" perform_preparing_health_check: Option<bool>,
        /// Whether to check health after the repair.
        "PerformRestoringHealthCheck" perform_restoring_health_check: Option<bool>,
    }
}

impl RepairTaskUpdateHealthPolicyDescription {
    /// Task `task_id`, checks unchanged.
    pub fn new(task_id: impl Into<String>) -> Self {
        RepairTaskUpdateHealthPolicyDescription {
            task_id: task_id.into(),
            version: None,
            perform_preparing_health_check: None,
            perform_restoring_health_check: None,
            unknown_fields: Default::default(),
        }
    }
}
