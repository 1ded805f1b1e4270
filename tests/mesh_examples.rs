//! The official examples of the Mesh operations (a retired preview service, behind the
//! `mesh` feature), through the declared methods. See `fixtures/examples/SOURCE.md` for
//! where each file comes from.
#![cfg(feature = "mesh")]
#![allow(deprecated)]

use fabric_rest::mesh::{MeshApplications, MeshGateways, MeshNetworks, MeshSecrets, MeshVolumes};
use fabric_rest::models::{
    GatewayResourceDescription, HealthState, NetworkResourceProperties, OperatingSystemType, ResourceStatus,
    SecretResourceProperties, SecretValueResourceDescription, VolumeResourceDescription,
};

#[path = "support/examples.rs"]
mod examples;
mod support;

use examples::{Example, assert_round_trip, bounded, sent_json, serve_empty, serve_json, without_nulls};
use support::lines;

macro_rules! example {
    ($file:literal) => {
        Example::parse(include_str!(concat!("fixtures/examples/mesh/", $file)))
    };
}

#[tokio::test]
async fn mesh_application_get() {
    bounded(async {
        let example = example!("MeshApplication_Get.json");
        let (client, seen) = serve_json(200, example.body()).await;
        let application = client
            .mesh_application_get(example.param_str("applicationResourceName"))
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Resources/Applications/sampleApplication?api-version=6.4-preview HTTP/1.1"]
        );
        let properties = application.properties.as_ref().unwrap();
        assert_eq!(properties.health_state, Some(HealthState::Ok));
        assert_eq!(properties.status, Some(ResourceStatus::Ready));
        let identity = application.identity.as_ref().unwrap();
        assert_eq!(identity.identity_type, "SystemAssigned,UserAssigned");
        // A map by resource id, sent as a JSON object.
        assert_eq!(identity.user_assigned_identities.as_ref().unwrap().len(), 2);
        assert_round_trip(&application, example.body());
    })
    .await;
}

#[tokio::test]
async fn mesh_application_get_upgrade_progress() {
    bounded(async {
        let example = example!("MeshApplication_GetUpgradeProgress.json");
        let (client, seen) = serve_json(200, example.body()).await;
        let progress = client
            .mesh_application_get_upgrade_progress(example.param_str("applicationResourceName"))
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Resources/Applications/sampleApplication/$/GetUpgradeProgress?api-version=7.0 HTTP/1.1"]
        );
        assert_eq!(progress.start_timestamp_utc.as_ref().unwrap().to_system_time(), None);
        let timeout = progress.upgrade_replica_set_check_timeout_in_seconds.unwrap();
        assert_eq!((timeout.get(), timeout.is_quoted()), (4_294_967_295, false));
        let services = progress.service_upgrade_progress.as_ref().unwrap();
        let pending = services[0].pending_replica_count.unwrap();
        assert_eq!((pending.get(), pending.is_quoted()), (3, true));
        assert_round_trip(&progress, example.body());
    })
    .await;
}

#[tokio::test]
async fn mesh_secret_get() {
    bounded(async {
        let example = example!("MeshSecret_Get.json");
        let (client, seen) = serve_json(200, example.body()).await;
        let secret = client
            .mesh_secret_get(example.param_str("secretResourceName"))
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Resources/Secrets/dbConnectionString?api-version=6.4-preview HTTP/1.1"]
        );
        let SecretResourceProperties::InlinedValue(properties) = &secret.properties else {
            panic!("{:?}", secret.properties)
        };
        assert_eq!(properties.content_type.as_deref(), Some("text/plain"));
        assert_round_trip(&secret, example.body());
    })
    .await;
}

#[tokio::test]
async fn mesh_secret_value_show() {
    bounded(async {
        let example = example!("MeshSecretValue_Show.json");
        let (client, seen) = serve_json(200, example.body()).await;
        let value = client
            .mesh_secret_value_show(
                example.param_str("secretResourceName"),
                example.param_str("secretValueResourceName"),
            )
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["POST /Resources/Secrets/dbConnectionString/values/v1/list_value?api-version=6.4-preview HTTP/1.1"]
        );
        let secret = value.value.as_ref().unwrap();
        assert_eq!(secret.expose(), example.body()["value"].as_str().unwrap());
        assert!(!format!("{value:?}").contains("mongodb"), "{value:?}");
        assert_round_trip(&value, example.body());
    })
    .await;
}

#[tokio::test]
async fn mesh_secret_value_list() {
    bounded(async {
        let example = example!("MeshSecretValue_List.json");
        let (client, seen) = serve_json(200, example.body()).await;
        let page = client
            .mesh_secret_value_list(example.param_str("secretResourceName"))
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Resources/Secrets/dbConnectionString/values?api-version=6.4-preview HTTP/1.1"]
        );
        let names: Vec<_> = page.items.iter().map(|value| value.name.as_str()).collect();
        assert_eq!(names, ["v1", "v2"]);
        assert_eq!(page.items[0].properties.as_ref().unwrap().value, None);
        assert_round_trip(&page, &without_nulls(example.body()));
    })
    .await;
}

