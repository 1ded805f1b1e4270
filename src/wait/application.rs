//! Application workflows: provisioning an application type, creating and deleting an
//! application, and upgrading it (with the domains of a manual upgrade approved as the
//! caller says).
//!
//! ```no_run
//! use fabric_rest::Client;
//! use fabric_rest::models::{ApplicationName, ApplicationUpgradeDescription, FailureAction, MonitoringPolicyDescription};
//! use fabric_rest::wait::{WaitOptions, application};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::new("http://127.0.0.1:19080")?;
//! let name = ApplicationName::parse("fabric:/Voting")?;
//! let upgrade = ApplicationUpgradeDescription::new(&name, "2.0.0")
//!     .monitored(MonitoringPolicyDescription::new(FailureAction::Rollback));
//! let outcome = application::upgrade_application_and_wait(
//!     &client, &upgrade, application::ManualDomains::Report, WaitOptions::default(),
//!     |progress| println!("{}", progress.summary.text),
//! )
//! .await?;
//! assert!(outcome.is_completed(), "{outcome:?}");
//! # Ok(()) }
//! ```

use crate::application_types::ApplicationTypes;
use crate::applications::{ApplicationUpgrades, Applications};
use crate::models::{
    ApplicationDescription, ApplicationInfo, ApplicationName, ApplicationTypeInfo, ApplicationUpgradeDescription,
    ApplicationUpgradeProgressInfo, ProvisionApplicationTypeDescriptionBase, ResumeApplicationUpgradeDescription,
    UpgradeMode,
};
use crate::wait::manual::Approvals;
use crate::wait::rolling::{self, RollingEnd};
use crate::wait::{Judgement, Progress, Seen, Summary, WaitError, WaitOptions, Workflow, wait};
use crate::{Error, FabricErrorCode, ServerTimeout};

/// What a wait does at each domain of a manual application upgrade.
pub type ManualDomains<'a> = crate::wait::manual::ManualDomains<'a, ApplicationUpgradeProgressInfo>;

/// How the provision of an application type version ended; each carries the type as last read.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ProvisionOutcome {
    /// The version is `Available`: applications of it can be created.
    Available(ApplicationTypeInfo),
    /// Provisioning failed; `status_details` says why.
    Failed(ApplicationTypeInfo),
    /// The cluster reports a status this library does not know.
    Unrecognised(ApplicationTypeInfo),
}

impl ProvisionOutcome {
    /// Whether the version is available.
    pub fn is_available(&self) -> bool {
        matches!(self, ProvisionOutcome::Available(_))
    }
}

/// The provision of one version of an application type, followed until it is available.
pub struct Provision<'c, C: ?Sized> {
    client: &'c C,
    type_name: String,
    type_version: String,
}

impl<'c, C: ApplicationTypes + ?Sized> Provision<'c, C> {
    /// The provision of `type_name` at `type_version`.
    pub fn new(client: &'c C, type_name: impl Into<String>, type_version: impl Into<String>) -> Self {
        Provision {
            client,
            type_name: type_name.into(),
            type_version: type_version.into(),
        }
    }
}

impl<C: ApplicationTypes + ?Sized> Workflow for Provision<'_, C> {
    /// The version as listed, or `None` while the cluster does not list it yet.
    type Status = Option<ApplicationTypeInfo>;
    type Outcome = ProvisionOutcome;

    fn name(&self) -> String {
        format!(
            "the provision of application type {} version {}",
            self.type_name, self.type_version
        )
    }

    async fn poll(&mut self, timeout: Option<ServerTimeout>) -> Result<Self::Status, Error> {
        let page = self
            .client
            .get_application_type_info_list_by_name(
                &self.type_name,
                Some(&self.type_version),
                None,
                None,
                None,
                timeout,
            )
            .await?;
        let wanted = |t: &&ApplicationTypeInfo| t.version.as_deref() == Some(self.type_version.as_str());
        Ok(page.items.iter().find(wanted).cloned())
    }

    fn judge(&mut self, status: &Self::Status, seen: &Seen) -> Judgement<ProvisionOutcome> {
        let Some(info) = status else {
            return Judgement::Running;
        };
        match info.status.as_ref().map(|s| s.as_str()) {
            Some("Available") => Judgement::Ended(ProvisionOutcome::Available(info.clone())),
            Some("Provisioning") => Judgement::Running,
            // A failure read before this provision showed may be an earlier attempt's.
            _ if !(seen.running || seen.past_grace) => Judgement::Earlier,
            Some("Failed") => Judgement::Ended(ProvisionOutcome::Failed(info.clone())),
            _ => Judgement::Ended(ProvisionOutcome::Unrecognised(info.clone())),
        }
    }

    fn summary(&self, status: &Self::Status) -> Summary {
        match status {
            None => Summary::new(format!("{} {} not listed yet", self.type_name, self.type_version)),
            Some(info) => {
                let state = info.status.as_ref().map_or("Invalid", |s| s.as_str());
                let mut text = format!("{} {} {state}", self.type_name, self.type_version);
                if let Some(details) = info.status_details.as_deref().filter(|d| !d.is_empty()) {
                    text.push_str(&format!(": {details}"));
                }
                Summary::new(text)
            }
        }
    }
}

