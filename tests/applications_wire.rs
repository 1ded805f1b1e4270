//! The application groups' operations on the wire, against a loopback gateway that records
//! each request: request lines and bodies byte for byte, paging, ids, errors, and bodies
//! shaped as real gateways send them.
#![cfg(all(
    feature = "application_types",
    feature = "applications",
    feature = "services",
    feature = "partitions",
    feature = "replicas"
))]

use std::time::Duration;

use fabric_rest::models::{
    ApplicationDefinitionKindFilter, ApplicationDescription, ApplicationHealthPolicy, ApplicationName,
    ApplicationTypeDefinitionKindFilter, ApplicationUpgradeDescription, ArmMetadata, DownloadUri, FailureAction,
    HealthInformation, HealthState, HealthStateFilter, InstanceCount, MonitoringPolicyDescription, PartitionKeyType,
    PartitionSchemeDescription, ProvisionApplicationTypeDescriptionBase, ReplicaSetSize,
    ResumeApplicationUpgradeDescription, ServiceKind, ServiceName, StatefulServiceDescription,
    StatelessServiceDescription, UnprovisionApplicationTypeDescriptionInfo,
};
use fabric_rest::prelude::*;
use fabric_rest::{ErrorKind, StatusCode};
use futures_util::StreamExt;

mod support;
use support::{Seen, lines, serve};

fn body_text(seen: &Seen, index: usize) -> String {
    String::from_utf8(seen.lock().unwrap()[index].1.clone()).unwrap()
}

// ---- requests ---------------------------------------------------------------------------

#[tokio::test]
async fn provisioning_and_unprovisioning() {
    let (client, seen) = serve(|target| {
        if target.contains("Unprovision") {
            (200, String::new())
        } else {
            (202, String::new())
        }
    })
    .await;
    let provision = ProvisionApplicationTypeDescriptionBase::image_store_path("MyAppPkg");
    assert_eq!(
        client.provision_application_type(&provision, None).await.unwrap(),
        StatusCode::ACCEPTED
    );
    let external = ProvisionApplicationTypeDescriptionBase::external_store(
        DownloadUri::new("https://store.example/App.sfpkg?sig=c2VjcmV0"),
        "AppType",
        "1.0.0",
    )
    .with_async(false);
    client
        .provision_application_type(&external, Some(ServerTimeout::seconds::<600>()))
        .await
        .unwrap();
    let unprovision = UnprovisionApplicationTypeDescriptionInfo::new("1.0.0");
    let status = client
        .unprovision_application_type("AppType", &unprovision, None)
        .await
        .unwrap();
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        lines(&seen),
        [
            "POST /ApplicationTypes/$/Provision?api-version=6.2 HTTP/1.1",
            "POST /ApplicationTypes/$/Provision?api-version=6.2&timeout=600 HTTP/1.1",
            "POST /ApplicationTypes/AppType/$/Unprovision?api-version=6.0 HTTP/1.1",
        ]
    );
    assert_eq!(
        body_text(&seen, 0),
        r#"{"Kind":"ImageStorePath","Async":true,"ApplicationTypeBuildPath":"MyAppPkg"}"#
    );
    // The signature goes to the gateway, and never into a debug print.
    assert_eq!(
        body_text(&seen, 1),
        concat!(
            r#"{"Kind":"ExternalStore","Async":false,"#,
            r#""ApplicationPackageDownloadUri":"https://store.example/App.sfpkg?sig=c2VjcmV0","#,
            r#""ApplicationTypeName":"AppType","ApplicationTypeVersion":"1.0.0"}"#
        )
    );
    let printed = format!("{external:?}");
    assert!(!printed.contains("c2VjcmV0"), "{printed}");
    assert!(
        printed.contains("https://store.example/App.sfpkg?<redacted>"),
        "{printed}"
    );
    assert_eq!(body_text(&seen, 2), r#"{"ApplicationTypeVersion":"1.0.0"}"#);
}

