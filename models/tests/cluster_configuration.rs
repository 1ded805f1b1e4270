//! Wire-format tests of the models against exact JSON text and the spec's examples.

use std::time::Duration;

use serde_json::{Value, json};

use fabric_rest_models::*;

const START_EXAMPLE: &str = include_str!("fixtures/StartClusterConfigurationUpgrade-1.json");
const STATUS_EXAMPLE: &str = include_str!("fixtures/GetClusterConfigurationUpgradeStatus.json");
const CONFIGURATION_EXAMPLE: &str = include_str!("fixtures/GetClusterConfiguration.json");
const SERVICE_STATE_EXAMPLE: &str = include_str!("fixtures/GetUpgradeOrchestrationServiceState.json");

fn config() -> ClusterConfig {
    ClusterConfig::from_json(r#"{"name":"c","clusterConfigurationVersion":"2.0.0"}"#).unwrap()
}

fn example(text: &str, pointer: &str) -> Value {
    let document: Value = serde_json::from_str(text).unwrap();
    document.pointer(pointer).unwrap().clone()
}

#[test]
fn minimal_description_has_only_the_config() {
    let description = ClusterConfigurationUpgradeDescription::new(config());
    assert_eq!(
        serde_json::to_string(&description).unwrap(),
        r#"{"ClusterConfig":"{\"name\":\"c\",\"clusterConfigurationVersion\":\"2.0.0\"}"}"#
    );
}

fn full_description() -> ClusterConfigurationUpgradeDescription {
    let service_type = ServiceTypeHealthPolicy::new(Percent::ZERO, Percent::of::<5>(), Percent::HUNDRED);
    let application = ApplicationHealthPolicy::new()
        .with_consider_warning_as_error(true)
        .with_max_percent_unhealthy_deployed_applications(Percent::of::<10>())
        .with_default_service_type_health_policy(ServiceTypeHealthPolicy::default())
        .with_service_type_policy("Svc1Type", service_type);
    ClusterConfigurationUpgradeDescription::new(config())
        .with_health_check_retry_timeout(Duration::from_secs(600))
        .with_health_check_wait_duration(Duration::ZERO)
        .with_health_check_stable_duration(Duration::from_millis(1_500))
        .with_upgrade_domain_timeout(Duration::from_secs(90_061))
        .with_upgrade_timeout(Duration::from_secs(86_400))
        .with_max_percent_unhealthy_applications(Percent::of::<1>())
        .with_max_percent_unhealthy_nodes(Percent::of::<2>())
        .with_max_percent_delta_unhealthy_nodes(Percent::of::<3>())
        .with_max_percent_upgrade_domain_delta_unhealthy_nodes(Percent::of::<4>())
        .with_application_health_policies(ApplicationHealthPolicies::new().with_policy("fabric:/App", application))
}

#[test]
fn full_description_writes_every_field_in_order() {
    let expected = concat!(
        r#"{"ClusterConfig":"{\"name\":\"c\",\"clusterConfigurationVersion\":\"2.0.0\"}","#,
        r#""HealthCheckRetryTimeout":"PT0H10M0S","#,
        r#""HealthCheckWaitDurationInSeconds":"PT0H0M0S","#,
        r#""HealthCheckStableDurationInSeconds":"PT0H0M1.5S","#,
        r#""UpgradeDomainTimeoutInSeconds":"PT25H1M1S","#,
        r#""UpgradeTimeoutInSeconds":"PT24H0M0S","#,
        r#""MaxPercentUnhealthyApplications":1,"#,
        r#""MaxPercentUnhealthyNodes":2,"#,
        r#""MaxPercentDeltaUnhealthyNodes":3,"#,
        r#""MaxPercentUpgradeDomainDeltaUnhealthyNodes":4,"#,
        r#""ApplicationHealthPolicies":{"ApplicationHealthPolicyMap":[{"Key":"fabric:/App","Value":{"#,
        r#""ConsiderWarningAsError":true,"#,
        r#""MaxPercentUnhealthyDeployedApplications":10,"#,
        r#""DefaultServiceTypeHealthPolicy":{},"#,
        r#""ServiceTypeHealthPolicyMap":[{"Key":"Svc1Type","Value":{"#,
        r#""MaxPercentUnhealthyPartitionsPerService":0,"#,
        r#""MaxPercentUnhealthyReplicasPerPartition":5,"#,
        r#""MaxPercentUnhealthyServices":100}}]}}]}}"#,
    );
    let description = full_description();
    let text = serde_json::to_string(&description).unwrap();
    assert_eq!(text, expected);
    let back: ClusterConfigurationUpgradeDescription = serde_json::from_str(&text).unwrap();
    assert_eq!(back, description);
}

#[test]
fn unset_fields_are_absent_and_read_back_as_none() {
    let value = serde_json::to_value(ClusterConfigurationUpgradeDescription::new(config())).unwrap();
    let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["ClusterConfig"]);
    let back: ClusterConfigurationUpgradeDescription = serde_json::from_value(value).unwrap();
    assert_eq!(back.health_check_retry_timeout, None);
    assert_eq!(back.application_health_policies, None);
}

