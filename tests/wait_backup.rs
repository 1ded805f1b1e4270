//! The backup and restore waiters end to end, through the real client over loopback HTTP
//! to the emulator's Backup Restore Service: every end, the previous run's end read right
//! after a start, transient and permanent failures, the deadline.

use std::time::Duration;

use fabric_rest::backup_restore::PartitionBackup;
use fabric_rest::models::RestorePartitionDescription;
use fabric_rest::wait::backup::{TransferOutcome, backup_partition_and_wait, restore_partition_and_wait};
use fabric_rest::wait::{ProgressEvent, WaitError, WaitOptions};
use fabric_rest::{Client, RetryPolicy};
use fabric_rest_emulator::{BackupRestoreOutcome, Emulator, Fault};

const PARTITION: &str = "1daae3f5-7fd6-42e9-b1ba-8c05f873994d";

async fn emulator(step_ms: u64) -> Emulator {
    Emulator::builder()
        .step(Duration::from_millis(step_ms))
        .start()
        .await
        .unwrap()
}

fn client(emulator: &Emulator) -> Client {
    Client::builder(&emulator.base_url())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap()
}

fn fast() -> WaitOptions {
    WaitOptions::default()
        .poll_interval(Duration::from_millis(5))
        .deadline(Duration::from_secs(30))
}

fn lines(emulator: &Emulator) -> Vec<String> {
    emulator
        .requests()
        .iter()
        .map(|r| format!("{} {}", r.method, r.target))
        .collect()
}

fn backup_id(n: u32) -> String {
    format!("{n:08x}-0000-4000-8000-000000000000")
}

fn restore() -> RestorePartitionDescription {
    RestorePartitionDescription::new(backup_id(1), "app\\svc\\backup.zip")
}

/// Backs up and returns the outcome and every summary, each once in a row.
async fn backup(client: &Client) -> (TransferOutcome<fabric_rest::models::BackupProgressInfo>, Vec<String>) {
    let mut seen: Vec<String> = Vec::new();
    let outcome = backup_partition_and_wait(client, PARTITION, None, fast(), |progress| {
        if seen.last() != Some(&progress.summary.text) {
            seen.push(progress.summary.text.clone());
        }
    })
    .await
    .unwrap();
    (outcome, seen)
}

#[tokio::test]
async fn a_backup_runs_to_success_with_a_new_backup_id() {
    let emulator = emulator(20).await;
    let client = client(&emulator);
    let (outcome, seen) = backup(&client).await;
    let done = format!("Success, backup {}", backup_id(1));
    assert_eq!(seen, ["Invalid", "Accepted", "BackupInProgress", done.as_str()]);
    assert!(outcome.is_success());
    let progress = outcome.progress();
    assert_eq!(progress.backup_id.as_deref(), Some(backup_id(1).as_str()));
    assert!(progress.time_stamp_utc.is_some());
    let sent = lines(&emulator);
    let poll = format!("GET /Partitions/{PARTITION}/$/GetBackupProgress?api-version=6.4");
    assert_eq!(sent[0], poll, "the progress before the start");
    assert_eq!(
        sent[1],
        format!("POST /Partitions/{PARTITION}/$/Backup?api-version=6.4")
    );
    assert!(sent[2..].iter().all(|l| *l == poll), "{sent:?}");
    assert_eq!(emulator.unmatched(), []);
}

/// Right after the second start the progress still shows the first backup's Success: the
/// wait goes on to the second backup's own end.
#[tokio::test]
async fn the_previous_backups_success_is_not_this_ones() {
    let emulator = emulator(20).await;
    let client = client(&emulator);
    backup(&client).await;
    let (outcome, seen) = backup(&client).await;
    assert_eq!(seen[0], format!("Success, backup {}", backup_id(1)));
    assert_eq!(seen.last().unwrap(), &format!("Success, backup {}", backup_id(2)));
    assert_eq!(outcome.progress().backup_id.as_deref(), Some(backup_id(2).as_str()));
}

