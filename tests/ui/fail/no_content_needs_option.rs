#![allow(unused_imports)]
use fabric_rest::{fabric_endpoint, Accepted, Result, ServerTimeout, Transport};

pub trait Api: Transport {
    #[fabric_endpoint(GET, "/Nodes/{nodeName}", api_version = "6.0", success = [200, 204])]
    async fn get(&self, #[path] node_name: &str) -> Result<serde_json::Value>;
}

fn main() {}
