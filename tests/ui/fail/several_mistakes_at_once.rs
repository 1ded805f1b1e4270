#![allow(unused_imports)]
use fabric_rest::{fabric_endpoint, Accepted, Result, ServerTimeout, Transport};

pub trait Api: Transport {
    #[fabric_endpoint(FETCH, "/Nodes/{nodeName}", api_version = "six")]
    async fn get_node(&self, #[query] max_results: Option<u64>) -> Result<serde_json::Value>;
}

fn main() {}
