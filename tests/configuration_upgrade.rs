//! The configuration-upgrade workflow end to end: the declared operations through the real
//! client over loopback HTTP to the emulator, asserting the exact wire form and the exact
//! outcome of every kind of upgrade.

use std::future::Future;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use fabric_rest::cluster::ClusterConfigurationUpgrade;
use fabric_rest::models::{
    ApplicationHealthPolicies, ApplicationHealthPolicy, ClusterConfig, ClusterConfigurationUpgradeDescription, Percent,
    ServiceTypeHealthPolicy, UpgradeOrchestrationServiceState, UpgradeState,
};
use fabric_rest::upgrade::{ProgressEvent, UpgradeOutcome, WaitError, WaitOptions, wait_for_configuration_upgrade};
use fabric_rest::{Accepted, ApiVersion, Client, Error, Request, Response, RetryPolicy, ServerTimeout, Transport};
use fabric_rest_emulator::{Emulator, SAMPLE_CLUSTER_CONFIG, UpgradeOutcome as EmulatedOutcome};

/// The emulator's committed ClusterConfig with another `clusterConfigurationVersion`.
fn config_at(version: &str) -> ClusterConfig {
    config_with(version, "clusterConfigurationVersion", version)
}

/// The emulator's committed ClusterConfig at `version`, with one more top-level field changed.
fn config_with(version: &str, key: &str, value: &str) -> ClusterConfig {
    let mut config: serde_json::Value = serde_json::from_str(SAMPLE_CLUSTER_CONFIG).unwrap();
    config["clusterConfigurationVersion"] = version.into();
    config[key] = value.into();
    ClusterConfig::from_value(&config).unwrap()
}

fn fast_polls() -> WaitOptions {
    WaitOptions::default()
        .poll_interval(Duration::from_millis(2))
        .deadline(Duration::from_secs(30))
}

async fn emulator(outcome: EmulatedOutcome) -> Emulator {
    Emulator::builder()
        .step(Duration::from_millis(5))
        .outcome(outcome)
        .start()
        .await
        .unwrap()
}

#[tokio::test]
async fn start_sends_the_exact_request_and_gets_202() {
    let emulator = emulator(EmulatedOutcome::Succeed).await;
    let client = Client::new(&emulator.base_url()).unwrap();
    let config = config_at("2.0.0");
    let description = ClusterConfigurationUpgradeDescription::new(config.clone())
        .with_health_check_retry_timeout(Duration::from_secs(600))
        .with_health_check_wait_duration(Duration::ZERO)
        .with_upgrade_domain_timeout(Duration::from_secs(90061))
        .with_max_percent_unhealthy_nodes(Percent::of::<10>())
        .with_application_health_policies(
            ApplicationHealthPolicies::new().with_policy(
                "fabric:/samples/CalculatorApp",
                ApplicationHealthPolicy::new()
                    .with_consider_warning_as_error(true)
                    .with_max_percent_unhealthy_deployed_applications(Percent::of::<10>())
                    .with_service_type_policy(
                        "Svc1Type",
                        ServiceTypeHealthPolicy::new(Percent::ZERO, Percent::ZERO, Percent::of::<10>()),
                    ),
            ),
        );

    let accepted = client
        .start_cluster_configuration_upgrade(&description, Some(ServerTimeout::seconds::<120>()))
        .await
        .unwrap();
    assert_eq!(accepted, Accepted);

    let sent = emulator.requests();
    assert_eq!(sent.len(), 1);
    let request = &sent[0];
    assert_eq!(request.method, "POST");
    assert_eq!(
        request.target,
        "/$/StartClusterConfigurationUpgrade?api-version=3.0&timeout=120"
    );
    assert_eq!(request.header("content-type"), Some("application/json; charset=utf-8"));
    // The call's id and the attempt: `{uuid}:1`.
    let id = request.header("x-servicefabricrequestid").unwrap();
    assert_eq!(id.len(), 38, "{id}");
    assert!(id.ends_with(":1"), "{id}");
    let expected = format!(
        concat!(
            r#"{{"ClusterConfig":{},"HealthCheckRetryTimeout":"PT0H10M0S","HealthCheckWaitDurationInSeconds":"PT0H0M0S","#,
            r#""UpgradeDomainTimeoutInSeconds":"PT25H1M1S","MaxPercentUnhealthyNodes":10,"#,
            r#""ApplicationHealthPolicies":{{"ApplicationHealthPolicyMap":[{{"Key":"fabric:/samples/CalculatorApp","Value":{{"#,
            r#""ConsiderWarningAsError":true,"MaxPercentUnhealthyDeployedApplications":10,"#,
            r#""ServiceTypeHealthPolicyMap":[{{"Key":"Svc1Type","Value":{{"MaxPercentUnhealthyPartitionsPerService":0,"#,
            r#""MaxPercentUnhealthyReplicasPerPartition":0,"MaxPercentUnhealthyServices":10}}}}]}}}}]}}}}"#
        ),
        serde_json::to_string(config.as_str()).unwrap()
    );
    assert_eq!(String::from_utf8(request.body.clone()).unwrap(), expected);
}