#[tokio::test]
async fn application_lifecycle_requests() {
    let (client, seen) = serve(|target| {
        if target.starts_with("/Applications/$/Create") {
            (201, String::new())
        } else {
            (200, String::new())
        }
    })
    .await;
    let name: ApplicationName = "fabric:/samples/Calc App".parse().unwrap();
    let id = name.id();
    let description = ApplicationDescription::new(&name, "CalcType", "1.0").with_parameter("Instances", "3");
    client.create_application(&description, None).await.unwrap();
    client.delete_application(&id, Some(true), None).await.unwrap();
    client
        .update_application_arm_metadata(&id, &ArmMetadata::new("/subscriptions/x"), None, Some(true))
        .await
        .unwrap();
    client
        .update_application_type_arm_metadata("CalcType", "1.0", &ArmMetadata::new("/subscriptions/y"), None, None)
        .await
        .unwrap();
    assert_eq!(
        lines(&seen),
        [
            "POST /Applications/$/Create?api-version=6.0 HTTP/1.1",
            "POST /Applications/samples~Calc%20App/$/Delete?api-version=6.0&ForceRemove=true HTTP/1.1",
            "POST /Applications/samples~Calc%20App/$/UpdateArmMetadata?api-version=9.0&Force=true HTTP/1.1",
            "POST /ApplicationTypes/CalcType/$/UpdateArmMetadata?api-version=9.0&ApplicationTypeVersion=1.0 HTTP/1.1",
        ]
    );
    assert_eq!(
        body_text(&seen, 0),
        concat!(
            r#"{"Name":"fabric:/samples/Calc App","TypeName":"CalcType","TypeVersion":"1.0","#,
            r#""ParameterList":[{"Key":"Instances","Value":"3"}]}"#
        )
    );
    assert_eq!(body_text(&seen, 2), r#"{"ArmResourceId":"/subscriptions/x"}"#);
}

#[tokio::test]
async fn a_create_answered_with_200_is_not_success() {
    // CreateApplication succeeds with 201 only.
    let (client, _) = serve(|_| (200, String::new())).await;
    let name: ApplicationName = "fabric:/App".parse().unwrap();
    let error = client
        .create_application(&ApplicationDescription::new(&name, "T", "1"), None)
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::OK));
    assert_eq!(error.operation(), Some("CreateApplication"));
}

