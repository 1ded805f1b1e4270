//! Waiting for a configuration upgrade to finish.
//!
//! [`wait_for_configuration_upgrade`] polls GetClusterConfigurationUpgradeStatus until the
//! upgrade started for a given `clusterConfigurationVersion` has ended, and says how it
//! ended. It rides out what a cluster does while it upgrades itself (transient 503s while
//! the upgrade service moves, a gateway node restarting), and it never mistakes the status
//! left over from the previous upgrade for the end of this one. It is one
//! [`Workflow`] of the library's [wait loop](crate::wait).

use std::fmt;
use std::time::Duration;

use crate::cluster::ClusterConfigurationUpgrade;
use crate::models::{ClusterConfigurationUpgradeStatusInfo, UpgradeState};
use crate::wait::rolling::{self, RollingEnd};
use crate::wait::{self, Judgement, Seen, Summary, Workflow};
use crate::{Error, ServerTimeout};

pub use crate::wait::WaitOptions;

/// What a wait for a configuration upgrade reports after every status request.
pub type ProgressEvent<'a> = wait::ProgressEvent<'a, ClusterConfigurationUpgradeStatusInfo>;

/// One report of a wait for a configuration upgrade.
pub type Progress<'a> = wait::Progress<'a, ClusterConfigurationUpgradeStatusInfo>;

/// How an upgrade ended.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum UpgradeOutcome {
    /// The cluster runs the target version.
    Completed(ClusterConfigurationUpgradeStatusInfo),
    /// The upgrade was rolled back; the previous version is in force. `details` says why.
    RolledBack(ClusterConfigurationUpgradeStatusInfo),
    /// The upgrade failed. `details` says why.
    Failed(ClusterConfigurationUpgradeStatusInfo),
    /// The upgrade ran, then the cluster completed at another version: a later upgrade
    /// replaced this one.
    Superseded(ClusterConfigurationUpgradeStatusInfo),
    /// The cluster reports the state `Invalid`: no valid upgrade state.
    Invalid(ClusterConfigurationUpgradeStatusInfo),
    /// The cluster reports a state this library does not know; the wait does not guess
    /// whether it is running, so it ends here with the status.
    Unrecognised(ClusterConfigurationUpgradeStatusInfo),
}

impl UpgradeOutcome {
    /// Whether the cluster reached the target version.
    pub fn is_completed(&self) -> bool {
        matches!(self, UpgradeOutcome::Completed(_))
    }

    /// The last status read.
    pub fn status(&self) -> &ClusterConfigurationUpgradeStatusInfo {
        match self {
            UpgradeOutcome::Completed(s)
            | UpgradeOutcome::RolledBack(s)
            | UpgradeOutcome::Failed(s)
            | UpgradeOutcome::Superseded(s)
            | UpgradeOutcome::Invalid(s)
            | UpgradeOutcome::Unrecognised(s) => s,
        }
    }
}

/// Why a wait ended without an outcome.
#[derive(Debug)]
#[non_exhaustive]
pub enum WaitError {
    /// The deadline passed first.
    DeadlineExceeded {
        /// The version waited for.
        target_version: String,
        /// How long the wait lasted.
        elapsed: Duration,
        /// The last status read, if any.
        last_status: Option<ClusterConfigurationUpgradeStatusInfo>,
        /// The last failed status request, if the last request failed.
        last_error: Option<Error>,
    },
    /// A status request failed in a way that retrying will not mend (403, 400, ...).
    Request(Error),
}

impl fmt::Display for WaitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WaitError::DeadlineExceeded {
                target_version,
                elapsed,
                last_status,
                last_error,
            } => {
                write!(
                    f,
                    "the configuration upgrade to {target_version} did not finish within {:.1} s",
                    elapsed.as_secs_f64()
                )?;
                if let Some(status) = last_status {
                    write!(
                        f,
                        "; last status: {} at version {} (progress {})",
                        status.upgrade_state, status.config_version, status.progress_status
                    )?;
                }
                if let Some(error) = last_error {
                    write!(f, "; last error: {error}")?;
                }
                Ok(())
            }
            WaitError::Request(error) => write!(f, "cannot read the upgrade status: {error}"),
        }
    }
}