#[tokio::test]
async fn minimal_description_and_absent_timeout() {
    let emulator = emulator(EmulatedOutcome::Succeed).await;
    let client = Client::new(&emulator.base_url()).unwrap();
    let config = config_at("2.0.0");
    client
        .start_cluster_configuration_upgrade(&ClusterConfigurationUpgradeDescription::new(config.clone()), None)
        .await
        .unwrap();
    let request = &emulator.requests()[0];
    assert_eq!(request.target, "/$/StartClusterConfigurationUpgrade?api-version=3.0");
    assert_eq!(
        request.body,
        format!(
            r#"{{"ClusterConfig":{}}}"#,
            serde_json::to_string(config.as_str()).unwrap()
        )
        .into_bytes()
    );
}

#[tokio::test]
async fn client_default_timeout_and_api_version_override() {
    let emulator = emulator(EmulatedOutcome::Succeed).await;
    let client = Client::builder(&emulator.base_url())
        .default_server_timeout(ServerTimeout::seconds::<300>())
        .build()
        .unwrap();
    let v6 = client.with_api_version(ApiVersion::parse("6.0").unwrap());
    v6.start_cluster_configuration_upgrade(&ClusterConfigurationUpgradeDescription::new(config_at("2.0.0")), None)
        .await
        .unwrap();
    assert_eq!(
        emulator.requests()[0].target,
        "/$/StartClusterConfigurationUpgrade?api-version=6.0&timeout=300"
    );

    // A version newer than the emulated runtime (9.1) is refused by the gateway.
    let future = client.with_api_version(ApiVersion::parse("9.2").unwrap());
    let error = future.get_cluster_configuration_upgrade_status(None).await.unwrap_err();
    assert_eq!(error.status().unwrap().as_u16(), 400);
    assert_eq!(error.code().unwrap().as_str(), "E_INVALIDARG");
    let id = error.request_id().unwrap();
    assert_eq!(
        error.to_string(),
        format!("GET /$/GetClusterConfigurationUpgradeStatus: 400 E_INVALIDARG: Invalid argument [request id {id}:1]")
    );
}

async fn rejection(config: ClusterConfig) -> Error {
    let emulator = emulator(EmulatedOutcome::Succeed).await;
    let client = Client::new(&emulator.base_url()).unwrap();
    let error = client
        .start_cluster_configuration_upgrade(&ClusterConfigurationUpgradeDescription::new(config), None)
        .await
        .unwrap_err();
    assert_eq!(emulator.config_version(), "1.0.0");
    error
}

fn assert_upgrade_failed(error: &Error, message: &str) {
    assert!(error.is_status());
    assert_eq!(error.status().unwrap().as_u16(), 500);
    assert_eq!(error.reason(), Some("FABRIC_E_CONFIG_UPGRADE_FAILED"));
    assert_eq!(error.code().unwrap().as_str(), "FABRIC_E_CONFIG_UPGRADE_FAILED");
    assert_eq!(error.operation(), Some("StartClusterConfigurationUpgrade"));
    let id = error.request_id().unwrap();
    assert_eq!(
        error.to_string(),
        format!(
            "POST /$/StartClusterConfigurationUpgrade: 500 FABRIC_E_CONFIG_UPGRADE_FAILED: {message} [request id {id}:1]"
        )
    );
}

#[tokio::test]
async fn identical_version_is_rejected() {
    let error = rejection(config_at("1.0.0")).await;
    assert_upgrade_failed(
        &error,
        "ValidationException: A configuration upgrade with identical configuration version is not allowed.",
    );
}

