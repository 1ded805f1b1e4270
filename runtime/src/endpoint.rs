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

/// What kind of value a parameter carries, as the spec describes it.
///
/// The attribute reads it from the parameter's Rust type ([`QueryValue::KIND`],
/// [`PathValue::KIND`](crate::PathValue::KIND)), so it cannot disagree with what is sent.
///
/// [`QueryValue::KIND`]: crate::QueryValue::KIND
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParamKind {
    /// Text.
    String,
    /// `true` or `false`.
    Boolean,
    /// A whole number.
    Integer,
    /// One of a fixed list of words (the spec's `enum`).
    Enum,
    /// An ISO-8601 duration.
    Duration,
    /// The gateway's `timeout`: whole seconds, `1..=4294967295`.
    ServerTimeout,
    /// A JSON body.
    Json,
    /// A body of raw bytes.
    Bytes,
    /// A type that does not say what it is.
    Other,
}

/// How a path or query parameter's value is percent-encoded.
///
/// Either way a path value fills exactly one segment and a query value exactly one value:
/// `/`, `?`, `#`, `&`, `=` and `+` are always encoded, so no value can add a segment, end
/// the path, or add a query parameter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ValueEncoding {
    /// Every byte outside RFC 3986's unreserved set (`A-Z a-z 0-9 - . _ ~`) is
    /// percent-encoded, `%` included: the gateway reads back the value exactly.
    #[default]
    Strict,
    /// As [`Strict`](Self::Strict), except that a `%` followed by two hex digits is kept as it
    /// is: a value that is already percent-encoded is not encoded twice. A `%` that does not
    /// start such an escape is still encoded (`%25`), and unreserved characters such as the
    /// `~` of Service Fabric's hierarchical ids (`MyApp~Frontend`) pass unchanged in both
    /// modes. Meant for the parameters the spec marks `x-ms-skip-url-encoding`: application,
    /// service and partition ids, replica ids, package and type names, which callers often
    /// copy from a URL the gateway wrote, and the `ContinuationToken` a gateway hands back.
    KeepEscapes,
}

/// One declared parameter of an endpoint.
///
/// ```
/// use fabric_rest_runtime::{Location, Param, ParamKind};
///
/// const MAX_RESULTS: Param = Param::new("MaxResults", Location::Query, false)
///     .with_kind(ParamKind::Integer)
///     .with_minimum(0)
///     .with_default("0");
/// assert_eq!(MAX_RESULTS.minimum(), Some(0));
/// assert_eq!(MAX_RESULTS.maximum(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Param {
    name: &'static str,
    location: Location,
    required: bool,
    kind: ParamKind,
    minimum: Option<i64>,
    maximum: Option<i64>,
    default: Option<&'static str>,
    encoding: ValueEncoding,
}

impl Param {
    /// A parameter named `name` on the wire (for a body, the Rust parameter name), of kind
    /// [`ParamKind::Other`], without range or default, strictly encoded.
    pub const fn new(name: &'static str, location: Location, required: bool) -> Param {
        Param {
            name,
            location,
            required,
            kind: ParamKind::Other,
            minimum: None,
            maximum: None,
            default: None,
            encoding: ValueEncoding::Strict,
        }
    }

    /// A query parameter of type `T`: kind, range and default as the type states them
    /// ([`QueryValue::KIND`](crate::QueryValue::KIND) and its neighbours).
    pub const fn for_query<T: crate::values::QueryValue + ?Sized>(name: &'static str, required: bool) -> Param {
        let param = Param::new(name, Location::Query, required)
            .with_kind(T::KIND)
            .with_range(T::MINIMUM, T::MAXIMUM);
        match T::DEFAULT {
            Some(default) => param.with_default(default),
            None => param,
        }
    }

    /// A path parameter of type `T`, strictly encoded.
    pub const fn for_path<T: crate::values::PathValue + ?Sized>(name: &'static str) -> Param {
        Param::new(name, Location::Path, true).with_kind(T::KIND)
    }

    /// Sets the kind of value.
    pub const fn with_kind(mut self, kind: ParamKind) -> Param {
        self.kind = kind;
        self
    }

    /// Sets the smallest value an integer parameter may take; smaller ones fail the request
    /// before anything is sent.
    pub const fn with_minimum(mut self, minimum: i64) -> Param {
        self.minimum = Some(minimum);
        self
    }

    /// Sets the largest value an integer parameter may take; larger ones fail the request
    /// before anything is sent.
    pub const fn with_maximum(mut self, maximum: i64) -> Param {
        self.maximum = Some(maximum);
        self
    }

    /// Sets both bounds at once; `None` leaves a side open.
    pub const fn with_range(mut self, minimum: Option<i64>, maximum: Option<i64>) -> Param {
        self.minimum = minimum;
        self.maximum = maximum;
        self
    }

    /// Records the value the gateway uses when the parameter is left out, as the spec
    /// writes it (`"60"`, `"false"`, `"default"`). Documentation only: nothing is sent for it.
    pub const fn with_default(mut self, default: &'static str) -> Param {
        self.default = Some(default);
        self
    }

    /// Sets how a path or query parameter is percent-encoded.
    pub const fn with_encoding(mut self, encoding: ValueEncoding) -> Param {
        self.encoding = encoding;
        self
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

    /// The kind of value.
    pub const fn kind(&self) -> ParamKind {
        self.kind
    }

    /// The smallest accepted value, if bounded below.
    pub const fn minimum(&self) -> Option<i64> {
        self.minimum
    }

    /// The largest accepted value, if bounded above.
    pub const fn maximum(&self) -> Option<i64> {
        self.maximum
    }

    /// The gateway's value when the parameter is left out, if recorded.
    pub const fn default_value(&self) -> Option<&'static str> {
        self.default
    }

    /// How a path or query parameter is percent-encoded.
    pub const fn encoding(&self) -> ValueEncoding {
        self.encoding
    }

    /// Whether `value` lies within the declared bounds.
    pub const fn accepts(&self, value: i128) -> bool {
        let above_min = match self.minimum {
            Some(min) => value >= min as i128,
            None => true,
        };
        let below_max = match self.maximum {
            Some(max) => value <= max as i128,
            None => true,
        };
        above_min && below_max
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

    /// The declared parameter `name` at `location`, if any.
    pub fn param(&self, location: Location, name: &str) -> Option<&'static Param> {
        self.params.iter().find(|p| p.location == location && p.name == name)
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
