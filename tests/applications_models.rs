//! The application groups' models against bodies shaped as real gateways send them: the
//! discriminator anywhere, 64-bit ids as strings and as numbers, fields, values and kinds no
//! spec lists, year-1 timestamps, infinite durations, Key/Value maps as objects; and the
//! builders, which refuse what the gateway would.
#![cfg(all(
    feature = "application_types",
    feature = "applications",
    feature = "services",
    feature = "partitions",
    feature = "replicas",
    feature = "cluster"
))]

use std::time::Duration;

use fabric_rest::models::{
    ApplicationCapacityDescription, ApplicationHealth, ApplicationHealthPolicies, ApplicationHealthPolicy,
    ApplicationInfo, ApplicationName, ApplicationUpdateDescription, ApplicationUpgradeProgressInfo,
    ClusterHealthPolicy, DownloadUri, HealthEvaluation, HealthEvaluationKind, InstanceCount, Int64, MoveCost,
    PartitionSchemeDescription, ReplicaInfo, ReplicaSetSize, ReplicaStatus, ScalingMechanismDescription,
    ScalingTriggerDescription, ServiceInfo, ServiceName, ServicePlacementPolicyDescription, ServiceStatus,
    StatefulServiceUpdateDescription, StatelessServiceUpdateDescription,
};
use serde_json::{Value, json};

/// Reads `text` as a `T` and writes it back: the same JSON, field for field.
fn read_and_write_back<T: serde::de::DeserializeOwned + serde::Serialize>(text: &str) -> (T, String) {
    let value: T = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"));
    let written = serde_json::to_string(&value).unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&written).unwrap(),
        serde_json::from_str::<Value>(text).unwrap(),
        "{written}"
    );
    (value, written)
}

#[test]
fn services_of_every_shape_are_kept() {
    let text = r#"[
        {"Id":"App~A","Name":"fabric:/App/A","HasPersistedState":true,"ServiceStatus":"Hibernating","ServiceKind":"Stateful","IsNew":1},
        {"ServiceKind":"SelfReconfiguring","Id":"App~B","Name":"fabric:/App/B","ReconfigurationPolicy":{"Mode":3}},
        {"Name":"fabric:/App/C"}
    ]"#;
    let (services, written) = read_and_write_back::<Vec<ServiceInfo>>(text);
    let ServiceInfo::Stateful(a) = &services[0] else {
        panic!("{:?}", services[0])
    };
    assert_eq!(a.has_persisted_state, Some(true));
    assert!(matches!(&a.service_status, Some(ServiceStatus::Unknown(v)) if v.as_str() == "Hibernating"));
    assert_eq!(a.unknown_fields["IsNew"], json!(1));
    assert_eq!(a.unknown_fields.get("ServiceKind"), None);
    // A kind newer than the library: kept whole, readable by name.
    assert!(matches!(&services[1], ServiceInfo::Unknown(object) if object["ReconfigurationPolicy"]["Mode"] == 3));
    assert_eq!(services[1].kind(), "SelfReconfiguring");
    assert_eq!(services[1].id(), Some("App~B"));
    // No discriminator at all: also kept.
    assert_eq!(services[2].kind(), "");
    assert_eq!(services[2].name(), Some("fabric:/App/C"));
    // The discriminator is written first.
    assert!(
        written.starts_with(r#"[{"ServiceKind":"Stateful","Id":"App~A""#),
        "{written}"
    );
}

