use fabric_rest::{fabric_endpoint, Result, Transport};

type Seconds = u64;

pub trait Api: Transport {
    #[fabric_endpoint(GET, "/$/GetClusterManifest", api_version = "6.0")]
    async fn get_cluster_manifest(&self, #[query] timeout: Option<u32>) -> Result<serde_json::Value>;

    #[fabric_endpoint(GET, "/$/GetClusterHealth", api_version = "6.0")]
    async fn get_cluster_health(&self, #[query("timeout")] seconds: Option<Seconds>) -> Result<serde_json::Value>;
}

fn main() {}
