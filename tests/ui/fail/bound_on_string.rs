#![allow(unused_imports)]
use fabric_rest::{fabric_endpoint, Accepted, Result, ServerTimeout, Transport};

pub trait Api: Transport {
    #[fabric_endpoint(GET, "/$/GetRepairTaskList", api_version = "6.0")]
    async fn list(&self, #[query("TaskIdFilter", min = 0)] prefix: Option<&str>) -> Result<serde_json::Value>;
}

fn main() {}
