//! The official examples of the Compose deployment operations, through the declared
//! methods. See `fixtures/examples/SOURCE.md` for where each file comes from.
#![cfg(feature = "compose")]

use fabric_rest::compose::ComposeDeployments;
use fabric_rest::models::{ComposeDeploymentStatus, CreateComposeDeploymentDescription, UpgradeKind};

#[path = "support/examples.rs"]
mod examples;
mod support;

use examples::{Example, assert_round_trip, bounded, sent_json, serve_empty, serve_json};
use support::lines;

macro_rules! example {
    ($file:literal) => {
        Example::parse(include_str!(concat!("fixtures/examples/", $file)))
    };
}

#[tokio::test]
async fn create_compose_deployment() {
    bounded(async {
        let example = example!("CreateComposeDeployment.json");
        let description: CreateComposeDeploymentDescription = example.param_as("CreateComposeDeploymentDescription");
        assert_eq!(description.deployment_name, "newDeployment");
        let (client, seen) = serve_empty(202).await;
        client.create_compose_deployment(&description, None).await.unwrap();
        assert_eq!(
            lines(&seen),
            ["PUT /ComposeDeployments/$/Create?api-version=6.0-preview HTTP/1.1"]
        );
        assert_eq!(
            sent_json(&seen, 0),
            *example.param("CreateComposeDeploymentDescription")
        );
    })
    .await;
}

#[tokio::test]
async fn get_compose_deployment_status() {
    bounded(async {
        let example = example!("GetComposeDeploymentStatus.json");
        // The example gives the body under 202; the operation answers 200.
        let body = example.body_of("202");
        let (client, seen) = serve_json(200, body).await;
        let status = client
            .get_compose_deployment_status(example.param_str("deploymentName"), None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /ComposeDeployments/newDeployment?api-version=6.0-preview HTTP/1.1"]
        );
        assert_eq!(status.status, Some(ComposeDeploymentStatus::Provisioning));
        assert_eq!(status.application_name.as_deref(), Some("fabric:/VisualObjects"));
        assert_round_trip(&status, body);
    })
    .await;
}

#[tokio::test]
async fn get_compose_deployment_status_list() {
    bounded(async {
        let example = example!("GetComposeDeploymentStatusList.json");
        let (client, seen) = serve_json(200, example.body()).await;
        let page = client
            .get_compose_deployment_status_list(None, None, None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /ComposeDeployments?api-version=6.0-preview HTTP/1.1"]
        );
        assert!(page.items.is_empty());
        assert_eq!(page.next_token(), None);
        assert_round_trip(&page, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_compose_deployment_upgrade_progress() {
    bounded(async {
        let example = example!("GetComposeDeploymentUpgradeProgress.json");
        let (client, seen) = serve_json(200, example.body()).await;
        let progress = client
            .get_compose_deployment_upgrade_progress(example.param_str("deploymentName"), None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /ComposeDeployments/newDeployment/$/GetUpgradeProgress?api-version=6.0-preview HTTP/1.1"]
        );
        assert_eq!(progress.upgrade_kind, Some(UpgradeKind::Rolling));
        assert_eq!(progress.deployment_name.as_deref(), Some("newDeployment"));
        assert_round_trip(&progress, example.body());
    })
    .await;
}
