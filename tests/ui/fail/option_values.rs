#![allow(unused_imports)]
use fabric_rest::{fabric_endpoint, Accepted, Result, ServerTimeout, Transport};

pub trait Api: Transport {
    #[fabric_endpoint(POST, "/ImageStore/{contentPath}/$/UploadChunk", api_version = "6.0")]
    async fn upload(
        &self,
        #[path(keep_escapes = true)] content_path: &str,
        #[body(bytes = "yes")] chunk: &[u8],
        #[query("MaxResults", min = "0")] max_results: Option<i64>,
    ) -> Result<()>;
}

fn main() {}
