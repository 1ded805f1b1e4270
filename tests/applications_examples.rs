//! The official spec's examples of the application type, application, service, partition
//! and replica operations, through the declared methods.
//!
//! Each response example's `responses."200".body` is served from a loopback server; the
//! declared method is called with the example's `parameters`, the request line the server
//! received is checked, and the decoded value, written back, must be the example body again.
//! Each request example's body is read into its model and sent through the declared
//! method, and the server must receive that body unchanged. See
//! `tests/fixtures/examples/SOURCE.md` for where each file comes from.
#![cfg(all(
    feature = "application_types",
    feature = "applications",
    feature = "services",
    feature = "partitions",
    feature = "replicas"
))]

use fabric_rest::models::{
    ApplicationTypeStatus, HealthState, PartitionInformation, ProvisionApplicationTypeDescriptionBase, ReplicaHealth,
    ReplicaInfo, ReplicaRole, ScalingMechanismDescription, ScalingTriggerDescription, ServiceDescription,
    ServiceFromTemplateDescription, ServiceInfo, ServicePartitionInfo, ServiceStatus, ServiceTypeDescription,
    ServiceUpdateDescription,
};
use fabric_rest::prelude::*;
use fabric_rest::{Accepted, StatusCode};

#[path = "support/examples.rs"]
mod examples;
mod support;

use examples::{Example, assert_round_trip, int64, sent_only};
use support::{lines, serve};

macro_rules! example {
    ($file:literal) => {
        Example::parse(include_str!(concat!("fixtures/examples/", $file)))
    };
}

// ---- application types ------------------------------------------------------------------

#[tokio::test]
async fn get_application_type_info_list_by_name() {
    let example = example!("GetApplicationTypeInfoListByName.json");
    let (client, seen) = example.serve().await;
    let page = client
        .get_application_type_info_list_by_name(example.param_str("applicationTypeName"), None, None, None, None, None)
        .await
        .unwrap();
    assert_eq!(
        lines(&seen),
        ["GET /ApplicationTypes/VisualObjectsApplicationType?api-version=6.0 HTTP/1.1"]
    );
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].status, Some(ApplicationTypeStatus::Available));
    assert_eq!(page.items[0].default_parameter_list.as_deref(), Some(&[][..]));
    assert_eq!(page.next_token(), None);
    assert_round_trip(&page, example.body());
}

#[tokio::test]
async fn get_service_type_info_by_name() {
    let example = example!("GetServiceTypeInfoByName-1.json");
    let (client, seen) = example.serve().await;
    let service_type = client
        .get_service_type_info_by_name(
            example.param_str("applicationTypeName"),
            example.param_str("ApplicationTypeVersion"),
            example.param_str("serviceTypeName"),
            None,
        )
        .await
        .unwrap()
        .expect("200 is Some");
    assert_eq!(
        lines(&seen),
        [
            "GET /ApplicationTypes/Application2Type/$/GetServiceTypes/Actor1ActorServiceType?api-version=6.0&ApplicationTypeVersion=1.0.0 HTTP/1.1"
        ]
    );
    let Some(ServiceTypeDescription::Stateful(description)) = &service_type.service_type_description else {
        panic!("a stateful service type: {service_type:?}")
    };
    assert_eq!(description.has_persisted_state, Some(true));
    let extensions = description.extensions.as_ref().unwrap();
    assert_eq!(extensions[0].key.as_deref(), Some("__GeneratedServiceType__"));
    assert!(extensions[0].value.as_deref().unwrap().contains("\r\n"));
    assert_round_trip(&service_type, example.body());

    // The example's other answer: 204 when the type declares no such service type.
    let (client, _) = serve(|_| (204, String::new())).await;
    let none = client
        .get_service_type_info_by_name("Application2Type", "1.0.0", "Nothing", None)
        .await
        .unwrap();
    assert_eq!(none, None);
}

#[tokio::test]
async fn provision_application_type_sends_the_example_body_unchanged() {
    let example = example!("ProvisionApplicationType.json");
    let body = example.param("ProvisionApplicationTypeDescriptionBaseRequiredBodyParam");
    // The example leaves out `Kind`: the body reads as a description of a kind the library
    // does not know, kept whole, and goes back to the gateway as it came.
    let description: ProvisionApplicationTypeDescriptionBase = serde_json::from_value(body.clone()).unwrap();
    assert!(matches!(
        &description,
        ProvisionApplicationTypeDescriptionBase::Unknown(_)
    ));
    let (client, seen) = serve(|_| (200, String::new())).await;
    let status = client.provision_application_type(&description, None).await.unwrap();
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        lines(&seen),
        ["POST /ApplicationTypes/$/Provision?api-version=6.2 HTTP/1.1"]
    );
    assert_eq!(&sent_only(&seen), body);
}

