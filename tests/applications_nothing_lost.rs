//! The operations declared before the application groups, against bodies carrying what real
//! gateways send and no spec lists: every field comes back from a read, and written again
//! holds every field that arrived, numbers as numbers and strings as strings.
#![cfg(all(feature = "cluster", feature = "nodes", feature = "image_store"))]

use fabric_rest::models::{DeployedServiceReplicaInfo, RepairImpactDescription, RepairTargetDescription};
use fabric_rest::prelude::*;
use serde_json::{Value, json};

mod support;
use support::serve;

/// A server answering every request with `body`.
async fn answering(body: Value) -> Client {
    let text = body.to_string();
    serve(move |_| (200, text.clone())).await.0
}

/// `decoded`, written again, is `body`.
fn assert_kept<T: serde::Serialize>(decoded: &T, body: &Value) {
    assert_eq!(&serde_json::to_value(decoded).unwrap(), body);
}

#[tokio::test]
async fn cluster_upgrade_progress() {
    let body = json!({
        "CodeVersion": "10.1.1541.9590",
        "UpgradeState": "RollingForwardInProgress",
        "UpgradeUnits": [{"Name": "_Node_0", "State": "Completed"}],
        "UpgradeDescription": {
            "CodeVersion": "10.1.1541.9590",
            "InstanceCloseDelayDurationInSeconds": 4294967295u64,
            "ClusterHealthPolicy": {"NodeTypeHealthPolicyMap": []},
        },
        "HealthCheckPhase": "WaitDuration",
        "HealthCheckElapsedTime": "PT0H0M12S",
        "HealthCheckRetryFlips": 2,
        "FailureClassification": {"Kind": "HealthCheck", "Reason": "UD0"},
        "UpgradeStatusDetails": "Waiting for the health check of upgrade domain 1",
        "IsNodeByNode": true,
    });
    let client = answering(body.clone()).await;
    let progress = client.get_cluster_upgrade_progress(None).await.unwrap();
    let description = progress.upgrade_description.as_ref().unwrap();
    assert_eq!(
        description.instance_close_delay_duration_in_seconds.map(|d| d.get()),
        Some(4_294_967_295)
    );
    let policy = description.cluster_health_policy.as_ref().unwrap();
    assert_eq!(policy.node_type_health_policy_map, Some(vec![]));
    assert_eq!(
        progress.upgrade_status_details.as_deref(),
        Some("Waiting for the health check of upgrade domain 1")
    );
    assert_eq!(progress.unknown_fields["HealthCheckPhase"], "WaitDuration");
    assert_eq!(progress.unknown_fields["HealthCheckElapsedTime"], "PT0H0M12S");
    assert_eq!(progress.unknown_fields["HealthCheckRetryFlips"], 2);
    assert!(progress.unknown_fields["FailureClassification"].is_object());
    assert_eq!(progress.unknown_fields.len(), 4);
    assert_kept(&progress, &body);
}

#[tokio::test]
async fn repair_tasks_of_every_scope_and_kind() {
    let body = json!([
        {"TaskId": "t1", "State": "Created", "Action": "System.Reboot", "Scope": {"Kind": "Cluster"},
         "Target": {"Kind": "Node", "NodeNames": ["_Node_0"]}},
        {"Scope": {"Kind": "Cluster"}, "TaskId": "t2", "Kind": "External", "State": "Claimed", "Action": "Custom.Patch",
         "Target": {"Data": "rack 4", "Kind": "External"}, "Impact": {"Kind": "External", "Level": 3},
         "Version": "132362216205208555"}
    ]);
    let client = answering(body.clone()).await;
    let tasks = client.get_repair_task_list(None, None, None).await.unwrap();
    assert_eq!(tasks[0].unknown_fields["Scope"], json!({"Kind": "Cluster"}));
    assert!(matches!(&tasks[0].target, Some(RepairTargetDescription::Node(_))));
    assert_eq!(tasks[1].unknown_fields["Kind"], "External");
    assert!(matches!(&tasks[1].target, Some(RepairTargetDescription::Unknown(t)) if t["Data"] == "rack 4"));
    assert!(matches!(&tasks[1].impact, Some(RepairImpactDescription::Unknown(i)) if i["Level"] == 3));
    assert_kept(&tasks, &body);
}