#[tokio::test]
async fn mesh_secret_value_add_value() {
    bounded(async {
        let example = example!("MeshSecretValue_AddValue.json");
        let description: SecretValueResourceDescription = example.param_as("secretValueResourceDescription");
        assert!(!format!("{description:?}").contains("mongodb"));
        for status in ["200", "201"] {
            let (client, seen) = serve_json(status.parse().unwrap(), example.body_of(status)).await;
            let answer = client
                .mesh_secret_value_add_value("dbConnectionString", "v1", &description)
                .await
                .unwrap()
                .expect("a body");
            assert_eq!(
                lines(&seen),
                ["PUT /Resources/Secrets/dbConnectionString/values/v1?api-version=6.4-preview HTTP/1.1"]
            );
            assert_eq!(sent_json(&seen, 0), *example.param("secretValueResourceDescription"));
            assert_round_trip(&answer, &without_nulls(example.body_of(status)));
        }
        assert_eq!(example.statuses(), ["200", "201", "202"]);
        let (client, _) = serve_empty(202).await;
        let accepted = client
            .mesh_secret_value_add_value("dbConnectionString", "v1", &description)
            .await;
        assert_eq!(accepted.unwrap(), None, "202 Accepted has no body");
    })
    .await;
}

#[tokio::test]
async fn mesh_volume_get() {
    bounded(async {
        let example = example!("MeshVolume_Get.json");
        let (client, seen) = serve_json(200, example.body()).await;
        let volume = client
            .mesh_volume_get(example.param_str("volumeResourceName"))
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Resources/Volumes/sampleVolume?api-version=6.4-preview HTTP/1.1"]
        );
        let share = volume.properties.azure_file_parameters.as_ref().unwrap();
        assert_eq!(share.account_key, None, "the gateway does not hand the key back");
        assert_round_trip(&volume, &without_nulls(example.body()));
    })
    .await;
}

#[tokio::test]
async fn mesh_volume_create_or_update() {
    bounded(async {
        let example = example!("MeshVolume_CreateOrUpdate.json");
        let description: VolumeResourceDescription = example.param_as("volumeResourceDescription");
        assert!(!format!("{description:?}").contains("provide-account-key-here"));
        let (client, seen) = serve_json(201, example.body_of("201")).await;
        let created = client
            .mesh_volume_create_or_update(example.param_str("volumeResourceName"), &description)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["PUT /Resources/Volumes/sampleVolume?api-version=6.4-preview HTTP/1.1"]
        );
        assert_eq!(sent_json(&seen, 0), *example.param("volumeResourceDescription"));
        assert_eq!(created.properties.status, Some(ResourceStatus::Creating));
        assert_round_trip(&created, &without_nulls(example.body_of("201")));
    })
    .await;
}

#[tokio::test]
async fn mesh_network_list() {
    bounded(async {
        let example = example!("MeshNetwork_List.json");
        let (client, seen) = serve_json(200, example.body()).await;
        let page = client.mesh_network_list().await.unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Resources/Networks?api-version=6.4-preview HTTP/1.1"]
        );
        let NetworkResourceProperties::Local(local) = &page.items[0].properties else {
            panic!("{:?}", page.items[0].properties)
        };
        assert_eq!(local.network_address_prefix.as_deref(), Some("2.0.0.0/16"));
        assert_round_trip(&page, example.body());
    })
    .await;
}

#[tokio::test]
async fn mesh_gateway_create_or_update() {
    bounded(async {
        let example = example!("MeshGateway_CreateOrUpdate.json");
        let description: GatewayResourceDescription = example.param_as("gatewayResourceDescription");
        assert_eq!(description.properties.source_network.name.as_deref(), Some("Open"));
        for status in ["200", "201"] {
            let (client, seen) = serve_json(status.parse().unwrap(), example.body_of(status)).await;
            let gateway = client
                .mesh_gateway_create_or_update(example.param_str("gatewayResourceName"), &description)
                .await
                .unwrap()
                .unwrap();
            assert_eq!(
                lines(&seen),
                ["PUT /Resources/Gateways/sampleGateway?api-version=6.4-preview HTTP/1.1"]
            );
            assert_eq!(sent_json(&seen, 0), *example.param("gatewayResourceDescription"));
            let http = gateway.properties.http.as_ref().unwrap();
            assert_eq!(http[0].hosts[0].routes[0].match_rule.path.value, "/index");
            assert_round_trip(&gateway, example.body_of(status));
        }
    })
    .await;
}

#[tokio::test]
async fn mesh_service_get() {
    bounded(async {
        let example = example!("MeshService_Get.json");
        let (client, seen) = serve_json(200, example.body()).await;
        let service = client
            .mesh_service_get(example.param_str("applicationResourceName"), example.param_str("serviceResourceName"))
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Resources/Applications/sampleApplication/Services/helloWorldService?api-version=6.4-preview HTTP/1.1"]
        );
        assert_eq!(service.properties.os_type, OperatingSystemType::Linux);
        let requests = &service.properties.code_packages[0].resources.requests;
        assert_eq!(requests.memory_in_gb.to_string(), "1");
        assert!(!requests.memory_in_gb.is_quoted());
        assert_round_trip(&service, example.body());
    })
    .await;
}

#[tokio::test]
async fn mesh_service_replica_get() {
    bounded(async {
        let example = example!("MeshServiceReplica_Get.json");
        let (client, seen) = serve_json(200, example.body()).await;
        let replica = client
            .mesh_service_replica_get(
                example.param_str("applicationResourceName"),
                example.param_str("serviceResourceName"),
                example.param_str("replicaName"),
            )
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Resources/Applications/sampleApplication/Services/helloWorldService/Replicas/0?api-version=6.4-preview HTTP/1.1"]
        );
        let view = replica.code_packages[0].instance_view.as_ref().unwrap();
        assert_eq!(view.restart_count, Some(1));
        assert_eq!(view.current_state.as_ref().unwrap().state.as_deref(), Some("Running"));
        assert_round_trip(&replica, example.body());
    })
    .await;
}