// ---- applications -----------------------------------------------------------------------

#[tokio::test]
async fn get_application_load_info() {
    let example = example!("GetApplicationLoadInfo.json");
    let (client, seen) = example.serve().await;
    let load = client
        .get_application_load_info(example.param_str("applicationId"), None)
        .await
        .unwrap()
        .expect("200 is Some");
    assert_eq!(
        lines(&seen),
        ["GET /Applications/someApp/$/GetLoadInformation?api-version=6.0 HTTP/1.1"]
    );
    // The spec types these as int64; the example writes numbers, and they stay numbers.
    assert_eq!(int64(load.node_count), Some((0, false)));
    assert_round_trip(&load, example.body());
}

#[tokio::test]
async fn get_application_health() {
    let example = example!("GetApplicationHealth.json");
    let (client, seen) = example.serve().await;
    let health = client
        .get_application_health(example.param_str("applicationId"), None, None, None, None, None)
        .await
        .unwrap();
    assert_eq!(
        lines(&seen),
        ["GET /Applications/someApp/$/GetHealth?api-version=6.0 HTTP/1.1"]
    );
    assert_eq!(health.aggregated_health_state, Some(HealthState::Ok));
    let event = &health.health_events.as_ref().unwrap()[0];
    assert_eq!(int64(event.sequence_number), Some((82, true)));
    assert_eq!(
        event.last_warning_transition_at.as_ref().unwrap().to_system_time(),
        None
    );
    assert_eq!(
        event.time_to_live.as_ref().unwrap().as_str(),
        "P10675199DT2H48M5.4775807S"
    );
    assert_eq!(health.service_health_states.as_ref().map(Vec::len), Some(2));
    assert_eq!(
        health.deployed_application_health_states.as_ref().map(Vec::len),
        Some(5)
    );
    assert_round_trip(&health, example.body());
}

#[tokio::test]
async fn get_application_upgrade() {
    let example = example!("GetApplicationUpgrade.json");
    let (client, seen) = example.serve().await;
    let progress = client
        .get_application_upgrade(example.param_str("applicationId"), None)
        .await
        .unwrap();
    assert_eq!(
        lines(&seen),
        ["GET /Applications/app1/$/GetUpgradeProgress?api-version=6.0 HTTP/1.1"]
    );
    assert_eq!(
        progress.upgrade_state,
        Some(fabric_rest::models::ApplicationUpgradeState::RollingForwardCompleted)
    );
    assert_eq!(
        progress.failure_reason,
        Some(fabric_rest::models::FailureReason::NoFailure)
    );
    assert_eq!(progress.start_timestamp_utc.as_ref().unwrap().to_system_time(), None);
    assert_round_trip(&progress, example.body());
}

// ---- services ---------------------------------------------------------------------------

#[tokio::test]
async fn get_service_info_list() {
    let example = example!("GetServiceInfoList.json");
    let (client, seen) = example.serve().await;
    let page = client
        .get_service_info_list(example.param_str("applicationId"), None, None, None)
        .await
        .unwrap();
    assert_eq!(
        lines(&seen),
        ["GET /Applications/VisualObjects/$/GetServices?api-version=6.0 HTTP/1.1"]
    );
    let kinds: Vec<_> = page.items.iter().map(ServiceInfo::kind).collect();
    assert_eq!(kinds, ["Stateful", "Stateless"]);
    let ServiceInfo::Stateful(actor) = &page.items[0] else {
        panic!("a stateful service: {:?}", page.items[0])
    };
    assert_eq!(actor.has_persisted_state, Some(true));
    assert_eq!(actor.service_status, Some(ServiceStatus::Active));
    assert_eq!(
        page.items[1].name(),
        Some("fabric:/VisualObjects/VisualObjects.WebService")
    );
    assert_round_trip(&page, example.body());
}

#[tokio::test]
async fn get_service_info() {
    let example = example!("GetServiceInfo.json");
    let (client, seen) = example.serve().await;
    let service = client
        .get_service_info(example.param_str("applicationId"), example.param_str("serviceId"), None)
        .await
        .unwrap()
        .expect("200 is Some");
    // The example passes the service's name where an id goes; it fills one segment,
    // `:` and `/` escaped.
    assert_eq!(
        lines(&seen),
        [
            "GET /Applications/VisualObjects/$/GetServices/fabric%3A%2FVisualObjects%2FVisualObjects.ActorService?api-version=6.0 HTTP/1.1"
        ]
    );
    assert_eq!(service.id(), Some("VisualObjects/VisualObjects.ActorService"));
    assert_round_trip(&service, example.body());
}

