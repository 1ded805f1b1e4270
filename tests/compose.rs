//! The Compose deployment operations on the wire: exact request lines and bodies against a
//! loopback gateway, upgrade progress shaped as real gateways send it, and registry
//! passwords kept out of `Debug`.
#![cfg(feature = "compose")]

use std::time::Duration;

use fabric_rest::StatusCode;
use fabric_rest::compose::ComposeDeployments;
use fabric_rest::models::{
    ApplicationHealthPolicy, ComposeDeploymentUpgradeDescription, ComposeDeploymentUpgradeProgressInfo,
    ComposeDeploymentUpgradeState, CreateComposeDeploymentDescription, FailureAction, FailureReason,
    HealthEvaluationKind, IsoDuration, MonitoringPolicyDescription, Percent, RegistryCredential, UpgradeMode,
};
use futures_util::StreamExt;
use serde_json::{Value, json};

#[path = "support/examples.rs"]
mod examples;
mod support;

use examples::{bounded, sent_text, serve_empty};
use support::{lines, serve};

const COMPOSE: &str = "version: '3'\nservices:\n  web:\n    image: nginx\n";

#[tokio::test]
async fn deployments_are_created_upgraded_rolled_back_and_removed() {
    bounded(async {
        let (client, seen) = serve(|target| match target.contains("RollbackUpgrade") {
            true => (200, String::new()),
            false => (202, String::new()),
        })
        .await;
        let create = CreateComposeDeploymentDescription::new("web", COMPOSE)
            .with_registry_credential(RegistryCredential::new("user", "hunter2"));
        client.create_compose_deployment(&create, None).await.unwrap();
        let mut monitoring = MonitoringPolicyDescription::default();
        monitoring.failure_action = Some(FailureAction::Rollback);
        monitoring.health_check_retry_timeout_in_milliseconds = Some(IsoDuration::from(Duration::from_secs(600)));
        let health = ApplicationHealthPolicy::new().with_max_percent_unhealthy_deployed_applications(Percent::new(10).unwrap());
        let upgrade = ComposeDeploymentUpgradeDescription::new("web", COMPOSE)
            .with_registry_credential(RegistryCredential::encrypted("user", "MIIB..."))
            .monitored(monitoring, Some(health))
            .with_force_restart(true)
            .with_replica_set_check_timeout_in_seconds(60);
        client.start_compose_deployment_upgrade("web~1", &upgrade, None).await.unwrap();
        client.start_rollback_compose_deployment_upgrade("web~1", None).await.unwrap();
        client.remove_compose_deployment("web%20x", None).await.unwrap();
        assert_eq!(
            lines(&seen),
            [
                "PUT /ComposeDeployments/$/Create?api-version=6.0-preview HTTP/1.1",
                "POST /ComposeDeployments/web~1/$/Upgrade?api-version=6.0-preview HTTP/1.1",
                "POST /ComposeDeployments/web~1/$/RollbackUpgrade?api-version=6.4-preview HTTP/1.1",
                // Deployment names keep the escapes their caller wrote.
                "POST /ComposeDeployments/web%20x/$/Delete?api-version=6.0-preview HTTP/1.1",
            ]
        );
        assert_eq!(
            sent_text(&seen, 0),
            r#"{"DeploymentName":"web","ComposeFileContent":"version: '3'\nservices:\n  web:\n    image: nginx\n","RegistryCredential":{"RegistryUserName":"user","RegistryPassword":"hunter2","PasswordEncrypted":false}}"#
        );
        assert_eq!(
            sent_text(&seen, 1),
            r#"{"DeploymentName":"web","ComposeFileContent":"version: '3'\nservices:\n  web:\n    image: nginx\n","RegistryCredential":{"RegistryUserName":"user","RegistryPassword":"MIIB...","PasswordEncrypted":true},"UpgradeKind":"Rolling","RollingUpgradeMode":"Monitored","UpgradeReplicaSetCheckTimeoutInSeconds":60,"ForceRestart":true,"MonitoringPolicy":{"FailureAction":"Rollback","HealthCheckRetryTimeoutInMilliseconds":"PT0H10M0S"},"ApplicationHealthPolicy":{"MaxPercentUnhealthyDeployedApplications":10}}"#
        );
        assert_eq!(sent_text(&seen, 2), "");
        assert_eq!(sent_text(&seen, 3), "");
    })
    .await;
}

