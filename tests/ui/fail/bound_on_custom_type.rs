#![allow(unused_imports)]
use fabric_rest::{fabric_endpoint, Accepted, Result, ServerTimeout, Transport};

pub struct Filter;

impl fabric_rest::runtime::QueryValue for Filter {
    fn write_query(&self, name: &'static str, request: &mut fabric_rest::RequestBuilder) {
        request.append_query(name, "x");
    }
}

pub trait Api: Transport {
    #[fabric_endpoint(GET, "/Nodes", api_version = "6.3")]
    async fn list(&self, #[query("NodeStatusFilter", max = 3)] filter: Option<Filter>) -> Result<serde_json::Value>;
}

fn main() {}