#[tokio::test]
async fn get_application_name_info() {
    let example = example!("GetApplicationNameInfo.json");
    let (client, seen) = example.serve().await;
    let name = client
        .get_application_name_info(example.param_str("serviceId"), None)
        .await
        .unwrap();
    assert_eq!(
        lines(&seen),
        [
            "GET /Services/fabric%3A%2FVisualObjects%2FVisualObjects.ActorService/$/GetApplicationName?api-version=6.0 HTTP/1.1"
        ]
    );
    assert_round_trip(&name, example.body());
}

#[tokio::test]
async fn get_service_description() {
    let example = example!("GetServiceDescription.json");
    let (client, seen) = example.serve().await;
    let description = client
        .get_service_description(example.param_str("serviceId"), None)
        .await
        .unwrap();
    assert_eq!(
        lines(&seen),
        [
            "GET /Services/fabric%3A%2FVisualObjects%2FVisualObjects.ActorService/$/GetDescription?api-version=6.0 HTTP/1.1"
        ]
    );
    let ServiceDescription::Stateful(stateful) = &description else {
        panic!("a stateful service: {description:?}")
    };
    assert_eq!(stateful.target_replica_set_size, 3);
    assert_eq!(stateful.flags, Some(15));
    assert_eq!(
        int64(stateful.quorum_loss_wait_duration_seconds),
        Some((3_214_202_341, false))
    );
    assert_eq!(stateful.initialization_data.as_deref(), Some(&[][..]));
    // Not in any spec: kept among the description's unknown fields.
    assert!(stateful.unknown_fields["ServiceTags"].is_object());
    assert_eq!(stateful.unknown_fields.len(), 1);
    assert_round_trip(&description, example.body());
}

#[tokio::test]
async fn get_service_health() {
    let example = example!("GetServiceHealth.json");
    let (client, seen) = example.serve().await;
    // The example's id holds the escape `%2F`, which a path segment may not keep (it would
    // read as a delimiter): the id itself is passed, and its `/` is escaped the same.
    let escaped = example.param_str("serviceId");
    let refused = client
        .get_service_health(escaped, None, None, None, None)
        .await
        .unwrap_err();
    assert!(refused.is_invalid_argument());
    assert!(
        refused
            .to_string()
            .contains("path parameter `serviceId` holds the escape `%2F`"),
        "{refused}"
    );
    assert!(seen.lock().unwrap().is_empty());
    let health = client
        .get_service_health(&escaped.replace("%2F", "/"), None, None, None, None)
        .await
        .unwrap();
    assert_eq!(
        lines(&seen),
        ["GET /Services/VisualObjects%2FVisualObjects.ActorService/$/GetHealth?api-version=6.0 HTTP/1.1"]
    );
    assert_eq!(health.partition_health_states.as_deref(), Some(&[][..]));
    assert_round_trip(&health, example.body());
}

#[tokio::test]
async fn get_unplaced_replica_information() {
    let example = example!("GetUnplacedReplicaInformation.json");
    let (client, seen) = example.serve().await;
    let unplaced = client
        .get_unplaced_replica_information(example.param_str("serviceId"), None, None, None)
        .await
        .unwrap();
    assert_eq!(
        lines(&seen),
        [
            "GET /Services/fabric%3A%2FVisualObjects%2FVisualObjects.ActorService/$/GetUnplacedReplicaInformation?api-version=6.4 HTTP/1.1"
        ]
    );
    assert_eq!(unplaced.unplaced_replica_details.as_ref().map(Vec::len), Some(1));
    assert_round_trip(&unplaced, example.body());
}

