//! The Backup Restore Service of the emulated cluster: each partition's latest backup on
//! demand and latest restore, each a list of progress answers (see [`crate::phases`]).
//!
//! Right after a start the progress still reads as the previous run ended (for a step at
//! least): `Invalid` before the partition's first run. Then `Accepted`, `BackupInProgress`
//! (`RestoreInProgress`), and the end the [`BackupRestoreOutcome`] said, stamped with the
//! time to the millisecond. A backup's end names a new backup id each time.

use std::collections::BTreeMap;
use std::time::{Duration, Instant, SystemTime};

use serde_json::{Value, json};

use crate::Emulator;
use crate::nodes::utc;
use crate::phases::Phases;

/// How the next backup or restore that starts ends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum BackupRestoreOutcome {
    /// `Success`.
    #[default]
    Success,
    /// `Failure`, with a `FailureError` saying why.
    Failure,
    /// `Timeout`, with `FABRIC_E_TIMEOUT` as its `FailureError`.
    Timeout,
}

/// Which of a partition's runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Transfer {
    Backup,
    Restore,
}

impl Transfer {
    fn state_key(self) -> &'static str {
        match self {
            Transfer::Backup => "BackupState",
            Transfer::Restore => "RestoreState",
        }
    }
}

/// A partition's latest run of one kind.
#[derive(Debug)]
struct Run {
    settled: Value,
    running: Option<Phases<Value>>,
}

/// Every partition's backups and restores.
#[derive(Debug)]
pub(crate) struct Backups {
    step: Duration,
    next_outcome: BackupRestoreOutcome,
    started: u64,
    runs: BTreeMap<(String, &'static str), Run>,
}

impl Backups {
    pub(crate) fn new(step: Duration) -> Backups {
        Backups {
            step,
            next_outcome: BackupRestoreOutcome::default(),
            started: 0,
            runs: BTreeMap::new(),
        }
    }

    fn run(&mut self, partition: &str, transfer: Transfer, now: Instant) -> &mut Run {
        let step = self.step;
        let run = self
            .runs
            .entry((partition.to_owned(), transfer.state_key()))
            .or_insert_with(|| Run {
                settled: json!({ transfer.state_key(): "Invalid" }),
                running: None,
            });
        if let Some(phases) = &mut run.running
            && phases.is_over(now, step)
        {
            run.settled = phases.last().clone();
            run.running = None;
        }
        run
    }

    /// Starts a backup or restore of `partition`; `Err` with the error code while one runs.
    pub(crate) fn start(&mut self, partition: &str, transfer: Transfer, now: Instant) -> Result<(), &'static str> {
        self.started += 1;
        let outcome = std::mem::take(&mut self.next_outcome);
        let last = end(transfer, outcome, self.started, partition);
        let run = self.run(partition, transfer, now);
        if run.running.is_some() {
            self.next_outcome = outcome;
            return Err(match transfer {
                Transfer::Backup => "FABRIC_E_BACKUP_IN_PROGRESS",
                Transfer::Restore => "FABRIC_E_RESTORE_IN_PROGRESS",
            });
        }
        let busy = match transfer {
            Transfer::Backup => "BackupInProgress",
            Transfer::Restore => "RestoreInProgress",
        };
        let key = transfer.state_key();
        let phases = vec![json!({ key: "Accepted" }), json!({ key: busy }), last];
        run.running = Some(Phases::new(run.settled.clone(), phases, now));
        Ok(())
    }

    /// The progress of `partition`'s latest run, as a progress request reads it at `now`.
    pub(crate) fn report(&mut self, partition: &str, transfer: Transfer, now: Instant) -> Value {
        let step = self.step;
        let run = self.run(partition, transfer, now);
        match &mut run.running {
            Some(phases) => phases.report(now, step),
            None => run.settled.clone(),
        }
    }
}

/// The end of run number `n`.
fn end(transfer: Transfer, outcome: BackupRestoreOutcome, n: u64, partition: &str) -> Value {
    let state = match outcome {
        BackupRestoreOutcome::Success => "Success",
        BackupRestoreOutcome::Failure => "Failure",
        BackupRestoreOutcome::Timeout => "Timeout",
    };
    let failure = match outcome {
        BackupRestoreOutcome::Success => Value::Null,
        BackupRestoreOutcome::Failure => {
            json!({"Code": "FABRIC_E_BACKUPCOPIER_UNEXPECTED_ERROR", "Message": "The backup store could not be written."})
        }
        BackupRestoreOutcome::Timeout => json!({"Code": "FABRIC_E_TIMEOUT", "Message": "Operation timed out."}),
    };
    let epoch = json!({"ConfigurationVersion": "8589934592", "DataLossVersion": "131"});
    let lsn = (100 * n).to_string();
    let stamp = stamp(SystemTime::now());
    match transfer {
        Transfer::Backup => {
            let id = format!("{n:08x}-0000-4000-8000-000000000000");
            json!({
                "BackupState": state,
                "TimeStampUtc": stamp,
                "BackupId": id,
                "BackupLocation": format!("app\\svc\\{partition}\\{id}.zip"),
                "EpochOfLastBackupRecord": epoch,
                "LsnOfLastBackupRecord": lsn,
                "FailureError": failure,
            })
        }
        Transfer::Restore => json!({
            "RestoreState": state,
            "TimeStampUtc": stamp,
            "RestoredEpoch": epoch,
            "RestoredLsn": lsn,
            "FailureError": failure,
        }),
    }
}

/// `2024-05-01T12:00:00.123Z`.
fn stamp(at: SystemTime) -> String {
    let since = at.duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default();
    let seconds = utc(since.as_secs());
    seconds.replace(".000Z", &format!(".{:03}Z", since.subsec_millis()))
}

/// Steering the Backup Restore Service from a test.
impl Emulator {
    /// Sets how the next backup or restore that starts ends; later ones succeed.
    pub fn set_next_backup_restore_outcome(&self, outcome: BackupRestoreOutcome) {
        self.gateway.backups().next_outcome = outcome;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backup_walks_to_its_end_and_a_second_waits() {
        let step = Duration::from_secs(1);
        let mut backups = Backups::new(step);
        let t0 = Instant::now();
        backups.start("p1", Transfer::Backup, t0).expect("started");
        assert_eq!(
            backups.start("p1", Transfer::Backup, t0),
            Err("FABRIC_E_BACKUP_IN_PROGRESS")
        );
        let mut seen = Vec::new();
        for i in 0..20 {
            let state = backups.report("p1", Transfer::Backup, t0 + step / 2 * i)["BackupState"].clone();
            if seen.last() != Some(&state) {
                seen.push(state);
            }
        }
        assert_eq!(seen, ["Invalid", "Accepted", "BackupInProgress", "Success"]);
        assert_eq!(backups.report("p1", Transfer::Restore, t0)["RestoreState"], "Invalid");
        assert!(stamp(SystemTime::UNIX_EPOCH + Duration::from_millis(1_500)).ends_with(":01.500Z"));
    }
}
