use fabric_rest::{fabric_endpoint, Result, ServerTimeout};

pub trait Api {
    #[fabric_endpoint(GET, "/$/GetClusterManifest", api_version = "6.0")]
    async fn get_cluster_manifest(&self, #[query] timeout: Option<ServerTimeout>) -> Result<serde_json::Value>;
}

fn main() {}
