//! Repair tasks, as the repair manager keeps them.

use crate::models::{RepairTask, RepairTaskIdentity, RepairTaskUpdateHealthPolicyDescription, RepairTaskUpdateInfo};
use crate::{Result, Transport, fabric_endpoint};

/// Creating, listing and moving repair tasks. These operations take no server timeout.
///
/// Implemented for every [`Transport`].
pub trait RepairTasks: Transport {
    /// Creates a repair task (`POST /$/CreateRepairTask`).
    #[fabric_endpoint(POST, "/$/CreateRepairTask", api_version = "6.0")]
    async fn create_repair_task(&self, #[body] task: &RepairTask) -> Result<RepairTaskUpdateInfo>;

    /// Requests the cancellation of a repair task (`POST /$/CancelRepairTask`).
    #[fabric_endpoint(POST, "/$/CancelRepairTask", api_version = "6.0")]
    async fn cancel_repair_task(&self, #[body] task: &RepairTaskIdentity) -> Result<RepairTaskUpdateInfo>;

    /// Deletes a completed repair task (`POST /$/DeleteRepairTask`).
    #[fabric_endpoint(POST, "/$/DeleteRepairTask", api_version = "6.0")]
    async fn delete_repair_task(&self, #[body] task: &RepairTaskIdentity) -> Result<()>;

    /// The repair tasks matching the filters (`GET /$/GetRepairTaskList`). `state_filter`
    /// is a set of state flags: 1 Created, 2 Claimed, 4 Preparing, 8 Approved,
    /// 16 Executing, 32 Restoring, 64 Completed.
    #[fabric_endpoint(GET, "/$/GetRepairTaskList", api_version = "6.0")]
    async fn get_repair_task_list(
        &self,
        #[query("TaskIdFilter")] task_id_prefix: Option<&str>,
        #[query("StateFilter")] state_filter: Option<u32>,
        #[query("ExecutorFilter")] executor: Option<&str>,
    ) -> Result<Vec<RepairTask>>;

    /// Approves a repair task without waiting for its health checks
    /// (`POST /$/ForceApproveRepairTask`).
    #[fabric_endpoint(POST, "/$/ForceApproveRepairTask", api_version = "6.0")]
    async fn force_approve_repair_task(&self, #[body] task: &RepairTaskIdentity) -> Result<RepairTaskUpdateInfo>;

    /// Changes which health checks a repair task performs
    /// (`POST /$/UpdateRepairTaskHealthPolicy`).
    #[fabric_endpoint(POST, "/$/UpdateRepairTaskHealthPolicy", api_version = "6.0")]
    async fn update_repair_task_health_policy(
        &self,
        #[body] description: &RepairTaskUpdateHealthPolicyDescription,
    ) -> Result<RepairTaskUpdateInfo>;

    /// Records an executor's progress on a repair task (`POST /$/UpdateRepairExecutionState`).
    #[fabric_endpoint(POST, "/$/UpdateRepairExecutionState", api_version = "6.0")]
    async fn update_repair_execution_state(&self, #[body] task: &RepairTask) -> Result<RepairTaskUpdateInfo>;
}

impl<T: Transport> RepairTasks for T {}