#[tokio::test]
async fn renamed_cluster_is_rejected() {
    let error = rejection(config_with("2.0.0", "name", "another-name")).await;
    assert_upgrade_failed(
        &error,
        "ValidationException: Cluster name can't be changed in cluster configuration upgrade.",
    );
}

#[tokio::test]
async fn unsupported_config_api_version_is_rejected() {
    let error = rejection(config_with("2.0.0", "apiVersion", "01-2016")).await;
    assert_upgrade_failed(
        &error,
        "ArgumentException: The input cluster configuration is not in a valid json format or supported apiVersion.",
    );
}

/// Starts an upgrade to 2.0.0 and waits for it, returning the outcome and every state seen.
async fn start_and_wait(emulator: &Emulator) -> (Result<UpgradeOutcome, WaitError>, Vec<String>) {
    start_and_wait_with(&Client::new(&emulator.base_url()).unwrap()).await
}

/// [`start_and_wait`] through a given client.
async fn start_and_wait_with(client: &Client) -> (Result<UpgradeOutcome, WaitError>, Vec<String>) {
    client
        .start_cluster_configuration_upgrade(&ClusterConfigurationUpgradeDescription::new(config_at("2.0.0")), None)
        .await
        .unwrap();
    let mut seen: Vec<String> = Vec::new();
    let outcome = wait_for_configuration_upgrade(client, "2.0.0", fast_polls(), |progress| {
        let line = match progress.event {
            ProgressEvent::Status(status) => format!("{} {}", status.upgrade_state, status.config_version),
            ProgressEvent::Retrying(error) => format!("retrying {}", error.code().map_or("-", |c| c.as_str())),
            _ => "other".to_owned(),
        };
        if seen.last() != Some(&line) {
            seen.push(line);
        }
    })
    .await;
    (outcome, seen)
}

#[tokio::test]
async fn successful_upgrade_is_waited_for_through_the_stale_state() {
    let emulator = emulator(EmulatedOutcome::Succeed).await;
    let (outcome, seen) = start_and_wait(&emulator).await;
    let outcome = outcome.unwrap();
    assert!(outcome.is_completed(), "{outcome:?}");
    assert_eq!(outcome.status().upgrade_state, UpgradeState::RollingForwardCompleted);
    assert_eq!(outcome.status().config_version, "2.0.0");
    assert_eq!(
        seen,
        [
            "RollingForwardCompleted 1.0.0",
            "RollingForwardPending 1.0.0",
            "RollingForwardInProgress 1.0.0",
            "RollingForwardCompleted 2.0.0"
        ]
    );
    assert_eq!(emulator.config_version(), "2.0.0");

    // The committed configuration is the one that was sent.
    let client = Client::new(&emulator.base_url()).unwrap();
    let configuration = client.get_cluster_configuration("10-2017", None).await.unwrap();
    assert_eq!(
        configuration.cluster_config().config_version().as_deref(),
        Some("2.0.0")
    );
    assert_eq!(
        emulator.requests().last().unwrap().target,
        "/$/GetClusterConfiguration?api-version=6.0&ConfigurationApiVersion=10-2017"
    );
}

#[tokio::test]
async fn failed_upgrade_reports_details() {
    let emulator = emulator(EmulatedOutcome::Fail).await;
    let (outcome, seen) = start_and_wait(&emulator).await;
    let UpgradeOutcome::Failed(status) = outcome.unwrap() else {
        panic!("expected a failure");
    };
    assert_eq!(status.upgrade_state, UpgradeState::Failed);
    assert_eq!(status.config_version, "1.0.0");
    assert!(
        status.details.starts_with("FABRIC_E_CONFIG_UPGRADE_FAILED : "),
        "{}",
        status.details
    );
    assert_eq!(seen.last().unwrap(), "Failed 1.0.0");
    assert_eq!(emulator.config_version(), "1.0.0");
}

#[tokio::test]
async fn rolled_back_upgrade_keeps_the_old_version() {
    let emulator = emulator(EmulatedOutcome::RollBack).await;
    let (outcome, seen) = start_and_wait(&emulator).await;
    let UpgradeOutcome::RolledBack(status) = outcome.unwrap() else {
        panic!("expected a rollback");
    };
    assert_eq!(status.upgrade_state, UpgradeState::RollingBackCompleted);
    assert_eq!(status.config_version, "1.0.0");
    assert!(!status.details.is_empty());
    let rollback: Vec<&str> = seen
        .iter()
        .map(String::as_str)
        .filter(|s| s.starts_with("RollingBack"))
        .collect();
    assert_eq!(
        rollback,
        [
            "RollingBackPending 1.0.0",
            "RollingBackInProgress 1.0.0",
            "RollingBackCompleted 1.0.0"
        ]
    );
    assert_eq!(emulator.config_version(), "1.0.0");
}

