//! What a real client reads of the cluster: the gateway's pages, its version, its nodes
//! and health, and the spec's examples.

mod common;

use common::*;
use fabric_rest_emulator::{Emulator, HealthState, Problem};
use serde_json::{Value, json};

#[tokio::test]
async fn the_root_and_explorer_need_no_api_version() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        for target in ["/", "/?api-version=6.0"] {
            let root = get(&emulator, target).await;
            assert_eq!(root.status_line, "HTTP/1.1 200 OK");
            assert_eq!(root.header("content-type"), Some("text/html; charset=utf-8"));
            assert!(root.text().starts_with("<!DOCTYPE html>"), "{}", root.text());
        }
        for target in ["/Explorer", "/explorer", "/Explorer/"] {
            let redirect = get(&emulator, target).await;
            assert_eq!(redirect.status_line, "HTTP/1.1 301 Moved Permanently", "{target}");
            assert_eq!(redirect.header("location"), Some("/Explorer/index.html"));
        }
        let explorer = get(&emulator, "/Explorer/index.html").await;
        assert_eq!(explorer.status, 200);
        assert_eq!(emulator.unmatched(), []);
    })
    .await;
}

#[tokio::test]
async fn the_cluster_version_is_the_runtimes() {
    bounded(async {
        let emulator = Emulator::builder().runtime_version(8, 2).start().await.expect("start");
        let version = get(&emulator, "/$/GetClusterVersion?api-version=6.4").await;
        assert_eq!(version.status, 200);
        assert_eq!(version.text(), r#"{"Version":"8.2.0.0"}"#);
        get(&emulator, "/$/GetClusterVersion?api-version=6.3")
            .await
            .assert_error(400, "E_INVALIDARG", "Invalid argument");
        assert_eq!(
            emulator.unmatched()[0].problem,
            Problem::ApiVersionOutOfRange {
                sent: "6.3".into(),
                minimum: "6.4".into(),
                maximum: "8.2".into()
            }
        );
    })
    .await;
}

fn names(page: &Value) -> Vec<&str> {
    page["Items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|n| n["Name"].as_str().expect("name"))
        .collect()
}

#[tokio::test]
async fn nodes_come_from_the_cluster_config() {
    bounded(async {
        let emulator = Emulator::builder()
            .step(std::time::Duration::from_millis(1))
            .start()
            .await
            .expect("start");
        let page = get(&emulator, "/Nodes?api-version=6.3").await.json();
        assert_eq!(page["ContinuationToken"], "");
        assert_eq!(names(&page), ["vm0", "vm1", "vm2"]);
        let vm1 = &page["Items"][1];
        let expected = json!({
            "Name": "vm1", "IpAddressOrFQDN": "localhost", "Type": "NodeType0",
            "CodeVersion": "9.1.0.0", "ConfigVersion": "1.0.0", "NodeStatus": "Up",
            "HealthState": "Ok", "IsSeedNode": true, "UpgradeDomain": "UD1",
            "FaultDomain": "fd:/dc1/r1", "IsStopped": false, "NodeDownTimeInSeconds": "0",
            "NodeDownAt": "0001-01-01T00:00:00.000Z",
        });
        for (key, value) in expected.as_object().expect("object") {
            assert_eq!(&vm1[key], value, "{key}");
        }
        let node = &emulator.nodes()[1];
        assert_eq!(vm1["Id"]["Id"], node.id.as_str());
        assert_eq!(node.upgrade_domain, "UD1");

        let first = get(&emulator, "/Nodes?api-version=6.3&MaxResults=2").await.json();
        assert_eq!(
            (names(&first), first["ContinuationToken"].as_str()),
            (vec!["vm0", "vm1"], Some("vm1"))
        );
        let rest = get(&emulator, "/Nodes?api-version=6.3&MaxResults=2&ContinuationToken=vm1")
            .await
            .json();
        assert_eq!(
            (names(&rest), rest["ContinuationToken"].as_str()),
            (vec!["vm2"], Some(""))
        );
        let down = get(&emulator, "/Nodes?api-version=6.3&NodeStatusFilter=Down")
            .await
            .json();
        assert!(names(&down).is_empty());
        get(&emulator, "/Nodes?api-version=6.0")
            .await
            .assert_error(400, "E_INVALIDARG", "Invalid argument");

        start_upgrade(&emulator, "2.0.0").await;
        poll_until_settled(&emulator, "2.0.0").await;
        let after = get(&emulator, "/Nodes?api-version=6.3").await.json();
        assert_eq!(after["Items"][0]["ConfigVersion"], "2.0.0");
    })
    .await;
}

#[tokio::test]
async fn health_is_the_worst_of_the_nodes() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        let health = get(&emulator, "/$/GetClusterHealth?api-version=6.0").await.json();
        assert_eq!(health["AggregatedHealthState"], "Ok");
        assert_eq!(health["UnhealthyEvaluations"], json!([]));
        assert_eq!(health["NodeHealthStates"].as_array().map(Vec::len), Some(3));
        assert_eq!(
            health["ApplicationHealthStates"],
            json!([{"Name": "fabric:/System", "AggregatedHealthState": "Ok"}])
        );

        assert!(emulator.set_node_health("vm1", HealthState::Warning));
        assert!(!emulator.set_node_health("vm9", HealthState::Error));
        let health = get(&emulator, "/$/GetClusterHealth?api-version=6.0").await.json();
        assert_eq!(health["AggregatedHealthState"], "Warning");
        let evaluation = &health["UnhealthyEvaluations"][0]["HealthEvaluation"];
        assert_eq!(evaluation["Kind"], "Nodes");
        assert_eq!(
            evaluation["UnhealthyEvaluations"][0]["HealthEvaluation"]["NodeName"],
            "vm1"
        );
        let counts = &health["HealthStatistics"]["HealthStateCountList"][0];
        assert_eq!(
            counts,
            &json!({"EntityKind": "Node", "HealthStateCount": {"OkCount": 2, "ErrorCount": 0, "WarningCount": 1}})
        );
        let warnings = get(
            &emulator,
            "/$/GetClusterHealth?api-version=6.0&NodesHealthStateFilter=4&ExcludeHealthStatistics=true",
        )
        .await
        .json();
        let vm1 = &emulator.nodes()[1];
        assert_eq!(
            warnings["NodeHealthStates"],
            json!([{"Name": "vm1", "Id": {"Id": vm1.id}, "AggregatedHealthState": "Warning"}])
        );
        assert_eq!(warnings.get("HealthStatistics"), None);
        let nodes = get(&emulator, "/Nodes?api-version=6.3").await.json();
        assert_eq!(nodes["Items"][1]["HealthState"], "Warning");
        assert_eq!(emulator.unmatched(), []);
    })
    .await;
}