#[tokio::test]
async fn create_service_sends_the_example_body_unchanged() {
    let example = example!("CreateService-4.json");
    let body = example.param("ServiceDescription");
    let description: ServiceDescription = serde_json::from_value(body.clone()).unwrap();
    let ServiceDescription::Stateful(stateful) = &description else {
        panic!("a stateful service: {description:?}")
    };
    let policy = &stateful.scaling_policies.as_ref().unwrap()[0];
    assert!(matches!(
        policy.scaling_trigger,
        ScalingTriggerDescription::AverageServiceLoad(_)
    ));
    assert!(matches!(
        policy.scaling_mechanism,
        ScalingMechanismDescription::AddRemoveIncrementalNamedPartition(_)
    ));
    let (client, seen) = serve(|_| (202, String::new())).await;
    let accepted = client
        .create_service(example.param_str("applicationId"), &description, None)
        .await
        .unwrap();
    assert_eq!(accepted, Accepted);
    assert_eq!(
        lines(&seen),
        ["POST /Applications/test/$/GetServices/$/Create?api-version=6.0 HTTP/1.1"]
    );
    assert_eq!(&sent_only(&seen), body);
}

#[tokio::test]
async fn update_service_sends_the_example_body_unchanged() {
    let example = example!("UpdateService-1.json");
    let body = example.param("ServiceUpdateDescription");
    let update: ServiceUpdateDescription = serde_json::from_value(body.clone()).unwrap();
    let ServiceUpdateDescription::Stateless(stateless) = &update else {
        panic!("a stateless update: {update:?}")
    };
    assert_eq!(stateless.flags.as_deref(), Some("1568"));
    let (client, seen) = serve(|_| (200, String::new())).await;
    client
        .update_service(example.param_str("serviceId"), &update, None)
        .await
        .unwrap();
    assert_eq!(
        lines(&seen),
        ["POST /Services/test~test1/$/Update?api-version=6.0 HTTP/1.1"]
    );
    // The example writes its thresholds as "0.500000": strings, kept exactly.
    assert_eq!(&sent_only(&seen), body);
}

#[tokio::test]
async fn create_service_from_template_sends_the_example_body_unchanged() {
    let example = example!("CreateServiceFromTemplate.json");
    let body = example.param("ServiceFromTemplateDescription");
    let description: ServiceFromTemplateDescription = serde_json::from_value(body.clone()).unwrap();
    let (client, seen) = serve(|_| (202, String::new())).await;
    client
        .create_service_from_template(example.param_str("applicationId"), &description, None)
        .await
        .unwrap();
    assert_eq!(
        lines(&seen),
        ["POST /Applications/fabric%3A%2FVisualObjects/$/GetServices/$/CreateFromTemplate?api-version=6.0 HTTP/1.1"]
    );
    assert_eq!(&sent_only(&seen), body);
}

// ---- partitions -------------------------------------------------------------------------

#[tokio::test]
async fn get_partition_info_list() {
    let example = example!("GetPartitionInfoList.json");
    let (client, seen) = example.serve().await;
    // As in `get_service_health`: the id with its `/`, which goes out as `%2F`.
    let service_id = example.param_str("serviceId").replace("%2F", "/");
    let page = client.get_partition_info_list(&service_id, None, None).await.unwrap();
    assert_eq!(
        lines(&seen),
        ["GET /Services/VisualObjects%2FVisualObjects.ActorService/$/GetPartitions?api-version=6.4 HTTP/1.1"]
    );
    assert_eq!(page.items.len(), 5);
    let lowest = page.items[3].partition_information().unwrap();
    let PartitionInformation::Int64Range(range) = lowest else {
        panic!("an Int64Range partition: {lowest:?}")
    };
    assert_eq!(range.low_key.as_deref(), Some("-9223372036854775808"));
    let ServicePartitionInfo::Stateful(first) = &page.items[0] else {
        panic!("a stateful partition: {:?}", page.items[0])
    };
    assert_eq!(int64(first.target_replica_set_size), Some((3, false)));
    assert_eq!(int64(first.last_quorum_loss_duration_in_seconds), Some((17, true)));
    let epoch = first.current_configuration_epoch.as_ref().unwrap();
    assert_eq!(int64(epoch.configuration_version), Some((21_474_836_480, true)));
    assert_eq!(int64(epoch.data_loss_version), Some((133_117_243_740_808_225, true)));
    assert_round_trip(&page, example.body());
}

#[tokio::test]
async fn get_partition_info() {
    let example = example!("GetPartitionInfo.json");
    let (client, seen) = example.serve().await;
    let partition = client
        .get_partition_info(example.param_str("partitionId"), None)
        .await
        .unwrap()
        .expect("200 is Some");
    assert_eq!(
        lines(&seen),
        ["GET /Partitions/ea09316f-86a4-40c1-ba3b-bccf23646986?api-version=6.0 HTTP/1.1"]
    );
    assert_eq!(partition.kind(), "Stateful");
    assert_round_trip(&partition, example.body());
}

