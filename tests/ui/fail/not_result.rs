#![allow(unused_imports)]
use fabric_rest::{fabric_endpoint, Accepted, Result, ServerTimeout, Transport};

pub trait Api: Transport {
    #[fabric_endpoint(POST, "/$/StartClusterConfigurationUpgrade", api_version = "3.0")]
    async fn start(&self, #[body] body: &serde_json::Value) -> Accepted;
}

fn main() {}
