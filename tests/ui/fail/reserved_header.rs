use fabric_rest::{fabric_endpoint, Result, ServerTimeout, Transport};

pub trait Api: Transport {
    #[fabric_endpoint(PUT, "/ImageStore/{contentPath}", api_version = "6.0")]
    async fn upload_file(
        &self,
        #[path] content_path: &str,
        #[header("Content-Type")] content_type: &str,
        #[header("x-servicefabricrequestid")] request_id: &str,
        #[body(bytes)] contents: &[u8],
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;
}

fn main() {}