/// Provisions an application type version with `description` (asynchronously when it says
/// so) and waits until it is available. A version that is already provisioned is no error:
/// the wait finds it available at once.
pub async fn provision_application_type_and_wait<C: ApplicationTypes + ?Sized>(
    client: &C,
    description: &ProvisionApplicationTypeDescriptionBase,
    type_name: &str,
    type_version: &str,
    options: WaitOptions,
    on_progress: impl FnMut(&Progress<'_, Option<ApplicationTypeInfo>>),
) -> Result<ProvisionOutcome, WaitError<Option<ApplicationTypeInfo>>> {
    let workflow = Provision::new(client, type_name, type_version);
    match client
        .provision_application_type(description, options.status_timeout)
        .await
    {
        Ok(_) => {}
        Err(error) if error.code() == Some(&FabricErrorCode::FABRIC_E_APPLICATION_TYPE_ALREADY_EXISTS) => {}
        Err(error) => {
            return Err(WaitError::Request {
                what: workflow.name(),
                error,
            });
        }
    }
    wait(workflow, &options, on_progress).await
}

/// How an application's creation or deletion ended.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ApplicationOutcome {
    /// The application is `Ready` (or already upgrading: it was created).
    Ready(ApplicationInfo),
    /// The application is gone.
    Deleted,
    /// Creation or deletion failed.
    Failed(ApplicationInfo),
    /// The application is being deleted, while its creation was waited for.
    Deleting(ApplicationInfo),
    /// The cluster reports a status this library does not know.
    Unrecognised(ApplicationInfo),
}

/// Which way an application is followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lifecycle {
    Create,
    Delete,
}

/// An application's creation or deletion, followed with GetApplicationInfo.
pub struct ApplicationLifecycle<'c, C: ?Sized> {
    client: &'c C,
    name: ApplicationName,
    way: Lifecycle,
}

impl<'c, C: Applications + ?Sized> ApplicationLifecycle<'c, C> {
    /// The creation of `name`, followed until it is `Ready`.
    pub fn creation(client: &'c C, name: &ApplicationName) -> Self {
        ApplicationLifecycle {
            client,
            name: name.clone(),
            way: Lifecycle::Create,
        }
    }

    /// The deletion of `name`, followed until the cluster no longer has it.
    pub fn deletion(client: &'c C, name: &ApplicationName) -> Self {
        ApplicationLifecycle {
            client,
            name: name.clone(),
            way: Lifecycle::Delete,
        }
    }
}

impl<C: Applications + ?Sized> Workflow for ApplicationLifecycle<'_, C> {
    /// The application, or `None` when the cluster has none of that name.
    type Status = Option<ApplicationInfo>;
    type Outcome = ApplicationOutcome;

    fn name(&self) -> String {
        match self.way {
            Lifecycle::Create => format!("the creation of application {}", self.name),
            Lifecycle::Delete => format!("the deletion of application {}", self.name),
        }
    }

    async fn poll(&mut self, timeout: Option<ServerTimeout>) -> Result<Self::Status, Error> {
        let id = self.name.id();
        self.client.get_application_info(id.as_str(), None, timeout).await
    }

    fn judge(&mut self, status: &Self::Status, seen: &Seen) -> Judgement<ApplicationOutcome> {
        let believed = seen.running || seen.past_grace;
        let Some(info) = status else {
            return match self.way {
                Lifecycle::Delete => Judgement::Ended(ApplicationOutcome::Deleted),
                // Not listed yet: the create has not shown.
                Lifecycle::Create => Judgement::Running,
            };
        };
        let state = info.status.as_ref().map_or("Invalid", |s| s.as_str());
        match (self.way, state) {
            (Lifecycle::Create, "Creating") | (Lifecycle::Delete, "Deleting") => Judgement::Running,
            (Lifecycle::Create, "Ready" | "Upgrading") => Judgement::Ended(ApplicationOutcome::Ready(info.clone())),
            (Lifecycle::Create, "Deleting") => Judgement::Ended(ApplicationOutcome::Deleting(info.clone())),
            // Still there and not deleting: the delete has not shown yet, or it was undone.
            (Lifecycle::Delete, "Ready" | "Upgrading" | "Creating") if !believed => Judgement::Earlier,
            (_, "Failed") if believed => Judgement::Ended(ApplicationOutcome::Failed(info.clone())),
            _ if believed => Judgement::Ended(ApplicationOutcome::Unrecognised(info.clone())),
            _ => Judgement::Earlier,
        }
    }

    fn summary(&self, status: &Self::Status) -> Summary {
        match status {
            None => Summary::new(format!("{} not found", self.name)),
            Some(info) => Summary::new(format!(
                "{} {} at {} {}",
                self.name,
                info.status.as_ref().map_or("Invalid", |s| s.as_str()),
                info.type_name.as_deref().unwrap_or("?"),
                info.type_version.as_deref().unwrap_or("?")
            )),
        }
    }
}

