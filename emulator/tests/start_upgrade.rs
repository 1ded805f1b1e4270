//! StartClusterConfigurationUpgrade: what is accepted and how refusals read.

mod common;

use common::*;
use fabric_rest_emulator::{Emulator, SAMPLE_CLUSTER_CONFIG};
use serde_json::{Value, json};

const CONFIG_UPGRADE_FAILED: &str = "FABRIC_E_CONFIG_UPGRADE_FAILED";
const UNREADABLE: &str =
    "ArgumentException: The input cluster configuration is not in a valid json format or supported apiVersion.";

#[tokio::test]
async fn accepted_with_202_and_an_empty_json_body() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        let response = post(&emulator, START, &description(&config_at("2.0.0"))).await;
        assert_eq!(response.status_line, "HTTP/1.1 202 Accepted");
        assert!(response.body.is_empty());
        assert_eq!(response.header("content-length"), Some("0"));
        assert_eq!(response.header("content-type"), Some("application/json; charset=utf-8"));
        // Accepted without timeout and with any api-version in range, too.
        let emulator = Emulator::start().await.expect("start");
        let target = "/$/StartClusterConfigurationUpgrade?api-version=6.0";
        assert_eq!(
            post(&emulator, target, &description(&config_at("2.0.0"))).await.status,
            202
        );
    })
    .await;
}

#[tokio::test]
async fn durations_follow_the_server_grammar() {
    bounded(async {
        let emulator = Emulator::builder()
            .outcome(fabric_rest_emulator::UpgradeOutcome::Succeed)
            .start()
            .await
            .expect("start");
        let fields = [
            "HealthCheckRetryTimeout",
            "HealthCheckWaitDurationInSeconds",
            "HealthCheckStableDurationInSeconds",
            "UpgradeDomainTimeoutInSeconds",
            "UpgradeTimeoutInSeconds",
        ];
        let mut version = 1;
        for good in [
            "PT0S",
            "PT10M",
            "PT0H0M0S",
            "P1DT2H",
            "5000",
            "PT1.5S",
            "P10675199DT2H48M5.4775807S",
        ] {
            for field in fields {
                version += 1;
                let body = json!({ "ClusterConfig": config_at(&format!("{version}.0.0")), field: good });
                let response = post(&emulator, START, body.to_string().as_bytes()).await;
                assert_eq!(response.status, 202, "{field}={good}: {}", response.text());
            }
        }
        for bad in ["P0D", "P1D", "P1Y", "abc", "PT1W", "1.5", "-5000"] {
            for field in fields {
                let body = json!({ "ClusterConfig": config_at("99.0.0"), field: bad });
                post(&emulator, START, body.to_string().as_bytes()).await.assert_error(
                    400,
                    "E_INVALIDARG",
                    "Invalid argument",
                );
            }
        }
        // A number is read as its text: a bare integer string is milliseconds.
        let number = json!({ "ClusterConfig": config_at("99.0.0"), "UpgradeTimeoutInSeconds": 600 });
        assert_eq!(post(&emulator, START, number.to_string().as_bytes()).await.status, 202);
        let fraction = json!({ "ClusterConfig": config_at("100.0.0"), "UpgradeTimeoutInSeconds": 1.5 });
        post(&emulator, START, fraction.to_string().as_bytes())
            .await
            .assert_error(400, "E_INVALIDARG", "Invalid argument");
    })
    .await;
}

#[tokio::test]
async fn bodies_the_model_cannot_hold_are_invalid_arguments() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        let config = config_at("2.0.0");
        let bad: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"not json".to_vec(),
            b"\xff\xfe\x00".to_vec(),
            b"{\"ClusterConfig\": \"".to_vec(),
            b"[]".to_vec(),
            b"{}".to_vec(),
            json!({ "clusterConfig": config }).to_string().into_bytes(),
            json!({ "ClusterConfig": serde_json::from_str::<Value>(&config).expect("json") })
                .to_string()
                .into_bytes(),
            json!({ "ClusterConfig": config, "MaxPercentUnhealthyNodes": 101 })
                .to_string()
                .into_bytes(),
            json!({ "ClusterConfig": config, "MaxPercentDeltaUnhealthyNodes": -1 })
                .to_string()
                .into_bytes(),
            json!({ "ClusterConfig": config, "MaxPercentUnhealthyApplications": "101" })
                .to_string()
                .into_bytes(),
            json!({ "ClusterConfig": config, "HealthCheckRetryTimeout": { "Seconds": 1 } })
                .to_string()
                .into_bytes(),
            json!({ "ClusterConfig": "" }).to_string().into_bytes(),
            format!(
                r#"{{"ClusterConfig": {}, "MaxPercentUnhealthyNodes": 340282366920938463463374607431768211456}}"#,
                Value::from(config.clone())
            )
            .into_bytes(),
            json!({ "ClusterConfig": config, "ApplicationHealthPolicies": {
                "ApplicationHealthPolicyMap": { "fabric:/App": { "ConsiderWarningAsError": true } }
            }})
            .to_string()
            .into_bytes(),
        ];
        for body in &bad {
            post(&emulator, START, body)
                .await
                .assert_error(400, "E_INVALIDARG", "Invalid argument");
        }
        assert_eq!(emulator.requests().len(), bad.len());
        assert_eq!(emulator.upgrade_status().upgrade_state, "RollingForwardCompleted");
        assert_eq!(emulator.config_version(), "1.0.0");
    })
    .await;
}