#[tokio::test]
async fn start_during_rollback_is_refused() {
    let emulator = Emulator::builder()
        .step(Duration::from_millis(200))
        .outcome(EmulatedOutcome::RollBack)
        .start()
        .await
        .unwrap();
    let client = Client::new(&emulator.base_url()).unwrap();
    let description = ClusterConfigurationUpgradeDescription::new(config_at("2.0.0"));
    client
        .start_cluster_configuration_upgrade(&description, None)
        .await
        .unwrap();
    let options = fast_polls().poll_interval(Duration::from_millis(20));
    let rolling_back = tokio::time::timeout(Duration::from_secs(30), async {
        loop {
            let status = client.get_cluster_configuration_upgrade_status(None).await.unwrap();
            if status.upgrade_state.is_rolling_back() && !status.upgrade_state.is_terminal() {
                return;
            }
            tokio::time::sleep(options.poll_interval).await;
        }
    });
    rolling_back.await.expect("the rollback never started");
    let error = client
        .start_cluster_configuration_upgrade(&ClusterConfigurationUpgradeDescription::new(config_at("3.0.0")), None)
        .await
        .unwrap_err();
    assert_eq!(error.status().unwrap().as_u16(), 500);
    let message = error.fabric_error().unwrap().message.clone().unwrap();
    assert!(
        message.starts_with("FabricException: Cluster configuration upgrade of type "),
        "{message}"
    );
    assert!(
        message.ends_with(" is already in progress and cannot be interrupted."),
        "{message}"
    );
}

#[tokio::test]
async fn transient_503s_while_polling_are_ridden_out_by_the_wait() {
    let emulator = Emulator::builder()
        .step(Duration::from_millis(5))
        .unavailable_after_start(3)
        .start()
        .await
        .unwrap();
    // Without the client's own retries, the wait sees each 503 and goes on.
    let client = Client::builder(&emulator.base_url())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let (outcome, seen) = start_and_wait_with(&client).await;
    assert!(outcome.unwrap().is_completed());
    assert_eq!(seen[0], "retrying FABRIC_E_RECONFIGURATION_PENDING");
    assert_eq!(seen.last().unwrap(), "RollingForwardCompleted 2.0.0");
    let refused = emulator
        .requests()
        .iter()
        .filter(|r| r.path == "/$/GetClusterConfigurationUpgradeStatus")
        .count();
    assert!(refused >= 4, "{refused} status requests");
}

#[tokio::test]
async fn transient_503s_are_retried_by_the_client_below_the_wait() {
    let emulator = Emulator::builder()
        .step(Duration::from_millis(5))
        .unavailable_after_start(3)
        .start()
        .await
        .unwrap();
    let (outcome, seen) = start_and_wait(&emulator).await;
    assert!(outcome.unwrap().is_completed());
    assert!(seen.iter().all(|line| !line.starts_with("retrying")), "{seen:?}");
    let statuses: Vec<_> = emulator
        .requests()
        .into_iter()
        .filter(|r| r.path == "/$/GetClusterConfigurationUpgradeStatus")
        .collect();
    assert!(statuses.len() >= 4);
    // The client's retries resend the same request: one call id for the first four tries,
    // each attempt numbered.
    let ids: Vec<&str> = statuses[..4]
        .iter()
        .map(|r| r.header("x-servicefabricrequestid").unwrap())
        .collect();
    let call = ids[0].strip_suffix(":1").unwrap();
    assert_eq!(ids, [1, 2, 3, 4].map(|n| format!("{call}:{n}")));
}

/// A transport whose first `failures` sends fail as a dropped connection would.
struct Blinking<'a> {
    inner: &'a Client,
    failures: AtomicU32,
}

impl Transport for Blinking<'_> {
    fn send<'a>(&'a self, request: &'a Request) -> impl Future<Output = Result<Response, Error>> + Send + 'a {
        let fail = self
            .failures
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok();
        async move {
            if fail {
                Err(Error::connect(request, "connection reset by peer"))
            } else {
                self.inner.send(request).await
            }
        }
    }
}

