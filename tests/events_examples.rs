//! The spec's examples of the EventStore operations (`/EventsStore`), through the declared
//! methods against a loopback server: each request line the server saw, and each list of
//! events written back unchanged.
#![cfg(feature = "events")]

use std::future::Future;

use fabric_rest::Client;
use fabric_rest::events::EventStore;
use fabric_rest::models::{
    ApplicationEvent, ClusterEvent, Decimal, EventTime, FabricEvent, FailureAction, HealthState, Int64, NodeEvent,
    PartitionEvent, ReplicaEvent, ServiceEvent, UpgradeMode,
};
use serde::Serialize;

#[path = "support/examples.rs"]
mod examples;
mod support;

use examples::{Example, assert_round_trip, bounded, serve_example};
use support::lines;

macro_rules! example {
    ($file:literal) => {
        Example::parse(include_str!(concat!("fixtures/examples/", $file)))
    };
}

/// The window every example asks for, as the gateway's text and as the request sends it.
const WINDOW: &str = "StartTimeUtc=2018-04-03T18%3A00%3A00Z&EndTimeUtc=2018-04-04T18%3A00%3A00Z";

/// The example's window.
fn window(example: &Example) -> (EventTime, EventTime) {
    (
        example.param_str("StartTimeUtc").parse().unwrap(),
        example.param_str("EndTimeUtc").parse().unwrap(),
    )
}

/// Serves the example's body, calls the operation, and checks the request line the server
/// saw and that the answer writes back unchanged.
async fn decode<T, F, Fut>(example: &Example, path: &str, call: F) -> T
where
    T: Serialize,
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = fabric_rest::Result<T>>,
{
    let (client, seen) = serve_example(example).await;
    let decoded = call(client).await.unwrap();
    assert_eq!(lines(&seen), [format!("GET {path} HTTP/1.1")]);
    assert_round_trip(&decoded, example.body());
    decoded
}

#[tokio::test]
async fn get_cluster_event_list() {
    bounded(async {
        let file = example!("GetClusterEventList.json");
        let (start, end) = window(&file);
        let path = format!("/EventsStore/Cluster/Events?api-version=6.4&{WINDOW}");
        let events = decode(&file, &path, |client| async move {
            client.get_cluster_event_list(start, end, None, None, None, None).await
        })
        .await;
        let ClusterEvent::ClusterUpgradeStarted(started) = &events[0] else {
            panic!("{:?}", events[0])
        };
        assert_eq!(started.rolling_upgrade_mode, Some(UpgradeMode::UnmonitoredAuto));
        assert_eq!(started.failure_action, Some(FailureAction::Manual));
        let ClusterEvent::ClusterUpgradeDomainCompleted(domain) = &events[2] else {
            panic!("{:?}", events[2])
        };
        let elapsed = domain.upgrade_domain_elapsed_time_in_ms.as_ref().unwrap();
        assert_eq!((elapsed.to_f64(), elapsed.is_quoted()), (Some(0.0), false));
        assert_eq!(events[3].kind(), "ClusterUpgradeCompleted");
        assert_eq!(events[3].time_stamp().unwrap().as_str(), "2018-04-03T20:20:59.8134457Z");
    })
    .await;
}

#[tokio::test]
async fn get_containers_event_list() {
    bounded(async {
        let file = example!("GetContainersEventList.json");
        let (start, end) = window(&file);
        let path = format!("/EventsStore/Containers/Events?api-version=6.2-preview&{WINDOW}");
        let events = decode(&file, &path, |client| async move {
            client
                .get_containers_event_list(start, end, None, None, None, None)
                .await
        })
        .await;
        assert!(events.is_empty());
    })
    .await;
}

