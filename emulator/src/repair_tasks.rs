//! The Repair Manager of the emulated cluster: each repair task walks `Created`, `Claimed`,
//! `Preparing`, `Approved`, `Executing`, `Restoring` to `Completed`, one state a step (see
//! [`crate::phases`]), and ends as the [`RepairTaskOutcome`] said.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::Emulator;
use crate::phases::Phases;

/// How the next repair task that is created ends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum RepairTaskOutcome {
    /// `Completed` with `ResultStatus` `Succeeded`.
    #[default]
    Succeed,
    /// `Completed` with `ResultStatus` `Failed`, after `Executing`, with a `ResultCode` and
    /// `ResultDetails` saying why.
    Fail,
}

/// The states a task goes through before `Completed`.
const STATES: [&str; 6] = ["Created", "Claimed", "Preparing", "Approved", "Executing", "Restoring"];

/// The executor that claims every task.
const EXECUTOR: &str = "fabric:/System/InfrastructureService";

/// One repair task.
#[derive(Debug)]
struct Task {
    /// The task as created: its description, action and target are written back.
    created: Value,
    states: Phases<&'static str>,
    outcome: RepairTaskOutcome,
}

/// Every repair task created so far.
#[derive(Debug)]
pub(crate) struct RepairTasks {
    step: Duration,
    next_outcome: RepairTaskOutcome,
    /// In the order they were created, as the list answers them.
    tasks: Vec<(String, Task)>,
}

impl RepairTasks {
    pub(crate) fn new(step: Duration) -> RepairTasks {
        RepairTasks {
            step,
            next_outcome: RepairTaskOutcome::default(),
            tasks: Vec::new(),
        }
    }

    /// Creates the task `body` describes (a `TaskId`, an `Action`, `State` `Created`);
    /// `Err` with the error code when it cannot be.
    pub(crate) fn create(&mut self, body: Value, now: Instant) -> Result<(), &'static str> {
        let id = body.get("TaskId").and_then(Value::as_str).filter(|id| !id.is_empty());
        let action = body.get("Action").and_then(Value::as_str).filter(|a| !a.is_empty());
        let created = body.get("State").and_then(Value::as_str) == Some("Created");
        let (Some(id), Some(_), true) = (id, action, created) else {
            return Err("E_INVALIDARG");
        };
        if self.tasks.iter().any(|(known, _)| known == id) {
            return Err("FABRIC_E_REPAIR_TASK_ALREADY_EXISTS");
        }
        let mut rest: Vec<&'static str> = STATES[1..].to_vec();
        rest.push("Completed");
        let task = Task {
            created: body.clone(),
            states: Phases::new(STATES[0], rest, now),
            outcome: std::mem::take(&mut self.next_outcome),
        };
        self.tasks.push((id.to_owned(), task));
        Ok(())
    }

    /// The tasks whose id starts with `prefix`, as GetRepairTaskList reads them at `now`.
    pub(crate) fn list(&mut self, prefix: &str, now: Instant) -> Vec<Value> {
        let step = self.step;
        self.tasks
            .iter_mut()
            .filter(|(id, _)| id.starts_with(prefix))
            .map(|(_, task)| {
                let state = task.states.report(now, step);
                task_info(task, state)
            })
            .collect()
    }
}

/// `task` in `state`, as the Repair Manager writes it.
fn task_info(task: &Task, state: &'static str) -> Value {
    let step = STATES.iter().position(|s| *s == state).unwrap_or(STATES.len());
    let (result, code, details) = match (state, task.outcome) {
        ("Completed", RepairTaskOutcome::Succeed) => ("Succeeded", 0, ""),
        ("Completed", RepairTaskOutcome::Fail) => ("Failed", -2147467259, "The executor could not restart the node."),
        _ => ("Pending", 0, ""),
    };
    let mut info = task.created.clone();
    info["Version"] = json!((step + 1).to_string());
    info["State"] = json!(state);
    info["Flags"] = json!(0);
    info["Executor"] = json!(if step >= 1 { EXECUTOR } else { "" });
    info["ResultStatus"] = json!(result);
    info["ResultCode"] = json!(code);
    info["ResultDetails"] = json!(details);
    info
}

/// Steering the Repair Manager from a test.
impl Emulator {
    /// Sets how the next repair task that is created ends; later ones succeed.
    pub fn set_next_repair_task_outcome(&self, outcome: RepairTaskOutcome) {
        self.gateway.repair_tasks().next_outcome = outcome;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_task_walks_every_state() {
        let step = Duration::from_secs(1);
        let mut tasks = RepairTasks::new(step);
        let t0 = Instant::now();
        let body = json!({"TaskId": "Azure/Restart/1", "State": "Created", "Action": "System.Reboot"});
        tasks.create(body.clone(), t0).expect("created");
        assert_eq!(tasks.create(body, t0), Err("FABRIC_E_REPAIR_TASK_ALREADY_EXISTS"));
        assert_eq!(tasks.create(json!({"TaskId": "x"}), t0), Err("E_INVALIDARG"));
        let mut seen: Vec<String> = Vec::new();
        for i in 0..40 {
            let info = tasks.list("Azure/", t0 + step / 2 * i).remove(0);
            let state = format!(
                "{} {}",
                info["State"].as_str().unwrap_or(""),
                info["ResultStatus"].as_str().unwrap_or("")
            );
            if seen.last() != Some(&state) {
                seen.push(state);
            }
        }
        assert_eq!(seen.len(), 7, "{seen:?}");
        assert_eq!(seen[6], "Completed Succeeded");
        assert!(tasks.list("Other", t0).is_empty());
    }
}