#[test]
fn replica_ids_keep_their_form_and_every_digit() {
    let text = r#"[
        {"ReplicaId":9007199254740993,"ReplicaStatus":"Ready","ServiceKind":"Stateful","LastInBuildDurationInSeconds":3},
        {"ServiceKind":"Stateless","InstanceId":"9223372036854775807","ReplicaStatus":"Parked"}
    ]"#;
    let (replicas, written) = read_and_write_back::<Vec<ReplicaInfo>>(text);
    assert_eq!(
        replicas[0].replica_or_instance_id(),
        Some(Int64::number(9_007_199_254_740_993))
    );
    assert!(!replicas[0].replica_or_instance_id().unwrap().is_quoted());
    assert_eq!(replicas[1].replica_or_instance_id(), Some(Int64::new(i64::MAX)));
    assert!(replicas[1].replica_or_instance_id().unwrap().is_quoted());
    let ReplicaInfo::Stateless(instance) = &replicas[1] else {
        panic!("{:?}", replicas[1])
    };
    assert_eq!(instance.replica_status, Some(ReplicaStatus::from("Parked")));
    assert!(written.contains(r#""ReplicaId":9007199254740993"#), "{written}");
    assert!(written.contains(r#""InstanceId":"9223372036854775807""#), "{written}");
}

#[test]
fn key_value_maps_arrive_as_objects_too() {
    // Parameters as an object: read in the order they came, written as the spec's array.
    let (info, written) = {
        let text = r#"{"Name":"fabric:/App","Parameters":{"b":"2","a":"1"}}"#;
        let info: ApplicationInfo = serde_json::from_str(text).unwrap();
        let written = serde_json::to_string(&info).unwrap();
        (info, written)
    };
    assert_eq!(info.parameter("a"), Some("1"));
    assert_eq!(info.parameter("c"), None);
    assert_eq!(
        written,
        r#"{"Name":"fabric:/App","Parameters":[{"Key":"b","Value":"2"},{"Key":"a","Value":"1"}]}"#
    );
    // Arrays keep each entry's own fields and their order.
    let (_, written) = read_and_write_back::<ApplicationInfo>(
        r#"{"Parameters":[{"Key":"z","Value":"9","IsSecret":true},{"Key":"y","Value":""}]}"#,
    );
    assert!(
        written.contains(r#"{"Key":"z","Value":"9","IsSecret":true}"#),
        "{written}"
    );

    // The policy maps of the cluster and application health policies.
    let policies: ApplicationHealthPolicies = serde_json::from_str(
        r#"{"ApplicationHealthPolicyMap":{"fabric:/App":{"ConsiderWarningAsError":true,"ServiceTypeHealthPolicyMap":{"Svc":{"MaxPercentUnhealthyServices":5}}}}}"#,
    )
    .unwrap();
    assert_eq!(
        serde_json::to_string(&policies).unwrap(),
        concat!(
            r#"{"ApplicationHealthPolicyMap":[{"Key":"fabric:/App","Value":{"ConsiderWarningAsError":true,"#,
            r#""ServiceTypeHealthPolicyMap":[{"Key":"Svc","Value":{"MaxPercentUnhealthyServices":5}}]}}]}"#
        )
    );
    let cluster: ClusterHealthPolicy =
        serde_json::from_str(r#"{"NodeTypeHealthPolicyMap":{},"ApplicationTypeHealthPolicyMap":{"T":20}}"#).unwrap();
    assert_eq!(cluster.node_type_health_policy_map, Some(vec![]));
    assert_eq!(
        serde_json::to_string(&cluster).unwrap(),
        r#"{"ApplicationTypeHealthPolicyMap":[{"Key":"T","Value":20}],"NodeTypeHealthPolicyMap":[]}"#
    );
    // A repeated key is refused, in either form.
    let error = serde_json::from_str::<ApplicationHealthPolicy>(
        r#"{"ServiceTypeHealthPolicyMap":[{"Key":"S","Value":{}},{"Key":"S","Value":{}}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"duplicate key "S" in Key/Value map at line 1 column 77"#
    );
    let error = serde_json::from_str::<ApplicationHealthPolicy>(r#"{"ServiceTypeHealthPolicyMap":{"S":{},"S":{}}}"#)
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"duplicate key "S" in Key/Value map at line 1 column 45"#
    );
    let error = serde_json::from_str::<ApplicationInfo>(r#"{"Parameters":"a=1"}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"invalid type: string "a=1", expected an array of {"Key": ..., "Value": ...} objects, or an object at line 1 column 19"#
    );
}

#[test]
fn health_evaluations_of_every_depth_and_kind() {
    let text = r#"{
        "Name":"fabric:/App","AggregatedHealthState":"Error",
        "UnhealthyEvaluations":[
            {"HealthEvaluation":{"Description":"1 of 2 services","ServiceTypeName":"SvcType","TotalCount":"2","Kind":"Services",
             "MaxPercentUnhealthyServices":0,"AggregatedHealthState":"Error",
             "UnhealthyEvaluations":[{"HealthEvaluation":{"Kind":"Service","ServiceName":"fabric:/App/Svc","AggregatedHealthState":"Error",
                "UnhealthyEvaluations":[{"HealthEvaluation":{"Kind":"Partitions","TotalCount":9007199254740993,
                    "UnhealthyEvaluations":[{"HealthEvaluation":{"Kind":"Replica","PartitionId":"p","ReplicaOrInstanceId":"133117243825817602",
                        "UnhealthyEvaluations":[{"HealthEvaluation":{"Kind":"Event","ConsiderWarningAsError":false,
                            "UnhealthyEvent":{"SourceId":"W","Property":"P","HealthState":"Error","LastOkTransitionAt":"0001-01-01T00:00:00.000Z",
                                "TimeToLiveInMilliSeconds":"P10675199DT2H48M5.4775807S"}}}]}}]}}]}}]}},
            {"HealthEvaluation":{"Kind":"DeployedApplications","MaxPercentUnhealthyDeployedApplications":10,"TotalCount":"3"}},
            {"HealthEvaluation":{"Kind":"MoonPhase","AggregatedHealthState":"Warning","Phase":"Waxing"}}
        ]}"#;
    let (health, _) = read_and_write_back::<ApplicationHealth>(text);
    let evaluations = health.unhealthy_evaluations.as_ref().unwrap();
    let HealthEvaluation::Services(services) = &evaluations[0].health_evaluation else {
        panic!("{:?}", evaluations[0])
    };
    assert_eq!(services.total_count, Some(Int64::new(2)));
    assert_eq!(services.service_type_name.as_deref(), Some("SvcType"));
    let HealthEvaluation::Service(service) = &services.unhealthy_evaluations.as_ref().unwrap()[0].health_evaluation
    else {
        panic!("{services:?}")
    };
    let HealthEvaluation::Partitions(partitions) =
        &service.unhealthy_evaluations.as_ref().unwrap()[0].health_evaluation
    else {
        panic!("{service:?}")
    };
    assert_eq!(partitions.total_count, Some(Int64::number(9_007_199_254_740_993)));
    let HealthEvaluation::Replica(replica) = &partitions.unhealthy_evaluations.as_ref().unwrap()[0].health_evaluation
    else {
        panic!("{partitions:?}")
    };
    assert_eq!(
        replica.replica_or_instance_id,
        Some(Int64::new(133_117_243_825_817_602))
    );
    let HealthEvaluation::Event(event) = &replica.unhealthy_evaluations.as_ref().unwrap()[0].health_evaluation else {
        panic!("{replica:?}")
    };
    let event = event.unhealthy_event.as_ref().unwrap();
    assert_eq!(event.last_ok_transition_at.as_ref().unwrap().to_system_time(), None);
    let forever = event.time_to_live.as_ref().unwrap().to_duration().unwrap();
    assert_eq!(forever.as_secs(), 10_675_199 * 86_400 + 2 * 3600 + 48 * 60 + 5);
    assert_eq!(
        evaluations[1].health_evaluation.evaluation_kind(),
        HealthEvaluationKind::DeployedApplications
    );
    let unknown = &evaluations[2].health_evaluation;
    assert!(matches!(unknown, HealthEvaluation::Unknown(object) if object["Phase"] == "Waxing"));
    assert!(matches!(unknown.evaluation_kind(), HealthEvaluationKind::Unknown(kind) if kind.as_str() == "MoonPhase"));
}

#[test]
fn upgrade_progress_with_never_and_forever() {
    let text = r#"{"UpgradeState":"RollingBackPending","FailureTimestampUtc":"0001-01-01T00:00:00.000Z",
        "StartTimestampUtc":"2022-11-11T17:12:15.688Z","UpgradeDurationInMilliseconds":"P10675199DT2H48M5.4775807S",
        "UpgradeDomains":[{"Name":"UD0","State":"Completed"},{"Name":"UD1","State":"Paused"}],
        "UpgradeUnits":[{"Name":"_Node_0","State":"Failed"}],
        "CurrentUpgradeDomainProgress":{"DomainName":"UD1","NodeUpgradeProgressList":[{"NodeName":"_Node_1","UpgradePhase":"Upgrading",
            "PendingSafetyChecks":[{"SafetyCheck":{"PartitionId":"p","Kind":"EnsurePartitionQuorum"}}]}]},
        "UpgradeDescription":{"Name":"fabric:/App","TargetApplicationTypeVersion":"2","UpgradeKind":"Rolling",
            "UpgradeReplicaSetCheckTimeoutInSeconds":"4294967295","Parameters":{"k":"v"}},
        "HealthCheckPhase":"Stable"}"#;
    let progress: ApplicationUpgradeProgressInfo = serde_json::from_str(text).unwrap();
    assert_eq!(progress.failure_timestamp_utc.as_ref().unwrap().to_system_time(), None);
    assert!(
        progress
            .start_timestamp_utc
            .as_ref()
            .unwrap()
            .to_system_time()
            .is_some()
    );
    let took = progress.upgrade_duration_in_milliseconds.as_ref().unwrap();
    assert!(took.to_duration().unwrap() > Duration::from_secs(900_000_000_000));
    assert_eq!(progress.unknown_fields["HealthCheckPhase"], "Stable");
    let domains = progress.upgrade_domains.as_ref().unwrap();
    assert_eq!(domains[1].state.as_ref().unwrap().as_str(), "Paused");
    let description = progress.upgrade_description.as_ref().unwrap();
    assert_eq!(
        description.upgrade_replica_set_check_timeout_in_seconds,
        Some(Int64::new(4_294_967_295))
    );
    let written = serde_json::to_value(&progress).unwrap();
    // Everything but the parameter map's form comes back as it arrived; the map is written
    // as the spec's array.
    let mut want: Value = serde_json::from_str(text).unwrap();
    want["UpgradeDescription"]["Parameters"] = json!([{"Key": "k", "Value": "v"}]);
    assert_eq!(written, want);
}

#[test]
fn names_and_ids() {
    let app: ApplicationName = "fabric:/myapp/app1".parse().unwrap();
    assert_eq!(app.id().as_str(), "myapp~app1");
    assert_eq!(app.to_string(), "fabric:/myapp/app1");
    let service = ServiceName::in_application(&app, "svc1").unwrap();
    assert_eq!(service.id().as_str(), "myapp~app1~svc1");
    assert_eq!(&*service.id(), "myapp~app1~svc1");
    for (text, reason) in [
        ("myapp/app1", "it must start with `fabric:/`"),
        ("fabric:myapp", "it must start with `fabric:/`"),
        ("Fabric:/myapp", "it must start with `fabric:/`"),
        ("fabric:/", "it names nothing after `fabric:/`"),
        ("fabric:/a//b", "it has an empty segment (`//` or a trailing `/`)"),
        ("fabric:/a/", "it has an empty segment (`//` or a trailing `/`)"),
        ("fabric:/a?b", "it holds `?` or `#`, which a name cannot"),
    ] {
        let error = text.parse::<ApplicationName>().unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("{text:?} is not a Service Fabric name: {reason}")
        );
        assert_eq!(error.text(), text);
    }
    assert!(ServiceName::in_application(&app, "").is_err());
}

#[test]
fn builders_refuse_what_the_gateway_would() {
    assert_eq!(
        ReplicaSetSize::new(2, 3).unwrap_err().to_string(),
        "replica set sizes target 2, min 3: need 1 <= min <= target"
    );
    assert!(ReplicaSetSize::new(3, 0).is_err());
    assert!(ReplicaSetSize::new(1, 1).is_ok());
    assert_eq!(
        InstanceCount::new(0).unwrap_err().to_string(),
        "instance count 0: need 1 or more (or InstanceCount::EVERY_NODE)"
    );
    assert_eq!(
        PartitionSchemeDescription::uniform_int64_range(5, 0, 3)
            .unwrap_err()
            .to_string(),
        "5 partitions cannot split the 4 keys 0..=3"
    );
    assert!(PartitionSchemeDescription::uniform_int64_range(1, i64::MIN, i64::MAX).is_ok());
    assert_eq!(
        PartitionSchemeDescription::named(["a", "b", "a"])
            .unwrap_err()
            .to_string(),
        r#"partition name "a" is given twice"#
    );
    assert!(PartitionSchemeDescription::named(Vec::<String>::new()).is_err());
    assert_eq!(
        ScalingTriggerDescription::average_partition_load("CPU", 0.9, 0.1, Duration::from_secs(60))
            .unwrap_err()
            .to_string(),
        "load thresholds 0.9..0.1 must be 0 or more, the lower one not above the upper one"
    );
    assert!(ScalingTriggerDescription::average_service_load("CPU", f64::NAN, 1.0, Duration::ZERO, true).is_err());
    assert!(ScalingMechanismDescription::partition_instance_count(3, 2, 1).is_err());
    assert!(ScalingMechanismDescription::add_remove_incremental_named_partition(1, 2, 0).is_err());
    assert_eq!(
        ApplicationCapacityDescription::new()
            .with_nodes(4, 3)
            .unwrap_err()
            .to_string(),
        "minimum nodes 4 is above maximum nodes 3; the gateway refuses it"
    );
    assert!(ApplicationCapacityDescription::new().with_nodes(4, 0).is_ok());
}

#[test]
fn update_descriptions_set_their_flags() {
    let stateful = StatefulServiceUpdateDescription::new()
        .with_replica_set_size(ReplicaSetSize::new(5, 3).unwrap())
        .with_stand_by_replica_keep(Duration::from_secs(3600))
        .with_default_move_cost(MoveCost::Low)
        .with_placement_policies(vec![ServicePlacementPolicyDescription::require_domain_distribution()]);
    assert_eq!(
        serde_json::to_string(&fabric_rest::models::ServiceUpdateDescription::from(stateful)).unwrap(),
        concat!(
            r#"{"ServiceKind":"Stateful","Flags":"601","ServicePlacementPolicies":[{"Type":"RequireDomainDistribution"}],"#,
            r#""DefaultMoveCost":"Low","TargetReplicaSetSize":5,"MinReplicaSetSize":3,"#,
            r#""StandByReplicaKeepDurationSeconds":"3600"}"#
        )
    );
    let stateless = StatelessServiceUpdateDescription::new()
        .with_instance_restart_wait(Duration::from_secs(30))
        .with_dns_name("front.app");
    assert_eq!(
        serde_json::to_string(&stateless).unwrap(),
        r#"{"Flags":"163840","ServiceDnsName":"front.app","InstanceRestartWaitDurationSeconds":"30"}"#
    );
    let update = ApplicationUpdateDescription::new()
        .with_metrics(vec![])
        .with_nodes(0, 0)
        .unwrap();
    assert_eq!(
        serde_json::to_string(&update).unwrap(),
        r#"{"Flags":"7","MinimumNodes":0,"MaximumNodes":0,"ApplicationMetrics":[]}"#
    );
}

#[test]
fn download_uris_never_show_their_secrets() {
    for (text, shown) in [
        (
            "https://store.example/pkgs/App.sfpkg?sv=2020&sig=SECRET",
            "https://store.example/pkgs/App.sfpkg?<redacted>",
        ),
        (
            "https://user:SECRET@store.example/App.sfpkg",
            "https://<redacted>@store.example/App.sfpkg",
        ),
        (
            "https://store.example/App.sfpkg#SECRET",
            "https://store.example/App.sfpkg?<redacted>",
        ),
        ("https://store.example/App.sfpkg", "https://store.example/App.sfpkg"),
    ] {
        let uri = DownloadUri::new(text);
        assert_eq!(uri.to_string(), shown);
        assert_eq!(format!("{uri:?}"), format!("DownloadUri({shown:?})"));
        assert_eq!(uri.expose(), text);
        assert_eq!(serde_json::to_string(&uri).unwrap(), format!("{text:?}"));
    }
}
