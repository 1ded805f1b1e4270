#![allow(unused_imports)]
use fabric_rest::{fabric_endpoint, Accepted, Result, ServerTimeout, Transport};

pub trait Api: Transport {
    #[fabric_endpoint(GET, "/$/GetClusterManifest", api_version = "6.0", default_timeout = 4294967296)]
    async fn get_cluster_manifest(&self, #[query] timeout: Option<ServerTimeout>) -> Result<serde_json::Value>;
}

fn main() {}