#[tokio::test]
async fn the_spec_example_body_shape_is_accepted() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        let body = json!({
            "ClusterConfig": config_at("2.0.0"),
            "HealthCheckRetryTimeout": "PT0H10M0S",
            "HealthCheckWaitDurationInSeconds": "PT0H0M0S",
            "HealthCheckStableDurationInSeconds": "PT0H0M0S",
            "UpgradeDomainTimeoutInSeconds": "PT2H",
            "UpgradeTimeoutInSeconds": "P1DT0H",
            "MaxPercentUnhealthyApplications": 0,
            "MaxPercentUnhealthyNodes": 100,
            "MaxPercentDeltaUnhealthyNodes": 0,
            "MaxPercentUpgradeDomainDeltaUnhealthyNodes": 0,
            "ApplicationHealthPolicies": {
                "ApplicationHealthPolicyMap": [{
                    "Key": "fabric:/samples/CalculatorApp",
                    "Value": {
                        "ConsiderWarningAsError": true,
                        "MaxPercentUnhealthyDeployedApplications": 10,
                        "DefaultServiceTypeHealthPolicy": {
                            "MaxPercentUnhealthyPartitionsPerService": 0,
                            "MaxPercentUnhealthyReplicasPerPartition": 0,
                            "MaxPercentUnhealthyServices": 0
                        },
                        "ServiceTypeHealthPolicyMap": [{
                            "Key": "Svc1Type",
                            "Value": {
                                "MaxPercentUnhealthyPartitionsPerService": 0,
                                "MaxPercentUnhealthyReplicasPerPartition": 0,
                                "MaxPercentUnhealthyServices": 10
                            }
                        }]
                    }
                }]
            }
        });
        let response = post(&emulator, START, body.to_string().as_bytes()).await;
        assert_eq!(response.status, 202, "{}", response.text());
    })
    .await;
}

#[tokio::test]
async fn the_body_is_read_as_leniently_as_the_gateway_reads_it() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        let lenient = [
            json!({ "ClusterConfig": config_at("2.0.0"), "MaxPercentUnhealthyApplications": 50.5 }).to_string(),
            json!({ "ClusterConfig": config_at("3.0.0"), "MaxPercentUnhealthyNodes": "10" }).to_string(),
            json!({ "ClusterConfig": config_at("4.0.0"), "MaxPercentUnhealthyNodes": "ten" }).to_string(),
            json!({ "ClusterConfig": config_at("5.0.0"), "UpgradeTimeoutInSeconds": 600 }).to_string(),
            json!({ "ClusterConfig": config_at("6.0.0"), "UpgradeTimeoutInSeconds": "", "HealthCheckRetryTimeout": null }).to_string(),
            format!("{} trailing bytes are never read", json!({ "ClusterConfig": config_at("7.0.0") })),
            format!(r#"{{"ClusterConfig": {}, "ClusterConfig": {}}}"#, Value::from(config_at("1.0.0")), Value::from(config_at("8.0.0"))),
        ];
        for body in &lenient {
            let response = post(&emulator, START, body.as_bytes()).await;
            assert_eq!(response.status, 202, "{body}: {}", response.text());
        }
        assert_eq!(emulator.unmatched(), []);
        // The last of a repeated key is the value; the first that cannot be read fails.
        let repeated = format!(
            r#"{{"ClusterConfig": {}, "HealthCheckRetryTimeout": "P0D", "HealthCheckRetryTimeout": "PT1S"}}"#,
            Value::from(config_at("9.0.0"))
        );
        post(&emulator, START, repeated.as_bytes())
            .await
            .assert_error(400, "E_INVALIDARG", "Invalid argument");
        // A number where the config's string belongs is read as its text, which is no
        // ClusterConfig: the upgrade service refuses it.
        post(&emulator, START, br#"{"ClusterConfig": 12}"#)
            .await
            .assert_error(500, CONFIG_UPGRADE_FAILED, UNREADABLE);
    })
    .await;
}

#[tokio::test]
async fn unreadable_cluster_configs_fail_the_upgrade() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        let unsupported = SAMPLE_CLUSTER_CONFIG
            .replace(r#""apiVersion": "10-2017""#, r#""apiVersion": "11-2017""#)
            .replace(r#""1.0.0""#, r#""2.0.0""#);
        let no_api_version = SAMPLE_CLUSTER_CONFIG
            .replace(r#""apiVersion": "10-2017","#, "")
            .replace(r#""1.0.0""#, r#""2.0.0""#);
        for config in ["not json", "{", "[1]", unsupported.as_str(), no_api_version.as_str()] {
            post(&emulator, START, &description(config))
                .await
                .assert_error(500, CONFIG_UPGRADE_FAILED, UNREADABLE);
        }
        for api_version in ["2016-09-26", "01-2017", "04-2017", "05-2017", "08-2017", "06-2018"] {
            let emulator = Emulator::start().await.expect("start");
            let config = config_at("2.0.0").replace("10-2017", api_version);
            assert_eq!(post(&emulator, START, &description(&config)).await.status, 202);
        }
    })
    .await;
}

#[tokio::test]
async fn the_same_version_fails_the_upgrade() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        post(&emulator, START, &description(SAMPLE_CLUSTER_CONFIG))
            .await
            .assert_error(
                500,
                CONFIG_UPGRADE_FAILED,
                "ValidationException: A configuration upgrade with identical configuration version is not allowed.",
            );
    })
    .await;
}

#[tokio::test]
async fn a_new_cluster_name_fails_the_upgrade() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        let renamed = config_at("2.0.0").replace("fabric-rest-sample", "another-name");
        post(&emulator, START, &description(&renamed)).await.assert_error(
            500,
            CONFIG_UPGRADE_FAILED,
            "ValidationException: Cluster name can't be changed in cluster configuration upgrade.",
        );
        assert_eq!(emulator.upgrade_status().upgrade_state, "RollingForwardCompleted");
    })
    .await;
}
