#![allow(unused_imports)]
use fabric_rest::{fabric_endpoint, Accepted, Result, ServerTimeout, Transport};

pub trait Api: Transport {
    #[fabric_endpoint(GET, "/Nodes/{nodeName}", api_version = "6.0")]
    async fn get(&self, #[path(raw)] node_name: &str, #[query("Force", raw)] force: Option<bool>) -> Result<serde_json::Value>;
}

fn main() {}