/// A 502 from a proxy may hide a create the cluster did: the create is not sent again (a
/// second one would answer "already exists"), while a read is.
#[tokio::test]
async fn a_create_is_not_sent_twice() {
    bounded(async {
        let (client, seen) = serve(|_| (502, "<html>Bad Gateway</html>".to_owned())).await;
        let create = CreateComposeDeploymentDescription::new("web", COMPOSE);
        let error = client.create_compose_deployment(&create, None).await.unwrap_err();
        assert_eq!(error.status(), Some(StatusCode::BAD_GATEWAY));
        assert_eq!(seen.lock().unwrap().len(), 1);
        assert!(!fabric_rest::endpoint("CreateComposeDeployment").unwrap().idempotent());
        client.get_compose_deployment_status("web", None).await.unwrap_err();
        assert!(seen.lock().unwrap().len() > 2, "the read was retried");
    })
    .await;
}

#[tokio::test]
async fn deployments_stream_across_pages() {
    bounded(async {
        fn answer(target: &str) -> (u16, String) {
            if target.contains("ContinuationToken=next") {
                (200, json!({"ContinuationToken": "", "Items": [{"Name": "c"}]}).to_string())
            } else {
                (200, json!({"ContinuationToken": "next", "Items": [{"Name": "a"}, {"Name": "b", "Status": "Hibernating"}]}).to_string())
            }
        }
        let (client, seen) = serve(answer).await;
        let all: Vec<_> = client.compose_deployments(Some(2), None).collect().await;
        let names: Vec<_> = all.iter().map(|d| d.as_ref().unwrap().name.clone().unwrap()).collect();
        assert_eq!(names, ["a", "b", "c"]);
        let status = all[1].as_ref().unwrap().status.as_ref().unwrap();
        assert_eq!(status.as_str(), "Hibernating");
        assert_eq!(
            lines(&seen),
            [
                "GET /ComposeDeployments?api-version=6.0-preview&MaxResults=2 HTTP/1.1",
                "GET /ComposeDeployments?api-version=6.0-preview&ContinuationToken=next&MaxResults=2 HTTP/1.1",
            ]
        );
    })
    .await;
}

#[tokio::test]
async fn a_missing_deployment_is_the_gateways_error() {
    bounded(async {
        let body = r#"{"Error":{"Code":"FABRIC_E_APPLICATION_NOT_FOUND","Message":"Null"}}"#;
        let (client, _) = serve(move |_| (404, body.to_owned())).await;
        let error = client.get_compose_deployment_status("gone", None).await.unwrap_err();
        assert_eq!(error.status(), Some(StatusCode::NOT_FOUND));
        assert_eq!(
            error.code().map(|code| code.as_str()),
            Some("FABRIC_E_APPLICATION_NOT_FOUND")
        );
        assert_eq!(error.fabric_error().unwrap().message, None);
        let (client, _) = serve_empty(202).await;
        let error = client.get_compose_deployment_status("web", None).await.unwrap_err();
        assert_eq!(error.status(), Some(StatusCode::ACCEPTED));
    })
    .await;
}

#[test]
fn registry_passwords_never_show_in_debug() {
    let create = CreateComposeDeploymentDescription::new("web", COMPOSE)
        .with_registry_credential(RegistryCredential::new("user", "hunter2"));
    let upgrade = ComposeDeploymentUpgradeDescription::new("web", COMPOSE)
        .with_registry_credential(RegistryCredential::new("user", "hunter2"));
    for shown in [format!("{create:?}"), format!("{upgrade:#?}")] {
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("SecretString(<redacted>)"), "{shown}");
    }
}

