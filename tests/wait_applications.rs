//! The application and service waiters end to end against the emulator: provision, create,
//! upgrade (automatic and manual domains, a stale first read, a rollback), delete; a
//! service's creation and deletion; and the refusals that end a wait at once.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use fabric_rest::image_store::upload::{UploadOptions, upload_package};
use fabric_rest::models::{
    ApplicationDescription, ApplicationName, ApplicationUpgradeDescription, FailureAction, InstanceCount,
    MonitoringPolicyDescription, PartitionSchemeDescription, ProvisionApplicationTypeDescriptionBase, ServiceName,
    StatelessServiceDescription, UpgradeMode,
};
use fabric_rest::wait::application::{
    self, ApplicationOutcome, ApplicationUpgradeOutcome, ManualDomains, ProvisionOutcome,
};
use fabric_rest::wait::service::{self, ServiceOutcome};
use fabric_rest::wait::{WaitError, WaitOptions};
use fabric_rest::{Client, FabricErrorCode, RetryPolicy};
use fabric_rest_emulator::{ApplicationUpgradeOutcome as Emulated, Emulator};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/SamplePkg");

fn fast() -> WaitOptions {
    WaitOptions::default()
        .poll_interval(Duration::from_millis(5))
        .deadline(Duration::from_secs(30))
}

fn app() -> ApplicationName {
    ApplicationName::parse("fabric:/Sample").unwrap()
}

/// Pushes `text` unless it repeats the last one.
fn push_new(seen: &mut Vec<String>, text: &str) {
    if seen.last().map(String::as_str) != Some(text) {
        seen.push(text.to_owned());
    }
}

/// An emulator holding SampleAppType 1.0.0 and 2.0.0 (the second provisioned from the
/// image store as an external package would be), and a client without retries of its own.
async fn cluster() -> (Emulator, Client) {
    let emulator = Emulator::builder()
        .step(Duration::from_millis(20))
        .start()
        .await
        .unwrap();
    let client = Client::builder(&emulator.base_url())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    upload_package(
        &client,
        Path::new(SAMPLE),
        "SamplePkg",
        UploadOptions::default(),
        |_| {},
    )
    .await
    .unwrap();
    let mut seen = Vec::new();
    let provision = ProvisionApplicationTypeDescriptionBase::image_store_path("SamplePkg").with_async(true);
    let outcome =
        application::provision_application_type_and_wait(&client, &provision, "SampleAppType", "1.0.0", fast(), |p| {
            push_new(&mut seen, &p.summary.text)
        })
        .await
        .unwrap();
    let ProvisionOutcome::Available(info) = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(info.status.unwrap().as_str(), "Available");
    assert_eq!(
        seen,
        ["SampleAppType 1.0.0 Provisioning", "SampleAppType 1.0.0 Available"]
    );
    let external = ProvisionApplicationTypeDescriptionBase::external_store(
        fabric_rest::models::DownloadUri::new("https://example.invalid/SampleAppType.2.0.0.sfpkg"),
        "SampleAppType",
        "2.0.0",
    );
    let outcome =
        application::provision_application_type_and_wait(&client, &external, "SampleAppType", "2.0.0", fast(), |_| {})
            .await
            .unwrap();
    assert!(outcome.is_available(), "{outcome:?}");
    (emulator, client)
}

async fn create(client: &Client) {
    let description = ApplicationDescription::new(&app(), "SampleAppType", "1.0.0").with_parameter("Greeting", "hi");
    let mut seen = Vec::new();
    let outcome = application::create_application_and_wait(client, &description, fast(), |p| {
        push_new(&mut seen, &p.summary.text)
    })
    .await
    .unwrap();
    assert!(matches!(outcome, ApplicationOutcome::Ready(_)), "{outcome:?}");
    assert_eq!(
        seen,
        [
            "fabric:/Sample Creating at SampleAppType 1.0.0",
            "fabric:/Sample Ready at SampleAppType 1.0.0"
        ]
    );
}

fn upgrade_to(version: &str) -> ApplicationUpgradeDescription {
    ApplicationUpgradeDescription::new(&app(), version)
        .monitored(MonitoringPolicyDescription::new(FailureAction::Rollback))
        .with_parameter("Greeting", "hej")
}