#[tokio::test]
async fn spec_examples_answer_the_gets_nothing_else_answers() {
    bounded(async {
        let plain = Emulator::start().await.expect("start");
        get(&plain, "/$/GetClusterManifest?api-version=6.0").await.assert_error(
            400,
            "E_INVALIDARG",
            "Invalid argument",
        );
        assert_eq!(plain.unmatched()[0].problem, Problem::UnknownPath);

        let emulator = Emulator::builder().with_spec_examples().start().await.expect("start");
        let example: Value =
            serde_json::from_str(include_str!("../src/examples/GetClusterManifest.json")).expect("example");
        let manifest = get(&emulator, "/$/GetClusterManifest?api-version=6.0").await;
        assert_eq!(manifest.status, 200);
        assert_eq!(manifest.json(), example["responses"]["200"]["body"]);
        // Any name: the example is the example.
        let load = get(&emulator, "/Nodes/anything/$/GetLoadInformation?api-version=6.0")
            .await
            .json();
        assert_eq!(load["NodeName"], "_Node_0");
        let info = get(&emulator, "/ImageStore/$/Info?api-version=6.5").await.json();
        assert!(info.is_object(), "{info}");
        // What the emulator answers itself keeps its own answer.
        let nodes = get(&emulator, "/Nodes?api-version=6.3").await.json();
        assert_eq!(names(&nodes), ["vm0", "vm1", "vm2"]);
        let node = get(&emulator, "/Nodes/vm1?api-version=6.0").await.json();
        assert_eq!(node["Name"], "vm1");
        assert_eq!(emulator.unmatched(), []);
        // And example operations are checked by the spec's description.
        get(&emulator, "/$/InvokeInfrastructureQuery?api-version=6.0")
            .await
            .assert_error(400, "E_INVALIDARG", "Invalid argument");
        assert_eq!(
            emulator.unmatched()[0].problem,
            Problem::MissingQueryParameter { name: "Command" }
        );
        let query = get(
            &emulator,
            "/$/InvokeInfrastructureQuery?api-version=6.0&Command=GetJobs",
        )
        .await;
        assert_eq!(query.status, 200);
    })
    .await;
}
