#![allow(unused_imports)]
use fabric_rest::{fabric_endpoint, Accepted, Result, ServerTimeout, Transport};

pub trait Api: Transport {
    #[fabric_endpoint(GET, "/Nodes", api_version = "6.3")]
    async fn list(&self, #[query("MaxResults", min = 10, max = 1)] max_results: Option<i64>) -> Result<serde_json::Value>;
}

fn main() {}