#[tokio::test]
async fn provisioning_again_is_no_error_and_a_create_of_an_unknown_type_ends_at_once() {
    let (emulator, client) = cluster().await;
    let provision = ProvisionApplicationTypeDescriptionBase::image_store_path("SamplePkg");
    let outcome =
        application::provision_application_type_and_wait(&client, &provision, "SampleAppType", "1.0.0", fast(), |_| {})
            .await
            .unwrap();
    assert!(outcome.is_available());
    let unknown = ApplicationDescription::new(&app(), "SampleAppType", "9.9.9");
    let error = application::create_application_and_wait(&client, &unknown, fast(), |_| {})
        .await
        .unwrap_err();
    let WaitError::Request { what, error } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(what, "the creation of application fabric:/Sample");
    assert_eq!(
        error.code(),
        Some(&FabricErrorCode::FABRIC_E_APPLICATION_TYPE_NOT_FOUND)
    );
    assert!(emulator.application("fabric:/Sample").is_none());
}

#[tokio::test]
async fn an_upgrade_walks_the_domains_and_a_second_one_is_not_ended_by_the_first() {
    let (emulator, client) = cluster().await;
    create(&client).await;
    let mut seen = Vec::new();
    let outcome =
        application::upgrade_application_and_wait(&client, &upgrade_to("2.0.0"), ManualDomains::Report, fast(), |p| {
            push_new(&mut seen, &p.summary.text)
        })
        .await
        .unwrap();
    assert!(outcome.is_completed(), "{outcome:?}");
    assert_eq!(
        seen,
        [
            "RollingForwardInProgress to 2.0.0, upgrading UD0",
            "RollingForwardInProgress to 2.0.0, upgrading UD1",
            "RollingForwardInProgress to 2.0.0, upgrading UD2",
            "RollingForwardCompleted to 2.0.0",
        ]
    );
    assert_eq!(emulator.application("fabric:/Sample").unwrap().type_version, "2.0.0");

    // Back to 1.0.0: the first read after the start still shows the finished upgrade to
    // 2.0.0, which is not this upgrade's end.
    let mut states = Vec::new();
    let outcome =
        application::upgrade_application_and_wait(&client, &upgrade_to("1.0.0"), ManualDomains::Report, fast(), |p| {
            push_new(&mut states, &p.summary.text)
        })
        .await
        .unwrap();
    assert!(outcome.is_completed(), "{outcome:?}");
    assert_eq!(states[0], "RollingForwardCompleted to 2.0.0");
    assert_eq!(states.last().unwrap(), "RollingForwardCompleted to 1.0.0");
    assert_eq!(
        outcome.progress().target_application_type_version.as_deref(),
        Some("1.0.0")
    );
}

#[tokio::test]
async fn a_failed_health_check_rolls_back_with_its_evaluations() {
    let (emulator, client) = cluster().await;
    create(&client).await;
    emulator.set_next_application_upgrade_outcome(Emulated::FailHealthCheck);
    let mut seen = Vec::new();
    let outcome =
        application::upgrade_application_and_wait(&client, &upgrade_to("2.0.0"), ManualDomains::Report, fast(), |p| {
            push_new(&mut seen, &p.summary.text)
        })
        .await
        .unwrap();
    let ApplicationUpgradeOutcome::RolledBack(progress) = &outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(progress.failure_reason.as_ref().unwrap().as_str(), "HealthCheck");
    assert_eq!(progress.unhealthy_evaluations.as_ref().unwrap().len(), 1);
    assert_eq!(
        seen.last().unwrap(),
        "RollingBackCompleted to 2.0.0, failure: HealthCheck (1 unhealthy evaluations)"
    );
    assert!(seen.iter().any(|s| s.starts_with("RollingBackInProgress")), "{seen:?}");
    assert_eq!(emulator.application("fabric:/Sample").unwrap().type_version, "1.0.0");
}

fn manual(version: &str) -> ApplicationUpgradeDescription {
    ApplicationUpgradeDescription::new(&app(), version).with_mode(UpgradeMode::UnmonitoredManual)
}

