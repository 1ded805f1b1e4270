//! Cluster workflows: the code or configuration upgrade of the cluster (provision, start,
//! follow, approve the domains of a manual upgrade), and repair tasks.
//!
//! ```no_run
//! use fabric_rest::Client;
//! use fabric_rest::models::{ProvisionFabricDescription, StartClusterUpgradeDescription};
//! use fabric_rest::wait::{WaitOptions, cluster};
//!
//! # async fn run(provision: ProvisionFabricDescription, upgrade: StartClusterUpgradeDescription) -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::new("http://127.0.0.1:19080")?;
//! let outcome = cluster::upgrade_cluster_and_wait(&client, Some(&provision), &upgrade, cluster::ManualDomains::Approve, WaitOptions::default(), |progress| {
//!     println!("{}", progress.summary.text);
//! })
//! .await?;
//! assert!(outcome.is_completed());
//! # Ok(()) }
//! ```

use crate::cluster::{ClusterUpgrade as ClusterUpgradeOperations, RepairTasks};
use crate::models::{
    ClusterUpgradeProgressObject, ProvisionFabricDescription, RepairTask, ResumeClusterUpgradeDescription,
    StartClusterUpgradeDescription, UpgradeMode,
};
use crate::wait::manual::Approvals;
use crate::wait::rolling::{self, RollingEnd};
use crate::wait::{Judgement, Progress, Seen, Summary, WaitError, WaitOptions, Workflow, wait};
use crate::{Error, FabricErrorCode, ServerTimeout};

/// How a cluster upgrade ended; each carries the last progress read.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ClusterUpgradeOutcome {
    /// The cluster runs the target versions.
    Completed(ClusterUpgradeProgressObject),
    /// The upgrade was rolled back; `failure_reason` and `unhealthy_evaluations` say why.
    RolledBack(ClusterUpgradeProgressObject),
    /// The upgrade failed.
    Failed(ClusterUpgradeProgressObject),
    /// It ran, then the cluster completed at other versions: a later upgrade replaced it.
    Superseded(ClusterUpgradeProgressObject),
    /// The cluster reports the state `Invalid`.
    Invalid(ClusterUpgradeProgressObject),
    /// The cluster reports a state this library does not know.
    Unrecognised(ClusterUpgradeProgressObject),
}

impl ClusterUpgradeOutcome {
    /// Whether the cluster reached the target versions.
    pub fn is_completed(&self) -> bool {
        matches!(self, ClusterUpgradeOutcome::Completed(_))
    }

    /// The last progress read.
    pub fn progress(&self) -> &ClusterUpgradeProgressObject {
        use ClusterUpgradeOutcome::*;
        match self {
            Completed(p) | RolledBack(p) | Failed(p) | Superseded(p) | Invalid(p) | Unrecognised(p) => p,
        }
    }
}

/// Asked with the progress and the next domain's name; `true` lets the upgrade go on.
pub type AskToApprove<'a> = crate::wait::manual::Ask<'a, ClusterUpgradeProgressObject>;

/// What a wait does at each domain of a manual cluster upgrade.
pub type ManualDomains<'a> = crate::wait::manual::ManualDomains<'a, ClusterUpgradeProgressObject>;

/// A cluster upgrade to given code and configuration versions.
pub struct ClusterUpgrade<'c, C: ?Sized> {
    client: &'c C,
    code_version: Option<String>,
    config_version: Option<String>,
    approvals: Approvals<'c, ClusterUpgradeProgressObject>,
}

impl<'c, C: ClusterUpgradeOperations + ?Sized> ClusterUpgrade<'c, C> {
    /// The upgrade to `code_version` and `config_version` (either may be `None`: any).
    pub fn new(client: &'c C, code_version: Option<String>, config_version: Option<String>) -> Self {
        ClusterUpgrade {
            client,
            code_version,
            config_version,
            approvals: Approvals::new(ManualDomains::Report),
        }
    }

    /// What to do at each domain of a manual upgrade (by default [`ManualDomains::Report`]).
    pub fn manual_domains(mut self, manual: ManualDomains<'c>) -> Self {
        self.approvals = Approvals::new(manual);
        self
    }