#[tokio::test]
async fn connection_blips_while_polling_are_ridden_out() {
    let emulator = emulator(EmulatedOutcome::Succeed).await;
    let client = Client::new(&emulator.base_url()).unwrap();
    client
        .start_cluster_configuration_upgrade(&ClusterConfigurationUpgradeDescription::new(config_at("2.0.0")), None)
        .await
        .unwrap();
    let blinking = Blinking {
        inner: &client,
        failures: AtomicU32::new(2),
    };
    let mut retries = 0;
    let outcome = wait_for_configuration_upgrade(&blinking, "2.0.0", fast_polls(), |progress| {
        if let ProgressEvent::Retrying(error) = progress.event {
            assert!(error.is_connect());
            retries += 1;
        }
    })
    .await
    .unwrap();
    assert!(outcome.is_completed());
    assert_eq!(retries, 2);
}

#[tokio::test]
async fn deadline_expiry_carries_the_last_status() {
    let emulator = Emulator::builder().step(Duration::from_secs(30)).start().await.unwrap();
    let client = Client::new(&emulator.base_url()).unwrap();
    client
        .start_cluster_configuration_upgrade(&ClusterConfigurationUpgradeDescription::new(config_at("2.0.0")), None)
        .await
        .unwrap();
    let options = fast_polls()
        .poll_interval(Duration::from_millis(20))
        .deadline(Duration::from_millis(300));
    let error = wait_for_configuration_upgrade(&client, "2.0.0", options, |_| {})
        .await
        .unwrap_err();
    let WaitError::DeadlineExceeded {
        last_status, elapsed, ..
    } = &error
    else {
        panic!("expected the deadline: {error}");
    };
    assert!(*elapsed >= Duration::from_millis(300));
    let last = last_status.as_ref().unwrap();
    assert_eq!(last.config_version, "1.0.0");
    assert!(
        error
            .to_string()
            .starts_with("the configuration upgrade to 2.0.0 did not finish within 0.")
    );
    assert!(error.to_string().contains("; last status: "));
}

#[tokio::test]
async fn hard_errors_end_the_wait() {
    let emulator = emulator(EmulatedOutcome::Succeed).await;
    let client = Client::new(&emulator.base_url()).unwrap();
    let old = client.with_api_version(ApiVersion::parse("99.0").unwrap());
    let error = wait_for_configuration_upgrade(&old, "2.0.0", fast_polls(), |_| {})
        .await
        .unwrap_err();
    let WaitError::Request(inner) = &error else {
        panic!("expected a request error: {error}");
    };
    assert_eq!(inner.status().unwrap().as_u16(), 400);
    assert!(error.to_string().starts_with(
        "cannot read the upgrade status: GET /$/GetClusterConfigurationUpgradeStatus: 400 E_INVALIDARG: Invalid argument"
    ));
}

/// A refused certificate ends the wait at once, whatever its deadline: retrying would only
/// hide the cause for an hour.
#[tokio::test]
async fn a_refused_certificate_ends_the_wait_at_once() {
    let certificate = rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_owned()]).unwrap();
    let emulator = Emulator::builder()
        .tls(certificate.cert.pem(), certificate.signing_key.serialize_pem())
        .start()
        .await
        .unwrap();
    // The system's roots do not know the emulator's self-signed certificate.
    let client = Client::builder(&emulator.base_url())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let options = WaitOptions::default().poll_interval(Duration::from_millis(2));
    let waited = tokio::time::timeout(
        Duration::from_secs(20),
        wait_for_configuration_upgrade(&client, "2.0.0", options, |_| {}),
    );
    let error = waited.await.expect("the wait ended at once").unwrap_err();
    let WaitError::Request(inner) = &error else {
        panic!("expected a request error: {error}");
    };
    assert!(inner.is_connect() && inner.is_tls_rejection(), "{inner:?}");
    assert_eq!(emulator.requests().len(), 0, "the handshake failed before any request");
}