impl std::error::Error for WaitError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WaitError::Request(error) => Some(error),
            WaitError::DeadlineExceeded { last_error, .. } => {
                last_error.as_ref().map(|e| e as &(dyn std::error::Error + 'static))
            }
        }
    }
}

impl WaitError {
    fn from_wait(error: wait::WaitError<ClusterConfigurationUpgradeStatusInfo>, target: &str) -> WaitError {
        match error {
            wait::WaitError::DeadlineExceeded {
                elapsed,
                last_status,
                last_error,
                ..
            } => WaitError::DeadlineExceeded {
                target_version: target.to_owned(),
                elapsed,
                last_status,
                last_error,
            },
            wait::WaitError::Request { error, .. } => WaitError::Request(error),
            // The loop's errors are all above; a new kind still ends the wait as a request error.
            other => WaitError::Request(Error::invalid_argument(other.to_string())),
        }
    }
}

/// The configuration upgrade to one `clusterConfigurationVersion`, as the wait loop follows it.
struct ConfigurationUpgrade<'c, C: ?Sized> {
    client: &'c C,
    target: &'c str,
}

impl<C: ClusterConfigurationUpgrade + ?Sized> Workflow for ConfigurationUpgrade<'_, C> {
    type Status = ClusterConfigurationUpgradeStatusInfo;
    type Outcome = UpgradeOutcome;

    fn name(&self) -> String {
        format!("the configuration upgrade to {}", self.target)
    }

    async fn poll(&mut self, timeout: Option<ServerTimeout>) -> Result<Self::Status, Error> {
        self.client.get_cluster_configuration_upgrade_status(timeout).await
    }

    fn judge(&mut self, status: &Self::Status, seen: &Seen) -> Judgement<UpgradeOutcome> {
        judge(status, self.target, seen)
    }

    fn summary(&self, status: &Self::Status) -> Summary {
        let details = if status.details.is_empty() {
            String::new()
        } else {
            format!(" - {}", status.details)
        };
        // The cluster at the target version is done, whatever its progress figure says.
        let done =
            status.upgrade_state == UpgradeState::RollingForwardCompleted && status.config_version == self.target;
        let percent = if done { 100 } else { status.progress_status.min(100) };
        Summary::new(format!(
            "{} at version {} ({percent}%){details}",
            status.upgrade_state, status.config_version
        ))
        .with_percent(percent)
    }
}

/// What one status says about the upgrade to `target` (see [`rolling::judge`]).
fn judge(status: &ClusterConfigurationUpgradeStatusInfo, target: &str, seen: &Seen) -> Judgement<UpgradeOutcome> {
    let at_target = status.config_version == target;
    rolling::judge(status.upgrade_state.as_str(), at_target, seen).map(|end| {
        let status = status.clone();
        match end {
            RollingEnd::Completed => UpgradeOutcome::Completed(status),
            RollingEnd::RolledBack => UpgradeOutcome::RolledBack(status),
            RollingEnd::Failed => UpgradeOutcome::Failed(status),
            RollingEnd::Superseded => UpgradeOutcome::Superseded(status),
            RollingEnd::Invalid => UpgradeOutcome::Invalid(status),
            RollingEnd::Unrecognised => UpgradeOutcome::Unrecognised(status),
        }
    })
}

