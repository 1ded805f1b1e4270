#![allow(unused_imports)]
use fabric_rest::{fabric_endpoint, Accepted, Result, ServerTimeout, Transport};

pub trait Api: Transport {
    #[fabric_endpoint(post, "/$/StartClusterConfigurationUpgrade", api_version = "3.0")]
    async fn start(&self, #[body] body: &serde_json::Value) -> Result<Accepted>;
}

fn main() {}
