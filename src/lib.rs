//! A client for the [Azure Service Fabric] REST API: the HTTP gateway every cluster runs
//! (port 19080), with each operation declared as one annotated trait method.
//!
//! ```no_run
//! use fabric_rest::models::{ClusterConfig, ClusterConfigurationUpgradeDescription};
//! use fabric_rest::prelude::*;
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
//! # Operation groups and features
//!
//! The operations are grouped as in the REST reference, one module and one cargo feature per
//! group: [`cluster`] (everything under `/$/`), [`nodes`] (`/Nodes`), [`image_store`]
//! (`/ImageStore`), and `applications`, `application_types`, `services`, `partitions`,
//! `replicas`, `names`, `events`, `faults`, `chaos`, `backup_restore`, `compose` and `mesh`.
//! Every group is on by default except `mesh`, a retired preview service; a program that
//! needs only some groups builds only those:
//!
//! ```toml
//! fabric-rest = { version = "0.1", default-features = false, features = ["cluster"] }
//! ```
//!
//! [`prelude`] brings every operation trait of the enabled groups into scope, and
//! [`models`] holds the bodies, in modules of the same groups.
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

// The operation groups of the REST reference, one module and one cargo feature each.
#[cfg(feature = "application_types")]
pub mod application_types;
#[cfg(feature = "applications")]
pub mod applications;
#[cfg(feature = "backup_restore")]
pub mod backup_restore;
#[cfg(feature = "chaos")]
pub mod chaos;
#[cfg(feature = "cluster")]
pub mod cluster;
#[cfg(feature = "compose")]
pub mod compose;
#[cfg(all(feature = "image_store", feature = "applications", feature = "application_types"))]
pub mod deploy;
#[cfg(feature = "events")]
pub mod events;
#[cfg(feature = "faults")]
pub mod faults;
#[cfg(feature = "image_store")]
pub mod image_store;
#[cfg(feature = "mesh")]
pub mod mesh;
#[cfg(feature = "names")]
pub mod names;
#[cfg(feature = "nodes")]
pub mod nodes;
#[cfg(feature = "partitions")]
pub mod partitions;
#[cfg(feature = "replicas")]
pub mod replicas;
#[cfg(feature = "services")]
pub mod services;

pub mod prelude;
#[cfg(feature = "cluster")]
pub mod upgrade;
pub mod wait;

#[doc(inline)]
pub use fabric_rest_macros::fabric_endpoint;
/// The models: the JSON bodies of the operations, by operation group.
#[doc(inline)]
pub use fabric_rest_models as models;
pub use fabric_rest_runtime::{
    Accepted, ApiVersion, ApiVersionError, BearerToken, Client, ClientBuilder, ClientIdentity, Endpoint, Error,
    ErrorKind, FabricError, FabricErrorCode, Location, Method, Paged, Param, ParamKind, Percent, PercentError, Request,
    RequestBuilder, Response, Result, RetryPolicy, ServerTimeout, ServerTimeoutError, StaticToken, StatusCode,
    TokenError, TokenProvider, Transport, ValueEncoding, WithApiVersion, endpoint, endpoints, iso8601, paging,
};
pub use fabric_rest_runtime::{kind_enum, open_enum, wire_struct};

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