    /// Whether `progress` shows the versions asked for.
    fn at_target(&self, progress: &ClusterUpgradeProgressObject) -> bool {
        let matches = |wanted: &Option<String>, got: &Option<String>| wanted.is_none() || wanted == got;
        matches(&self.code_version, &progress.code_version) && matches(&self.config_version, &progress.config_version)
    }

    /// The domain a manual upgrade waits to be let into, if it waits and this wait may say so.
    fn domain_to_approve(&mut self, progress: &ClusterUpgradeProgressObject) -> Option<String> {
        let waiting = progress
            .upgrade_state
            .as_ref()
            .is_some_and(|s| s.as_str() == "RollingForwardPending")
            && progress.rolling_upgrade_mode == Some(UpgradeMode::UnmonitoredManual);
        self.approvals
            .next_approval(waiting, progress.next_upgrade_domain.as_deref(), progress)
    }
}

impl<C: ClusterUpgradeOperations + ?Sized> Workflow for ClusterUpgrade<'_, C> {
    type Status = ClusterUpgradeProgressObject;
    type Outcome = ClusterUpgradeOutcome;

    fn name(&self) -> String {
        upgrade_name(self.code_version.as_deref(), self.config_version.as_deref())
    }

    async fn poll(&mut self, timeout: Option<ServerTimeout>) -> Result<Self::Status, Error> {
        let progress = self.client.get_cluster_upgrade_progress(timeout).await?;
        if let Some(domain) = self.domain_to_approve(&progress) {
            let description = ResumeClusterUpgradeDescription::new(domain.clone());
            self.client.resume_cluster_upgrade(&description, timeout).await?;
            self.approvals.approved(domain);
        }
        Ok(progress)
    }

    fn judge(&mut self, progress: &Self::Status, seen: &Seen) -> Judgement<ClusterUpgradeOutcome> {
        let state = progress.upgrade_state.as_ref().map_or("Invalid", |s| s.as_str());
        rolling::judge(state, self.at_target(progress), seen).map(|end| {
            let progress = progress.clone();
            match end {
                RollingEnd::Completed => ClusterUpgradeOutcome::Completed(progress),
                RollingEnd::RolledBack => ClusterUpgradeOutcome::RolledBack(progress),
                RollingEnd::Failed => ClusterUpgradeOutcome::Failed(progress),
                RollingEnd::Superseded => ClusterUpgradeOutcome::Superseded(progress),
                RollingEnd::Invalid => ClusterUpgradeOutcome::Invalid(progress),
                RollingEnd::Unrecognised => ClusterUpgradeOutcome::Unrecognised(progress),
            }
        })
    }

    fn summary(&self, progress: &Self::Status) -> Summary {
        let state = progress.upgrade_state.as_ref().map_or("Invalid", |s| s.as_str());
        let mut text = format!(
            "{state} at code {} configuration {}",
            progress.code_version.as_deref().unwrap_or("?"),
            progress.config_version.as_deref().unwrap_or("?")
        );
        if let Some(domain) = progress
            .current_upgrade_domain_progress
            .as_ref()
            .and_then(|d| d.domain_name.as_deref())
        {
            text.push_str(&format!(", upgrading {domain}"));
        }
        if state == "RollingForwardPending"
            && let Some(next) = progress.next_upgrade_domain.as_deref()
        {
            text.push_str(&format!(", next {next}"));
        }
        if let Some(reason) = progress.failure_reason.as_deref().filter(|r| *r != "None") {
            text.push_str(&format!(", failure: {reason}"));
        }
        let evaluations = progress.unhealthy_evaluations.as_ref().map_or(0, Vec::len);
        if evaluations > 0 {
            text.push_str(&format!(" ({evaluations} unhealthy evaluations)"));
        }
        Summary::new(text)
    }
}

