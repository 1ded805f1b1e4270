//! A partition's backup on demand and its restore, followed until they are over
//! (`Success`, `Failure` or `Timeout`).
//!
//! The progress operations report a partition's *latest* backup or restore, so right after
//! a start they may still show the previous one's end. The helpers read the progress
//! before starting: the same end read again is the previous run's, never this one's.
//!
//! ```no_run
//! use fabric_rest::Client;
//! use fabric_rest::wait::{WaitOptions, backup};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::new("http://127.0.0.1:19080")?;
//! let partition = "1daae3f5-7fd6-42e9-b1ba-8c05f873994d";
//! let outcome = backup::backup_partition_and_wait(&client, partition, None, WaitOptions::default(), |progress| {
//!     println!("{}", progress.summary.text); // "BackupInProgress", then "Success, backup 3a2b..."
//! })
//! .await?;
//! assert!(outcome.is_success(), "{outcome:?}");
//! # Ok(()) }
//! ```

use crate::backup_restore::PartitionBackup;
use crate::models::{BackupPartitionDescription, BackupProgressInfo, RestorePartitionDescription, RestoreProgressInfo};
use crate::wait::{Judgement, Progress, Seen, Summary, WaitError, WaitOptions, Workflow, wait, worth_retrying};
use crate::{Error, ServerTimeout};

/// How a backup or a restore ended, with its last progress.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum TransferOutcome<P> {
    /// `Success`.
    Success(P),
    /// `Failure`; the progress's `failure_error` says why.
    Failure(P),
    /// `Timeout`: it took longer than its timeout allowed.
    Timeout(P),
    /// `Invalid`, no state or a state this library does not know, read once the run had
    /// been seen in progress (or the grace had passed).
    Unrecognised(P),
}

impl<P> TransferOutcome<P> {
    /// Whether it succeeded.
    pub fn is_success(&self) -> bool {
        matches!(self, TransferOutcome::Success(_))
    }

    /// The last progress read.
    pub fn progress(&self) -> &P {
        match self {
            TransferOutcome::Success(p)
            | TransferOutcome::Failure(p)
            | TransferOutcome::Timeout(p)
            | TransferOutcome::Unrecognised(p) => p,
        }
    }
}

/// How a backup ended.
pub type BackupOutcome = TransferOutcome<BackupProgressInfo>;
/// How a restore ended.
pub type RestoreOutcome = TransferOutcome<RestoreProgressInfo>;

/// What `status`, in `state`, says about this run; `in_progress` is the run's own busy
/// state (`BackupInProgress`, `RestoreInProgress`), `previous` what was read before the
/// start, when it could be.
fn judge<P: Clone + PartialEq>(
    state: Option<&str>,
    in_progress: &str,
    status: &P,
    previous: Option<&P>,
    seen: &Seen,
) -> Judgement<TransferOutcome<P>> {
    let believed = seen.running || seen.past_grace;
    let end = match state {
        Some(s) if s == "Accepted" || s == in_progress => return Judgement::Running,
        Some("Success") => TransferOutcome::Success,
        Some("Failure") => TransferOutcome::Failure,
        Some("Timeout") => TransferOutcome::Timeout,
        _ if believed => TransferOutcome::Unrecognised,
        _ => return Judgement::Earlier,
    };
    match previous {
        // The end read before the start, read again: the previous run's.
        Some(previous) if previous == status => Judgement::Earlier,
        Some(_) => Judgement::Ended(end(status.clone())),
        None if believed => Judgement::Ended(end(status.clone())),
        None => Judgement::Earlier,
    }
}

/// `Failure: FABRIC_E_... (message)`-style text for a state and its failure.
fn summary(state: Option<&str>, failure: Option<&crate::models::FabricErrorError>, extra: Option<String>) -> Summary {
    let mut text = state.unwrap_or("no state").to_owned();
    if let Some(extra) = extra {
        text.push_str(&format!(", {extra}"));
    }
    if let Some(failure) = failure {
        text.push_str(&format!(": {}", failure.code));
        if let Some(message) = failure.message.as_deref().filter(|m| !m.is_empty()) {
            text.push_str(&format!(" ({message})"));
        }
    }
    Summary::new(text)
}

/// A partition's backup on demand, followed until it is over.
pub struct PartitionBackupWorkflow<'c, C: ?Sized> {
    client: &'c C,
    partition_id: &'c str,
    previous: Option<BackupProgressInfo>,
}

impl<'c, C: PartitionBackup + ?Sized> PartitionBackupWorkflow<'c, C> {
    /// The backup of `partition_id`; `previous` is its progress read before the start, when
    /// it could be (without it a final state is believed only once the backup was seen in
    /// progress, or after the grace).
    pub fn new(client: &'c C, partition_id: &'c str, previous: Option<BackupProgressInfo>) -> Self {
        PartitionBackupWorkflow {
            client,
            partition_id,
            previous,
        }
    }
}

impl<C: PartitionBackup + ?Sized> Workflow for PartitionBackupWorkflow<'_, C> {
    type Status = BackupProgressInfo;
    type Outcome = BackupOutcome;

    fn name(&self) -> String {
        format!("the backup of partition {}", self.partition_id)
    }

    async fn poll(&mut self, timeout: Option<ServerTimeout>) -> Result<BackupProgressInfo, Error> {
        self.client
            .get_partition_backup_progress(self.partition_id, timeout)
            .await
    }

    fn judge(&mut self, status: &BackupProgressInfo, seen: &Seen) -> Judgement<BackupOutcome> {
        let state = status.backup_state.as_ref().map(|s| s.as_str());
        judge(state, "BackupInProgress", status, self.previous.as_ref(), seen)
    }

    fn summary(&self, status: &BackupProgressInfo) -> Summary {
        let state = status.backup_state.as_ref().map(|s| s.as_str());
        let id = status.backup_id.as_ref().map(|id| format!("backup {id}"));
        summary(state, status.failure_error.as_ref(), id)
    }
}

