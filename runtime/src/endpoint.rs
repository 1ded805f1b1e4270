//! Constant descriptions of declared operations.

use std::fmt;

/// The HTTP methods the gateway's operations use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `DELETE`
    Delete,
    /// `PATCH`
    Patch,
}

impl Method {
    /// The method's name on the wire.
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
            Method::Patch => "PATCH",
        }
    }

    /// Whether sending the request twice has the effect of sending it once (HTTP semantics).
    pub const fn is_idempotent(self) -> bool {
        !matches!(self, Method::Post | Method::Patch)
    }

    pub(crate) fn to_http(self) -> http::Method {
        match self {
            Method::Get => http::Method::GET,
            Method::Post => http::Method::POST,
            Method::Put => http::Method::PUT,
            Method::Delete => http::Method::DELETE,
            Method::Patch => http::Method::PATCH,
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a parameter travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Location {
    /// A `{placeholder}` segment of the path.
    Path,
    /// A `name=value` pair of the query.
    Query,
    /// A request header.
    Header,
    /// The request body.
    Body,
}

/// One declared parameter of an endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Param {
    name: &'static str,
    location: Location,
    required: bool,
}

impl Param {
    /// A parameter named `name` on the wire (for a body, the Rust parameter name).
    pub const fn new(name: &'static str, location: Location, required: bool) -> Param {
        Param {
            name,
            location,
            required,
        }
    }

    /// The wire name (placeholder, query name or header name).
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// Where the parameter travels.
    pub const fn location(&self) -> Location {
        self.location
    }

    /// Whether every call must supply it (it is not an `Option`).
    pub const fn required(&self) -> bool {
        self.required
    }
}

/// Everything known about a declared operation before any call: its name, method, path
/// template, api-version, success statuses, idempotency and parameters.
///
/// `#[fabric_endpoint]` writes one as a constant for every method it expands, and registers
/// it in [`endpoints()`](crate::endpoints()), so tests and tools can read every operation a
/// program declares. A person can write one by hand too:
///
/// ```
/// use fabric_rest_runtime::{Endpoint, Location, Method, Param};
///
/// const GET_STATUS: Endpoint = Endpoint::new(
///     "GetClusterConfigurationUpgradeStatus",
///     Method::Get,
///     "/$/GetClusterConfigurationUpgradeStatus",
///     "6.0",
/// )
/// .with_params(&[Param::new("timeout", Location::Query, false)]);
///
/// assert_eq!(GET_STATUS.success(), &[200]);
/// assert!(GET_STATUS.idempotent());
/// ```
#[derive(Debug, PartialEq, Eq)]
pub struct Endpoint {
    operation: &'static str,
    method: Method,
    path: &'static str,
    api_version: &'static str,
    success: &'static [u16],
    idempotent: bool,
    params: &'static [Param],
}

impl Endpoint {
    /// An endpoint answering `200` on success, idempotent when its method is, without
    /// parameters. `api_version` must be valid (see [`ApiVersion`](crate::ApiVersion));
    /// an invalid one fails constant evaluation.
    pub const fn new(
        operation: &'static str,
        method: Method,
        path: &'static str,
        api_version: &'static str,
    ) -> Endpoint {
        assert!(
            crate::api_version::is_valid(api_version),
            "api_version must be `major.minor` or `major.minor-preview`"
        );
        Endpoint {
            operation,
            method,
            path,
            api_version,
            success: &[200],
            idempotent: method.is_idempotent(),
            params: &[],
        }
    }

    /// Sets the statuses that mean success.
    pub const fn with_success(mut self, success: &'static [u16]) -> Endpoint {
        self.success = success;
        self
    }

    /// Sets whether the operation may safely be sent twice.
    pub const fn with_idempotent(mut self, idempotent: bool) -> Endpoint {
        self.idempotent = idempotent;
        self
    }

    /// Sets the declared parameters.
    pub const fn with_params(mut self, params: &'static [Param]) -> Endpoint {
        self.params = params;
        self
    }

    /// The operation's name, as in the REST reference (`StartClusterConfigurationUpgrade`).
    pub const fn operation(&self) -> &'static str {
        self.operation
    }

    /// The HTTP method.
    pub const fn method(&self) -> Method {
        self.method
    }

    /// The path template, with `{placeholders}` for path parameters.
    pub const fn path(&self) -> &'static str {
        self.path
    }

    /// The api-version the operation was declared with.
    pub const fn api_version(&self) -> &'static str {
        self.api_version
    }

    /// The statuses that mean success.
    pub const fn success(&self) -> &'static [u16] {
        self.success
    }

    /// Whether `status` means success.
    pub fn is_success(&self, status: u16) -> bool {
        self.success.contains(&status)
    }

    /// Whether the operation may safely be sent twice.
    pub const fn idempotent(&self) -> bool {
        self.idempotent
    }

    /// The declared parameters, in declaration order.
    pub const fn params(&self) -> &'static [Param] {
        self.params
    }

    /// Whether the operation sends a body.
    pub fn has_body(&self) -> bool {
        self.params.iter().any(|p| p.location == Location::Body)
    }
}

/// Every endpoint declared with `#[fabric_endpoint]` in the crates linked into this program.
#[linkme::distributed_slice]
pub static ENDPOINTS: [&'static Endpoint];

/// Every endpoint declared with `#[fabric_endpoint]` in this program, in no particular order.
pub fn endpoints() -> &'static [&'static Endpoint] {
    &ENDPOINTS
}

/// The declared endpoint of an operation, by its name (`"StartClusterConfigurationUpgrade"`).
pub fn endpoint(operation: &str) -> Option<&'static Endpoint> {
    ENDPOINTS.iter().copied().find(|e| e.operation == operation)
}
