use fabric_rest::{fabric_endpoint, Accepted, Result, Transport};

pub trait Api: Transport {
    #[fabric_endpoint(POST, "/Applications/$/Create", api_version = "6.0", success = 201)]
    async fn create_application(&self, #[body] description: &serde_json::Value) -> Result<Accepted>;
}

fn main() {}
