#![allow(unused_imports)]
use fabric_rest::{fabric_endpoint, Accepted, Result, ServerTimeout, Transport};

pub trait Api: Transport {
    #[fabric_endpoint(GET, "/$/GetClusterHealth", api_version = "6.0")]
    async fn get_cluster_health(&self, #[body] filter: &serde_json::Value) -> Result<serde_json::Value>;
}

fn main() {}