/// Waits until the configuration upgrade to `target_version` (the `clusterConfigurationVersion`
/// of the ClusterConfig that was sent) ends, calling `on_progress` after every status request.
///
/// Returns how the upgrade ended: [`UpgradeOutcome::Completed`] only when the cluster reports
/// `RollingForwardCompleted` **at `target_version`**. Transient failures of the status
/// request (503 with a transient code, 502, 504, connection failures, client timeouts) are
/// reported as [`ProgressEvent::Retrying`] and the wait goes on; any other failure ends it
/// with [`WaitError::Request`]. When `options.deadline` passes first, the error carries the
/// last status seen.
///
/// Dropping the returned future stops the polling.
///
/// ```no_run
/// use fabric_rest::upgrade::{wait_for_configuration_upgrade, ProgressEvent, WaitOptions};
/// # async fn run(client: fabric_rest::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let outcome = wait_for_configuration_upgrade(&client, "2.0.0", WaitOptions::default(), |progress| {
///     if let ProgressEvent::Status(status) = progress.event {
///         println!("{} ({})", status.upgrade_state, status.progress_status);
///     }
/// })
/// .await?;
/// assert!(outcome.is_completed());
/// # Ok(()) }
/// ```
pub async fn wait_for_configuration_upgrade<C>(
    client: &C,
    target_version: &str,
    options: WaitOptions,
    on_progress: impl FnMut(&Progress<'_>),
) -> Result<UpgradeOutcome, WaitError>
where
    C: ClusterConfigurationUpgrade + ?Sized,
{
    let workflow = ConfigurationUpgrade {
        client,
        target: target_version,
    };
    wait::wait(workflow, &options, on_progress)
        .await
        .map_err(|error| WaitError::from_wait(error, target_version))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(state: &str, version: &str) -> ClusterConfigurationUpgradeStatusInfo {
        ClusterConfigurationUpgradeStatusInfo::new(UpgradeState::from(state), version)
    }

    fn check(state: &str, version: &str, running: bool, past_grace: bool) -> Judgement<UpgradeOutcome> {
        judge(&status(state, version), "2.0.0", &Seen::new(running, past_grace))
    }

    #[test]
    fn stale_completed_state_is_not_the_end() {
        assert_eq!(
            check("RollingForwardCompleted", "1.0.0", false, false),
            Judgement::Earlier
        );
        assert_eq!(
            check("RollingForwardCompleted", "1.0.0", false, true),
            Judgement::Earlier
        );
        assert_eq!(
            check("RollingForwardCompleted", "2.0.0", false, false),
            Judgement::Ended(UpgradeOutcome::Completed(status("RollingForwardCompleted", "2.0.0")))
        );
    }

    #[test]
    fn running_states_are_never_the_end() {
        for state in [
            "RollingForwardPending",
            "RollingForwardInProgress",
            "RollingBackPending",
            "RollingBackInProgress",
        ] {
            assert_eq!(check(state, "2.0.0", true, true), Judgement::Running, "{state}");
        }
    }

    /// `Invalid` and states this library does not know end the wait once believed, rather
    /// than letting it run to its deadline.
    #[test]
    fn invalid_and_unknown_states_end_the_wait() {
        assert_eq!(
            check("Invalid", "1.0.0", true, false),
            Judgement::Ended(UpgradeOutcome::Invalid(status("Invalid", "1.0.0")))
        );
        assert_eq!(
            check("SomethingNew", "1.0.0", false, true),
            Judgement::Ended(UpgradeOutcome::Unrecognised(status("SomethingNew", "1.0.0")))
        );
        assert_eq!(check("Invalid", "1.0.0", false, false), Judgement::Earlier);
    }

    #[test]
    fn leftover_failures_count_only_once_seen_running_or_past_grace() {
        let failed = status("Failed", "1.0.0");
        assert_eq!(check("Failed", "1.0.0", false, false), Judgement::Earlier);
        assert_eq!(
            check("Failed", "1.0.0", true, false),
            Judgement::Ended(UpgradeOutcome::Failed(failed.clone()))
        );
        assert_eq!(
            check("Failed", "1.0.0", false, true),
            Judgement::Ended(UpgradeOutcome::Failed(failed))
        );
        let rolled = status("RollingBackCompleted", "1.0.0");
        assert_eq!(check("RollingBackCompleted", "1.0.0", false, false), Judgement::Earlier);
        assert_eq!(
            check("RollingBackCompleted", "1.0.0", true, false),
            Judgement::Ended(UpgradeOutcome::RolledBack(rolled))
        );
    }

    #[test]
    fn completing_elsewhere_after_running_is_superseded() {
        let other = status("RollingForwardCompleted", "3.0.0");
        assert_eq!(
            check("RollingForwardCompleted", "3.0.0", true, false),
            Judgement::Ended(UpgradeOutcome::Superseded(other))
        );
    }
}
