#![allow(unused_imports)]
use fabric_rest::{fabric_endpoint, Accepted, Result, ServerTimeout, Transport};

pub trait Api: Transport {
    #[fabric_endpoint(PUT, "/ImageStore/{contentPath}/$/UploadChunk", api_version = "6.0")]
    async fn upload_chunk(&self, #[path] content_path: &str, #[header] content_range: &str) -> Result<()>;
}

fn main() {}
