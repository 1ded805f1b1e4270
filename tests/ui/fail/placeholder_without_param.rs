#![allow(unused_imports)]
use fabric_rest::{fabric_endpoint, Accepted, Result, ServerTimeout, Transport};

pub trait Api: Transport {
    #[fabric_endpoint(GET, "/Nodes/{nodeName}/$/GetHealth", api_version = "6.0")]
    async fn get_node_health(&self, #[query] timeout: Option<ServerTimeout>) -> Result<serde_json::Value>;
}

fn main() {}
