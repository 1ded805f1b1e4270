// Everything imported here is used only by the declaration, which has a mistake: the
// error is the only message, with no "unused import" warning beside it.
use fabric_rest::{fabric_endpoint, Result, ServerTimeout, Transport};
use serde_json::Value;

pub trait Api: Transport {
    #[fabric_endpoint(GET, "/$/GetClusterManifest", api_version = "six")]
    async fn get_cluster_manifest(&self, #[query] timeout: Option<ServerTimeout>) -> Result<Value>;
}

fn main() {}