/// A wait with no deadline to speak of is a wait until the upgrade ends, not an overflow.
#[tokio::test]
async fn the_longest_deadline_does_not_overflow() {
    let emulator = emulator(EmulatedOutcome::Succeed).await;
    let client = Client::new(&emulator.base_url()).unwrap();
    client
        .start_cluster_configuration_upgrade(&ClusterConfigurationUpgradeDescription::new(config_at("2.0.0")), None)
        .await
        .unwrap();
    let options = fast_polls().deadline(Duration::MAX);
    let outcome = wait_for_configuration_upgrade(&client, "2.0.0", options, |_| {})
        .await
        .unwrap();
    assert!(outcome.is_completed());
}

#[tokio::test]
async fn cluster_configuration_before_upgrade_and_unsupported_version() {
    let emulator = emulator(EmulatedOutcome::Succeed).await;
    let client = Client::new(&emulator.base_url()).unwrap();
    let configuration = client.get_cluster_configuration("10-2017", None).await.unwrap();
    assert_eq!(configuration.cluster_configuration, emulator.cluster_config());
    assert_eq!(
        configuration.cluster_config().config_version().as_deref(),
        Some("1.0.0")
    );
    let error = client.get_cluster_configuration("1999-01", None).await.unwrap_err();
    assert_eq!(error.status().unwrap().as_u16(), 400);
    assert_eq!(
        emulator.requests()[1].target,
        "/$/GetClusterConfiguration?api-version=6.0&ConfigurationApiVersion=1999-01"
    );
}

#[tokio::test]
async fn orchestration_service_state_round_trip() {
    let emulator = emulator(EmulatedOutcome::Succeed).await;
    let client = Client::new(&emulator.base_url()).unwrap();
    let state = UpgradeOrchestrationServiceState::new("{\"Opaque\":true}");
    let summary = client
        .set_upgrade_orchestration_service_state(&state, None)
        .await
        .unwrap();
    assert!(summary.current_code_version.is_some());
    let request = &emulator.requests()[0];
    assert_eq!(request.target, "/$/SetUpgradeOrchestrationServiceState?api-version=6.0");
    assert_eq!(request.body, br#"{"ServiceState":"{\"Opaque\":true}"}"#);
    let read = client
        .get_upgrade_orchestration_service_state(Some(ServerTimeout::MAX))
        .await
        .unwrap();
    assert_eq!(read, state);
    assert_eq!(
        emulator.requests()[1].target,
        "/$/GetUpgradeOrchestrationServiceState?api-version=6.0&timeout=4294967295"
    );
}

#[tokio::test]
async fn declared_endpoints_are_enumerable() {
    let start = fabric_rest::endpoint("StartClusterConfigurationUpgrade").unwrap();
    assert_eq!(start.method(), fabric_rest::Method::Post);
    assert_eq!(start.path(), "/$/StartClusterConfigurationUpgrade");
    assert_eq!(start.api_version(), "3.0");
    assert_eq!(start.success(), &[202]);
    assert!(!start.idempotent());
    assert!(start.has_body());
    let status = fabric_rest::endpoint("GetClusterConfigurationUpgradeStatus").unwrap();
    assert_eq!(status.api_version(), "6.0");
    assert!(status.idempotent());
    let names: Vec<&str> = status.params().iter().map(|p| p.name()).collect();
    assert_eq!(names, ["timeout"]);
    assert!(fabric_rest::endpoints().len() >= 5);
}

#[tokio::test]
async fn dropping_the_wait_stops_polling() {
    let emulator = Emulator::builder().step(Duration::from_secs(30)).start().await.unwrap();
    let client = Client::new(&emulator.base_url()).unwrap();
    client
        .start_cluster_configuration_upgrade(&ClusterConfigurationUpgradeDescription::new(config_at("2.0.0")), None)
        .await
        .unwrap();
    let options = fast_polls().poll_interval(Duration::from_millis(10));
    let wait = wait_for_configuration_upgrade(&client, "2.0.0", options, |_| {});
    assert!(tokio::time::timeout(Duration::from_millis(300), wait).await.is_err());
    // A poll written to the socket just before the drop may still reach the emulator;
    // let it land before counting.
    tokio::time::sleep(Duration::from_millis(50)).await;
    // Every request after the start is a status poll.
    let polls = emulator.requests().len() - 1;
    assert!(polls >= 2, "the wait polled only {polls} times before it was dropped");
    // Polling every 10 ms, a wait still alive would add about twenty requests here.
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        emulator.requests().len() - 1,
        polls,
        "polling went on after the wait was dropped"
    );
}