/// Provisions (when `provision` is given; an already provisioned version is fine), starts
/// the cluster upgrade `upgrade` and waits until it ends at its versions.
pub async fn upgrade_cluster_and_wait<'c, C: ClusterUpgradeOperations + ?Sized>(
    client: &'c C,
    provision: Option<&ProvisionFabricDescription>,
    upgrade: &StartClusterUpgradeDescription,
    manual: ManualDomains<'c>,
    options: WaitOptions,
    on_progress: impl FnMut(&Progress<'_, ClusterUpgradeProgressObject>),
) -> Result<ClusterUpgradeOutcome, WaitError<ClusterUpgradeProgressObject>> {
    let workflow = ClusterUpgrade::new(client, upgrade.code_version.clone(), upgrade.config_version.clone())
        .manual_domains(manual);
    let failed = |error| WaitError::Request {
        what: upgrade_name(upgrade.code_version.as_deref(), upgrade.config_version.as_deref()),
        error,
    };
    if let Some(provision) = provision {
        match client.provision_cluster(provision, options.status_timeout).await {
            Ok(()) => {}
            Err(error) if error.code() == Some(&FabricErrorCode::FABRIC_E_FABRIC_VERSION_ALREADY_EXISTS) => {}
            Err(error) => return Err(failed(error)),
        }
    }
    client
        .start_cluster_upgrade(upgrade, options.status_timeout)
        .await
        .map_err(failed)?;
    wait(workflow, &options, on_progress).await
}

/// `the cluster upgrade to code 9.1.1 and configuration 2`, naming what is given.
fn upgrade_name(code: Option<&str>, config: Option<&str>) -> String {
    match (code, config) {
        (Some(code), Some(config)) => format!("the cluster upgrade to code {code} and configuration {config}"),
        (Some(code), None) => format!("the cluster upgrade to code {code}"),
        (None, Some(config)) => format!("the cluster upgrade to configuration {config}"),
        (None, None) => "the cluster upgrade".to_owned(),
    }
}

/// How a repair task ended.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum RepairOutcome {
    /// `Completed`; its `result_status` says how (`Succeeded`, `Cancelled`, `Interrupted`,
    /// `Failed`).
    Completed(Box<RepairTask>),
    /// The cluster no longer lists the task (it was deleted).
    Gone,
}

/// A repair task, followed until it is `Completed`.
pub struct RepairTaskWorkflow<'c, C: ?Sized> {
    client: &'c C,
    task_id: &'c str,
}

impl<'c, C: RepairTasks + ?Sized> RepairTaskWorkflow<'c, C> {
    /// The repair task `task_id`.
    pub fn new(client: &'c C, task_id: &'c str) -> Self {
        RepairTaskWorkflow { client, task_id }
    }
}

impl<C: RepairTasks + ?Sized> Workflow for RepairTaskWorkflow<'_, C> {
    type Status = Option<RepairTask>;
    type Outcome = RepairOutcome;

    fn name(&self) -> String {
        format!("the repair task {}", self.task_id)
    }

    async fn poll(&mut self, _timeout: Option<ServerTimeout>) -> Result<Self::Status, Error> {
        // The filter is a prefix: keep the task of exactly this id.
        let tasks = self.client.get_repair_task_list(Some(self.task_id), None, None).await?;
        Ok(tasks.into_iter().find(|task| task.task_id == self.task_id))
    }

    fn judge(&mut self, task: &Self::Status, _seen: &Seen) -> Judgement<RepairOutcome> {
        match task {
            None => Judgement::Ended(RepairOutcome::Gone),
            Some(task) if task.state == "Completed" => {
                Judgement::Ended(RepairOutcome::Completed(Box::new(task.clone())))
            }
            Some(_) => Judgement::Running,
        }
    }

    fn summary(&self, task: &Self::Status) -> Summary {
        match task {
            None => Summary::new("the task is not listed"),
            Some(task) => {
                let result = task
                    .result_status
                    .as_deref()
                    .filter(|r| *r != "Invalid" && *r != "Pending");
                Summary::new(match result {
                    Some(result) => format!("{} ({result})", task.state),
                    None => task.state.clone(),
                })
            }
        }
    }
}

/// Creates `task` and waits until it is `Completed`.
pub async fn create_repair_task_and_wait<C: RepairTasks + ?Sized>(
    client: &C,
    task: &RepairTask,
    options: WaitOptions,
    on_progress: impl FnMut(&Progress<'_, Option<RepairTask>>),
) -> Result<RepairOutcome, WaitError<Option<RepairTask>>> {
    client
        .create_repair_task(task)
        .await
        .map_err(|error| WaitError::Request {
            what: format!("the repair task {}", task.task_id),
            error,
        })?;
    wait(RepairTaskWorkflow::new(client, &task.task_id), &options, on_progress).await
}
