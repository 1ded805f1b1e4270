//! The Mesh operations (a retired preview service, behind the `mesh` feature) on the wire:
//! exact request lines and bodies against a loopback gateway, bodies shaped as gateways
//! send them, and secrets kept out of `Debug`.
#![cfg(feature = "mesh")]
#![allow(deprecated)]

use fabric_rest::StatusCode;
use fabric_rest::mesh::{MeshApplications, MeshGateways, MeshNetworks, MeshSecrets, MeshVolumes};
use fabric_rest::models::{
    ApplicationResourceDescription, ContainerCodePackageProperties, ExecutionPolicy, GatewayResourceDescription,
    NetworkRef, NetworkResourceDescription, OperatingSystemType, ResourceRequirements, ResourceStatus,
    SecretResourceDescription, SecretResourceProperties, SecretValueResourceDescription, ServiceResourceDescription,
    VolumeProviderParametersAzureFile, VolumeResourceDescription,
};
use serde_json::{Value, json};

#[path = "support/examples.rs"]
mod examples;
mod support;

use examples::{bounded, sent_text, serve_empty};
use support::{lines, serve};

#[tokio::test]
async fn reads_and_deletes_of_every_resource() {
    bounded(async {
        fn answer(target: &str) -> (u16, String) {
            match target {
                t if t.contains("/Logs") => (200, r#"{"Content":"line 1\nline 2\n"}"#.to_owned()),
                t if t.starts_with("/Resources/Volumes/v") => (202, String::new()),
                t if t.starts_with("/Resources/Networks/n") => (204, String::new()),
                _ => (200, r#"{"Items":[]}"#.to_owned()),
            }
        }
        let (client, seen) = serve(answer).await;
        assert_eq!(client.mesh_secret_delete("s").await.unwrap(), StatusCode::OK);
        assert_eq!(client.mesh_secret_value_delete("s", "v1").await.unwrap(), StatusCode::OK);
        assert_eq!(client.mesh_volume_delete("v").await.unwrap(), StatusCode::ACCEPTED);
        assert_eq!(client.mesh_network_delete("n").await.unwrap(), StatusCode::NO_CONTENT);
        assert_eq!(client.mesh_application_delete("a").await.unwrap(), StatusCode::OK);
        assert_eq!(client.mesh_gateway_delete("g").await.unwrap(), StatusCode::OK);
        client.mesh_secret_list().await.unwrap();
        client.mesh_volume_list().await.unwrap();
        client.mesh_application_list().await.unwrap();
        client.mesh_gateway_list().await.unwrap();
        client.mesh_service_list("a~b").await.unwrap();
        client.mesh_service_replica_list("a", "svc").await.unwrap();
        let logs = client
            .mesh_code_package_get_container_logs("a", "svc", "0", "code%pkg", Some("50"))
            .await
            .unwrap();
        assert_eq!(logs.content.as_deref(), Some("line 1\nline 2\n"));
        client.mesh_code_package_get_container_logs("a", "svc", "r%201", "code", None).await.unwrap();
        let v = "api-version=6.4-preview";
        assert_eq!(
            lines(&seen),
            [
                format!("DELETE /Resources/Secrets/s?{v} HTTP/1.1"),
                format!("DELETE /Resources/Secrets/s/values/v1?{v} HTTP/1.1"),
                format!("DELETE /Resources/Volumes/v?{v} HTTP/1.1"),
                format!("DELETE /Resources/Networks/n?{v} HTTP/1.1"),
                format!("DELETE /Resources/Applications/a?{v} HTTP/1.1"),
                format!("DELETE /Resources/Gateways/g?{v} HTTP/1.1"),
                format!("GET /Resources/Secrets?{v} HTTP/1.1"),
                format!("GET /Resources/Volumes?{v} HTTP/1.1"),
                format!("GET /Resources/Applications?{v} HTTP/1.1"),
                format!("GET /Resources/Gateways?{v} HTTP/1.1"),
                format!("GET /Resources/Applications/a~b/Services?{v} HTTP/1.1"),
                format!("GET /Resources/Applications/a/Services/svc/Replicas?{v} HTTP/1.1"),
                // The code package name is encoded in full; the others keep their escapes.
                format!("GET /Resources/Applications/a/Services/svc/Replicas/0/CodePackages/code%25pkg/Logs?{v}&Tail=50 HTTP/1.1"),
                format!("GET /Resources/Applications/a/Services/svc/Replicas/r%201/CodePackages/code/Logs?{v} HTTP/1.1"),
            ]
        );
    })
    .await;
}

#[tokio::test]
async fn a_delete_answered_otherwise_is_the_gateways_error() {
    bounded(async {
        let body = r#"{"Error":{"Code":"FABRIC_E_SINGLE_INSTANCE_APPLICATION_NOT_FOUND","Message":"gone"}}"#;
        let (client, _) = serve(move |_| (404, body.to_owned())).await;
        let error = client.mesh_application_delete("a").await.unwrap_err();
        assert_eq!(error.status(), Some(StatusCode::NOT_FOUND));
        assert_eq!(
            error.code().map(|code| code.as_str()),
            Some("FABRIC_E_SINGLE_INSTANCE_APPLICATION_NOT_FOUND")
        );
        assert_eq!(error.operation(), Some("MeshApplication_Delete"));
    })
    .await;
}

fn hello_service() -> ServiceResourceDescription {
    let resources = ResourceRequirements::new(0.5, 1.0).unwrap();
    let code = ContainerCodePackageProperties::new("code", "nginx:alpine", resources);
    let mut service = ServiceResourceDescription::new("web", OperatingSystemType::Linux, vec![code]);
    service.properties.network_refs = Some(vec![NetworkRef::new("net")]);
    service
}

#[tokio::test]
async fn resources_are_created_as_built() {
    bounded(async {
        let (client, seen) = serve_empty(202).await;
        let secret = SecretResourceDescription::inlined("db", Some("text/plain".to_owned()));
        assert_eq!(client.mesh_secret_create_or_update("db", &secret).await.unwrap(), None);
        let value = SecretValueResourceDescription::new("v1", "p@ss");
        assert_eq!(client.mesh_secret_value_add_value("db", "v1", &value).await.unwrap(), None);
        let share = VolumeProviderParametersAzureFile::new("account", "a2V5", "share");
        let volume = VolumeResourceDescription::azure_file("vol", share);
        assert_eq!(client.mesh_volume_create_or_update("vol", &volume).await.unwrap(), None);
        let network = NetworkResourceDescription::local("net", "10.0.0.0/22");
        assert_eq!(client.mesh_network_create_or_update("net", &network).await.unwrap(), None);
        let application = ApplicationResourceDescription::new("app", vec![hello_service()]);
        assert_eq!(client.mesh_application_create_or_update("app~1", &application).await.unwrap(), None);
        let gateway = GatewayResourceDescription::new("gw", NetworkRef::new("Open"), NetworkRef::new("net"));
        assert_eq!(client.mesh_gateway_create_or_update("gw", &gateway).await.unwrap(), None);
        let v = "api-version=6.4-preview";
        assert_eq!(
            lines(&seen),
            [
                format!("PUT /Resources/Secrets/db?{v} HTTP/1.1"),
                format!("PUT /Resources/Secrets/db/values/v1?{v} HTTP/1.1"),
                format!("PUT /Resources/Volumes/vol?{v} HTTP/1.1"),
                format!("PUT /Resources/Networks/net?{v} HTTP/1.1"),
                format!("PUT /Resources/Applications/app~1?{v} HTTP/1.1"),
                format!("PUT /Resources/Gateways/gw?{v} HTTP/1.1"),
            ]
        );
        let bodies: Vec<String> = (0..6).map(|index| sent_text(&seen, index)).collect();
        assert_eq!(
            bodies,
            [
                r#"{"properties":{"kind":"inlinedValue","contentType":"text/plain"},"name":"db"}"#,
                r#"{"name":"v1","properties":{"value":"p@ss"}}"#,
                r#"{"name":"vol","properties":{"provider":"SFAzureFile","azureFileParameters":{"accountName":"account","accountKey":"a2V5","shareName":"share"}}}"#,
                r#"{"name":"net","properties":{"kind":"Local","networkAddressPrefix":"10.0.0.0/22"}}"#,
                r#"{"name":"app","properties":{"services":[{"name":"web","properties":{"osType":"Linux","codePackages":[{"name":"code","image":"nginx:alpine","resources":{"requests":{"memoryInGB":0.5,"cpu":1.0}}}],"networkRefs":[{"name":"net"}]}}]}}"#,
                r#"{"name":"gw","properties":{"sourceNetwork":{"name":"Open"},"destinationNetwork":{"name":"net"}}}"#,
            ]
        );
        assert!(!format!("{value:?} {volume:?}").contains("p@ss"));
        assert!(!format!("{volume:?}").contains("a2V5"));
    })
    .await;
}

#[tokio::test]
async fn a_put_answered_with_the_resource_gives_it_back() {
    bounded(async {
        let body =
            r#"{"name":"net","properties":{"kind":"Local","status":"Creating","networkAddressPrefix":"10.0.0.0/22"}}"#;
        let (client, _) = serve(move |_| (201, body.to_owned())).await;
        let network = NetworkResourceDescription::local("net", "10.0.0.0/22");
        let created = client
            .mesh_network_create_or_update("net", &network)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(serde_json::to_string(&created).unwrap(), body);
        // An answer the operation does not declare is an error, not a missing body.
        let (client, _) = serve_empty(204).await;
        let error = client.mesh_network_create_or_update("net", &network).await.unwrap_err();
        assert_eq!(error.status(), Some(StatusCode::NO_CONTENT));
    })
    .await;
}

/// A service as a gateway might send it: discriminators late, kinds and states no spec
/// lists, numbers as strings, fields the model does not know.
const ODD_SERVICE: &str = r#"{"properties":{"codePackages":[{"resources":{"requests":{"cpu":"0.25","memoryInGB":1.5},"limits":{"cpu":2}},"image":"i","name":"c","instanceView":{"currentState":{"startTime":"0001-01-01T00:00:00Z","state":"Waiting"},"events":[{"count":3,"name":"Pulled"}]},"gpu":1}],"osType":"FreeBSD","status":"Migrating","executionPolicy":{"restart":"Never","type":"RunToCompletion"},"autoScalingPolicies":[{"name":"p","trigger":{"metric":{"name":"gpu","kind":"Resource"},"lowerLoadThreshold":0.1,"upperLoadThreshold":"0.9","scaleIntervalInSeconds":60,"kind":"AverageLoad"},"mechanism":{"kind":"Burst","max":9}}]},"name":"svc","etag":"x"}"#;

#[test]
fn odd_services_survive_a_read_and_a_write() {
    let service: ServiceResourceDescription = serde_json::from_str(ODD_SERVICE).unwrap();
    let properties = &service.properties;
    assert_eq!(properties.os_type.as_str(), "FreeBSD");
    assert_eq!(
        properties.status.as_ref().map(ResourceStatus::as_str),
        Some("Migrating")
    );
    assert!(matches!(
        properties.execution_policy,
        Some(ExecutionPolicy::RunToCompletion(_))
    ));
    let policy = &properties.auto_scaling_policies.as_ref().unwrap()[0];
    assert_eq!(policy.mechanism.kind(), "Burst");
    let requests = &properties.code_packages[0].resources.requests;
    assert_eq!(
        (requests.cpu.to_string(), requests.cpu.is_quoted()),
        ("0.25".to_owned(), true)
    );
    assert_eq!(properties.code_packages[0].unknown_fields.get("gpu"), Some(&json!(1)));
    assert_eq!(service.unknown_fields.get("etag"), Some(&json!("x")));
    let written: Value = serde_json::to_value(&service).unwrap();
    assert_eq!(written, serde_json::from_str::<Value>(ODD_SERVICE).unwrap());
}

#[test]
fn secrets_of_unknown_kinds_are_kept_whole() {
    let text =
        r#"{"name":"kv","properties":{"description":"d","kind":"keyVaultVersionedReference","vaultUri":"https://v"}}"#;
    let secret: SecretResourceDescription = serde_json::from_str(text).unwrap();
    assert!(matches!(secret.properties, SecretResourceProperties::Unknown(_)));
    assert_eq!(secret.properties.kind(), "keyVaultVersionedReference");
    assert_eq!(
        serde_json::to_value(&secret).unwrap(),
        serde_json::from_str::<Value>(text).unwrap()
    );
}

#[test]
fn resource_requests_are_numbers_and_never_nan() {
    let resources = ResourceRequirements::new(1.5, 0.25).unwrap();
    assert!(!resources.requests.cpu.is_quoted());
    assert_eq!(resources.requests.cpu.to_f64(), Some(0.25));
    assert_eq!(ResourceRequirements::new(f64::NAN, 1.0), None);
    assert_eq!(ResourceRequirements::new(1.0, f64::INFINITY), None);
    assert_eq!(ResourceRequirements::new(-1.0, 1.0), None);
}