/// Upgrade progress as a gateway sends it: the health evaluation's `Kind` late, an unknown
/// evaluation kind, unknown states and fields, year-1 and infinite moments, a count as text.
const ODD_PROGRESS: &str = r#"{"DeploymentName":"web","ApplicationName":"fabric:/web","UpgradeState":"RollingForwardPaused","UpgradeKind":"Rolling","RollingUpgradeMode":"UnmonitoredDeferred","UpgradeReplicaSetCheckTimeoutInSeconds":"4294967295","MonitoringPolicy":{"FailureAction":"Manual","UpgradeTimeoutInMilliseconds":"P10675199DT2H48M5.4775807S"},"ApplicationHealthPolicy":{"ServiceTypeHealthPolicyMap":[{"Key":"Svc","Value":{"MaxPercentUnhealthyServices":5}}]},"UpgradeDuration":"PT0H2M0S","CurrentUpgradeDomainDuration":"P10675199DT2H48M5.4775807S","ApplicationUnhealthyEvaluations":[{"HealthEvaluation":{"AggregatedHealthState":"Error","Description":"d","Kind":"Application","ApplicationName":"fabric:/web"}},{"HealthEvaluation":{"Kind":"Moonphase","Phase":3}}],"CurrentUpgradeDomainProgress":{"DomainName":"UD1","NodeUpgradeProgressList":[{"NodeName":"n1","UpgradePhase":"Upgrading"}]},"StartTimestampUtc":"2024-05-01T10:00:00.000Z","FailureTimestampUtc":"0001-01-01T00:00:00.000Z","FailureReason":"None","UpgradeDomainProgressAtFailure":{"DomainName":"","NodeUpgradeProgressList":[]},"IsNodeByNode":false}"#;

#[test]
fn odd_upgrade_progress_survives_a_read_and_a_write() {
    let progress: ComposeDeploymentUpgradeProgressInfo = serde_json::from_str(ODD_PROGRESS).unwrap();
    let state = progress.upgrade_state.as_ref().unwrap();
    assert_eq!(state.as_str(), "RollingForwardPaused");
    assert!(!matches!(state, ComposeDeploymentUpgradeState::RollingForwardCompleted));
    assert_eq!(progress.rolling_upgrade_mode, Some(UpgradeMode::UnmonitoredDeferred));
    assert_eq!(progress.failure_reason, Some(FailureReason::NoFailure));
    let timeout = progress.upgrade_replica_set_check_timeout_in_seconds.unwrap();
    assert_eq!((timeout.get(), timeout.is_quoted()), (4_294_967_295, true));
    assert_eq!(progress.failure_timestamp_utc.as_ref().unwrap().to_system_time(), None);
    assert_eq!(
        progress.current_upgrade_domain_duration.as_ref().unwrap().to_duration(),
        Some(Duration::new(922_337_203_685, 477_580_700))
    );
    let evaluations = progress.application_unhealthy_evaluations.as_ref().unwrap();
    assert_eq!(
        evaluations[0].health_evaluation.evaluation_kind(),
        HealthEvaluationKind::Application
    );
    assert_eq!(evaluations[1].health_evaluation.kind(), "Moonphase");
    assert_eq!(progress.unknown_fields.get("IsNodeByNode"), Some(&json!(false)));
    let written: Value = serde_json::to_value(&progress).unwrap();
    assert_eq!(written, serde_json::from_str::<Value>(ODD_PROGRESS).unwrap());
}

/// Reference §9: maps the spec writes as Key/Value arrays can arrive as JSON objects. The
/// service type map of `ApplicationHealthPolicy` is read by `KeyValueList` in the common
/// models, which takes both.
#[test]
fn a_health_policy_map_sent_as_an_object_is_read() {
    let progress: ComposeDeploymentUpgradeProgressInfo = serde_json::from_str(
        r#"{"ApplicationHealthPolicy":{"ServiceTypeHealthPolicyMap":{"Svc":{"MaxPercentUnhealthyServices":5}}}}"#,
    )
    .unwrap();
    let policy = progress.application_health_policy.unwrap();
    assert!(policy.service_type_health_policy_map.unwrap().contains_key("Svc"));
}