#[test]
fn spec_example_round_trips() {
    let body = example(START_EXAMPLE, "/parameters/ClusterConfigurationUpgradeDescription");
    let description: ClusterConfigurationUpgradeDescription = serde_json::from_value(body.clone()).unwrap();
    assert_eq!(description.cluster_config.as_str(), "<PutYourClusterConfigHere>");
    let policy = &description
        .application_health_policies
        .as_ref()
        .unwrap()
        .application_health_policy_map["fabric:/samples/CalculatorApp"];
    assert_eq!(
        policy.max_percent_unhealthy_deployed_applications,
        Some(Percent::of::<10>())
    );
    assert_eq!(
        policy.service_type_health_policy_map.as_ref().unwrap()["Svc1Type"].max_percent_unhealthy_services,
        Some(Percent::of::<10>())
    );
    assert_eq!(serde_json::to_value(&description).unwrap(), body);
}

#[test]
fn durations_are_read_in_every_accepted_form() {
    let description: ClusterConfigurationUpgradeDescription = serde_json::from_str(
        r#"{"ClusterConfig":"{}","HealthCheckRetryTimeout":"PT10M","UpgradeTimeoutInSeconds":"P10675199DT2H48M5.4775807S","UpgradeDomainTimeoutInSeconds":"2500"}"#,
    )
    .unwrap();
    assert_eq!(description.health_check_retry_timeout, Some(Duration::from_secs(600)));
    assert_eq!(
        description.upgrade_timeout,
        Some(Duration::new(922_337_203_685, 477_580_700))
    );
    assert_eq!(description.upgrade_domain_timeout, Some(Duration::from_millis(2_500)));
    assert_eq!(
        serde_json::to_value(&description).unwrap()["UpgradeTimeoutInSeconds"],
        "PT256204778H48M5.4775807S"
    );
}

#[test]
fn bad_input_is_rejected_with_the_exact_error() {
    let cases = [
        (
            r#"{"ClusterConfig":"{}","MaxPercentUnhealthyNodes":101}"#,
            "percentage 101 is out of range 0..=100 at line 1 column 52",
        ),
        (
            r#"{"ClusterConfig":"{}","UpgradeTimeoutInSeconds":"P1D"}"#,
            "invalid ISO-8601 duration \"P1D\": the `T` time part is required (write `PT0S`, not `P0D`) at line 1 column 53",
        ),
        (
            r#"{"UpgradeTimeoutInSeconds":"PT0S"}"#,
            "missing field `ClusterConfig` at line 1 column 34",
        ),
        (
            r#"{"ClusterConfig":"{}","ApplicationHealthPolicies":{"ApplicationHealthPolicyMap":[{"Key":"fabric:/A","Value":{}},{"Key":"fabric:/A","Value":{}}]}}"#,
            "duplicate key \"fabric:/A\" in Key/Value map at line 1 column 143",
        ),
        (
            r#"{"ClusterConfig":"{}","ApplicationHealthPolicies":{"ApplicationHealthPolicyMap":[{"Key":"fabric:/A"}]}}"#,
            "missing field `Value` at line 1 column 100",
        ),
    ];
    for (json, message) in cases {
        let err = serde_json::from_str::<ClusterConfigurationUpgradeDescription>(json).unwrap_err();
        assert_eq!(err.to_string(), message, "{json}");
    }
}

#[test]
fn unknown_fields_are_kept_and_null_maps_are_empty() {
    let description: ClusterConfigurationUpgradeDescription = serde_json::from_str(
        r#"{"ClusterConfig":"{}","NewField":[1],"ApplicationHealthPolicies":{"ApplicationHealthPolicyMap":null}}"#,
    )
    .unwrap();
    assert_eq!(
        description.application_health_policies,
        Some(ApplicationHealthPolicies::new())
    );
    assert_eq!(description.unknown_fields["NewField"], json!([1]));
    assert_eq!(
        serde_json::to_string(&description).unwrap(),
        r#"{"ClusterConfig":"{}","ApplicationHealthPolicies":{"ApplicationHealthPolicyMap":[]},"NewField":[1]}"#
    );
}

