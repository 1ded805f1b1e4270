use fabric_rest::{fabric_endpoint, Result, Transport};

pub trait Api: Transport {
    #[fabric_endpoint(GET, "/Nodes/{nodeName}/$/GetHealth", api_version = "6.0")]
    async fn get_node_health(&self, #[path] node_nmae: &str) -> Result<serde_json::Value>;
}

fn main() {}
