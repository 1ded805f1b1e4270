//! Docker Compose deployments: creating, listing, upgrading and removing them.

use crate::models::{
    ComposeDeploymentStatusInfo, ComposeDeploymentUpgradeDescription, ComposeDeploymentUpgradeProgressInfo,
    CreateComposeDeploymentDescription, Paged,
};
use crate::paging::{self, Stream};
use crate::{Accepted, Result, ServerTimeout, Transport, fabric_endpoint};

/// Compose deployments: applications described by a Docker Compose file, a preview feature
/// of the gateway (`api-version` `6.0-preview`).
///
/// Implemented for every [`Transport`]. `deployment_name` is the deployment's name;
/// escapes already in it are kept.
pub trait ComposeDeployments: Transport {
    /// Creates a deployment from a Compose file (`PUT /ComposeDeployments/$/Create`). Not
    /// re-sent on its own: a second create of the same name is refused.
    #[fabric_endpoint(PUT, "/ComposeDeployments/$/Create", api_version = "6.0-preview", idempotent = false)]
    async fn create_compose_deployment(
        &self,
        #[body] description: &CreateComposeDeploymentDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Accepted>;

    /// A deployment and where it stands (`GET /ComposeDeployments/{deploymentName}`).
    #[fabric_endpoint(GET, "/ComposeDeployments/{deploymentName}", api_version = "6.0-preview")]
    async fn get_compose_deployment_status(
        &self,
        #[path(keep_escapes)] deployment_name: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ComposeDeploymentStatusInfo>;

    /// One page of the cluster's Compose deployments (`GET /ComposeDeployments`).
    #[fabric_endpoint(GET, "/ComposeDeployments", api_version = "6.0-preview")]
    async fn get_compose_deployment_status_list(
        &self,
        #[query("ContinuationToken", keep_escapes)] continuation_token: Option<&str>,
        #[query("MaxResults", min = 0, default = 0)] max_results: Option<i64>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Paged<ComposeDeploymentStatusInfo>>;

    /// Every Compose deployment, fetching page after page as the stream is read.
    fn compose_deployments(
        &self,
        max_results: Option<i64>,
        timeout: Option<ServerTimeout>,
    ) -> impl Stream<Item = Result<ComposeDeploymentStatusInfo>> + Send + '_
    where
        Self: Sized,
    {
        paging::items(move |token: Option<String>| async move {
            self.get_compose_deployment_status_list(token.as_deref(), max_results, timeout)
                .await
        })
    }

    /// Where the deployment's latest upgrade stands
    /// (`GET /ComposeDeployments/{deploymentName}/$/GetUpgradeProgress`).
    #[fabric_endpoint(
        GET,
        "/ComposeDeployments/{deploymentName}/$/GetUpgradeProgress",
        api_version = "6.0-preview"
    )]
    async fn get_compose_deployment_upgrade_progress(
        &self,
        #[path(keep_escapes)] deployment_name: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ComposeDeploymentUpgradeProgressInfo>;

    /// Removes a deployment and its application
    /// (`POST /ComposeDeployments/{deploymentName}/$/Delete`).
    #[fabric_endpoint(
        POST,
        "/ComposeDeployments/{deploymentName}/$/Delete",
        api_version = "6.0-preview",
        operation = "RemoveComposeDeployment"
    )]
    async fn remove_compose_deployment(
        &self,
        #[path(keep_escapes)] deployment_name: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Accepted>;

    /// Starts upgrading a deployment to a new Compose file
    /// (`POST /ComposeDeployments/{deploymentName}/$/Upgrade`).
    #[fabric_endpoint(
        POST,
        "/ComposeDeployments/{deploymentName}/$/Upgrade",
        api_version = "6.0-preview",
        operation = "StartComposeDeploymentUpgrade"
    )]
    async fn start_compose_deployment_upgrade(
        &self,
        #[path(keep_escapes)] deployment_name: &str,
        #[body] description: &ComposeDeploymentUpgradeDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Accepted>;

    /// Rolls a deployment's running upgrade back
    /// (`POST /ComposeDeployments/{deploymentName}/$/RollbackUpgrade`).
    #[fabric_endpoint(
        POST,
        "/ComposeDeployments/{deploymentName}/$/RollbackUpgrade",
        api_version = "6.4-preview",
        operation = "StartRollbackComposeDeploymentUpgrade"
    )]
    async fn start_rollback_compose_deployment_upgrade(
        &self,
        #[path(keep_escapes)] deployment_name: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;
}

impl<T: Transport> ComposeDeployments for T {}