#[test]
fn cluster_config_checks_what_it_is_built_from() {
    let err = ClusterConfig::from_json("not json").unwrap_err();
    assert!(matches!(err, ClusterConfigError::NotJson(_)));
    assert_eq!(
        err.to_string(),
        "cluster configuration is not valid JSON: expected ident at line 1 column 2"
    );
    let err = ClusterConfig::from_json("[1]").unwrap_err();
    assert!(matches!(err, ClusterConfigError::NotAnObject { found: "an array" }));
    assert_eq!(
        err.to_string(),
        "cluster configuration must be a JSON object, found an array"
    );
    let err = ClusterConfig::from_value(&"text").unwrap_err();
    assert_eq!(
        err.to_string(),
        "cluster configuration must be a JSON object, found a string"
    );
    let err = ClusterConfig::from_value(&Value::Null).unwrap_err();
    assert_eq!(
        err.to_string(),
        "cluster configuration must be a JSON object, found null"
    );
    let err = ClusterConfig::from_value(&7).unwrap_err();
    assert_eq!(
        err.to_string(),
        "cluster configuration must be a JSON object, found a number"
    );
}

#[test]
fn cluster_config_keeps_the_text_and_field_order() {
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Doc {
        name: &'static str,
        cluster_configuration_version: &'static str,
        api_version: &'static str,
    }
    let from_struct = ClusterConfig::from_value(&Doc {
        name: "demo",
        cluster_configuration_version: "1.0.0",
        api_version: "10-2017",
    })
    .unwrap();
    assert_eq!(
        from_struct.as_str(),
        r#"{"name":"demo","clusterConfigurationVersion":"1.0.0","apiVersion":"10-2017"}"#
    );
    assert_eq!(from_struct.name().as_deref(), Some("demo"));
    assert_eq!(from_struct.config_version().as_deref(), Some("1.0.0"));
    assert_eq!(from_struct.to_value().unwrap()["apiVersion"], "10-2017");

    let spaced = ClusterConfig::from_json("{ \"name\" : \"x\" }\n").unwrap();
    assert_eq!(spaced.as_str(), "{ \"name\" : \"x\" }\n");
    assert_eq!(spaced.config_version(), None);
    assert_eq!(spaced.into_string(), "{ \"name\" : \"x\" }\n");
}

