//! A client for the [Azure Service Fabric] REST API: the HTTP gateway every cluster runs
//! (port 19080), with each operation declared as one annotated trait method.
//!
//! ```no_run
//! use fabric_rest::cluster::ClusterConfigurationUpgrade;
//! use fabric_rest::models::{ClusterConfig, ClusterConfigurationUpgradeDescription};
//! use fabric_rest::{Client, ServerTimeout};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::new("http://127.0.0.1:19080")?;
//! let config = ClusterConfig::from_json(std::fs::read_to_string("ClusterConfig.json")?)?;
//! let description = ClusterConfigurationUpgradeDescription::new(config);
//! client
//!     .start_cluster_configuration_upgrade(&description, Some(ServerTimeout::seconds::<120>()))
//!     .await?;
//! # Ok(()) }
//! ```
//!
//! # Declaring operations
//!
//! Operations are declared with [`fabric_endpoint`] on a method of a trait whose supertrait
//! is [`Transport`]; the attribute writes the method. Your own crate can declare further
//! operations the same way, depending on `fabric-rest` alone:
//!
//! ```
//! use fabric_rest::{fabric_endpoint, Accepted, Result, ServerTimeout, Transport};
//!
//! pub trait NodeControl: Transport {
//!     /// Deactivates a node.
//!     #[fabric_endpoint(POST, "/Nodes/{nodeName}/$/Deactivate", api_version = "6.0")]
//!     async fn deactivate_node(
//!         &self,
//!         #[path] node_name: &str,
//!         #[body] intent: &serde_json::Value,
//!         #[query] timeout: Option<ServerTimeout>,
//!     ) -> Result<()>;
//! }
//! impl<T: Transport> NodeControl for T {}
//! ```
//!
//! See [`fabric_endpoint`] for everything the attribute accepts, and the README for a
//! tutorial.
//!
//! # Errors and timeouts
//!
//! Every call returns [`Result`]; an [`Error`] says which request failed ([`Error::operation`],
//! [`Error::request_id`]), what kind of failure it was ([`ErrorKind`]) and, for a status the
//! operation does not declare as success, everything the gateway said: the status, the
//! reason phrase, the decoded [`FabricError`] and the start of the raw body.
//!
//! [`ServerTimeout`] is the gateway's `timeout` parameter: it cannot be 0 or above
//! 4294967295 s, so an out-of-range value never reaches the wire. The client waits that
//! long plus a margin ([`ClientBuilder::deadline_margin`]) before giving up itself.
//!
//! [Azure Service Fabric]: https://learn.microsoft.com/azure/service-fabric/
#![deny(missing_docs)]

// Expanded code names `::fabric_rest`, including inside this crate.
extern crate self as fabric_rest;

pub mod cluster;
pub mod image_store;
pub mod models;
pub mod nodes;
pub mod upgrade;

#[doc(inline)]
pub use fabric_rest_macros::fabric_endpoint;
pub use fabric_rest_runtime::{
    Accepted, ApiVersion, ApiVersionError, BearerToken, Client, ClientBuilder, ClientIdentity, Endpoint, Error,
    ErrorKind, FabricError, FabricErrorCode, Location, Method, Paged, Param, ParamKind, Percent, PercentError, Request,
    RequestBuilder, Response, Result, RetryPolicy, ServerTimeout, ServerTimeoutError, StaticToken, StatusCode,
    TokenError, TokenProvider, Transport, ValueEncoding, WithApiVersion, endpoint, endpoints, iso8601, paging,
};

pub use fabric_rest_runtime::server_timeout;

/// The runtime crate in full: request building, decoding and the transport, for calling
/// operations by hand or writing a transport.
pub use fabric_rest_runtime as runtime;

/// What code expanded from `#[fabric_endpoint]` refers to. Not a public API.
#[doc(hidden)]
pub mod __private {
    pub use fabric_rest_runtime::__private::{
        Stream, linkme, require_integer, require_server_timeout, require_transport,
    };
    pub use fabric_rest_runtime::{
        Accepted, ENDPOINTS, Endpoint, Json, JsonOrNoContent, Location, Method, Param, ParamKind, RequestBuilder,
        ServerTimeout, StatusCode, Transport, ValueEncoding, call,
    };
}

/// The README's examples, compiled as doc tests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