#[tokio::test]
async fn get_node_event_list_and_nodes() {
    bounded(async {
        let file = example!("GetNodeEventList.json");
        let (start, end) = window(&file);
        let path = format!("/EventsStore/Nodes/node1/$/Events?api-version=6.4&{WINDOW}");
        let events = decode(&file, &path, |client| async move {
            client
                .get_node_event_list("node1", start, end, None, None, None, None)
                .await
        })
        .await;
        let NodeEvent::NodeOpenSucceeded(opened) = &events[0] else {
            panic!("{:?}", events[0])
        };
        // Above 2^53, as a number: kept exactly, in its form.
        assert_eq!(opened.node_instance, Some(Int64::number(131_672_596_159_209_215)));
        assert_eq!(opened.node_name.as_deref(), Some("node1"));

        let file = example!("GetNodesEventList.json");
        let path = format!("/EventsStore/Nodes/Events?api-version=6.4&{WINDOW}");
        let events = decode(&file, &path, |client| async move {
            client.get_nodes_event_list(start, end, None, None, None, None).await
        })
        .await;
        let names: Vec<_> = events
            .iter()
            .map(|event| match event {
                NodeEvent::NodeOpenSucceeded(opened) => opened.node_name.clone().unwrap(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(names, ["node1", "node2"]);
    })
    .await;
}

#[tokio::test]
async fn get_application_event_lists() {
    bounded(async {
        let file = example!("GetApplicationEventList.json");
        let (start, end) = window(&file);
        let path = format!("/EventsStore/Applications/app1/$/Events?api-version=6.4&{WINDOW}");
        let events = decode(&file, &path, |client| async move {
            client
                .get_application_event_list("app1", start, end, None, None, None, None)
                .await
        })
        .await;
        let ApplicationEvent::ApplicationCreated(created) = &events[0] else {
            panic!("{:?}", events[0])
        };
        assert_eq!(created.application_id.as_deref(), Some("app1"));
        assert_eq!(created.application_type_version.as_deref(), Some("1.0.1"));

        let file = example!("GetApplicationsEventList.json");
        let path = format!("/EventsStore/Applications/Events?api-version=6.4&{WINDOW}");
        let events = decode(&file, &path, |client| async move {
            client
                .get_applications_event_list(start, end, None, None, None, None)
                .await
        })
        .await;
        assert_eq!(events.len(), 2);
        assert_eq!(
            events[1].event_instance_id(),
            Some("d50574bc-6a31-4945-8275-7639bec7a0b3")
        );
    })
    .await;
}

#[tokio::test]
async fn get_service_event_lists() {
    bounded(async {
        let file = example!("GetServiceEventList.json");
        let (start, end) = window(&file);
        let path = format!("/EventsStore/Services/app1~svc1/$/Events?api-version=6.4&{WINDOW}");
        let events = decode(&file, &path, |client| async move {
            client
                .get_service_event_list("app1~svc1", start, end, None, None, None, None)
                .await
        })
        .await;
        let ServiceEvent::ServiceCreated(created) = &events[0] else {
            panic!("{:?}", events[0])
        };
        assert_eq!(created.partition_count, Some(Int64::number(2)));
        assert_eq!(created.is_stateful, Some(true));

        // The example asks with 6.2-preview; the operation is declared with the spec's 6.4.
        let file = example!("GetServicesEventList.json");
        let path = format!("/EventsStore/Services/Events?api-version=6.4&{WINDOW}");
        let events = decode(&file, &path, |client| async move {
            client.get_services_event_list(start, end, None, None, None, None).await
        })
        .await;
        assert_eq!(
            events[1].event_instance_id(),
            Some("03246.4b-77f5-4ca2-b065-7b8671711318")
        );
    })
    .await;
}

#[tokio::test]
async fn get_partition_event_lists() {
    bounded(async {
        let file = example!("GetPartitionEventList.json");
        let (start, end) = window(&file);
        let partition = file.param_str("partitionId");
        let path = format!("/EventsStore/Partitions/{partition}/$/Events?api-version=6.4&{WINDOW}");
        let events = decode(&file, &path, |client| async move {
            client
                .get_partition_event_list(partition, start, end, None, None, None, None)
                .await
        })
        .await;
        let PartitionEvent::PartitionReconfigured(reconfigured) = &events[0] else {
            panic!("{:?}", events[0])
        };
        assert_eq!(
            reconfigured.cc_epoch_data_loss_version,
            Some(Int64::number(131_672_604_833_413_107))
        );
        let total = reconfigured.total_duration_ms.as_ref().unwrap();
        assert_eq!(total, &serde_json::from_str::<Decimal>("832.0724").unwrap());
        assert_eq!((total.to_f64(), total.is_quoted()), (Some(832.0724), false));
        assert_eq!(
            reconfigured.node_instance_id.as_deref(),
            Some("ba001a8bb353543e646be031afb10f1e")
        );
        assert_eq!(events[0].has_correlated_events(), Some(true));

        let file = example!("GetPartitionsEventList.json");
        let path = format!("/EventsStore/Partitions/Events?api-version=6.4&{WINDOW}");
        let events = decode(&file, &path, |client| async move {
            client
                .get_partitions_event_list(start, end, None, None, None, None)
                .await
        })
        .await;
        assert_eq!(events.len(), 2);
    })
    .await;
}

#[tokio::test]
async fn get_replica_event_lists() {
    bounded(async {
        let file = example!("GetReplicaEventList.json");
        let (start, end) = window(&file);
        let (partition, replica) = (file.param_str("partitionId"), file.param_str("replicaId"));
        let path =
            format!("/EventsStore/Partitions/{partition}/$/Replicas/{replica}/$/Events?api-version=6.4&{WINDOW}");
        let events = decode(&file, &path, |client| async move {
            client
                .get_partition_replica_event_list(partition, replica, start, end, None, None, None, None)
                .await
        })
        .await;
        let ReplicaEvent::StatefulReplicaNewHealthReport(report) = &events[0] else {
            panic!("{:?}", events[0])
        };
        assert_eq!(report.health_state, Some(HealthState::Error));
        assert_eq!(report.sequence_number, Some(Int64::number(131_672_654_189_677_787)));
        assert_eq!(report.replica_id, Some(Int64::number(131_672_608_994_209_130)));
        assert_eq!(
            report.source_utc_timestamp.as_ref().unwrap().as_str(),
            "2018-04-03T21:43:38Z"
        );

        let file = example!("GetReplicasEventList.json");
        let path = format!("/EventsStore/Partitions/{partition}/$/Replicas/Events?api-version=6.4&{WINDOW}");
        let events = decode(&file, &path, |client| async move {
            client
                .get_partition_replicas_event_list(partition, start, end, None, None, None, None)
                .await
        })
        .await;
        assert_eq!(events.len(), 2);
    })
    .await;
}

#[tokio::test]
async fn get_correlated_event_list() {
    bounded(async {
        let file = example!("GetCorrelatedEventList.json");
        let id = file.param_str("eventInstanceId");
        let path = format!("/EventsStore/CorrelatedEvents/{id}/$/Events?api-version=6.4");
        let events = decode(&file, &path, |client| async move {
            client.get_correlated_event_list(id, None).await
        })
        .await;
        let FabricEvent::PartitionPrimaryMoveAnalysis(analysis) = &events[0] else {
            panic!("{:?}", events[0])
        };
        assert_eq!(analysis.move_reason.as_deref(), Some("ApplicationHostDown"));
        let metadata = analysis.metadata.as_ref().unwrap();
        assert_eq!((&metadata.delay, &metadata.duration), (&None, &None));
    })
    .await;
}