#[tokio::test]
async fn manual_domains_are_approved_asked_or_left_to_someone_else() {
    let (emulator, client) = cluster().await;
    create(&client).await;
    let outcome =
        application::upgrade_application_and_wait(&client, &manual("2.0.0"), ManualDomains::Approve, fast(), |_| {})
            .await
            .unwrap();
    assert!(outcome.is_completed(), "{outcome:?}");
    let resumes: Vec<String> = emulator
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/$/MoveToNextUpgradeDomain"))
        .map(|r| String::from_utf8_lossy(&r.body).into_owned())
        .collect();
    assert_eq!(
        resumes,
        [r#"{"UpgradeDomainName":"UD1"}"#, r#"{"UpgradeDomainName":"UD2"}"#]
    );

    let asked = Arc::new(Mutex::new(Vec::new()));
    let record = Arc::clone(&asked);
    let ask = ManualDomains::Ask(Box::new(move |_, domain| {
        record.lock().unwrap().push(domain.to_owned());
        true
    }));
    let outcome = application::upgrade_application_and_wait(&client, &manual("1.0.0"), ask, fast(), |_| {})
        .await
        .unwrap();
    assert!(outcome.is_completed(), "{outcome:?}");
    assert_eq!(*asked.lock().unwrap(), ["UD1", "UD2"]);

    // Nobody lets it go on: the wait reports the pending domain until its deadline.
    let short = fast().deadline(Duration::from_millis(300));
    let error =
        application::upgrade_application_and_wait(&client, &manual("2.0.0"), ManualDomains::Report, short, |_| {})
            .await
            .unwrap_err();
    let WaitError::DeadlineExceeded { last_summary, .. } = &error else {
        panic!("{error:?}")
    };
    let summary = last_summary.as_ref().unwrap();
    assert_eq!(summary.text, "RollingForwardPending to 2.0.0, next UD1");
    assert_eq!(summary.percent, Some(33));
}

#[tokio::test]
async fn services_are_created_and_deleted_and_applications_deleted() {
    let (emulator, client) = cluster().await;
    create(&client).await;
    let name = ServiceName::in_application(&app(), "Web").unwrap();
    let web = StatelessServiceDescription::new(
        &name,
        "WebType",
        PartitionSchemeDescription::singleton(),
        InstanceCount::new(1).unwrap(),
    );
    let mut seen = Vec::new();
    let outcome = service::create_service_and_wait(&client, &app(), &web.clone().into(), fast(), |p| {
        push_new(&mut seen, &p.summary.text)
    })
    .await
    .unwrap();
    let ServiceOutcome::Active(info) = &outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(info.id(), Some("Sample~Web"));
    assert_eq!(seen, ["fabric:/Sample/Web Creating", "fabric:/Sample/Web Active"]);

    let again = service::create_service_and_wait(&client, &app(), &web.into(), fast(), |_| {})
        .await
        .unwrap_err();
    assert_eq!(
        again.error().unwrap().code(),
        Some(&FabricErrorCode::FABRIC_E_SERVICE_ALREADY_EXISTS)
    );

    let mut seen = Vec::new();
    let outcome = service::delete_service_and_wait(&client, &app(), &name, false, fast(), |p| {
        push_new(&mut seen, &p.summary.text)
    })
    .await
    .unwrap();
    assert_eq!(outcome, ServiceOutcome::Deleted);
    assert_eq!(seen, ["fabric:/Sample/Web Deleting", "fabric:/Sample/Web not found"]);
    let gone = service::delete_service_and_wait(&client, &app(), &name, false, fast(), |_| {})
        .await
        .unwrap_err();
    assert_eq!(
        gone.error().unwrap().code(),
        Some(&FabricErrorCode::FABRIC_E_SERVICE_DOES_NOT_EXIST)
    );

    let outcome = application::delete_application_and_wait(&client, &app(), true, fast(), |_| {})
        .await
        .unwrap();
    assert_eq!(outcome, ApplicationOutcome::Deleted);
    assert!(emulator.application("fabric:/Sample").is_none());
    let delete = emulator
        .requests()
        .iter()
        .find(|r| r.path == "/Applications/Sample/$/Delete")
        .map(|r| r.target.clone());
    assert_eq!(
        delete.as_deref(),
        Some("/Applications/Sample/$/Delete?api-version=6.0&ForceRemove=true")
    );
}
