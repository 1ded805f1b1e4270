use fabric_rest::{fabric_endpoint, Result, Transport};

pub trait Api: Transport {
    #[fabric_endpoint(GET, "/$/GetClusterManifest", api_version = "6.0", default_timeout = 300)]
    async fn get_cluster_manifest(&self) -> Result<serde_json::Value>;
}

fn main() {}