#[tokio::test]
async fn deployed_replicas_packages_and_code_packages() {
    let replicas = json!([
        {"ServiceKind": "Stateful", "ReplicaId": 9007199254740993u64, "ServiceManifestVersion": "1.0.0"},
        {"ServiceManifestVersion": "2.0.0", "InstanceId": "133117243749598175", "ServiceKind": "Stateless"}
    ]);
    let client = answering(replicas.clone()).await;
    let listed = client
        .get_deployed_service_replica_info_list("_Node_0", "App", None, None, None)
        .await
        .unwrap()
        .unwrap();
    let DeployedServiceReplicaInfo::Stateful(first) = &listed[0] else {
        panic!("{:?}", listed[0])
    };
    assert_eq!(
        first.replica_id.map(|id| (id.get(), id.is_quoted())),
        Some((9_007_199_254_740_993, false))
    );
    assert_eq!(first.unknown_fields["ServiceManifestVersion"], "1.0.0");
    assert_kept(&listed, &replicas);

    let packages = json!([{"Name": "Pkg", "Version": "1.0", "Status": "Active", "HealthState": "Warning"}]);
    let client = answering(packages.clone()).await;
    let listed = client
        .get_deployed_service_package_info_list("_Node_0", "App", None)
        .await
        .unwrap();
    assert_eq!(listed[0].unknown_fields["HealthState"], "Warning");
    assert_kept(&listed, &packages);

    let code = json!([{
        "Name": "Code", "RunFrequencyInterval": 60, "HasSetupEntryPoint": true,
        "CodePackageUsageStatistics": {"CpuUsage": 0.25, "MemoryUsage": "1048576"},
        "MainEntryPoint": {"ProcessId": "2996", "InstanceId": 133126558467080230u64}
    }]);
    let client = answering(code.clone()).await;
    let listed = client
        .get_deployed_code_package_info_list("_Node_0", "App", None, None, None)
        .await
        .unwrap();
    let interval = listed[0].run_frequency_interval.unwrap();
    assert_eq!((interval.get(), interval.is_quoted()), (60, false));
    assert_eq!(listed[0].unknown_fields["HasSetupEntryPoint"], true);
    assert_eq!(listed[0].unknown_fields["CodePackageUsageStatistics"]["CpuUsage"], 0.25);
    assert_kept(&listed, &code);

    let health =
        json!({"ApplicationName": "fabric:/App", "ServicePackageActivationId": "a1", "AggregatedHealthState": "Ok"});
    let client = answering(health.clone()).await;
    let read = client
        .get_deployed_service_package_health("_Node_0", "App", "Pkg", None, None)
        .await
        .unwrap();
    assert_eq!(read.unknown_fields["ServicePackageActivationId"], "a1");
    assert_kept(&read, &health);
}

#[tokio::test]
async fn node_deactivation_descriptions() {
    let body = json!({
        "Name": "_Node_0",
        "NodeDeactivationInfo": {
            "NodeDeactivationIntent": "Restart",
            "NodeDeactivationStatus": "SafetyCheckInProgress",
            "NodeDeactivationTask": [{
                "NodeDeactivationTaskId": {"Id": "client", "NodeDeactivationTaskType": "Client"},
                "NodeDeactivationIntent": "Restart",
                "NodeDeactivationDescription": {"DeactivationIntent": "Restart", "Reason": "patching"}
            }],
            "PendingSafetyChecks": []
        }
    });
    let client = answering(body.clone()).await;
    let node = client.get_node_info("_Node_0", None).await.unwrap().unwrap();
    let task = &node
        .node_deactivation_info
        .as_ref()
        .unwrap()
        .node_deactivation_task
        .as_ref()
        .unwrap()[0];
    assert_eq!(task.unknown_fields["NodeDeactivationDescription"]["Reason"], "patching");
    assert_kept(&node, &body);
}

#[tokio::test]
async fn image_store_content_pages() {
    let body = json!({
        "StoreFiles": [{"StoreRelativePath": "App\\ApplicationManifest.xml", "FileSize": "897"}],
        "StoreFolders": [{"StoreRelativePath": "App\\Code", "FileCount": 2}],
        "ContinuationToken": "App\\Code"
    });
    let client = answering(body.clone()).await;
    let content = client.get_image_store_content("App", None).await.unwrap();
    assert_eq!(content.continuation_token.as_deref(), Some("App\\Code"));
    assert_kept(&content, &body);
    let root = client.get_image_store_root_content(None).await.unwrap();
    assert_eq!(root.continuation_token.as_deref(), Some("App\\Code"));
    assert_kept(&root, &body);
}

#[tokio::test]
async fn loads_sent_as_numbers_come_back_numbers() {
    let cluster = json!({"LoadMetricInformation": [{
        "Name": "Count", "ClusterLoad": 6, "ClusterCapacity": "-1", "CurrentClusterLoad": 6.5,
        "DeviationBefore": 0.333333, "MinNodeLoadValue": "1", "MaxNodeLoadValue": 2
    }]});
    let client = answering(cluster.clone()).await;
    let load = client.get_cluster_load(None).await.unwrap();
    let metric = &load.load_metric_information.as_ref().unwrap()[0];
    assert!(!metric.cluster_load.as_ref().unwrap().is_quoted());
    assert!(metric.cluster_capacity.as_ref().unwrap().is_quoted());
    assert_kept(&load, &cluster);

    let node = json!({"NodeName": "_Node_0", "NodeLoadMetricInformation": [{
        "Name": "Count", "NodeCapacity": 10, "NodeLoad": "3", "NodeRemainingCapacity": 7.25, "CurrentNodeLoad": 3
    }]});
    let client = answering(node.clone()).await;
    let load = client.get_node_load_info("_Node_0", None).await.unwrap();
    let metric = &load.node_load_metric_information.as_ref().unwrap()[0];
    assert!(!metric.node_capacity.as_ref().unwrap().is_quoted());
    assert!(metric.node_load.as_ref().unwrap().is_quoted());
    assert_kept(&load, &node);
}
