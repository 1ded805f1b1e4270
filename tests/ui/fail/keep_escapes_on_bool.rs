#![allow(unused_imports)]
use fabric_rest::{fabric_endpoint, Result, Transport};

pub trait Api: Transport {
    #[fabric_endpoint(GET, "/Nodes", api_version = "6.3")]
    async fn list(&self, #[query("ExcludeHealthStatistics", keep_escapes)] exclude: Option<bool>) -> Result<serde_json::Value>;
}

fn main() {}