#[test]
fn cluster_config_from_a_peer_is_kept_even_when_not_json() {
    let config: ClusterConfig = serde_json::from_str(r#""not json""#).unwrap();
    assert_eq!(config.as_str(), "not json");
    assert_eq!(config.name(), None);
    assert!(matches!(config.to_value(), Err(ClusterConfigError::NotJson(_))));
    assert_eq!(serde_json::to_string(&config).unwrap(), r#""not json""#);
    let err = serde_json::from_str::<ClusterConfig>("{}").unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid type: map, expected a string at line 1 column 0"
    );
}

#[test]
fn status_example_decodes() {
    let body = example(STATUS_EXAMPLE, "/responses/200/body");
    let status: ClusterConfigurationUpgradeStatusInfo = serde_json::from_value(body).unwrap();
    assert_eq!(status.upgrade_state, UpgradeState::RollingBackInProgress);
    assert_eq!(status.progress_status, 4);
    assert_eq!(status.config_version, "3");
    assert_eq!(status.details, "");
    assert_eq!(
        serde_json::to_string(&status).unwrap(),
        r#"{"UpgradeState":"RollingBackInProgress","ProgressStatus":4,"ConfigVersion":"3","Details":""}"#
    );
}

#[test]
fn status_tolerates_absent_and_null_fields() {
    let status: ClusterConfigurationUpgradeStatusInfo =
        serde_json::from_str(r#"{"UpgradeState":null,"Details":null,"Extra":1}"#).unwrap();
    let mut expected = ClusterConfigurationUpgradeStatusInfo::default();
    expected.unknown_fields.insert("Extra".into(), json!(1));
    assert_eq!(status, expected);
    assert_eq!(status.upgrade_state, UpgradeState::Invalid);
    let idle = ClusterConfigurationUpgradeStatusInfo::new(UpgradeState::RollingForwardCompleted, "1.0.0");
    assert_eq!(
        serde_json::to_string(&idle).unwrap(),
        r#"{"UpgradeState":"RollingForwardCompleted","ProgressStatus":0,"ConfigVersion":"1.0.0","Details":""}"#
    );
}

#[test]
fn unknown_upgrade_state_survives_a_round_trip() {
    let status: ClusterConfigurationUpgradeStatusInfo =
        serde_json::from_str(r#"{"UpgradeState":"RollingSideways","ProgressStatus":1}"#).unwrap();
    assert!(matches!(&status.upgrade_state, UpgradeState::Unknown(s) if s.as_str() == "RollingSideways"));
    assert_eq!(status.upgrade_state.to_string(), "RollingSideways");
    assert!(!status.upgrade_state.is_terminal());
    assert_eq!(
        serde_json::to_string(&status).unwrap(),
        r#"{"UpgradeState":"RollingSideways","ProgressStatus":1,"ConfigVersion":"","Details":""}"#
    );
}

#[test]
fn upgrade_state_knows_every_wire_value() {
    let states = [
        ("Invalid", false, false),
        ("RollingBackInProgress", false, true),
        ("RollingBackCompleted", true, true),
        ("RollingForwardPending", false, false),
        ("RollingForwardInProgress", false, false),
        ("RollingForwardCompleted", true, false),
        ("Failed", true, false),
        ("RollingBackPending", false, true),
    ];
    for (text, terminal, rolling_back) in states {
        let state = UpgradeState::from(text);
        assert!(!matches!(state, UpgradeState::Unknown(_)), "{text}");
        assert_eq!(state.as_str(), text);
        assert_eq!(state.is_terminal(), terminal, "{text}");
        assert_eq!(state.is_rolling_back(), rolling_back, "{text}");
        assert_eq!(serde_json::to_value(&state).unwrap(), json!(text));
    }
    // However a known state arrives, it is its variant.
    for read in [
        UpgradeState::from(String::from("Failed")),
        "Failed".parse().unwrap(),
        serde_json::from_str(r#""Failed""#).unwrap(),
        serde_json::from_value(json!("Failed")).unwrap(),
    ] {
        assert!(matches!(read, UpgradeState::Failed), "{read:?}");
        assert!(read.is_terminal());
    }
    assert!(matches!(
        UpgradeState::from(String::from("failed")),
        UpgradeState::Unknown(_)
    ));
}

#[test]
fn cluster_configuration_examples_decode() {
    let body = example(CONFIGURATION_EXAMPLE, "/responses/200/body");
    let configuration: ClusterConfiguration = serde_json::from_value(body).unwrap();
    assert_eq!(configuration.cluster_configuration, "");
    assert_eq!(configuration.cluster_config().as_str(), "");

    let configuration: ClusterConfiguration =
        serde_json::from_str(r#"{"ClusterConfiguration":"{\"clusterConfigurationVersion\":\"1.0.0\"}"}"#).unwrap();
    assert_eq!(
        configuration.cluster_config().config_version().as_deref(),
        Some("1.0.0")
    );
    assert_eq!(
        serde_json::to_string(&ClusterConfiguration::new("{}")).unwrap(),
        r#"{"ClusterConfiguration":"{}"}"#
    );
}

#[test]
fn orchestration_state_and_summary_round_trip() {
    let body = example(SERVICE_STATE_EXAMPLE, "/responses/200/body");
    let state: UpgradeOrchestrationServiceState = serde_json::from_value(body).unwrap();
    assert_eq!(state.service_state, None);
    assert_eq!(serde_json::to_string(&state).unwrap(), "{}");
    assert_eq!(
        serde_json::to_string(&UpgradeOrchestrationServiceState::new("opaque")).unwrap(),
        r#"{"ServiceState":"opaque"}"#
    );

    let text = r#"{"CurrentCodeVersion":"9.1.1.0","CurrentManifestVersion":"1.0.0","TargetCodeVersion":"9.1.2.0","TargetManifestVersion":"2.0.0","PendingUpgradeType":"Rolling"}"#;
    let summary: UpgradeOrchestrationServiceStateSummary = serde_json::from_str(text).unwrap();
    assert_eq!(summary.pending_upgrade_type.as_deref(), Some("Rolling"));
    assert_eq!(serde_json::to_string(&summary).unwrap(), text);
    assert_eq!(
        serde_json::to_string(&UpgradeOrchestrationServiceStateSummary::new()).unwrap(),
        "{}"
    );
}