/// A partition's restore, followed until it is over.
pub struct PartitionRestoreWorkflow<'c, C: ?Sized> {
    client: &'c C,
    partition_id: &'c str,
    previous: Option<RestoreProgressInfo>,
}

impl<'c, C: PartitionBackup + ?Sized> PartitionRestoreWorkflow<'c, C> {
    /// The restore of `partition_id`; `previous` as for [`PartitionBackupWorkflow::new`].
    pub fn new(client: &'c C, partition_id: &'c str, previous: Option<RestoreProgressInfo>) -> Self {
        PartitionRestoreWorkflow {
            client,
            partition_id,
            previous,
        }
    }
}

impl<C: PartitionBackup + ?Sized> Workflow for PartitionRestoreWorkflow<'_, C> {
    type Status = RestoreProgressInfo;
    type Outcome = RestoreOutcome;

    fn name(&self) -> String {
        format!("the restore of partition {}", self.partition_id)
    }

    async fn poll(&mut self, timeout: Option<ServerTimeout>) -> Result<RestoreProgressInfo, Error> {
        self.client
            .get_partition_restore_progress(self.partition_id, timeout)
            .await
    }

    fn judge(&mut self, status: &RestoreProgressInfo, seen: &Seen) -> Judgement<RestoreOutcome> {
        let state = status.restore_state.as_ref().map(|s| s.as_str());
        judge(state, "RestoreInProgress", status, self.previous.as_ref(), seen)
    }

    fn summary(&self, status: &RestoreProgressInfo) -> Summary {
        let state = status.restore_state.as_ref().map(|s| s.as_str());
        let lsn = status.restored_lsn.as_ref().map(|lsn| format!("restored lsn {lsn}"));
        summary(state, status.failure_error.as_ref(), lsn)
    }
}

/// The progress before a start: `None` when it cannot be read for now (404, or a failure
/// worth retrying); other failures end the wait.
fn before<P, S>(read: Result<P, Error>, what: String) -> Result<Option<P>, WaitError<S>> {
    match read {
        Ok(progress) => Ok(Some(progress)),
        Err(error) if worth_retrying(&error) || error.status().is_some_and(|s| s.as_u16() == 404) => Ok(None),
        Err(error) => Err(WaitError::Request { what, error }),
    }
}

/// Backs up `partition_id` now (into `description`'s store, or its policy's when `None`)
/// and waits until the backup is over.
pub async fn backup_partition_and_wait<C: PartitionBackup + ?Sized>(
    client: &C,
    partition_id: &str,
    description: Option<&BackupPartitionDescription>,
    options: WaitOptions,
    on_progress: impl FnMut(&Progress<'_, BackupProgressInfo>),
) -> Result<BackupOutcome, WaitError<BackupProgressInfo>> {
    let what = format!("the backup of partition {partition_id}");
    let timeout = options.status_timeout;
    let previous = before(
        client.get_partition_backup_progress(partition_id, timeout).await,
        what.clone(),
    )?;
    client
        .backup_partition(partition_id, description, None, timeout)
        .await
        .map_err(|error| WaitError::Request { what, error })?;
    wait(
        PartitionBackupWorkflow::new(client, partition_id, previous),
        &options,
        on_progress,
    )
    .await
}

/// Restores `partition_id` from the backup `description` names and waits until the restore
/// is over.
pub async fn restore_partition_and_wait<C: PartitionBackup + ?Sized>(
    client: &C,
    partition_id: &str,
    description: &RestorePartitionDescription,
    options: WaitOptions,
    on_progress: impl FnMut(&Progress<'_, RestoreProgressInfo>),
) -> Result<RestoreOutcome, WaitError<RestoreProgressInfo>> {
    let what = format!("the restore of partition {partition_id}");
    let timeout = options.status_timeout;
    let previous = before(
        client.get_partition_restore_progress(partition_id, timeout).await,
        what.clone(),
    )?;
    client
        .restore_partition(partition_id, Some(description), None, None, timeout)
        .await
        .map_err(|error| WaitError::Request { what, error })?;
    wait(
        PartitionRestoreWorkflow::new(client, partition_id, previous),
        &options,
        on_progress,
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_previous_end_read_again_is_not_this_runs() {
        let seen = Seen::new(false, true);
        let previous = "old";
        assert_eq!(
            judge(Some("Success"), "BackupInProgress", &"old", Some(&previous), &seen),
            Judgement::Earlier
        );
        assert_eq!(
            judge(
                Some("Failure"),
                "BackupInProgress",
                &"new",
                Some(&previous),
                &Seen::new(false, false)
            ),
            Judgement::Ended(TransferOutcome::Failure("new"))
        );
        assert_eq!(
            judge(Some("Timeout"), "x", &"new", None, &Seen::new(false, false)),
            Judgement::Earlier
        );
        assert_eq!(
            judge(Some("Vanished"), "x", &"new", None, &Seen::new(true, false)),
            Judgement::Ended(TransferOutcome::Unrecognised("new"))
        );
        assert_eq!(judge(Some("Accepted"), "x", &"new", None, &seen), Judgement::Running);
        assert_eq!(judge(Some("x"), "x", &"new", None, &seen), Judgement::Running);
    }
}
