//! Every shape the attribute accepts compiles, and the futures are `Send`.

use fabric_rest::runtime::{QueryValue, RequestBuilder};
use fabric_rest::{fabric_endpoint, Accepted, Client, Result, ServerTimeout, Transport};

/// A user-defined query value.
pub enum NodeStatusFilter {
    All,
    Up,
}

impl QueryValue for NodeStatusFilter {
    fn write_query(&self, name: &'static str, request: &mut RequestBuilder) {
        request.append_query(name, match self {
            NodeStatusFilter::All => "all",
            NodeStatusFilter::Up => "up",
        });
    }
}

#[derive(serde::Deserialize)]
pub struct NodeInfo {
    #[serde(rename = "Name")]
    pub name: String,
}

pub trait Shapes: Transport {
    /// Path parameter, JSON result.
    #[fabric_endpoint(GET, "/Nodes/{nodeName}", api_version = "6.0")]
    async fn get_node_info(&self, #[path] node_name: &str, #[query] timeout: Option<ServerTimeout>) -> Result<NodeInfo>;

    /// Explicit names, a custom query type, an owned string, an integer.
    #[fabric_endpoint(GET, "/Nodes", api_version = "6.3")]
    async fn get_node_info_list(
        &self,
        #[query("ContinuationToken")] continuation_token: Option<String>,
        #[query("NodeStatusFilter")] filter: Option<NodeStatusFilter>,
        #[query("MaxResults")] max_results: Option<u64>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<serde_json::Value>;

    /// A header, several success statuses, an explicit path name, unit result.
    #[fabric_endpoint(PUT, "/ImageStore/{contentPath}/$/UploadChunk", api_version = "6.0", success = [200, 201])]
    async fn upload_file_chunk(
        &self,
        #[path("contentPath")] path: &str,
        #[query("session-id")] session_id: &str,
        #[header("Content-Range")] content_range: &str,
        #[allow(unused)]
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// A long operation with its own default timeout, named explicitly, declared idempotent.
    #[fabric_endpoint(
        POST,
        "/$/StartClusterConfigurationUpgrade",
        api_version = "9.1-preview",
        default_timeout = 600,
        idempotent,
        operation = "StartClusterConfigurationUpgrade"
    )]
    async fn start_again(&self, #[body] body: &serde_json::Value, #[query] timeout: Option<ServerTimeout>) -> Result<Accepted>;

    /// A required server timeout, a fully qualified result type.
    #[fabric_endpoint(DELETE, "/ApplicationTypes/{applicationTypeName}", api_version = "6.0", success = 204)]
    async fn delete_it(
        &self,
        #[path] application_type_name: &str,
        #[query] timeout: ServerTimeout,
    ) -> std::result::Result<(), fabric_rest::Error>;

    /// PATCH with an owned body.
    #[fabric_endpoint(PATCH, "/Things/{id}", api_version = "8.0")]
    async fn patch_it(&self, #[path] id: String, #[body] body: serde_json::Value) -> Result<serde_json::Value>;
}

impl<T: Transport> Shapes for T {}

fn assert_send<F: std::future::Future + Send>(_: F) {}

/// What `tokio::spawn` asks of a future.
fn assert_spawnable<F: std::future::Future + Send + 'static>(_: F) {}

fn main() {
    let client = Client::new("http://127.0.0.1:19080").unwrap();
    assert_send(client.get_node_info("n", None));
    assert_send(client.upload_file_chunk("a b", "1", "bytes 0-1/2", None));
    let owned = client.clone();
    assert_spawnable(async move { owned.get_node_info_list(None, Some(NodeStatusFilter::Up), Some(5), None).await });
    let _ = NodeStatusFilter::All;
}
