//! The shapes the spec's operations need: integer ranges, defaults, escape-keeping path
//! and query parameters, raw bodies with a header, 204 as `None`, several statuses, a 4xx
//! answer with a body.

use fabric_rest::{fabric_endpoint, Paged, Result, ServerTimeout, StatusCode, Transport};

#[derive(serde::Deserialize)]
pub struct NodeInfo {
    #[serde(rename = "Name")]
    pub name: String,
}

pub trait SpecShapes: Transport {
    /// Paging, an integer with a lower bound, a documented default.
    #[fabric_endpoint(GET, "/Nodes", api_version = "6.3")]
    async fn get_node_info_list(
        &self,
        #[query("ContinuationToken", keep_escapes)] continuation_token: Option<&str>,
        #[query("MaxResults", min = 0, default = 0)] max_results: Option<i64>,
        #[query("StopDurationInSeconds", min = 0, max = 4294967295)] stop: Option<u64>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Paged<NodeInfo>>;

    /// 200 with a body, or 204 without: `None`.
    #[fabric_endpoint(GET, "/Nodes/{nodeName}/$/GetApplications/{applicationId}", api_version = "6.1")]
    async fn get_deployed_application_info(
        &self,
        #[path] node_name: &str,
        #[path(keep_escapes)] application_id: &str,
        #[query("IncludeHealthState", default = false)] include_health_state: Option<bool>,
    ) -> Result<Option<NodeInfo>>;

    /// A chunk of raw bytes with its `Content-Range`.
    #[fabric_endpoint(PUT, "/ImageStore/{contentPath}/$/UploadChunk", api_version = "6.0")]
    async fn upload_file_chunk(
        &self,
        #[path("contentPath", keep_escapes)] content_path: &str,
        #[query("session-id")] session_id: &str,
        #[header("Content-Range")] content_range: &str,
        #[body(bytes)] chunk: &[u8],
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Several success statuses without a body: which one came back.
    #[fabric_endpoint(POST, "/ApplicationTypes/$/Provision", api_version = "6.2", success = [200, 202])]
    async fn provision_application_type(&self, #[body] description: &serde_json::Value) -> Result<StatusCode>;

    /// A 409 answered with a body of the same, `Kind`-tagged, type.
    #[fabric_endpoint(POST, "/Names/{nameId}/$/GetProperties/$/SubmitBatch", api_version = "6.0", success = [200, 409])]
    async fn submit_property_batch(
        &self,
        #[path(keep_escapes)] name_id: &str,
        #[body] batch: &serde_json::Value,
    ) -> Result<serde_json::Value>;
}

impl<T: Transport> SpecShapes for T {}

fn main() {}
