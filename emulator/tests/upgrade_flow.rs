//! The configuration-upgrade state machine as a poller sees it over HTTP.

mod common;

use std::time::Duration;

use common::*;
use fabric_rest_emulator::{Emulator, SAMPLE_CLUSTER_CONFIG, UpgradeOutcome};
use serde_json::json;

const CONFIG: &str = "/$/GetClusterConfiguration?ConfigurationApiVersion=10-2017&api-version=6.0";

async fn emulator(outcome: UpgradeOutcome) -> Emulator {
    Emulator::builder()
        .step(Duration::from_millis(5))
        .outcome(outcome)
        .start()
        .await
        .expect("start")
}

#[tokio::test]
async fn success_commits_the_new_config_at_the_end() {
    bounded(async {
        let emulator = emulator(UpgradeOutcome::Succeed).await;
        assert_eq!(
            get(&emulator, CONFIG).await.json(),
            json!({ "ClusterConfiguration": SAMPLE_CLUSTER_CONFIG })
        );
        start_upgrade(&emulator, "2.0.0").await;
        let seen = poll_until_settled(&emulator, "2.0.0").await;
        let names = states(&seen);
        assert!(
            in_order(
                &names,
                &[
                    "RollingForwardCompleted",
                    "RollingForwardPending",
                    "RollingForwardInProgress",
                    "RollingForwardCompleted"
                ]
            ),
            "{seen:?}"
        );
        let last = seen.last().expect("some status");
        assert_eq!(last["ConfigVersion"], "2.0.0");
        assert_eq!(last["ProgressStatus"], 100);
        // The version changes only at the very end.
        assert!(
            seen[..seen.len() - 1].iter().all(|s| s["ConfigVersion"] == "1.0.0"),
            "{seen:?}"
        );
        // Every upgrade domain of the ClusterConfig is walked, in order, with rising progress.
        let domains: Vec<&str> = seen
            .iter()
            .filter(|s| s["UpgradeState"] == "RollingForwardInProgress")
            .map(|s| s["Details"].as_str().unwrap_or_default())
            .collect();
        assert_eq!(domains.len(), 3, "{seen:?}");
        for (details, domain) in domains.iter().zip(["UD0", "UD1", "UD2"]) {
            assert!(details.contains(domain), "{details}");
        }
        let progress: Vec<u64> = seen.iter().filter_map(|s| s["ProgressStatus"].as_u64()).collect();
        assert!(progress[1..].windows(2).all(|w| w[0] <= w[1]), "{progress:?}");

        assert_eq!(emulator.config_version(), "2.0.0");
        assert_eq!(emulator.cluster_config(), config_at("2.0.0"));
        assert_eq!(
            get(&emulator, CONFIG).await.json(),
            json!({ "ClusterConfiguration": config_at("2.0.0") })
        );
        // Settled: the status stays put.
        assert_eq!(&status(&emulator).await, last);
        assert_eq!(emulator.upgrade_status().config_version, "2.0.0");
    })
    .await;
}

#[tokio::test]
async fn failure_keeps_the_old_config() {
    bounded(async {
        let emulator = emulator(UpgradeOutcome::Fail).await;
        start_upgrade(&emulator, "2.0.0").await;
        let seen = poll_until_settled(&emulator, "2.0.0").await;
        assert!(
            in_order(
                &states(&seen),
                &["RollingForwardPending", "RollingForwardInProgress", "Failed"]
            ),
            "{seen:?}"
        );
        let last = seen.last().expect("some status");
        assert_eq!(last["UpgradeState"], "Failed");
        assert_eq!(last["ConfigVersion"], "1.0.0");
        let details = last["Details"].as_str().expect("details");
        assert!(details.starts_with("FABRIC_E_CONFIG_UPGRADE_FAILED : "), "{details}");
        assert_eq!(emulator.cluster_config(), SAMPLE_CLUSTER_CONFIG);
        assert_eq!(
            get(&emulator, CONFIG).await.json(),
            json!({ "ClusterConfiguration": SAMPLE_CLUSTER_CONFIG })
        );
        // A failed upgrade does not block the next one.
        emulator.set_next_outcome(UpgradeOutcome::Succeed);
        start_upgrade(&emulator, "2.0.0").await;
        poll_until_settled(&emulator, "2.0.0").await;
        assert_eq!(emulator.config_version(), "2.0.0");
    })
    .await;
}

#[tokio::test]
async fn rollback_walks_back_and_keeps_the_old_config() {
    bounded(async {
        let emulator = emulator(UpgradeOutcome::RollBack).await;
        start_upgrade(&emulator, "2.0.0").await;
        let seen = poll_until_settled(&emulator, "2.0.0").await;
        assert!(
            in_order(
                &states(&seen),
                &[
                    "RollingForwardPending",
                    "RollingForwardInProgress",
                    "RollingBackPending",
                    "RollingBackInProgress",
                    "RollingBackCompleted"
                ]
            ),
            "{seen:?}"
        );
        let last = seen.last().expect("some status");
        assert_eq!(last["ConfigVersion"], "1.0.0");
        assert!(
            last["Details"]
                .as_str()
                .expect("details")
                .starts_with("FABRIC_E_CONFIG_UPGRADE_FAILED : ")
        );
        assert!(seen.iter().all(|s| s["ConfigVersion"] == "1.0.0"));
        assert_eq!(emulator.config_version(), "1.0.0");
    })
    .await;
}

