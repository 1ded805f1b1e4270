#![allow(unused_imports)]
use fabric_rest::{fabric_endpoint, Accepted, Result, ServerTimeout, Transport};

pub trait Api: Transport {
    #[fabric_endpoint(GET, "/Nodes", api_version = "6.0")]
    async fn get_nodes(&self, #[query("api-version")] version: &str) -> Result<serde_json::Value>;
}

fn main() {}