#[tokio::test]
async fn upgrade_requests() {
    let (client, seen) = serve(|_| (200, String::new())).await;
    let name: ApplicationName = "fabric:/App".parse().unwrap();
    let upgrade = ApplicationUpgradeDescription::new(&name, "2.0.0")
        .monitored(
            MonitoringPolicyDescription::new(FailureAction::Rollback)
                .with_health_check_wait_duration(Duration::from_secs(30))
                .with_health_check_stable_duration(Duration::from_secs(120))
                .with_health_check_retry_timeout(Duration::from_secs(600))
                .with_upgrade_domain_timeout(Duration::from_secs(3600))
                .with_upgrade_timeout(Duration::from_secs(86_400)),
        )
        .with_replica_set_check_timeout(Duration::MAX)
        .with_force_restart(false)
        .with_health_policy(ApplicationHealthPolicy::new().with_consider_warning_as_error(true));
    client
        .start_application_upgrade(&name.id(), &upgrade, None)
        .await
        .unwrap();
    client
        .resume_application_upgrade("App", &ResumeApplicationUpgradeDescription::new("UD1"), None)
        .await
        .unwrap();
    client.rollback_application_upgrade("App", None).await.unwrap();
    assert_eq!(
        lines(&seen),
        [
            "POST /Applications/App/$/Upgrade?api-version=6.0 HTTP/1.1",
            "POST /Applications/App/$/MoveToNextUpgradeDomain?api-version=6.0 HTTP/1.1",
            "POST /Applications/App/$/RollbackUpgrade?api-version=6.0 HTTP/1.1",
        ]
    );
    assert_eq!(
        body_text(&seen, 0),
        concat!(
            r#"{"Name":"fabric:/App","TargetApplicationTypeVersion":"2.0.0","UpgradeKind":"Rolling","#,
            r#""RollingUpgradeMode":"Monitored","UpgradeReplicaSetCheckTimeoutInSeconds":4294967295,"#,
            r#""ForceRestart":false,"MonitoringPolicy":{"FailureAction":"Rollback","#,
            r#""HealthCheckWaitDurationInMilliseconds":"PT0H0M30S","#,
            r#""HealthCheckStableDurationInMilliseconds":"PT0H2M0S","#,
            r#""HealthCheckRetryTimeoutInMilliseconds":"PT0H10M0S","#,
            r#""UpgradeTimeoutInMilliseconds":"PT24H0M0S","#,
            r#""UpgradeDomainTimeoutInMilliseconds":"PT1H0M0S"},"#,
            r#""ApplicationHealthPolicy":{"ConsiderWarningAsError":true}}"#
        )
    );
    assert_eq!(body_text(&seen, 1), r#"{"UpgradeDomainName":"UD1"}"#);
    assert_eq!(body_text(&seen, 2), "");
}

#[tokio::test]
async fn create_services_of_both_kinds() {
    let (client, seen) = serve(|_| (202, String::new())).await;
    let app: ApplicationName = "fabric:/App".parse().unwrap();
    let counter = ServiceName::in_application(&app, "Counter").unwrap();
    let stateful = StatefulServiceDescription::new(
        &counter,
        "CounterType",
        PartitionSchemeDescription::uniform_int64_range(2, -10, 10).unwrap(),
        ReplicaSetSize::new(3, 2).unwrap(),
        true,
    )
    .with_application_name(&app)
    .with_replica_restart_wait(Duration::from_secs(60))
    .with_quorum_loss_wait(Duration::from_secs(120));
    client.create_service(&app.id(), &stateful.into(), None).await.unwrap();
    let front = ServiceName::in_application(&app, "Front").unwrap();
    let stateless = StatelessServiceDescription::new(
        &front,
        "FrontType",
        PartitionSchemeDescription::singleton(),
        InstanceCount::EVERY_NODE,
    )
    .with_instance_close_delay(Duration::from_secs(15))
    .with_placement_constraints("NodeType == Front");
    client.create_service("App", &stateless.into(), None).await.unwrap();
    assert_eq!(
        lines(&seen),
        [
            "POST /Applications/App/$/GetServices/$/Create?api-version=6.0 HTTP/1.1",
            "POST /Applications/App/$/GetServices/$/Create?api-version=6.0 HTTP/1.1",
        ]
    );
    assert_eq!(
        body_text(&seen, 0),
        concat!(
            r#"{"ServiceKind":"Stateful","ApplicationName":"fabric:/App","ServiceName":"fabric:/App/Counter","#,
            r#""ServiceTypeName":"CounterType","PartitionDescription":{"PartitionScheme":"UniformInt64Range","#,
            r#""Count":2,"LowKey":"-10","HighKey":"10"},"TargetReplicaSetSize":3,"MinReplicaSetSize":2,"#,
            r#""HasPersistedState":true,"Flags":3,"ReplicaRestartWaitDurationSeconds":60,"#,
            r#""QuorumLossWaitDurationSeconds":120}"#
        )
    );
    assert_eq!(
        body_text(&seen, 1),
        concat!(
            r#"{"ServiceKind":"Stateless","ServiceName":"fabric:/App/Front","ServiceTypeName":"FrontType","#,
            r#""PartitionDescription":{"PartitionScheme":"Singleton"},"PlacementConstraints":"NodeType == Front","#,
            r#""InstanceCount":-1,"Flags":1,"InstanceCloseDelayDurationSeconds":15}"#
        )
    );
}

#[tokio::test]
async fn partition_and_replica_commands() {
    let (client, seen) = serve(|_| (200, String::new())).await;
    let partition = "1daae3f5-7fd6-42e9-b1ba-8c05f873994d";
    client
        .move_primary_replica(partition, Some("_Node_1"), Some(true), None)
        .await
        .unwrap();
    client
        .move_secondary_replica(partition, "_Node_1", None, None, None)
        .await
        .unwrap();
    client
        .move_instance("App~Front", partition, None, Some("_Node_2"), None, None)
        .await
        .unwrap();
    client
        .move_auxiliary_replica("App~Svc", partition, Some("a"), Some("b"), Some(false), None)
        .await
        .unwrap();
    client.recover_partition(partition, None).await.unwrap();
    client.recover_service_partitions("App~Svc", None).await.unwrap();
    client.reset_partition_load(partition, None).await.unwrap();
    let report = HealthInformation::new("Watchdog", "Latency", HealthState::Warning);
    client
        .report_replica_health(
            partition,
            "133117243825817602",
            ServiceKind::Stateless,
            &report,
            Some(true),
            None,
        )
        .await
        .unwrap();
    client
        .report_partition_health(partition, &report, None, None)
        .await
        .unwrap();
    client
        .report_service_health("App~Svc", &report, None, None)
        .await
        .unwrap();
    client
        .report_application_health("App", &report, None, None)
        .await
        .unwrap();
    client.delete_service("App~Svc", None, None).await.unwrap();
    let p = "/Partitions/1daae3f5-7fd6-42e9-b1ba-8c05f873994d";
    let s = "/Services/App~Svc/$/GetPartitions/1daae3f5-7fd6-42e9-b1ba-8c05f873994d";
    assert_eq!(
        lines(&seen),
        [
            format!("POST {p}/$/MovePrimaryReplica?api-version=6.5&NodeName=_Node_1&IgnoreConstraints=true HTTP/1.1"),
            format!("POST {p}/$/MoveSecondaryReplica?api-version=6.5&CurrentNodeName=_Node_1 HTTP/1.1"),
            "POST /Services/App~Front/$/GetPartitions/1daae3f5-7fd6-42e9-b1ba-8c05f873994d/$/MoveInstance?api-version=8.0&NewNodeName=_Node_2 HTTP/1.1".to_owned(),
            format!("POST {s}/$/MoveAuxiliaryReplica?api-version=8.1&CurrentNodeName=a&NewNodeName=b&IgnoreConstraints=false HTTP/1.1"),
            format!("POST {p}/$/Recover?api-version=6.0 HTTP/1.1"),
            "POST /Services/$/App~Svc/$/GetPartitions/$/Recover?api-version=6.0 HTTP/1.1".to_owned(),
            format!("POST {p}/$/ResetLoad?api-version=6.0 HTTP/1.1"),
            format!("POST {p}/$/GetReplicas/133117243825817602/$/ReportHealth?api-version=6.0&ServiceKind=Stateless&Immediate=true HTTP/1.1"),
            format!("POST {p}/$/ReportHealth?api-version=6.0 HTTP/1.1"),
            "POST /Services/App~Svc/$/ReportHealth?api-version=6.0 HTTP/1.1".to_owned(),
            "POST /Applications/App/$/ReportHealth?api-version=6.0 HTTP/1.1".to_owned(),
            "POST /Services/App~Svc/$/Delete?api-version=6.0 HTTP/1.1".to_owned(),
        ]
    );
    assert_eq!(
        body_text(&seen, 7),
        r#"{"SourceId":"Watchdog","Property":"Latency","HealthState":"Warning"}"#
    );
}

#[tokio::test]
async fn query_parameters_of_the_lists_and_queries() {
    let (client, seen) = serve(|target| {
        let body = if target.contains("ResolvePartition") {
            r#"{"Name":"fabric:/App/Svc","PartitionInformation":{"ServicePartitionKind":"Singleton","Id":"p"},"Endpoints":[],"Version":"7"}"#
        } else if target.contains("GetHealth") {
            r#"{"AggregatedHealthState":"Ok"}"#
        } else {
            r#"{"ContinuationToken":"","Items":[]}"#
        };
        (200, body.to_owned())
    })
    .await;
    client
        .get_application_type_info_list(
            Some(ApplicationTypeDefinitionKindFilter::SERVICE_FABRIC_APPLICATION_PACKAGE),
            Some(true),
            Some("tok en"),
            Some(5),
            None,
        )
        .await
        .unwrap();
    client
        .get_application_info_list(
            Some(ApplicationDefinitionKindFilter::COMPOSE),
            Some("CalcType"),
            None,
            None,
            None,
            None,
        )
        .await
        .unwrap();
    client
        .get_service_info_list("App", Some("SvcType"), None, None)
        .await
        .unwrap();
    client
        .resolve_service("App~Svc", Some(PartitionKeyType::INT64), Some("42"), Some("6"), None)
        .await
        .unwrap();
    client
        .get_application_health(
            "App",
            Some(HealthStateFilter::ERROR),
            Some(HealthStateFilter::NONE),
            Some(HealthStateFilter::WARNING | HealthStateFilter::ERROR),
            Some(true),
            None,
        )
        .await
        .unwrap();
    client
        .get_partition_health_using_policy(
            "p",
            None,
            Some(HealthStateFilter::ALL),
            Some(&ApplicationHealthPolicy::new()),
            None,
            None,
        )
        .await
        .unwrap();
    assert_eq!(
        lines(&seen),
        [
            "GET /ApplicationTypes?api-version=6.0&ApplicationTypeDefinitionKindFilter=1&ExcludeApplicationParameters=true&ContinuationToken=tok%20en&MaxResults=5 HTTP/1.1",
            "GET /Applications?api-version=6.1&ApplicationDefinitionKindFilter=2&ApplicationTypeName=CalcType HTTP/1.1",
            "GET /Applications/App/$/GetServices?api-version=6.0&ServiceTypeName=SvcType HTTP/1.1",
            "GET /Services/App~Svc/$/ResolvePartition?api-version=6.0&PartitionKeyType=2&PartitionKeyValue=42&PreviousRspVersion=6 HTTP/1.1",
            "GET /Applications/App/$/GetHealth?api-version=6.0&EventsHealthStateFilter=8&DeployedApplicationsHealthStateFilter=1&ServicesHealthStateFilter=12&ExcludeHealthStatistics=true HTTP/1.1",
            "POST /Partitions/p/$/GetHealth?api-version=6.0&ReplicasHealthStateFilter=65535 HTTP/1.1",
        ]
    );
    assert_eq!(body_text(&seen, 5), "{}");
}

#[tokio::test]
async fn out_of_range_max_results_is_not_sent() {
    let (client, seen) = serve(|_| (200, "{}".to_owned())).await;
    let error = client
        .get_application_info_list(None, None, None, None, Some(-1), None)
        .await
        .unwrap_err();
    assert!(error.is_invalid_argument());
    assert!(
        error
            .to_string()
            .contains("query parameter `MaxResults` is -1; the gateway accepts 0 or more"),
        "{error}"
    );
    assert!(seen.lock().unwrap().is_empty());
}

// ---- ids --------------------------------------------------------------------------------

#[tokio::test]
async fn ids_and_plain_text_fill_one_segment() {
    let (client, seen) = serve(|_| (204, String::new())).await;
    let service: ServiceName = "fabric:/App/Sub/Svc".parse().unwrap();
    assert_eq!(service.id().as_str(), "App~Sub~Svc");
    assert_eq!(
        client.get_service_info("App~Sub", &service.id(), None).await.unwrap(),
        None
    );
    // Plain text: `/` and `?` escaped, `~` kept, an escape of an ordinary character kept.
    assert_eq!(
        client.get_application_info("a/b?c~d%41", None, None).await.unwrap(),
        None
    );
    assert_eq!(client.get_replica_info("p", "1", None).await.unwrap(), None);
    assert_eq!(
        lines(&seen),
        [
            "GET /Applications/App~Sub/$/GetServices/App~Sub~Svc?api-version=6.0 HTTP/1.1",
            "GET /Applications/a%2Fb%3Fc~d%41?api-version=6.0 HTTP/1.1",
            "GET /Partitions/p/$/GetReplicas/1?api-version=6.0 HTTP/1.1",
        ]
    );
}

// ---- paging -----------------------------------------------------------------------------

#[tokio::test]
async fn stream_helpers_follow_every_page() {
    fn answer(target: &str) -> (u16, String) {
        let token = target
            .split_once("ContinuationToken=")
            .map(|(_, rest)| rest.split('&').next().unwrap());
        let (next, items) = match token {
            None => ("p2", r#"{"Name":"fabric:/A","Id":"A"}"#),
            Some("p2") => ("", r#"{"Name":"fabric:/B","Id":"B"}"#),
            Some(other) => return (500, format!("unexpected token {other}")),
        };
        let items = if target.starts_with("/Applications?") {
            items.to_owned()
        } else if target.contains("GetServices") {
            items.replace("{", r#"{"ServiceKind":"Stateless","#)
        } else if target.contains("GetPartitions") {
            r#"{"ServiceKind":"Stateful","PartitionInformation":{"ServicePartitionKind":"Singleton","Id":"p"}}"#
                .to_owned()
        } else if target.contains("GetReplicas") {
            r#"{"ServiceKind":"Stateless","InstanceId":"7"}"#.to_owned()
        } else {
            r#"{"Name":"T","Version":"1"}"#.to_owned()
        };
        (200, format!(r#"{{"ContinuationToken":"{next}","Items":[{items}]}}"#))
    }
    let (client, seen) = serve(answer).await;
    let apps: Vec<_> = client.applications(None, None, None, Some(1), None).collect().await;
    let names: Vec<_> = apps.into_iter().map(|a| a.unwrap().name.unwrap()).collect();
    assert_eq!(names, ["fabric:/A", "fabric:/B"]);
    assert_eq!(client.application_types(None, None, None, None).count().await, 2);
    let services: Vec<_> = client.services("App", None, None).collect().await;
    assert_eq!(services[1].as_ref().unwrap().id(), Some("B"));
    assert_eq!(client.partitions("App~Svc", None).count().await, 2);
    let replicas: Vec<_> = client.replicas("p", None).collect().await;
    assert_eq!(
        replicas[0]
            .as_ref()
            .unwrap()
            .replica_or_instance_id()
            .map(|id| id.get()),
        Some(7)
    );
    assert_eq!(
        lines(&seen),
        [
            "GET /Applications?api-version=6.1&MaxResults=1 HTTP/1.1",
            "GET /Applications?api-version=6.1&ContinuationToken=p2&MaxResults=1 HTTP/1.1",
            "GET /ApplicationTypes?api-version=6.0 HTTP/1.1",
            "GET /ApplicationTypes?api-version=6.0&ContinuationToken=p2 HTTP/1.1",
            "GET /Applications/App/$/GetServices?api-version=6.0 HTTP/1.1",
            "GET /Applications/App/$/GetServices?api-version=6.0&ContinuationToken=p2 HTTP/1.1",
            "GET /Services/App~Svc/$/GetPartitions?api-version=6.4 HTTP/1.1",
            "GET /Services/App~Svc/$/GetPartitions?api-version=6.4&ContinuationToken=p2 HTTP/1.1",
            "GET /Partitions/p/$/GetReplicas?api-version=6.0 HTTP/1.1",
            "GET /Partitions/p/$/GetReplicas?api-version=6.0&ContinuationToken=p2 HTTP/1.1",
        ]
    );
}

// ---- decoding ---------------------------------------------------------------------------

#[tokio::test]
async fn a_bad_field_is_named_with_its_path_and_the_operation() {
    let (client, _) = serve(|_| {
        (
            200,
            r#"{"ContinuationToken":"","Items":[{"Name":"fabric:/A"},{"Name":"fabric:/B","Status":5}]}"#.to_owned(),
        )
    })
    .await;
    let error = client
        .get_application_info_list(None, None, None, None, None, None)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Decode);
    assert_eq!(error.operation(), Some("GetApplicationInfoList"));
    // The text names the request (the operation's method and path), the JSON path of the
    // field at fault and what was expected there.
    let text = error.to_string();
    assert!(text.starts_with("GET /Applications: 200 X: "), "{text}");
    assert!(
        text.contains("the body is not a valid Paged<ApplicationInfo>: at Items[1].Status: invalid type: integer `5`, expected a string"),
        "{text}"
    );
}
