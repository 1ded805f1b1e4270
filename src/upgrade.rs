//! Waiting for a configuration upgrade to finish.
//!
//! [`wait_for_configuration_upgrade`] polls GetClusterConfigurationUpgradeStatus until the
//! upgrade started for a given `clusterConfigurationVersion` has ended, and says how it
//! ended. It rides out what a cluster does while it upgrades itself (transient 503s while
//! the upgrade service moves, a gateway node restarting), and it never mistakes the status
//! left over from the previous upgrade for the end of this one.

use std::fmt;
use std::time::Duration;

use tokio::time::Instant;

use crate::cluster::ClusterConfigurationUpgrade;
use crate::models::{ClusterConfigurationUpgradeStatusInfo, UpgradeState};
use crate::{Error, ErrorKind, ServerTimeout};

/// How to wait.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct WaitOptions {
    /// Time between two status requests (default 5 s).
    pub poll_interval: Duration,
    /// How long to wait in all before giving up (default 1 hour).
    pub deadline: Duration,
    /// How long a leftover final state (`Failed`, `RollingBackCompleted`) of an earlier upgrade
    /// is disbelieved when this upgrade has not yet been seen running (default 30 s). A
    /// gateway shows a started upgrade within seconds; past this grace the state is taken as
    /// this upgrade's own result.
    pub stale_grace: Duration,
    /// The server timeout of each status request (default: the client's).
    pub status_timeout: Option<ServerTimeout>,
}

impl Default for WaitOptions {
    fn default() -> Self {
        WaitOptions {
            poll_interval: Duration::from_secs(5),
            deadline: Duration::from_secs(3600),
            stale_grace: Duration::from_secs(30),
            status_timeout: None,
        }
    }
}

impl WaitOptions {
    /// Sets the time between two status requests.
    pub fn poll_interval(mut self, interval: Duration) -> Self {
        self.poll_interval = interval;
        self
    }

    /// Sets how long to wait in all.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
        self
    }

    /// Sets how long a leftover final state of an earlier upgrade is disbelieved.
    pub fn stale_grace(mut self, grace: Duration) -> Self {
        self.stale_grace = grace;
        self
    }
}

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
            | UpgradeOutcome::Superseded(s) => s,
        }
    }
}