#[tokio::test]
async fn the_status_is_stale_right_after_the_start() {
    bounded(async {
        // A long step: the stale phase lasts at least that long, whatever the scheduling.
        let emulator = Emulator::builder()
            .step(Duration::from_secs(2))
            .start()
            .await
            .expect("start");
        start_upgrade(&emulator, "2.0.0").await;
        let stale = get(&emulator, STATUS).await;
        assert_eq!(
            stale.text(),
            r#"{"UpgradeState":"RollingForwardCompleted","ProgressStatus":0,"ConfigVersion":"1.0.0","Details":""}"#
        );
        assert_eq!(emulator.upgrade_status().upgrade_state, "RollingForwardCompleted");
    })
    .await;
}

#[tokio::test]
async fn a_start_during_rollback_is_refused() {
    bounded(async {
        let emulator = emulator(UpgradeOutcome::RollBack).await;
        start_upgrade(&emulator, "2.0.0").await;
        let mut refused = false;
        for _ in 0..20_000 {
            let now = status(&emulator).await;
            if now["UpgradeState"] == "RollingBackPending" || now["UpgradeState"] == "RollingBackInProgress" {
                // Polls drive the phases, so the rollback is still running now.
                post(&emulator, START, &description(&config_at("3.0.0")))
                    .await
                    .assert_error(
                        500,
                        "FABRIC_E_CONFIG_UPGRADE_FAILED",
                        "FabricException: Cluster configuration upgrade of type StandAloneSimpleClusterUpgradeState is already in progress and cannot be interrupted.",
                    );
                refused = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        assert!(refused, "never saw the rollback");
        let seen = poll_until_settled(&emulator, "2.0.0").await;
        assert_eq!(seen.last().expect("status")["UpgradeState"], "RollingBackCompleted");
        // Once rolled back, a new start is accepted again.
        emulator.set_next_outcome(UpgradeOutcome::Succeed);
        start_upgrade(&emulator, "3.0.0").await;
        poll_until_settled(&emulator, "3.0.0").await;
        assert_eq!(emulator.config_version(), "3.0.0");
    })
    .await;
}

#[tokio::test]
async fn a_new_start_replaces_a_running_upgrade() {
    bounded(async {
        let emulator = Emulator::builder()
            .step(Duration::from_millis(5))
            .start()
            .await
            .expect("start");
        emulator.set_next_outcome(UpgradeOutcome::Fail);
        start_upgrade(&emulator, "2.0.0").await;
        for _ in 0..20_000 {
            if status(&emulator).await["UpgradeState"] == "RollingForwardInProgress" {
                break;
            }
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        assert_eq!(emulator.upgrade_status().upgrade_state, "RollingForwardInProgress");
        // The replacement takes the default outcome again and goes to its own version.
        start_upgrade(&emulator, "3.0.0").await;
        let seen = poll_until_settled(&emulator, "3.0.0").await;
        assert_eq!(seen[0]["UpgradeState"], "RollingForwardInProgress", "{seen:?}");
        assert!(in_order(
            &states(&seen),
            &["RollingForwardPending", "RollingForwardCompleted"]
        ));
        assert!(!states(&seen).iter().any(|s| s == "Failed"));
        assert_eq!(emulator.config_version(), "3.0.0");
        assert_eq!(emulator.cluster_config(), config_at("3.0.0"));
    })
    .await;
}

#[tokio::test]
async fn status_is_unavailable_for_a_while_after_each_start() {
    bounded(async {
        let emulator = Emulator::builder()
            .step(Duration::from_millis(5))
            .unavailable_after_start(2)
            .start()
            .await
            .expect("start");
        assert_eq!(get(&emulator, STATUS).await.status, 200);
        for round in ["2.0.0", "3.0.0"] {
            start_upgrade(&emulator, round).await;
            for _ in 0..2 {
                get(&emulator, STATUS).await.assert_error(
                    503,
                    "FABRIC_E_RECONFIGURATION_PENDING",
                    "Reconfiguration of the upgrade orchestration service is pending.",
                );
            }
            poll_until_settled(&emulator, round).await;
        }
        assert_eq!(emulator.config_version(), "3.0.0");
    })
    .await;
}

#[tokio::test]
async fn service_state_summary_shows_a_pending_upgrade() {
    bounded(async {
        let emulator = Emulator::builder()
            .step(Duration::from_secs(2))
            .start()
            .await
            .expect("start");
        start_upgrade(&emulator, "2.0.0").await;
        let response = post(
            &emulator,
            "/$/SetUpgradeOrchestrationServiceState?api-version=6.0",
            br#"{"ServiceState":"s"}"#,
        )
        .await;
        assert_eq!(
            response.json(),
            json!({
                "CurrentCodeVersion": "9.1.0.0",
                "CurrentManifestVersion": "1.0.0",
                "TargetCodeVersion": "9.1.0.0",
                "TargetManifestVersion": "2.0.0",
                "PendingUpgradeType": "Config"
            })
        );
    })
    .await;
}
