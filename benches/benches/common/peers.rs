//! The clients under test in the round-trip benchmark: fabric-rest, hand-written reqwest,
//! and the same endpoint declared with feignhttp and with rustify. Shared by the benchmark
//! and the instruction-count program.

use std::fmt;
use std::future::Future;
use std::sync::OnceLock;

use fabric_rest::Client;
use fabric_rest::cluster::ClusterConfigurationUpgrade;
use fabric_rest::models::ClusterConfigurationUpgradeDescription;
use fabric_rest_benches::{Gateway, PATH, TIMEOUT, description, description_json, http_client, reqwest_by_hand};

/// The same endpoint declared with feignhttp. Its base URL must be an expression known where
/// the trait is declared, so it is read from a static set once the gateway has a port.
mod feign {
    use super::*;
    use feignhttp::{FeignClientBuilder, feign};

    pub struct BaseUrl(pub OnceLock<String>);

    impl fmt::Display for BaseUrl {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0.get().expect("the base URL is set before any call"))
        }
    }

    pub static GATEWAY: BaseUrl = BaseUrl(OnceLock::new());

    #[feign(url = GATEWAY)]
    pub trait FeignGateway {
        #[post("/$/StartClusterConfigurationUpgrade?api-version=3.0")]
        async fn start_cluster_configuration_upgrade(
            &self,
            #[body] description: &ClusterConfigurationUpgradeDescription,
            #[query] timeout: u32,
        ) -> feignhttp::Result<()>;
    }
}

/// The same endpoint declared with rustify. rustify sends no content type of its own, so a
/// middleware adds the one the gateway expects.
mod rustify_peer {
    use super::*;
    use rustify::Endpoint;
    use rustify::errors::ClientError;
    use rustify_derive::Endpoint;
    use serde::Serialize;

    // `Serialize` only so that serde's field attributes are accepted; rustify builds the
    // query and the body from its own copies of the fields.
    #[derive(Endpoint, Serialize)]
    #[endpoint(path = "$/StartClusterConfigurationUpgrade", method = "POST")]
    pub struct StartClusterConfigurationUpgrade<'a> {
        #[endpoint(query)]
        #[serde(rename = "api-version")]
        pub api_version: &'static str,
        #[endpoint(query)]
        pub timeout: u32,
        #[endpoint(body)]
        #[serde(flatten)]
        pub description: &'a ClusterConfigurationUpgradeDescription,
    }

    pub struct JsonContent;

    impl rustify::endpoint::MiddleWare for JsonContent {
        fn request<E: Endpoint>(&self, _: &E, request: &mut http::Request<Vec<u8>>) -> Result<(), ClientError> {
            request.headers_mut().insert(
                http::header::CONTENT_TYPE,
                http::HeaderValue::from_static("application/json"),
            );
            Ok(())
        }

        fn response<E: Endpoint>(&self, _: &E, _: &mut http::Response<Vec<u8>>) -> Result<(), ClientError> {
            Ok(())
        }
    }
}

/// Everything the clients under test share; leaked so spawned tasks can borrow it.
pub struct Clients {
    description: ClusterConfigurationUpgradeDescription,
    url: String,
    fabric_rest: Client,
    reqwest: reqwest::Client,
    feign: feign::FeignGateway,
    rustify: rustify::clients::reqwest::Client,
}

impl Clients {
    async fn fabric_rest(&self) {
        self.fabric_rest
            .start_cluster_configuration_upgrade(&self.description, Some(TIMEOUT))
            .await
            .expect("202");
    }

    async fn reqwest(&self) {
        let response = reqwest_by_hand(&self.reqwest, &format!("{}{PATH}", self.url), &self.description)
            .send()
            .await
            .expect("a response");
        assert_eq!(response.status(), reqwest::StatusCode::ACCEPTED);
        response.bytes().await.expect("the body");
    }

    async fn feignhttp(&self) {
        self.feign
            .start_cluster_configuration_upgrade(&self.description, 60)
            .await
            .expect("202");
    }

    async fn rustify(&self) {
        use rustify::Endpoint;
        let endpoint = rustify_peer::StartClusterConfigurationUpgrade {
            api_version: "3.0",
            timeout: 60,
            description: &self.description,
        };
        let result = endpoint
            .with_middleware(&rustify_peer::JsonContent)
            .exec(&self.rustify)
            .await
            .expect("202");
        assert_eq!(result.response.status(), http::StatusCode::ACCEPTED);
    }
}

pub type Call = for<'a> fn(&'a Clients) -> std::pin::Pin<Box<dyn Future<Output = ()> + Send + 'a>>;

/// The four clients, in the order they are measured.
pub const VARIANTS: [(&str, Call); 4] = [
    ("fabric_rest", |c| Box::pin(c.fabric_rest())),
    ("reqwest_by_hand", |c| Box::pin(c.reqwest())),
    ("feignhttp", |c| Box::pin(c.feignhttp())),
    ("rustify", |c| Box::pin(c.rustify())),
];

/// Starts a gateway and every client, pointed at it.
pub fn start() -> (Gateway, &'static Clients) {
    let description = description();
    let gateway = Gateway::start(description_json().len());
    let url = gateway.base_url();
    feign::GATEWAY.0.set(url.clone()).expect("set once");
    let http = http_client();
    let clients: &'static Clients = Box::leak(Box::new(Clients {
        description,
        fabric_rest: Client::builder(&url)
            .http_client(http.clone())
            .build()
            .expect("a client"),
        reqwest: http.clone(),
        feign: feign::FeignGatewayBuilder::build_with_client(
            <feignhttp::ClientWrapper as feignhttp::Client>::with_client(http.clone()).expect("a client"),
        )
        .expect("a feign client"),
        rustify: rustify::clients::reqwest::Client::new(&url, http.clone()),
        url,
    }));
    (gateway, clients)
}