#[tokio::test]
async fn get_service_name_info() {
    let example = example!("GetServiceNameInfo.json");
    let (client, seen) = example.serve().await;
    let name = client
        .get_service_name_info(example.param_str("partitionId"), None)
        .await
        .unwrap();
    assert_eq!(
        lines(&seen),
        ["GET /Partitions/ea09316f-86a4-40c1-ba3b-bccf23646986/$/GetServiceName?api-version=6.0 HTTP/1.1"]
    );
    assert_round_trip(&name, example.body());
}

#[tokio::test]
async fn get_partition_health() {
    let example = example!("GetPartitionHealth.json");
    let (client, seen) = example.serve().await;
    let health = client
        .get_partition_health(example.param_str("partitionId"), None, None, None, None)
        .await
        .unwrap();
    assert_eq!(
        lines(&seen),
        ["GET /Partitions/ea09316f-86a4-40c1-ba3b-bccf23646986/$/GetHealth?api-version=6.0 HTTP/1.1"]
    );
    assert_eq!(health.replica_health_states.as_deref(), Some(&[][..]));
    assert_round_trip(&health, example.body());
}

#[tokio::test]
async fn get_partition_load_information() {
    let example = example!("GetPartitionLoadInformation.json");
    let (client, seen) = example.serve().await;
    let load = client
        .get_partition_load_information(example.param_str("partitionId"), None)
        .await
        .unwrap();
    assert_eq!(
        lines(&seen),
        ["GET /Partitions/ea09316f-86a4-40c1-ba3b-bccf23646986/$/GetLoadInformation?api-version=6.0 HTTP/1.1"]
    );
    assert_round_trip(&load, example.body());
}

// ---- replicas ---------------------------------------------------------------------------

#[tokio::test]
async fn get_replica_info_list() {
    let example = example!("GetReplicaInfoList.json");
    let (client, seen) = example.serve().await;
    let page = client
        .get_replica_info_list(example.param_str("partitionId"), None, None)
        .await
        .unwrap();
    assert_eq!(
        lines(&seen),
        ["GET /Partitions/65a03af-3718-4580-bef8-6f5f432ea092/$/GetReplicas?api-version=6.0 HTTP/1.1"]
    );
    let ids: Vec<_> = page.items.iter().map(|r| int64(r.replica_or_instance_id())).collect();
    assert_eq!(
        ids,
        [
            Some((133_117_243_749_608_166, true)),
            Some((133_117_243_825_817_602, true)),
            Some((133_117_243_825_817_603, true))
        ]
    );
    let ReplicaInfo::Stateful(primary) = &page.items[1] else {
        panic!("a stateful replica: {:?}", page.items[1])
    };
    assert_eq!(primary.replica_role, Some(ReplicaRole::Primary));
    assert!(primary.address.as_deref().unwrap().starts_with("{\"Endpoints\":"));
    assert_round_trip(&page, example.body());
}

#[tokio::test]
async fn get_replica_info() {
    let example = example!("GetReplicaInfo.json");
    let (client, seen) = example.serve().await;
    let replica = client
        .get_replica_info(example.param_str("partitionId"), example.param_str("replicaId"), None)
        .await
        .unwrap()
        .expect("200 is Some");
    assert_eq!(
        lines(&seen),
        [
            "GET /Partitions/65a03af-3718-4580-bef8-6f5f432ea092/$/GetReplicas/133117243825817602?api-version=6.0 HTTP/1.1"
        ]
    );
    assert_round_trip(&replica, example.body());
}

#[tokio::test]
async fn get_replica_health() {
    let example = example!("GetReplicaHealth.json");
    let (client, seen) = example.serve().await;
    let health = client
        .get_replica_health(
            example.param_str("partitionId"),
            example.param_str("replicaId"),
            None,
            None,
        )
        .await
        .unwrap();
    assert_eq!(
        lines(&seen),
        [
            "GET /Partitions/65a03af-3718-4580-bef8-6f5f432ea092/$/GetReplicas/133117243825817602/$/GetHealth?api-version=6.0 HTTP/1.1"
        ]
    );
    let ReplicaHealth::Stateful(stateful) = &health else {
        panic!("a stateful replica: {health:?}")
    };
    assert_eq!(int64(stateful.replica_id), Some((133_117_243_825_817_602, true)));
    let event = &stateful.health_events.as_ref().unwrap()[0];
    // A sequence number above 2^53, exact.
    assert_eq!(int64(event.sequence_number), Some((133_126_558_787_008_399, true)));
    assert_round_trip(&health, example.body());
}