/// Creates the application `description` names and waits until it is `Ready`.
pub async fn create_application_and_wait<C: Applications + ?Sized>(
    client: &C,
    description: &ApplicationDescription,
    options: WaitOptions,
    on_progress: impl FnMut(&Progress<'_, Option<ApplicationInfo>>),
) -> Result<ApplicationOutcome, WaitError<Option<ApplicationInfo>>> {
    let name = parse_name(&description.name)?;
    let workflow = ApplicationLifecycle::creation(client, &name);
    if let Err(error) = client.create_application(description, options.status_timeout).await {
        return Err(WaitError::Request {
            what: workflow.name(),
            error,
        });
    }
    wait(workflow, &options, on_progress).await
}

/// Deletes application `name` (with `force_remove`, without waiting for its replicas to
/// close) and waits until the cluster no longer has it.
pub async fn delete_application_and_wait<C: Applications + ?Sized>(
    client: &C,
    name: &ApplicationName,
    force_remove: bool,
    options: WaitOptions,
    on_progress: impl FnMut(&Progress<'_, Option<ApplicationInfo>>),
) -> Result<ApplicationOutcome, WaitError<Option<ApplicationInfo>>> {
    let workflow = ApplicationLifecycle::deletion(client, name);
    let id = name.id();
    let force = force_remove.then_some(true);
    if let Err(error) = client
        .delete_application(id.as_str(), force, options.status_timeout)
        .await
    {
        return Err(WaitError::Request {
            what: workflow.name(),
            error,
        });
    }
    wait(workflow, &options, on_progress).await
}

fn parse_name<S>(name: &str) -> Result<ApplicationName, WaitError<S>> {
    ApplicationName::parse(name).map_err(|problem| WaitError::Request {
        what: format!("application {name}"),
        error: Error::invalid_argument(format!("{problem}")),
    })
}

/// How an application upgrade ended; each carries the last progress read.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ApplicationUpgradeOutcome {
    /// The application runs the target version.
    Completed(ApplicationUpgradeProgressInfo),
    /// The upgrade was rolled back; `failure_reason` and `unhealthy_evaluations` say why.
    RolledBack(ApplicationUpgradeProgressInfo),
    /// The upgrade failed and stopped (a `Manual` failure action).
    Failed(ApplicationUpgradeProgressInfo),
    /// It ran, then the application completed at another version: a later upgrade replaced it.
    Superseded(ApplicationUpgradeProgressInfo),
    /// The cluster reports the state `Invalid`.
    Invalid(ApplicationUpgradeProgressInfo),
    /// The cluster reports a state this library does not know.
    Unrecognised(ApplicationUpgradeProgressInfo),
}

impl ApplicationUpgradeOutcome {
    /// Whether the application reached the target version.
    pub fn is_completed(&self) -> bool {
        matches!(self, ApplicationUpgradeOutcome::Completed(_))
    }

    /// The last progress read.
    pub fn progress(&self) -> &ApplicationUpgradeProgressInfo {
        use ApplicationUpgradeOutcome::*;
        match self {
            Completed(p) | RolledBack(p) | Failed(p) | Superseded(p) | Invalid(p) | Unrecognised(p) => p,
        }
    }
}

/// An application upgrade to a target version.
pub struct ApplicationUpgrade<'c, C: ?Sized> {
    client: &'c C,
    name: ApplicationName,
    target_version: String,
    approvals: Approvals<'c, ApplicationUpgradeProgressInfo>,
}

impl<'c, C: ApplicationUpgrades + ?Sized> ApplicationUpgrade<'c, C> {
    /// The upgrade of `name` to `target_version`.
    pub fn new(client: &'c C, name: &ApplicationName, target_version: impl Into<String>) -> Self {
        ApplicationUpgrade {
            client,
            name: name.clone(),
            target_version: target_version.into(),
            approvals: Approvals::new(ManualDomains::Report),
        }
    }

    /// What to do at each domain of a manual upgrade (by default [`ManualDomains::Report`]).
    pub fn manual_domains(mut self, manual: ManualDomains<'c>) -> Self {
        self.approvals = Approvals::new(manual);
        self
    }
}

fn state_of(progress: &ApplicationUpgradeProgressInfo) -> &str {
    progress.upgrade_state.as_ref().map_or("Invalid", |s| s.as_str())
}

