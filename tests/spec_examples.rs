//! The official spec's example responses, decoded through the declared GET operations.
//!
//! Each test serves the `responses."200".body` of one or more example files from
//! `tests/fixtures/examples/` (see `SOURCE.md` there) on a loopback server, calls the declared
//! method with the example's `parameters`, checks the request line the server received and
//! checks that the decoded value, written back with serde_json, is the example body again:
//! nothing the gateway sent may be lost or changed on the way through the model, neither the
//! fields the model does not know (kept in its `unknown_fields`) nor whether a number came
//! as a number or as a string.

use std::future::Future;
use std::time::Duration;

use fabric_rest::Client;
use fabric_rest::cluster::{
    ClusterConfigurationUpgrade, ClusterHealthOperations, ClusterInfo, ClusterPartitions, ClusterUpgrade,
    Infrastructure, RepairTasks,
};
use fabric_rest::image_store::ImageStore;
use fabric_rest::models::{Decimal, DeployedServiceReplicaInfo, Int64, UpgradeState};
use fabric_rest::nodes::{DeployedOnNode, Nodes};
use serde::Serialize;
use serde_json::Value;

mod support;
use support::{Seen, lines, serve};

/// How long one test may take, requests and all.
const BOUND: Duration = Duration::from_secs(20);

/// Runs a test body, failing it if it takes longer than [`BOUND`].
async fn bounded(test: impl Future<Output = ()>) {
    tokio::time::timeout(BOUND, test)
        .await
        .expect("the test finished in time");
}

/// One example file.
struct Example {
    json: Value,
}

impl Example {
    fn parse(text: &str) -> Example {
        Example {
            json: serde_json::from_str(text).expect("the example is JSON"),
        }
    }

    /// A value of the example's `parameters`.
    fn param(&self, name: &str) -> &Value {
        let value = &self.json["parameters"][name];
        assert!(!value.is_null(), "the example has no parameter {name}");
        value
    }

    /// A string value of the example's `parameters`.
    fn param_str(&self, name: &str) -> &str {
        self.param(name).as_str().expect("a string parameter")
    }

    /// The body of the example's 200 response.
    fn body(&self) -> &Value {
        let body = &self.json["responses"]["200"]["body"];
        assert!(!body.is_null(), "the example has no 200 body");
        body
    }
}

/// Serves the example's 200 body.
async fn serve_example(example: &Example) -> (Client, Seen) {
    let body = serde_json::to_string(example.body()).unwrap();
    serve(move |_| (200, body.clone())).await
}

/// Where two JSON values differ, as JSON pointers with both sides.
fn differences(path: &str, got: &Value, want: &Value, out: &mut Vec<String>) {
    match (got, want) {
        (Value::Object(got), Value::Object(want)) => {
            for (key, value) in want {
                let at = format!("{path}/{key}");
                match got.get(key) {
                    Some(other) => differences(&at, other, value, out),
                    None => out.push(format!("{at}: lost (the example has {value})")),
                }
            }
            for (key, value) in got.iter().filter(|(key, _)| !want.contains_key(*key)) {
                out.push(format!("{path}/{key}: added {value}"));
            }
        }
        (Value::Array(got), Value::Array(want)) if got.len() == want.len() => {
            for (index, (got, want)) in got.iter().zip(want).enumerate() {
                differences(&format!("{path}/{index}"), got, want, out);
            }
        }
        _ if got != want => out.push(format!("{path}: {got} but the example has {want}")),
        _ => {}
    }
}

/// The decoded value, serialized again, is exactly the example body.
fn assert_round_trip<T: Serialize>(decoded: &T, example: &Value) {
    let written = serde_json::to_value(decoded).expect("the model serializes");
    let mut found = Vec::new();
    differences("", &written, example, &mut found);
    assert!(found.is_empty(), "{} differences:\n{}", found.len(), found.join("\n"));
    assert_eq!(&written, example);
}

/// A wire integer as its value and whether it came as a string.
fn int64(value: Option<Int64>) -> Option<(i64, bool)> {
    value.map(|number| (number.get(), number.is_quoted()))
}

/// A wire decimal as its text and whether it came as a string.
fn decimal(value: &Option<Decimal>) -> Option<(String, bool)> {
    value.as_ref().map(|number| (number.to_string(), number.is_quoted()))
}

macro_rules! example {
    ($file:literal) => {
        Example::parse(include_str!(concat!("fixtures/examples/", $file)))
    };
}

// ---- cluster ---------------------------------------------------------------------------

