//! Nodes themselves: listing, health, load, activation, restart, configuration overrides
//! and tags.

use crate::models::{
    ClusterHealthPolicy, ConfigParameterOverride, DeactivationIntentDescription, HealthInformation, HealthStateFilter,
    NodeHealth, NodeInfo, NodeLoadInfo, NodeStatusFilter, Paged, RestartNodeDescription,
};
use crate::paging;
use crate::paging::Stream;
use crate::{Result, ServerTimeout, Transport, fabric_endpoint};

/// The nodes of the cluster.
///
/// Implemented for every [`Transport`]. Lists come a page at a time
/// ([`get_node_info_list`](Self::get_node_info_list)) or as one stream of every node
/// ([`nodes`](Self::nodes)).
pub trait Nodes: Transport {
    /// One page of the cluster's nodes (`GET /Nodes`). Pass the previous page's
    /// `continuation_token` to get the next; `max_results` of 0 (or `None`) lets the
    /// gateway fill the page as far as its message size allows.
    #[fabric_endpoint(GET, "/Nodes", api_version = "6.3")]
    async fn get_node_info_list(
        &self,
        #[query("ContinuationToken", keep_escapes)] continuation_token: Option<&str>,
        #[query("NodeStatusFilter", default = "default")] status_filter: Option<NodeStatusFilter>,
        #[query("MaxResults", min = 0, default = 0)] max_results: Option<i64>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Paged<NodeInfo>>;

    /// Every node, fetching page after page as the stream is read.
    ///
    /// ```no_run
    /// use fabric_rest::Client;
    /// use fabric_rest::nodes::Nodes;
    /// use futures_util::StreamExt;
    ///
    /// # async fn run() -> fabric_rest::Result<()> {
    /// let client = Client::new("http://127.0.0.1:19080")?;
    /// let mut nodes = std::pin::pin!(client.nodes(None, None, None));
    /// while let Some(node) = nodes.next().await {
    ///     println!("{:?}", node?.name);
    /// }
    /// # Ok(()) }
    /// ```
    fn nodes(
        &self,
        status_filter: Option<NodeStatusFilter>,
        max_results: Option<i64>,
        timeout: Option<ServerTimeout>,
    ) -> impl Stream<Item = Result<NodeInfo>> + Send + '_
    where
        Self: Sized,
    {
        paging::items(move |token: Option<String>| {
            let status_filter = status_filter.clone();
            async move {
                self.get_node_info_list(token.as_deref(), status_filter, max_results, timeout)
                    .await
            }
        })
    }

    /// One node, or `None` when the cluster has no node of that name
    /// (`GET /Nodes/{nodeName}`).
    #[fabric_endpoint(GET, "/Nodes/{nodeName}", api_version = "6.0")]
    async fn get_node_info(
        &self,
        #[path] node_name: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Option<NodeInfo>>;

    /// A node's health (`GET /Nodes/{nodeName}/$/GetHealth`).
    #[fabric_endpoint(GET, "/Nodes/{nodeName}/$/GetHealth", api_version = "6.0")]
    async fn get_node_health(
        &self,
        #[path] node_name: &str,
        #[query("EventsHealthStateFilter", default = 0)] events_filter: Option<HealthStateFilter>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<NodeHealth>;

    /// A node's health evaluated with `policy` (`POST /Nodes/{nodeName}/$/GetHealth`).
    #[fabric_endpoint(
        POST,
        "/Nodes/{nodeName}/$/GetHealth",
        api_version = "6.0",
        operation = "GetNodeHealthUsingPolicy",
        idempotent
    )]
    async fn get_node_health_using_policy(
        &self,
        #[path] node_name: &str,
        #[query("EventsHealthStateFilter", default = 0)] events_filter: Option<HealthStateFilter>,
        #[body] policy: Option<&ClusterHealthPolicy>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<NodeHealth>;

    /// Sends a health report about a node (`POST /Nodes/{nodeName}/$/ReportHealth`).
    #[fabric_endpoint(
        POST,
        "/Nodes/{nodeName}/$/ReportHealth",
        api_version = "6.0",
        operation = "ReportNodeHealth"
    )]
    async fn report_node_health(
        &self,
        #[path] node_name: &str,
        #[body] report: &HealthInformation,
        #[query("Immediate", default = false)] immediate: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// A node's load per metric (`GET /Nodes/{nodeName}/$/GetLoadInformation`).
    #[fabric_endpoint(
        GET,
        "/Nodes/{nodeName}/$/GetLoadInformation",
        api_version = "6.0",
        operation = "GetNodeLoadInfo"
    )]
    async fn get_node_load_info(
        &self,
        #[path] node_name: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<NodeLoadInfo>;

    /// Deactivates a node with an intent (`POST /Nodes/{nodeName}/$/Deactivate`).
    #[fabric_endpoint(
        POST,
        "/Nodes/{nodeName}/$/Deactivate",
        api_version = "6.0",
        operation = "DisableNode"
    )]
    async fn disable_node(
        &self,
        #[path] node_name: &str,
        #[body] intent: &DeactivationIntentDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Activates a deactivated node (`POST /Nodes/{nodeName}/$/Activate`).
    #[fabric_endpoint(POST, "/Nodes/{nodeName}/$/Activate", api_version = "6.0", operation = "EnableNode")]
    async fn enable_node(&self, #[path] node_name: &str, #[query] timeout: Option<ServerTimeout>) -> Result<()>;

    /// Tells the cluster a down node's state is lost for good
    /// (`POST /Nodes/{nodeName}/$/RemoveNodeState`).
    #[fabric_endpoint(POST, "/Nodes/{nodeName}/$/RemoveNodeState", api_version = "6.0")]
    async fn remove_node_state(&self, #[path] node_name: &str, #[query] timeout: Option<ServerTimeout>) -> Result<()>;

    /// Restarts a node (`POST /Nodes/{nodeName}/$/Restart`).
    #[fabric_endpoint(POST, "/Nodes/{nodeName}/$/Restart", api_version = "6.0", operation = "RestartNode")]
    async fn restart_node(
        &self,
        #[path] node_name: &str,
        #[body] description: &RestartNodeDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Removes a node's configuration overrides
    /// (`DELETE /Nodes/{nodeName}/$/RemoveConfigurationOverrides`).
    #[fabric_endpoint(DELETE, "/Nodes/{nodeName}/$/RemoveConfigurationOverrides", api_version = "7.0")]
    async fn remove_configuration_overrides(
        &self,
        #[path] node_name: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// A node's configuration overrides (`GET /Nodes/{nodeName}/$/GetConfigurationOverrides`).
    #[fabric_endpoint(GET, "/Nodes/{nodeName}/$/GetConfigurationOverrides", api_version = "7.0")]
    async fn get_configuration_overrides(
        &self,
        #[path] node_name: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Vec<ConfigParameterOverride>>;

    /// Adds configuration overrides to a node; with `force`, over existing ones
    /// (`POST /Nodes/{nodeName}/$/AddConfigurationParameterOverrides`).
    #[fabric_endpoint(POST, "/Nodes/{nodeName}/$/AddConfigurationParameterOverrides", api_version = "7.0")]
    async fn add_configuration_parameter_overrides(
        &self,
        #[path] node_name: &str,
        #[body] overrides: &[ConfigParameterOverride],
        #[query("Force")] force: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Removes tags from a node (`POST /Nodes/{nodeName}/$/RemoveNodeTags`).
    #[fabric_endpoint(POST, "/Nodes/{nodeName}/$/RemoveNodeTags", api_version = "7.0")]
    async fn remove_node_tags(&self, #[path] node_name: &str, #[body] tags: &[String]) -> Result<()>;

    /// Adds tags to a node (`POST /Nodes/{nodeName}/$/AddNodeTags`).
    #[fabric_endpoint(POST, "/Nodes/{nodeName}/$/AddNodeTags", api_version = "7.2")]
    async fn add_node_tags(&self, #[path] node_name: &str, #[body] tags: &[String]) -> Result<()>;
}

impl<T: Transport> Nodes for T {}
