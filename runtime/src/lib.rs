//! The runtime of [fabric-rest]: everything an operation declared with `#[fabric_endpoint]`
//! calls, usable by hand as well.
//!
//! - [`Endpoint`]: the constant description of an operation.
//! - [`RequestBuilder`] / [`Request`]: the one place a URL, query, headers and body are built.
//! - [`Transport`]: sends requests; [`Client`] is the HTTP implementation.
//! - [`decode`]: the one place a response becomes a result or an [`Error`].
//! - [`paging`]: continuation-token lists, page by page or as one stream.
//! - [`wait`]: the one loop that follows every long-running operation to its end.
//! - Wire types: [`ServerTimeout`], [`ApiVersion`], [`FabricError`], [`FabricErrorCode`],
//!   [`Percent`], and ISO-8601 durations ([`iso8601`]).
//! - Models: [`wire_struct!`] and [`kind_enum!`] declare gateway objects that keep the
//!   fields they do not model, [`open_enum!`] string enums that keep the values they do not
//!   know; [`wire`] holds the values that keep their wire form ([`wire::Int64`],
//!   [`wire::Decimal`]).
//!
//! [fabric-rest]: https://docs.rs/fabric-rest
#![deny(missing_docs)]

mod api_version;
mod attempts;
mod auth;
mod builder;
mod certificate;
mod checks;
mod client;
mod encoding;
mod endpoint;
mod error;
mod error_code;
mod escape;
mod fabric_error;
mod failover;
mod identity;
pub mod iso8601;
mod open_enum;
pub mod paging;
mod percentage;
mod request;
mod response;
mod retry;
mod server_timeout;
mod tls;
mod tls_failure;
mod transport;
mod values;
pub mod wait;
pub mod wire;

pub use api_version::{ApiVersion, ApiVersionError};
pub use auth::{BearerToken, StaticToken, TokenError, TokenProvider};
pub use checks::{DeclaresEndpoints, ServerTimeoutParam};
pub use client::{Client, ClientBuilder, DEFAULT_DEADLINE_MARGIN, DEFAULT_MAX_RESPONSE_BODY};
pub use encoding::PathSegment;
pub use endpoint::{ENDPOINTS, Endpoint, Location, Method, Param, ParamKind, ValueEncoding, endpoint, endpoints};
pub use error::{Error, ErrorKind, FabricError, Result};
pub use error_code::FabricErrorCode;
pub use identity::ClientIdentity;
pub use open_enum::{OpenEnum, UnknownValue};
pub use paging::Paged;
pub use percentage::{Percent, PercentError};
pub use request::{MAX_BODY, REQUEST_ID_HEADER, RESERVED_HEADERS, Request, RequestBuilder};
pub use response::{Accepted, ERROR_BODY_LIMIT, FromResponse, Json, JsonOrNoContent, Response, decode};
pub use retry::RetryPolicy;
pub use server_timeout::{ServerTimeout, ServerTimeoutError};
pub use transport::{Transport, WithApiVersion, call};
pub use values::{HeaderArg, IntegerQueryValue, PathValue, QueryValue, TextQueryValue};

pub use http::StatusCode;

/// What code expanded from `#[fabric_endpoint]` refers to. Not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::checks::{require_server_timeout, require_transport};
    pub use crate::open_enum::Visitor as OpenEnumVisitor;
    pub use crate::values::require_integer;
    pub use futures_core::Stream;
    pub use linkme;
    pub use serde;
    pub use serde_json;
}