#[tokio::test]
async fn get_cluster_manifest() {
    bounded(async {
        let example = example!("GetClusterManifest.json");
        let (client, seen) = serve_example(&example).await;
        let manifest = client.get_cluster_manifest(None).await.unwrap();
        assert_eq!(lines(&seen), ["GET /$/GetClusterManifest?api-version=6.0 HTTP/1.1"]);
        assert_round_trip(&manifest, example.body());
        let text = manifest.manifest.unwrap();
        assert!(text.starts_with("<ClusterManifest xmlns:xsd="), "{text}");
        assert!(text.ends_with("</FabricSettings>\r\n</ClusterManifest>"), "{text}");
    })
    .await;
}

#[tokio::test]
async fn get_cluster_health() {
    bounded(async {
        let example = example!("GetClusterHealth.json");
        let (client, seen) = serve_example(&example).await;
        let health = client
            .get_cluster_health(None, None, None, None, None, None)
            .await
            .unwrap();
        assert_eq!(lines(&seen), ["GET /$/GetClusterHealth?api-version=6.0 HTTP/1.1"]);
        let nodes = health.node_health_states.as_ref().unwrap();
        assert_eq!(
            nodes[4].id.as_ref().and_then(|id| id.id.as_deref()),
            Some("bf865279ba277deb864a976fbf4c200e")
        );
        assert_round_trip(&health, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_cluster_health_chunk() {
    bounded(async {
        let example = example!("GetClusterHealthChunk.json");
        let (client, seen) = serve_example(&example).await;
        let chunk = client.get_cluster_health_chunk(None).await.unwrap();
        assert_eq!(lines(&seen), ["GET /$/GetClusterHealthChunk?api-version=6.0 HTTP/1.1"]);
        assert_round_trip(&chunk, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_provisioned_fabric_code_version_info_list() {
    bounded(async {
        let example = example!("GetProvisionedFabricCodeVersionInfoList.json");
        let (client, seen) = serve_example(&example).await;
        let versions = client
            .get_provisioned_fabric_code_version_info_list(None, None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /$/GetProvisionedCodeVersions?api-version=6.0 HTTP/1.1"]
        );
        assert!(versions.is_empty());
        assert_round_trip(&versions, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_provisioned_fabric_config_version_info_list() {
    bounded(async {
        let example = example!("GetProvisionedFabricConfigVersionInfoList.json");
        let (client, seen) = serve_example(&example).await;
        let versions = client
            .get_provisioned_fabric_config_version_info_list(None, None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /$/GetProvisionedConfigVersions?api-version=6.0 HTTP/1.1"]
        );
        assert!(versions.is_empty());
        assert_round_trip(&versions, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_cluster_upgrade_progress() {
    bounded(async {
        let example = example!("GetClusterUpgradeProgress.json");
        let (client, seen) = serve_example(&example).await;
        let progress = client.get_cluster_upgrade_progress(None).await.unwrap();
        assert_eq!(lines(&seen), ["GET /$/GetUpgradeProgress?api-version=6.0 HTTP/1.1"]);
        let took = progress.upgrade_duration_in_milliseconds.as_ref().unwrap();
        assert_eq!(took.as_str(), "PT0H10M0.1752S");
        assert_eq!(took.to_duration(), Some(std::time::Duration::from_micros(600_175_200)));
        let description = progress.upgrade_description.as_ref().unwrap();
        assert_eq!(description.enable_delta_health_evaluation, Some(true));
        let monitoring = description.monitoring_policy.as_ref().unwrap();
        let retry = monitoring.health_check_retry_timeout_in_milliseconds.as_ref().unwrap();
        assert_eq!(retry.to_duration(), Some(std::time::Duration::from_secs(9_000)));
        let policy = description.cluster_health_policy.as_ref().unwrap();
        // An empty map that arrived is kept, and written back, as empty.
        assert_eq!(policy.node_type_health_policy_map, Some(vec![]));
        assert_round_trip(&progress, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_cluster_configuration() {
    bounded(async {
        let example = example!("GetClusterConfiguration.json");
        let (client, seen) = serve_example(&example).await;
        let configuration = client
            .get_cluster_configuration(example.param_str("ConfigurationApiVersion"), None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /$/GetClusterConfiguration?api-version=6.0&ConfigurationApiVersion=9.0 HTTP/1.1"]
        );
        assert_round_trip(&configuration, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_cluster_configuration_upgrade_status() {
    bounded(async {
        let example = example!("GetClusterConfigurationUpgradeStatus.json");
        let (client, seen) = serve_example(&example).await;
        let status = client.get_cluster_configuration_upgrade_status(None).await.unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /$/GetClusterConfigurationUpgradeStatus?api-version=6.0 HTTP/1.1"]
        );
        assert_eq!(status.upgrade_state, UpgradeState::RollingBackInProgress);
        assert_eq!(status.progress_status, 4);
        assert_eq!(status.config_version, "3");
        // The model holds every field, absent or not (an absent `Details` is empty text), so
        // it writes the `Details` the example leaves out.
        assert_eq!(status.details, "");
        let mut written = example.body().clone();
        written["Details"] = Value::from("");
        assert_round_trip(&status, &written);
    })
    .await;
}

#[tokio::test]
async fn get_upgrade_orchestration_service_state() {
    bounded(async {
        let example = example!("GetUpgradeOrchestrationServiceState.json");
        let (client, seen) = serve_example(&example).await;
        let state = client.get_upgrade_orchestration_service_state(None).await.unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /$/GetUpgradeOrchestrationServiceState?api-version=6.0 HTTP/1.1"]
        );
        assert_eq!(state.service_state, None);
        assert_round_trip(&state, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_aad_metadata() {
    bounded(async {
        let example = example!("GetAadMetadata.json");
        let (client, seen) = serve_example(&example).await;
        let metadata = client.get_aad_metadata(None).await.unwrap();
        assert_eq!(lines(&seen), ["GET /$/GetAadMetadata?api-version=6.0 HTTP/1.1"]);
        assert_eq!(metadata.metadata_type, None);
        assert_eq!(metadata.metadata, None);
        assert_round_trip(&metadata, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_cluster_version() {
    bounded(async {
        let example = example!("GetClusterVersion-1.json");
        let (client, seen) = serve_example(&example).await;
        let version = client.get_cluster_version(None).await.unwrap();
        assert_eq!(lines(&seen), ["GET /$/GetClusterVersion?api-version=6.4 HTTP/1.1"]);
        assert_eq!(version.version.as_deref(), Some("6.4.514.9494"));
        assert_round_trip(&version, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_cluster_load() {
    bounded(async {
        let example = example!("GetClusterLoad.json");
        let (client, seen) = serve_example(&example).await;
        let load = client.get_cluster_load(None).await.unwrap();
        assert_eq!(lines(&seen), ["GET /$/GetLoadInformation?api-version=6.0 HTTP/1.1"]);
        let metrics = load.load_metric_information.as_ref().unwrap();
        assert_eq!(metrics.len(), 3);
        let primary = &metrics[1];
        assert_eq!(primary.name.as_deref(), Some("PrimaryCount"));
        // The spec types every load as a string; the gateway writes most of them as JSON
        // numbers. Each keeps the form it came in.
        assert_eq!(decimal(&primary.deviation_before), Some(("0.333333".into(), false)));
        assert_eq!(decimal(&primary.current_cluster_load), Some(("6.0".into(), false)));
        assert_eq!(decimal(&primary.activity_threshold), Some(("0".into(), false)));
        assert_eq!(decimal(&primary.cluster_load), Some(("6".into(), true)));
        assert_eq!(decimal(&primary.min_node_load_value), Some(("1".into(), true)));
        assert_eq!(
            primary.max_node_load_node_id.as_ref().and_then(|id| id.id.as_deref()),
            Some("876a44d9185bf9416336b22e5d37cde8")
        );
        assert_round_trip(&load, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_loaded_partition_info_list() {
    bounded(async {
        let example = example!("GetLoadedPartitionInfoList.json");
        let (client, seen) = serve_example(&example).await;
        let page = client
            .get_loaded_partition_info_list(example.param_str("MetricName"), None, None, None, None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /$/GetLoadedPartitionInfoList?api-version=8.0&MetricName=Count HTTP/1.1"]
        );
        assert_eq!(page.items.len(), 8);
        assert_round_trip(&page, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_repair_task_list() {
    bounded(async {
        let example = example!("GetRepairTaskList.json");
        let (client, seen) = serve_example(&example).await;
        let tasks = client.get_repair_task_list(None, None, None).await.unwrap();
        assert_eq!(lines(&seen), ["GET /$/GetRepairTaskList?api-version=6.0 HTTP/1.1"]);
        assert_eq!(tasks.len(), 2);
        assert_eq!(tasks[1].state, "Preparing");
        assert_eq!(tasks[1].description.as_deref(), Some(""));
        // Not a property of RepairTask in the spec: kept among its unknown fields.
        for task in &tasks {
            assert_eq!(task.unknown_fields["Scope"], serde_json::json!({"Kind": "Cluster"}));
            assert_eq!(task.unknown_fields.len(), 1);
        }
        assert_eq!(tasks[0].version, Some(Int64::new(132_362_216_205_208_555)));
        assert_round_trip(&tasks, example.body());
    })
    .await;
}

#[tokio::test]
async fn invoke_infrastructure_query() {
    bounded(async {
        let example = example!("InvokeInfrastructureQuery.json");
        let (client, seen) = serve_example(&example).await;
        let answer = client
            .invoke_infrastructure_query(example.param_str("Command"), None, None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /$/InvokeInfrastructureQuery?api-version=6.0&Command=GetJobs HTTP/1.1"]
        );
        // The infrastructure service answers with its own text, which the spec's example
        // gives as one JSON string; it is kept as it came.
        assert!(answer.as_str().unwrap().starts_with("[ { \"IsActive\": true,"));
        assert_round_trip(&answer, example.body());
    })
    .await;
}

// ---- nodes -----------------------------------------------------------------------------

#[tokio::test]
async fn get_node_info_list() {
    bounded(async {
        // All nodes in one page.
        let example = example!("GetNodeInfoList.json");
        let (client, seen) = serve_example(&example).await;
        let page = client.get_node_info_list(None, None, None, None).await.unwrap();
        assert_eq!(lines(&seen), ["GET /Nodes?api-version=6.3 HTTP/1.1"]);
        assert_eq!(page.items.len(), 5);
        assert_round_trip(&page, example.body());

        // A first page limited by MaxResults.
        let example = example!("GetNodeInfoList-1.json");
        let max_results = example.param("MaxResults").as_i64();
        let (client, seen) = serve_example(&example).await;
        let page = client.get_node_info_list(None, None, max_results, None).await.unwrap();
        assert_eq!(lines(&seen), ["GET /Nodes?api-version=6.3&MaxResults=2 HTTP/1.1"]);
        assert_eq!(
            page.continuation_token.as_deref(),
            Some("2acb9f55540659b1c95f27cc128ab326")
        );
        assert_round_trip(&page, example.body());

        // The next page, asked for with the token.
        let example = example!("GetNodeInfoList-2.json");
        let (client, seen) = serve_example(&example).await;
        let page = client
            .get_node_info_list(Some(example.param_str("ContinuationToken")), None, None, None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Nodes?api-version=6.3&ContinuationToken=2acb9f55540659b1c95f27cc128ab326 HTTP/1.1"]
        );
        assert_eq!(page.continuation_token.as_deref(), Some(""));
        assert_round_trip(&page, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_node_info() {
    bounded(async {
        let example = example!("GetNodeInfo-1.json");
        let node_name = example.param_str("nodeName");
        let (client, seen) = serve_example(&example).await;
        let node = client
            .get_node_info(node_name, None)
            .await
            .unwrap()
            .expect("200 is Some");
        assert_eq!(lines(&seen), ["GET /Nodes/_Node_1?api-version=6.0 HTTP/1.1"]);
        assert_round_trip(&node, example.body());

        // The example's other answer: 204 with no content when there is no such node.
        assert_eq!(example.json["responses"]["204"]["body"], "");
        let (client, seen) = serve(|_| (204, String::new())).await;
        assert_eq!(client.get_node_info(node_name, None).await.unwrap(), None);
        assert_eq!(lines(&seen), ["GET /Nodes/_Node_1?api-version=6.0 HTTP/1.1"]);
    })
    .await;
}

#[tokio::test]
async fn get_node_health() {
    bounded(async {
        let example = example!("GetNodeHealth.json");
        let (client, seen) = serve_example(&example).await;
        let health = client
            .get_node_health(example.param_str("nodeName"), None, None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Nodes/_Node_0/$/GetHealth?api-version=6.0 HTTP/1.1"]
        );
        assert_round_trip(&health, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_node_load_info() {
    bounded(async {
        let example = example!("GetNodeLoadInfo.json");
        let (client, seen) = serve_example(&example).await;
        let load = client
            .get_node_load_info(example.param_str("nodeName"), None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Nodes/_Node_0/$/GetLoadInformation?api-version=6.0 HTTP/1.1"]
        );
        let metrics = load.node_load_metric_information.as_ref().unwrap();
        assert_eq!(metrics.len(), 11);
        let memory = &metrics[8];
        assert_eq!(memory.name.as_deref(), Some("servicefabric:/_MemoryInMB"));
        // The spec types every load as a string; the gateway writes four of them as JSON
        // numbers. Each keeps the form it came in.
        assert_eq!(decimal(&memory.node_capacity), Some(("26147".into(), true)));
        assert_eq!(
            decimal(&memory.node_capacity_remaining),
            Some(("26147.0".into(), false))
        );
        assert_eq!(decimal(&memory.current_node_load), Some(("0.0".into(), false)));
        assert_round_trip(&load, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_configuration_overrides() {
    bounded(async {
        let example = example!("GetConfigurationOverrides.json");
        let (client, seen) = serve_example(&example).await;
        let overrides = client
            .get_configuration_overrides(example.param_str("nodeName"), None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Nodes/_Node_0/$/GetConfigurationOverrides?api-version=7.0 HTTP/1.1"]
        );
        assert!(overrides.is_empty());
        assert_round_trip(&overrides, example.body());
    })
    .await;
}

// ---- deployed on a node ----------------------------------------------------------------

#[tokio::test]
async fn get_deployed_application_info_list() {
    bounded(async {
        // A first page limited by MaxResults.
        let example = example!("GetDeployedApplicationInfoList-1.json");
        let node_name = example.param_str("nodeName");
        let (client, seen) = serve_example(&example).await;
        let page = client
            .get_deployed_application_info_list(node_name, None, None, None, example.param("MaxResults").as_i64())
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Nodes/_Node_0/$/GetApplications?api-version=6.1&MaxResults=2 HTTP/1.1"]
        );
        assert_eq!(page.continuation_token.as_deref(), Some("fabric:/samples/PQueueApp1"));
        assert_round_trip(&page, example.body());

        // The next page, asked for with the token.
        let example = example!("GetDeployedApplicationInfoList-2.json");
        let (client, seen) = serve_example(&example).await;
        let page = client
            .get_deployed_application_info_list(
                node_name,
                None,
                None,
                Some(example.param_str("ContinuationToken")),
                None,
            )
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Nodes/_Node_0/$/GetApplications?api-version=6.1&ContinuationToken=fabric%3A%2Fsamples%2FPQueueApp1 HTTP/1.1"]
        );
        assert_round_trip(&page, example.body());

        // With health states.
        let example = example!("GetDeployedApplicationInfoList-3.json");
        let (client, seen) = serve_example(&example).await;
        let page = client
            .get_deployed_application_info_list(node_name, None, example.param("IncludeHealthState").as_bool(), None, None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Nodes/_Node_0/$/GetApplications?api-version=6.1&IncludeHealthState=true HTTP/1.1"]
        );
        assert_eq!(page.items.len(), 3);
        assert_round_trip(&page, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_deployed_application_info() {
    bounded(async {
        let example = example!("GetDeployedApplicationInfoByName-1.json");
        let node_name = example.param_str("nodeName");
        let application_id = example.param_str("applicationId");
        let include_health_state = example.param("IncludeHealthState").as_bool();
        let (client, seen) = serve_example(&example).await;
        let application = client
            .get_deployed_application_info(node_name, application_id, None, include_health_state)
            .await
            .unwrap()
            .expect("200 is Some");
        let line =
            "GET /Nodes/_Node_0/$/GetApplications/samples~CalculatorApp?api-version=6.1&IncludeHealthState=true HTTP/1.1";
        assert_eq!(lines(&seen), [line]);
        assert_round_trip(&application, example.body());

        // The example's other answer: 204 when the application is not deployed there.
        assert_eq!(example.json["responses"]["204"], serde_json::json!({}));
        let (client, seen) = serve(|_| (204, String::new())).await;
        let none = client
            .get_deployed_application_info(node_name, application_id, None, include_health_state)
            .await
            .unwrap();
        assert_eq!(none, None);
        assert_eq!(lines(&seen), [line]);
    })
    .await;
}

#[tokio::test]
async fn get_deployed_application_health() {
    bounded(async {
        let example = example!("GetDeployedApplicationHealth.json");
        let (client, seen) = serve_example(&example).await;
        let health = client
            .get_deployed_application_health(
                example.param_str("nodeName"),
                example.param_str("applicationId"),
                None,
                None,
                None,
                None,
            )
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Nodes/_Node_0/$/GetApplications/fabric%3A%2FVisualObjects/$/GetHealth?api-version=6.0 HTTP/1.1"]
        );
        assert_round_trip(&health, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_deployed_service_type_info_list() {
    bounded(async {
        let example = example!("GetDeployedServiceTypeInfoList.json");
        let (client, seen) = serve_example(&example).await;
        let types = client
            .get_deployed_service_type_info_list(
                example.param_str("nodeName"),
                example.param_str("applicationId"),
                Some(example.param_str("ServiceManifestName")),
                None,
            )
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Nodes/_Node_0/$/GetApplications/App1/$/GetServiceTypes?api-version=6.0&ServiceManifestName=manifestName HTTP/1.1"]
        );
        assert!(types.is_empty());
        assert_round_trip(&types, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_deployed_service_type_info_by_name() {
    bounded(async {
        let example = example!("GetDeployedServiceTypeInfoByName.json");
        let (client, seen) = serve_example(&example).await;
        let types = client
            .get_deployed_service_type_info_by_name(
                example.param_str("nodeName"),
                example.param_str("applicationId"),
                example.param_str("serviceTypeName"),
                None,
                None,
            )
            .await
            .unwrap()
            .expect("200 is Some");
        assert_eq!(
            lines(&seen),
            ["GET /Nodes/_Node_0/$/GetApplications/fabric%3A%2FVisualObjects/$/GetServiceTypes/VisualObjects.ActorServicePkg?api-version=6.0 HTTP/1.1"]
        );
        // The spec's example body is a replica's details (the answer of
        // GetDeployedServiceReplicaDetailInfo), not a list of DeployedServiceTypeInfo: none
        // of its fields is one of a deployed service type's. It still decodes, one item for
        // its one element, with every field of the service type absent and every field of
        // the example kept among its unknown fields.
        assert_eq!(types.len(), 1);
        let element = example.body()[0].as_object().unwrap();
        assert_eq!(types[0].service_type_name, None);
        assert_eq!(types[0].service_manifest_name, None);
        assert_eq!(*types[0].unknown_fields, *element);
        assert_round_trip(&types, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_deployed_service_replica_info_list() {
    bounded(async {
        let example = example!("GetDeployedServiceReplicaInfoList.json");
        let (client, seen) = serve_example(&example).await;
        let replicas = client
            .get_deployed_service_replica_info_list(
                example.param_str("nodeName"),
                example.param_str("applicationId"),
                None,
                None,
                None,
            )
            .await
            .unwrap()
            .expect("200 is Some");
        assert_eq!(
            lines(&seen),
            ["GET /Nodes/_Node_0/$/GetApplications/VisualObjects/$/GetReplicas?api-version=6.0 HTTP/1.1"]
        );
        assert_eq!(replicas.len(), 3);
        assert_eq!(replicas[1].kind(), "Stateful");
        // Not a property of DeployedServiceReplicaInfo in the spec: kept among the variant's
        // unknown fields, where the `ServiceKind` discriminator is not.
        for replica in &replicas {
            let (DeployedServiceReplicaInfo::Stateful(fields) | DeployedServiceReplicaInfo::Stateless(fields)) =
                replica
            else {
                panic!("a known kind: {replica:?}")
            };
            assert_eq!(fields.unknown_fields["ServiceManifestVersion"], "");
            assert_eq!(fields.unknown_fields.get("ServiceKind"), None);
        }
        let DeployedServiceReplicaInfo::Stateful(first) = &replicas[0] else {
            panic!("a stateful replica: {:?}", replicas[0])
        };
        assert_eq!(int64(first.replica_id), Some((133_117_243_749_598_175, true)));
        assert_round_trip(&replicas, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_deployed_service_replica_detail_info() {
    bounded(async {
        let example = example!("GetDeployedServiceReplicaDetailInfo.json");
        // The example gives the replica id as a JSON number; the path takes its digits.
        let replica_id = example.param("replicaId").as_u64().unwrap().to_string();
        let (client, seen) = serve_example(&example).await;
        let detail = client
            .get_deployed_service_replica_detail_info(
                example.param_str("nodeName"),
                example.param_str("partitionId"),
                &replica_id,
                None,
            )
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Nodes/_Node_0/$/GetPartitions/1daae3f5-7fd6-42e9-b1ba-8c05f873994d/$/GetReplicas/133117243825817602/$/GetDetail?api-version=6.0 HTTP/1.1"]
        );
        let fabric_rest::models::DeployedServiceReplicaDetailInfo::Stateful(stateful) = &detail else {
            panic!("a stateful replica: {detail:?}")
        };
        let replica = stateful.deployed_service_replica_query_result.as_ref().unwrap();
        assert_eq!(replica["HostProcessId"], "11508");
        assert_round_trip(&detail, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_deployed_service_package_info_list() {
    bounded(async {
        let example = example!("GetDeployedServicePackageInfoList.json");
        let (client, seen) = serve_example(&example).await;
        let packages = client
            .get_deployed_service_package_info_list(
                example.param_str("nodeName"),
                example.param_str("applicationId"),
                None,
            )
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Nodes/_Node_0/$/GetApplications/VisualObjects/$/GetServicePackages?api-version=6.0 HTTP/1.1"]
        );
        assert_eq!(packages[0].name.as_deref(), Some("VisualObjects.ActorServicePkg"));
        // Not a property of DeployedServicePackageInfo in the spec: kept among its unknown
        // fields.
        assert_eq!(packages[0].unknown_fields["HealthState"], "Unknown");
        assert_round_trip(&packages, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_deployed_service_package_info_list_by_name() {
    bounded(async {
        let example = example!("GetDeployedServicePackageInfoListByName.json");
        let (client, seen) = serve_example(&example).await;
        let packages = client
            .get_deployed_service_package_info_list_by_name(
                example.param_str("nodeName"),
                example.param_str("applicationId"),
                example.param_str("servicePackageName"),
                None,
            )
            .await
            .unwrap()
            .expect("200 is Some");
        assert_eq!(
            lines(&seen),
            ["GET /Nodes/9.0.0/$/GetApplications/fabric%3A%2FVisualObjects/$/GetServicePackages/VisualObjects.ActorServiceType?api-version=6.0 HTTP/1.1"]
        );
        // The spec's example body is a service type's description (an item of
        // GetServiceTypeInfoList), not a list of DeployedServicePackageInfo: none of its
        // fields is one of a deployed service package's. It still decodes, one item for its
        // one element, with every field of the package absent and every field of the example
        // kept among its unknown fields.
        assert_eq!(packages.len(), 1);
        let element = example.body()[0].as_object().unwrap();
        assert_eq!(packages[0].name, None);
        assert_eq!(packages[0].version, None);
        assert_eq!(*packages[0].unknown_fields, *element);
        assert_round_trip(&packages, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_deployed_service_package_health() {
    bounded(async {
        let example = example!("GetDeployedServicePackageHealth.json");
        let (client, seen) = serve_example(&example).await;
        let health = client
            .get_deployed_service_package_health(
                example.param_str("nodeName"),
                example.param_str("applicationId"),
                example.param_str("servicePackageName"),
                None,
                None,
            )
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Nodes/_Node_0/$/GetApplications/fabric%3A%2FVisualObjects/$/GetServicePackages/VisualObjects.ActorServicePkg/$/GetHealth?api-version=6.0 HTTP/1.1"]
        );
        assert_eq!(health.health_events.as_ref().map(Vec::len), Some(3));
        // Not a property of DeployedServicePackageHealth in the spec: kept among its unknown
        // fields.
        assert_eq!(health.unknown_fields["ServicePackageActivationId"], "");
        assert_round_trip(&health, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_deployed_code_package_info_list() {
    bounded(async {
        let example = example!("GetDeployedCodePackageInfoList.json");
        let (client, seen) = serve_example(&example).await;
        let packages = client
            .get_deployed_code_package_info_list(
                example.param_str("nodeName"),
                example.param_str("applicationId"),
                None,
                None,
                None,
            )
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Nodes/_Node_0/$/GetApplications/VisualObjects/$/GetCodePackages?api-version=6.0 HTTP/1.1"]
        );
        // The spec types `RunFrequencyInterval` as a string; the gateway writes a number,
        // and it stays one.
        assert_eq!(int64(packages[0].run_frequency_interval), Some((0, false)));
        let main = packages[0].main_entry_point.as_ref().unwrap();
        assert_eq!(int64(main.process_id), Some((2996, true)));
        assert_eq!(int64(main.instance_id), Some((133_126_558_467_080_230, true)));
        assert_eq!(main.container_id.as_deref(), Some(""));
        // Not properties of DeployedCodePackageInfo in the spec: kept among its unknown
        // fields.
        assert_eq!(packages[0].unknown_fields["HasSetupEntryPoint"], false);
        assert!(packages[0].unknown_fields["CodePackageUsageStatistics"].is_object());
        assert_eq!(packages[0].unknown_fields.len(), 2);
        assert_round_trip(&packages, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_container_logs_deployed_on_node() {
    bounded(async {
        const PATH: &str = "/Nodes/_Node_0/$/GetApplications/SimpleHttpServerApp/$/GetCodePackages/$/ContainerLogs";
        const QUERY: &str = "api-version=6.2&ServiceManifestName=SimpleHttpServerSvcPkg&CodePackageName=Code";
        for (file, text, extra) in [
            (
                "GetContainerLogsDeployedOnNode-1.json",
                include_str!("fixtures/examples/GetContainerLogsDeployedOnNode-1.json"),
                "",
            ),
            (
                "GetContainerLogsDeployedOnNode-2.json",
                include_str!("fixtures/examples/GetContainerLogsDeployedOnNode-2.json"),
                "&Tail=10",
            ),
            (
                "GetContainerLogsDeployedOnNode-3.json",
                include_str!("fixtures/examples/GetContainerLogsDeployedOnNode-3.json"),
                "&Previous=true",
            ),
        ] {
            let example = Example::parse(text);
            let tail = example.json["parameters"]["Tail"].as_str();
            let previous = example.json["parameters"]["Previous"].as_bool();
            let (client, seen) = serve_example(&example).await;
            let logs = client
                .get_container_logs_deployed_on_node(
                    example.param_str("nodeName"),
                    example.param_str("applicationId"),
                    example.param_str("ServiceManifestName"),
                    example.param_str("CodePackageName"),
                    tail,
                    previous,
                    None,
                )
                .await
                .unwrap();
            assert_eq!(lines(&seen), [format!("GET {PATH}?{QUERY}{extra} HTTP/1.1")], "{file}");
            assert_round_trip(&logs, example.body());
        }
    })
    .await;
}

// ---- image store -----------------------------------------------------------------------

#[tokio::test]
async fn get_image_store_content() {
    bounded(async {
        let example = example!("GetImageStoreContent.json");
        let (client, seen) = serve_example(&example).await;
        let content = client
            .get_image_store_content(example.param_str("contentPath"), None)
            .await
            .unwrap();
        // The image store's paths use `\`, which a path segment carries as `%5C`.
        assert_eq!(
            lines(&seen),
            ["GET /ImageStore/Store%5CCalcServiceApp?api-version=6.2 HTTP/1.1"]
        );
        let files = content.store_files.as_ref().unwrap();
        assert_eq!(files.len(), 6);
        assert_eq!(
            files[0].store_relative_path.as_deref(),
            Some(r"Store\CalcServiceApp\ApplicationManifest.2.0.xml")
        );
        assert_eq!(int64(files[0].file_size), Some((897, true)));
        let version = files[0].file_version.as_ref().unwrap();
        assert_eq!(int64(version.version_number), Some((23, true)));
        assert_eq!(
            int64(version.epoch_data_loss_number),
            Some((131_510_254_310_497_004, true))
        );
        let folders = content.store_folders.as_ref().unwrap();
        assert_eq!(folders.len(), 3);
        assert_eq!(int64(folders[2].file_count), Some((2, true)));
        assert_round_trip(&content, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_image_store_upload_session_by_id() {
    bounded(async {
        let example = example!("GetUploadSessionById.json");
        let (client, seen) = serve_example(&example).await;
        let session = client
            .get_image_store_upload_session_by_id(example.param_str("session-id"), None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /ImageStore/$/GetUploadSession?api-version=6.0&session-id=4a2340e8-d8d8-497c-95fe-cdaa1052f33b HTTP/1.1"]
        );
        let sessions = session.upload_sessions.as_ref().unwrap();
        assert_eq!(sessions.len(), 1);
        assert_eq!(
            sessions[0].session_id.as_deref(),
            Some("4a2340e8-d8d8-497c-95fe-cdaa1052f33b")
        );
        assert_eq!(int64(sessions[0].file_size), Some((2_097_152, true)));
        let missing: Vec<_> = sessions[0]
            .expected_ranges
            .iter()
            .flatten()
            .map(|range| range.bounds().unwrap())
            .collect();
        assert_eq!(missing, [(0, 402128), (730105, 2097151)]);
        assert_round_trip(&session, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_image_store_upload_session_by_path() {
    bounded(async {
        let example = example!("GetUploadSessionByPath.json");
        let (client, seen) = serve_example(&example).await;
        let session = client
            .get_image_store_upload_session_by_path(example.param_str("contentPath"), None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /ImageStore/SwaggerTest%5CCommon.dll/$/GetUploadSession?api-version=6.0 HTTP/1.1"]
        );
        let sessions = session.upload_sessions.as_ref().unwrap();
        let ids: Vec<_> = sessions.iter().map(|s| s.session_id.as_deref().unwrap()).collect();
        assert_eq!(
            ids,
            [
                "2032ac6c-a348-4594-86da-dab0f2bb1ae1",
                "fb2da2b2-7cb4-45d2-a2e6-c4888d205bc5"
            ]
        );
        let modified = sessions[1].modified_date.as_ref().unwrap();
        assert_eq!(modified.as_str(), "2017-09-28T17:28:11.643Z");
        assert_eq!(
            modified.to_system_time(),
            Some(std::time::UNIX_EPOCH + std::time::Duration::from_millis(1_506_619_691_643))
        );
        assert_round_trip(&session, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_image_store_info() {
    bounded(async {
        let example = example!("GetImageStoreInfo.json");
        // The example's body is a list holding one ImageStoreInfo, where the operation's
        // response schema is the object itself: the gateway's answer is that element.
        let list = example.body().as_array().expect("the example body is a list");
        assert_eq!(list.len(), 1);
        let element = list[0].clone();
        let text = element.to_string();
        let (client, seen) = serve(move |_| (200, text.clone())).await;
        let info = client.get_image_store_info(None).await.unwrap();
        assert_eq!(lines(&seen), ["GET /ImageStore/$/Info?api-version=6.5 HTTP/1.1"]);
        let disk = info.disk_info.as_ref().unwrap();
        assert_eq!(int64(disk.capacity), Some((500_090_007_552, true)));
        assert_eq!(int64(disk.available_space), Some((228_851_900_416, true)));
        let metadata = info.used_by_metadata.as_ref().unwrap();
        assert_eq!(int64(metadata.used_space), Some((23_093_248, true)));
        // The spec types `FileCount` as a string; the example writes the four of them as
        // JSON numbers, and they stay numbers.
        assert_eq!(int64(metadata.file_count), Some((6, false)));
        assert_eq!(
            int64(info.used_by_register.as_ref().unwrap().file_count),
            Some((3, false))
        );
        assert_round_trip(&info, &element);
    })
    .await;
}