impl<C: ApplicationUpgrades + ?Sized> Workflow for ApplicationUpgrade<'_, C> {
    type Status = ApplicationUpgradeProgressInfo;
    type Outcome = ApplicationUpgradeOutcome;

    fn name(&self) -> String {
        format!("the upgrade of {} to version {}", self.name, self.target_version)
    }

    async fn poll(&mut self, timeout: Option<ServerTimeout>) -> Result<Self::Status, Error> {
        let id = self.name.id();
        let progress = self.client.get_application_upgrade(id.as_str(), timeout).await?;
        let waiting = state_of(&progress) == "RollingForwardPending"
            && progress.rolling_upgrade_mode == Some(UpgradeMode::UnmonitoredManual)
            && progress.target_application_type_version.as_deref() == Some(self.target_version.as_str());
        if let Some(domain) = self
            .approvals
            .next_approval(waiting, progress.next_upgrade_domain.as_deref(), &progress)
        {
            let next = ResumeApplicationUpgradeDescription::new(domain.clone());
            self.client
                .resume_application_upgrade(id.as_str(), &next, timeout)
                .await?;
            self.approvals.approved(domain);
        }
        Ok(progress)
    }

    fn judge(&mut self, progress: &Self::Status, seen: &Seen) -> Judgement<ApplicationUpgradeOutcome> {
        let at_target = progress.target_application_type_version.as_deref() == Some(self.target_version.as_str());
        rolling::judge(state_of(progress), at_target, seen).map(|end| {
            let progress = progress.clone();
            match end {
                RollingEnd::Completed => ApplicationUpgradeOutcome::Completed(progress),
                RollingEnd::RolledBack => ApplicationUpgradeOutcome::RolledBack(progress),
                RollingEnd::Failed => ApplicationUpgradeOutcome::Failed(progress),
                RollingEnd::Superseded => ApplicationUpgradeOutcome::Superseded(progress),
                RollingEnd::Invalid => ApplicationUpgradeOutcome::Invalid(progress),
                RollingEnd::Unrecognised => ApplicationUpgradeOutcome::Unrecognised(progress),
            }
        })
    }

    fn summary(&self, progress: &Self::Status) -> Summary {
        let state = state_of(progress);
        let mut text = format!(
            "{state} to {}",
            progress.target_application_type_version.as_deref().unwrap_or("?")
        );
        let domains = progress.upgrade_domains.as_deref().unwrap_or_default();
        let done = domains
            .iter()
            .filter(|d| d.state.as_ref().is_some_and(|s| s.as_str() == "Completed"))
            .count();
        if let Some(domain) = progress
            .current_upgrade_domain_progress
            .as_ref()
            .and_then(|d| d.domain_name.as_deref())
            .filter(|d| !d.is_empty())
        {
            text.push_str(&format!(", upgrading {domain}"));
        }
        if state == "RollingForwardPending"
            && let Some(next) = progress.next_upgrade_domain.as_deref()
        {
            text.push_str(&format!(", next {next}"));
        }
        if let Some(reason) = progress
            .failure_reason
            .as_ref()
            .map(|r| r.as_str())
            .filter(|r| *r != "None")
        {
            text.push_str(&format!(", failure: {reason}"));
        }
        let evaluations = progress.unhealthy_evaluations.as_ref().map_or(0, Vec::len);
        if evaluations > 0 {
            text.push_str(&format!(" ({evaluations} unhealthy evaluations)"));
        }
        let summary = Summary::new(text);
        match u32::try_from(domains.len()) {
            Ok(total) if total > 0 && state.starts_with("RollingForward") => {
                summary.with_percent(u32::try_from(done).unwrap_or(total) * 100 / total)
            }
            _ => summary,
        }
    }
}

/// Starts the application upgrade `upgrade` and waits until it ends: completed at its
/// target version, rolled back, or failed (each with the last progress, its failure
/// reason and unhealthy evaluations).
pub async fn upgrade_application_and_wait<'c, C: ApplicationUpgrades + ?Sized>(
    client: &'c C,
    upgrade: &ApplicationUpgradeDescription,
    manual: ManualDomains<'c>,
    options: WaitOptions,
    on_progress: impl FnMut(&Progress<'_, ApplicationUpgradeProgressInfo>),
) -> Result<ApplicationUpgradeOutcome, WaitError<ApplicationUpgradeProgressInfo>> {
    let name = parse_name(&upgrade.name)?;
    let workflow =
        ApplicationUpgrade::new(client, &name, upgrade.target_application_type_version.clone()).manual_domains(manual);
    let id = name.id();
    if let Err(error) = client
        .start_application_upgrade(id.as_str(), upgrade, options.status_timeout)
        .await
    {
        return Err(WaitError::Request {
            what: workflow.name(),
            error,
        });
    }
    wait(workflow, &options, on_progress).await
}