#[tokio::test]
async fn a_failed_backup_says_why() {
    let emulator = emulator(20).await;
    let client = client(&emulator);
    emulator.set_next_backup_restore_outcome(BackupRestoreOutcome::Failure);
    let (outcome, seen) = backup(&client).await;
    let TransferOutcome::Failure(progress) = &outcome else {
        panic!("expected a failure: {outcome:?}");
    };
    let failure = progress.failure_error.as_ref().unwrap();
    assert_eq!(failure.code, "FABRIC_E_BACKUPCOPIER_UNEXPECTED_ERROR");
    assert_eq!(
        seen.last().unwrap(),
        &format!(
            "Failure, backup {}: FABRIC_E_BACKUPCOPIER_UNEXPECTED_ERROR (The backup store could not be written.)",
            backup_id(1)
        )
    );
}

#[tokio::test]
async fn a_restore_that_times_out_ends_in_timeout() {
    let emulator = emulator(20).await;
    let client = client(&emulator);
    emulator.set_next_backup_restore_outcome(BackupRestoreOutcome::Timeout);
    let mut seen: Vec<String> = Vec::new();
    let outcome = restore_partition_and_wait(&client, PARTITION, &restore(), fast(), |progress| {
        if seen.last() != Some(&progress.summary.text) {
            seen.push(progress.summary.text.clone());
        }
    })
    .await
    .unwrap();
    assert!(matches!(outcome, TransferOutcome::Timeout(_)), "{outcome:?}");
    assert_eq!(
        seen,
        [
            "Invalid",
            "Accepted",
            "RestoreInProgress",
            "Timeout, restored lsn 100: FABRIC_E_TIMEOUT (Operation timed out.)"
        ]
    );
    let requests = emulator.requests();
    assert_eq!(
        requests[1].target,
        format!("/Partitions/{PARTITION}/$/Restore?api-version=6.4")
    );
    assert_eq!(
        requests[1].body,
        br#"{"BackupId":"00000001-0000-4000-8000-000000000000","BackupLocation":"app\\svc\\backup.zip"}"#
    );
}

#[tokio::test]
async fn a_restore_refused_while_one_runs_ends_at_once() {
    let emulator = emulator(30_000).await;
    let client = client(&emulator);
    client
        .restore_partition(PARTITION, Some(&restore()), None, None, None)
        .await
        .unwrap();
    let error = restore_partition_and_wait(&client, PARTITION, &restore(), fast(), |_| {})
        .await
        .unwrap_err();
    let WaitError::Request { what, error } = &error else {
        panic!("expected a request error: {error}");
    };
    assert_eq!(what, &format!("the restore of partition {PARTITION}"));
    assert_eq!(error.status().unwrap().as_u16(), 409);
    assert_eq!(error.code().unwrap().as_str(), "FABRIC_E_RESTORE_IN_PROGRESS");
    assert_eq!(lines(&emulator).len(), 3);
}

#[tokio::test]
async fn transient_503s_are_ridden_out_and_the_deadline_holds() {
    let emulator = emulator(20).await;
    let client = client(&emulator);
    let mut retried = 0;
    let outcome = backup_partition_and_wait(&client, PARTITION, None, fast(), |progress| {
        if progress.polls == 1 {
            emulator.inject(Fault::unavailable(), 2);
        }
        if let ProgressEvent::Retrying(_) = progress.event {
            retried += 1;
        }
    })
    .await
    .unwrap();
    assert!(outcome.is_success());
    assert_eq!(retried, 2);

    let slow = emulator_slow().await;
    let client = self::client(&slow);
    let options = fast().deadline(Duration::from_millis(300));
    let error = backup_partition_and_wait(&client, PARTITION, None, options, |_| {})
        .await
        .unwrap_err();
    let WaitError::DeadlineExceeded { last_status, .. } = &error else {
        panic!("expected the deadline: {error}");
    };
    // Stuck in the stale phase: the partition's state before its first backup.
    let state = last_status.as_ref().unwrap().backup_state.as_ref().unwrap();
    assert_eq!(state.as_str(), "Invalid");
}

async fn emulator_slow() -> Emulator {
    emulator(30_000).await
}