/// What a wait reports after every status request.
#[derive(Debug)]
#[non_exhaustive]
pub enum ProgressEvent<'a> {
    /// A status was read.
    Status(&'a ClusterConfigurationUpgradeStatusInfo),
    /// A status request failed in a way worth retrying; the wait goes on.
    Retrying(&'a Error),
}

/// One report of a wait in progress.
#[derive(Debug)]
#[non_exhaustive]
pub struct Progress<'a> {
    /// What happened.
    pub event: ProgressEvent<'a>,
    /// Time since the wait began.
    pub elapsed: Duration,
    /// Status requests made so far, this one included.
    pub polls: u32,
    /// Whether this upgrade has been seen running (so a final state now is its own).
    pub seen_running: bool,
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

/// `base + duration`, or a moment decades ahead when that cannot be represented: a deadline
/// or interval of `Duration::MAX` means "never", not a panic.
fn later(base: Instant, duration: Duration) -> Instant {
    const FAR: Duration = Duration::from_secs(30 * 365 * 24 * 3600);
    base.checked_add(duration)
        .or_else(|| base.checked_add(FAR))
        .unwrap_or(base)
}

/// Whether a failed status request is worth another try: the gateway or the upgrade
/// service is moving (transient 503, 502, 504), or the connection blinked.
fn worth_retrying(error: &Error) -> bool {
    match error.kind() {
        // A refused certificate stays refused: waiting an hour for it would hide the cause.
        ErrorKind::Connect if error.is_tls_rejection() => false,
        ErrorKind::Connect | ErrorKind::Timeout | ErrorKind::Transport => true,
        ErrorKind::Status => {
            error.is_transient() || error.status().is_some_and(|s| s.as_u16() == 504 || s.as_u16() == 503)
        }
        _ => false,
    }
}

/// What one status says about the upgrade to `target`.
fn judge(
    status: &ClusterConfigurationUpgradeStatusInfo,
    target: &str,
    seen_running: bool,
    past_grace: bool,
) -> Option<UpgradeOutcome> {
    let at_target = status.config_version == target;
    let state = &status.upgrade_state;
    if !state.is_terminal() {
        return None;
    }
    if *state == UpgradeState::RollingForwardCompleted {
        return if at_target {
            Some(UpgradeOutcome::Completed(status.clone()))
        } else if seen_running {
            Some(UpgradeOutcome::Superseded(status.clone()))
        } else {
            // The previous upgrade's final state, read before this one shows up.
            None
        };
    }
    if !(seen_running || past_grace) {
        return None;
    }
    Some(if state.is_rolling_back() {
        UpgradeOutcome::RolledBack(status.clone())
    } else {
        UpgradeOutcome::Failed(status.clone())
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
    mut on_progress: impl FnMut(&Progress<'_>),
) -> Result<UpgradeOutcome, WaitError>
where
    C: ClusterConfigurationUpgrade + ?Sized,
{
    let start = Instant::now();
    let deadline = later(start, options.deadline);
    let mut polls = 0;
    let mut seen_running = false;
    let mut last_status = None;
    let mut last_error = None;
    loop {
        let now = Instant::now();
        if now >= deadline {
            return Err(WaitError::DeadlineExceeded {
                target_version: target_version.to_owned(),
                elapsed: now - start,
                last_status,
                last_error,
            });
        }
        polls += 1;
        let request = client.get_cluster_configuration_upgrade_status(options.status_timeout);
        let result = match tokio::time::timeout_at(deadline, request).await {
            Ok(result) => result,
            // The deadline passed during the request; the next turn reports it.
            Err(_) => continue,
        };
        match result {
            Ok(status) => {
                last_error = None;
                if !status.upgrade_state.is_terminal() {
                    seen_running = true;
                }
                let elapsed = start.elapsed();
                on_progress(&Progress {
                    event: ProgressEvent::Status(&status),
                    elapsed,
                    polls,
                    seen_running,
                });
                if let Some(outcome) = judge(&status, target_version, seen_running, elapsed >= options.stale_grace) {
                    return Ok(outcome);
                }
                last_status = Some(status);
            }
            Err(error) if worth_retrying(&error) => {
                on_progress(&Progress {
                    event: ProgressEvent::Retrying(&error),
                    elapsed: start.elapsed(),
                    polls,
                    seen_running,
                });
                last_error = Some(error);
            }
            Err(error) => return Err(WaitError::Request(error)),
        }
        tokio::time::sleep_until(later(Instant::now(), options.poll_interval).min(deadline)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(state: &str, version: &str) -> ClusterConfigurationUpgradeStatusInfo {
        ClusterConfigurationUpgradeStatusInfo::new(UpgradeState::from(state), version)
    }

    #[test]
    fn stale_completed_state_is_not_the_end() {
        assert_eq!(
            judge(&status("RollingForwardCompleted", "1.0.0"), "2.0.0", false, false),
            None
        );
        assert_eq!(
            judge(&status("RollingForwardCompleted", "1.0.0"), "2.0.0", false, true),
            None
        );
        assert_eq!(
            judge(&status("RollingForwardCompleted", "2.0.0"), "2.0.0", false, false),
            Some(UpgradeOutcome::Completed(status("RollingForwardCompleted", "2.0.0")))
        );
    }

    #[test]
    fn running_states_are_never_the_end() {
        for state in [
            "RollingForwardPending",
            "RollingForwardInProgress",
            "RollingBackPending",
            "RollingBackInProgress",
            "Invalid",
            "SomethingNew",
        ] {
            assert_eq!(judge(&status(state, "2.0.0"), "2.0.0", true, true), None, "{state}");
        }
    }

    #[test]
    fn leftover_failures_count_only_once_seen_running_or_past_grace() {
        let failed = status("Failed", "1.0.0");
        assert_eq!(judge(&failed, "2.0.0", false, false), None);
        assert_eq!(
            judge(&failed, "2.0.0", true, false),
            Some(UpgradeOutcome::Failed(failed.clone()))
        );
        assert_eq!(
            judge(&failed, "2.0.0", false, true),
            Some(UpgradeOutcome::Failed(failed.clone()))
        );
        let rolled = status("RollingBackCompleted", "1.0.0");
        assert_eq!(judge(&rolled, "2.0.0", false, false), None);
        assert_eq!(
            judge(&rolled, "2.0.0", true, false),
            Some(UpgradeOutcome::RolledBack(rolled.clone()))
        );
    }

    #[test]
    fn completing_elsewhere_after_running_is_superseded() {
        let other = status("RollingForwardCompleted", "3.0.0");
        assert_eq!(
            judge(&other, "2.0.0", true, false),
            Some(UpgradeOutcome::Superseded(other.clone()))
        );
    }
}
