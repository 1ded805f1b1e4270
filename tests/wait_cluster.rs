//! The cluster waiters end to end: the code upgrade (provision, start, follow, approve the
//! domains of a manual upgrade) and repair tasks, through the real client over loopback
//! HTTP to the emulator's state machines.

use std::time::Duration;

use fabric_rest::models::{ProvisionFabricDescription, RepairTask, StartClusterUpgradeDescription, UpgradeMode};
use fabric_rest::wait::cluster::{
    ClusterUpgradeOutcome, ManualDomains, RepairOutcome, create_repair_task_and_wait, upgrade_cluster_and_wait,
};
use fabric_rest::wait::{ProgressEvent, WaitError, WaitOptions};
use fabric_rest::{Client, RetryPolicy};
use fabric_rest_emulator::{Emulator, Fault, RepairTaskOutcome, UpgradeOutcome};

const CAB: &str = "MicrosoftAzureServiceFabric.9.1.1.0.cab";

async fn emulator() -> Emulator {
    Emulator::builder()
        .step(Duration::from_millis(20))
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

fn provision() -> ProvisionFabricDescription {
    let mut provision = ProvisionFabricDescription::new();
    provision.code_file_path = Some(CAB.to_owned());
    provision
}

fn upgrade_to(code: &str, mode: UpgradeMode) -> StartClusterUpgradeDescription {
    let mut upgrade = StartClusterUpgradeDescription::new();
    upgrade.code_version = Some(code.to_owned());
    upgrade.rolling_upgrade_mode = Some(mode);
    upgrade
}

fn lines(emulator: &Emulator) -> Vec<String> {
    emulator
        .requests()
        .iter()
        .map(|r| format!("{} {}", r.method, r.target))
        .collect()
}

/// Upgrades to 9.1.1.0 and returns the outcome and every summary, each once in a row.
async fn upgrade(
    client: &Client,
    mode: UpgradeMode,
    manual: ManualDomains<'_>,
) -> (
    Result<ClusterUpgradeOutcome, WaitError<fabric_rest::models::ClusterUpgradeProgressObject>>,
    Vec<String>,
) {
    let mut seen: Vec<String> = Vec::new();
    let upgrade = upgrade_to("9.1.1.0", mode);
    let outcome = upgrade_cluster_and_wait(client, Some(&provision()), &upgrade, manual, fast(), |progress| {
        if seen.last() != Some(&progress.summary.text) {
            seen.push(progress.summary.text.clone());
        }
    })
    .await;
    (outcome, seen)
}

#[tokio::test]
async fn a_code_upgrade_walks_every_domain_to_the_target() {
    let emulator = emulator().await;
    let client = client(&emulator);
    let (outcome, seen) = upgrade(&client, UpgradeMode::UnmonitoredAuto, ManualDomains::Report).await;
    let outcome = outcome.unwrap();
    assert!(outcome.is_completed(), "{outcome:?}");
    let at = |state: &str, code: &str| format!("{state} at code {code} configuration 1.0.0");
    // The first read is the old version's end: not this upgrade's.
    assert_eq!(
        seen,
        [
            at("RollingForwardCompleted", "9.1.0.0"),
            format!("{}, next UD0", at("RollingForwardPending", "9.1.1.0")),
            format!("{}, upgrading UD0", at("RollingForwardInProgress", "9.1.1.0")),
            format!("{}, upgrading UD1", at("RollingForwardInProgress", "9.1.1.0")),
            format!("{}, upgrading UD2", at("RollingForwardInProgress", "9.1.1.0")),
            at("RollingForwardCompleted", "9.1.1.0"),
        ]
    );
    let requests = emulator.requests();
    assert_eq!(requests[0].target, "/$/Provision?api-version=6.0");
    assert_eq!(
        String::from_utf8(requests[0].body.clone()).unwrap(),
        format!(r#"{{"CodeFilePath":"{CAB}"}}"#)
    );
    assert_eq!(requests[1].target, "/$/Upgrade?api-version=6.0");
    assert_eq!(
        requests[1].body,
        br#"{"CodeVersion":"9.1.1.0","RollingUpgradeMode":"UnmonitoredAuto"}"#
    );
    let sent = lines(&emulator);
    assert!(
        sent[2..]
            .iter()
            .all(|l| l == "GET /$/GetUpgradeProgress?api-version=6.0"),
        "{sent:?}"
    );
    assert_eq!(emulator.unmatched(), []);
}

#[tokio::test]
async fn a_failed_upgrade_says_why_and_the_next_one_is_not_taken_for_it() {
    let emulator = emulator().await;
    let client = client(&emulator);
    emulator.set_next_code_upgrade_outcome(UpgradeOutcome::Fail);
    let (outcome, _) = upgrade(&client, UpgradeMode::UnmonitoredAuto, ManualDomains::Report).await;
    let ClusterUpgradeOutcome::Failed(progress) = outcome.unwrap() else {
        panic!("expected a failure");
    };
    assert_eq!(progress.failure_reason.as_deref(), Some("HealthCheck"));
    assert_eq!(progress.unhealthy_evaluations.as_ref().map(Vec::len), Some(1));
    let at_failure = progress.upgrade_domain_progress_at_failure.as_ref().unwrap();
    assert_eq!(at_failure.domain_name.as_deref(), Some("UD2"));

    // Again: provisioned already (fine), and the first read is the failure just seen.
    let (outcome, seen) = upgrade(&client, UpgradeMode::UnmonitoredAuto, ManualDomains::Report).await;
    assert!(outcome.unwrap().is_completed());
    assert_eq!(
        seen[0],
        "Failed at code 9.1.1.0 configuration 1.0.0, failure: HealthCheck (1 unhealthy evaluations)"
    );
}

#[tokio::test]
async fn a_rolled_back_upgrade_ends_at_the_old_version() {
    let emulator = emulator().await;
    let client = client(&emulator);
    emulator.set_next_code_upgrade_outcome(UpgradeOutcome::RollBack);
    let (outcome, seen) = upgrade(&client, UpgradeMode::Monitored, ManualDomains::Report).await;
    let ClusterUpgradeOutcome::RolledBack(progress) = outcome.unwrap() else {
        panic!("expected a rollback: {seen:?}");
    };
    assert_eq!(progress.code_version.as_deref(), Some("9.1.0.0"));
    assert_eq!(progress.failure_reason.as_deref(), Some("HealthCheck"));
    assert!(
        seen.iter()
            .any(|s| s.starts_with("RollingBackInProgress at code 9.1.1.0")),
        "{seen:?}"
    );
}

#[tokio::test]
async fn a_manual_upgrade_is_let_into_each_domain_once() {
    let emulator = emulator().await;
    let client = client(&emulator);
    let mut asked = Vec::new();
    let ask = ManualDomains::Ask(Box::new(|_, domain: &str| {
        asked.push(domain.to_owned());
        true
    }));
    let (outcome, _) = upgrade(&client, UpgradeMode::UnmonitoredManual, ask).await;
    assert!(outcome.unwrap().is_completed());
    assert_eq!(asked, ["UD0", "UD1", "UD2"]);
    let moves: Vec<String> = emulator
        .requests()
        .iter()
        .filter(|r| r.path == "/$/MoveToNextUpgradeDomain")
        .map(|r| String::from_utf8(r.body.clone()).unwrap())
        .collect();
    assert_eq!(
        moves,
        [
            r#"{"UpgradeDomain":"UD0"}"#,
            r#"{"UpgradeDomain":"UD1"}"#,
            r#"{"UpgradeDomain":"UD2"}"#
        ]
    );
    assert_eq!(emulator.unmatched(), []);
}

#[tokio::test]
async fn a_manual_upgrade_nobody_approves_waits_at_its_first_domain() {
    let emulator = emulator().await;
    let client = client(&emulator);
    let upgrade = upgrade_to("9.1.1.0", UpgradeMode::UnmonitoredManual);
    let options = fast().deadline(Duration::from_millis(300));
    let error = upgrade_cluster_and_wait(
        &client,
        Some(&provision()),
        &upgrade,
        ManualDomains::Report,
        options,
        |_| {},
    )
    .await
    .unwrap_err();
    let WaitError::DeadlineExceeded { last_summary, .. } = &error else {
        panic!("expected the deadline: {error}");
    };
    assert_eq!(
        last_summary.as_ref().unwrap().text,
        "RollingForwardPending at code 9.1.1.0 configuration 1.0.0, next UD0"
    );
    assert!(!lines(&emulator).iter().any(|l| l.contains("MoveToNextUpgradeDomain")));
}

#[tokio::test]
async fn refused_starts_and_transient_503s() {
    let emulator = emulator().await;
    let client = client(&emulator);
    // Never provisioned: the start fails at once.
    let error = upgrade_cluster_and_wait(
        &client,
        None,
        &upgrade_to("9.9.9.9", UpgradeMode::UnmonitoredAuto),
        ManualDomains::Report,
        fast(),
        |_| {},
    )
    .await
    .unwrap_err();
    assert_eq!(
        error.error().unwrap().code().unwrap().as_str(),
        "FABRIC_E_FABRIC_VERSION_NOT_FOUND"
    );
    assert_eq!(lines(&emulator), ["POST /$/Upgrade?api-version=6.0"]);
    let mut retried = 0;
    let upgrade = upgrade_to("9.1.1.0", UpgradeMode::UnmonitoredAuto);
    let outcome = upgrade_cluster_and_wait(
        &client,
        Some(&provision()),
        &upgrade,
        ManualDomains::Report,
        fast(),
        |p| {
            if p.polls == 1 {
                emulator.inject(Fault::unavailable(), 2);
            }
            if let ProgressEvent::Retrying(_) = p.event {
                retried += 1;
            }
        },
    )
    .await
    .unwrap();
    assert!(outcome.is_completed());
    assert_eq!(retried, 2);
}

#[tokio::test]
async fn a_repair_task_walks_every_state_to_completed() {
    let emulator = emulator().await;
    let client = client(&emulator);
    // A task listed first whose id starts with the awaited one's: not the awaited one.
    emulator.set_next_repair_task_outcome(RepairTaskOutcome::Fail);
    fabric_rest::cluster::RepairTasks::create_repair_task(
        &client,
        &RepairTask::new("Azure/Restart/10", "System.Reboot"),
    )
    .await
    .unwrap();
    let mut seen: Vec<String> = Vec::new();
    let task = RepairTask::new("Azure/Restart/1", "System.Reboot");
    let outcome = create_repair_task_and_wait(&client, &task, fast(), |progress| {
        if seen.last() != Some(&progress.summary.text) {
            seen.push(progress.summary.text.clone());
        }
    })
    .await
    .unwrap();
    assert_eq!(
        seen,
        [
            "Created",
            "Claimed",
            "Preparing",
            "Approved",
            "Executing",
            "Restoring",
            "Completed (Succeeded)"
        ]
    );
    let RepairOutcome::Completed(done) = outcome else {
        panic!("expected a completed task: {outcome:?}");
    };
    assert_eq!(done.task_id, "Azure/Restart/1");
    assert_eq!(done.executor.as_deref(), Some("fabric:/System/InfrastructureService"));
    let sent = lines(&emulator);
    assert_eq!(sent[1], "POST /$/CreateRepairTask?api-version=6.0");
    assert_eq!(
        sent[2],
        "GET /$/GetRepairTaskList?api-version=6.0&TaskIdFilter=Azure%2FRestart%2F1"
    );
    assert_eq!(emulator.unmatched(), []);
}

#[tokio::test]
async fn a_failed_repair_task_completes_with_its_details() {
    let emulator = emulator().await;
    let client = client(&emulator);
    emulator.set_next_repair_task_outcome(RepairTaskOutcome::Fail);
    let task = RepairTask::new("Azure/Restart/2", "System.Reboot");
    let outcome = create_repair_task_and_wait(&client, &task, fast(), |_| {})
        .await
        .unwrap();
    let RepairOutcome::Completed(done) = outcome else {
        panic!("expected a completed task: {outcome:?}");
    };
    assert_eq!(done.result_status.as_deref(), Some("Failed"));
    assert_eq!(done.result_code, Some(-2147467259));
    assert_eq!(
        done.result_details.as_deref(),
        Some("The executor could not restart the node.")
    );
    // Created again: refused at once.
    let error = create_repair_task_and_wait(&client, &task, fast(), |_| {})
        .await
        .unwrap_err();
    assert_eq!(error.error().unwrap().status().unwrap().as_u16(), 409);
}
