//! Building a request: the one place that turns an endpoint and its arguments into a path,
//! a query, headers and a body.

use std::borrow::Cow;
use std::fmt::Write as _;

use bytes::Bytes;
use http::header::{CONTENT_RANGE, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

use crate::endpoint::{Endpoint, Location, ParamKind, ValueEncoding};
use crate::error::Error;
use crate::server_timeout::ServerTimeout;
use crate::transport::Transport;

/// Characters written as they are in path segments and query values: RFC 3986's unreserved
/// set. Everything else is percent-encoded, so a value can never end a segment or start a
/// new query pair (the gateway splits the query on `&` and `=`).
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// The largest request body the gateway reads: 4 MiB.
pub const MAX_BODY: usize = 4 * 1024 * 1024;

/// Headers the library sets itself, which an operation cannot declare: the body's type and
/// length, the connection's framing, the host, the credentials and the request id.
pub const RESERVED_HEADERS: &[&str] = &[
    "Authorization",
    "Connection",
    "Content-Length",
    "Content-Type",
    "Host",
    "Transfer-Encoding",
    "X-ServiceFabricRequestId",
];

/// The request-id header the gateway logs with every request.
pub const REQUEST_ID_HEADER: &str = "x-servicefabricrequestid";

const JSON_UTF8: &str = "application/json; charset=utf-8";

/// [`REQUEST_ID_HEADER`] as a header name, checked once at compile time rather than parsed
/// on every request.
pub(crate) const REQUEST_ID: HeaderName = HeaderName::from_static(REQUEST_ID_HEADER);

const OCTET_STREAM: &str = "application/octet-stream";

/// A request ready to send: built once, sendable any number of times (by a retrying or
/// failing-over transport), always with the same request id.
#[derive(Clone, Debug)]
pub struct Request {
    endpoint: &'static Endpoint,
    target: String,
    path_len: usize,
    headers: HeaderMap,
    body: Option<Bytes>,
    server_timeout: ServerTimeout,
    request_id: String,
}

impl Request {
    /// The endpoint this request calls.
    pub fn endpoint(&self) -> &'static Endpoint {
        self.endpoint
    }

    /// The HTTP method.
    pub fn method(&self) -> http::Method {
        self.endpoint.method().to_http()
    }

    /// Path and query, as they go on the request line:
    /// `/$/StartClusterConfigurationUpgrade?api-version=3.0&timeout=60`.
    pub fn path_and_query(&self) -> &str {
        &self.target
    }

    /// The encoded path, without the query.
    pub fn path(&self) -> &str {
        &self.target[..self.path_len]
    }

    /// The encoded query, without the `?`.
    pub fn query(&self) -> &str {
        self.target.get(self.path_len + 1..).unwrap_or_default()
    }

    /// The headers this request adds (content type, request id, declared headers).
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The body, if the operation sends one.
    pub fn body(&self) -> Option<&Bytes> {
        self.body.as_ref()
    }

    /// The time budget the server will use for this request: the `timeout` sent, or the
    /// gateway's 60-second default when none is sent. Transports derive their own deadline
    /// from it.
    pub fn server_timeout(&self) -> ServerTimeout {
        self.server_timeout
    }

    /// The `X-ServiceFabricRequestId` sent with this request.
    pub fn request_id(&self) -> &str {
        &self.request_id
    }
}

/// Builds a [`Request`] for an endpoint, one argument at a time, in declaration order.
///
/// This is what `#[fabric_endpoint]` expands to, and what a person calls to send an
/// operation without the attribute. Mistakes are kept until [`build`](Self::build), which
/// reports the first one; nothing is sent before that.
///
/// ```
/// use fabric_rest_runtime::{Endpoint, Method, RequestBuilder, ServerTimeout, Client};
///
/// static NODE_HEALTH: Endpoint =
///     Endpoint::new("GetNodeHealth", Method::Get, "/Nodes/{nodeName}/$/GetHealth", "6.0");
///
/// let client = Client::new("http://127.0.0.1:19080").unwrap();
/// let mut request = RequestBuilder::new(&NODE_HEALTH, &client);
/// request.path("/Nodes/");
/// request.path_param("nodeName", "node 1");
/// request.path("/$/GetHealth");
/// request.query("timeout", &Some(ServerTimeout::seconds::<30>()));
/// let request = request.build().unwrap();
/// assert_eq!(request.path_and_query(), "/Nodes/node%201/$/GetHealth?api-version=6.0&timeout=30");
/// ```
#[derive(Debug)]
pub struct RequestBuilder {
    endpoint: &'static Endpoint,
    target: String,
    path_len: Option<usize>,
    api_version: Cow<'static, str>,
    headers: HeaderMap,
    body: Option<Bytes>,
    server_timeout: Option<ServerTimeout>,
    transport_timeout: Option<ServerTimeout>,
    endpoint_timeout: Option<ServerTimeout>,
    /// Set while a `keep_escapes` query parameter writes its value.
    query_keeps_escapes: bool,
    error: Option<Error>,
}

impl RequestBuilder {
    /// Starts a request for `endpoint`, to be sent through `transport` (which may choose the
    /// api-version and a default server timeout).
    pub fn new<T: Transport + ?Sized>(endpoint: &'static Endpoint, transport: &T) -> RequestBuilder {
        RequestBuilder {
            endpoint,
            target: String::with_capacity(endpoint.path().len() + 48),
            path_len: None,
            api_version: match transport.api_version(endpoint) {
                // The declared version, the common case, is borrowed rather than copied.
                version if version == endpoint.api_version() => Cow::Borrowed(endpoint.api_version()),
                version => Cow::Owned(version.to_owned()),
            },
            headers: HeaderMap::new(),
            body: None,
            server_timeout: None,
            transport_timeout: transport.default_server_timeout(),
            endpoint_timeout: None,
            query_keeps_escapes: false,
            error: None,
        }
    }

    fn fail(&mut self, error: Error) {
        if self.error.is_none() {
            self.error = Some(error);
        }
    }

    /// Appends literal path text from the endpoint's template, such as `/$/GetHealth`.
    pub fn path(&mut self, literal: &str) {
        debug_assert!(self.path_len.is_none(), "path text after the query");
        self.target.push_str(literal);
    }

    /// Appends one path segment, percent-encoded as the endpoint declares for `name` (see
    /// [`ValueEncoding`]; strict when undeclared): a value can never add segments.
    pub fn path_param<V: PathValue + ?Sized>(&mut self, name: &'static str, value: &V) {
        let start = self.target.len();
        let encoding = self
            .endpoint
            .param(Location::Path, name)
            .map_or(ValueEncoding::Strict, |param| param.encoding());
        let mut segment = PathSegment {
            out: &mut self.target,
            encoding,
            kept_delimiter: None,
        };
        value.write_path(&mut segment);
        let kept_delimiter = segment.kept_delimiter;
        if let Some(problem) = segment_problem(&self.target[start..], kept_delimiter) {
            self.fail(Error::invalid_argument(format!("path parameter `{name}` {problem}")));
        }
    }

    fn start_query(&mut self) {
        if self.path_len.is_none() {
            self.path_len = Some(self.target.len());
            self.target.push_str("?api-version=");
            self.target.push_str(&self.api_version);
        }
    }

    /// Appends a query parameter; `None` values are left out. An integer outside the range
    /// the endpoint declares for `name` fails the request instead: nothing is sent.
    pub fn query<V: QueryValue + ?Sized>(&mut self, name: &'static str, value: &V) {
        self.start_query();
        if let (Some(number), Some(param)) = (value.as_integer(), self.endpoint.param(Location::Query, name))
            && !param.accepts(number)
        {
            let range = match (param.minimum(), param.maximum()) {
                (Some(min), Some(max)) => format!("between {min} and {max}"),
                (Some(min), None) => format!("{min} or more"),
                (None, Some(max)) => format!("{max} or less"),
                (None, None) => String::new(),
            };
            self.fail(Error::invalid_argument(format!(
                "query parameter `{name}` is {number}; the gateway accepts {range}"
            )));
            return;
        }
        value.write_query(name, self);
    }

    /// As [`query`](Self::query), for a text parameter declared `keep_escapes`: `%XX`
    /// escapes already in the value are kept, as [`ValueEncoding::KeepEscapes`] does for a
    /// path segment. For the parameters the spec marks `x-ms-skip-url-encoding`, such as
    /// the `ContinuationToken` a gateway hands back.
    pub fn query_keeping_escapes<V: TextQueryValue + ?Sized>(&mut self, name: &'static str, value: &V) {
        self.query_keeps_escapes = true;
        value.write_query(name, self);
        self.query_keeps_escapes = false;
    }

    /// Appends `name=value` to the query, percent-encoding both (keeping the value's `%XX`
    /// escapes when called for a `keep_escapes` parameter).
    pub fn append_query(&mut self, name: &str, value: &str) {
        self.start_query();
        self.target.push('&');
        self.target.extend(utf8_percent_encode(name, UNRESERVED));
        self.target.push('=');
        if self.query_keeps_escapes {
            push_keeping_escapes(&mut self.target, value);
        } else {
            self.target.extend(utf8_percent_encode(value, UNRESERVED));
        }
    }

    fn append_query_display(&mut self, name: &str, value: impl std::fmt::Display) {
        self.start_query();
        self.target.push('&');
        self.target.extend(utf8_percent_encode(name, UNRESERVED));
        self.target.push('=');
        // Numbers and booleans need no encoding.
        let _ = write!(self.target, "{value}");
    }

    /// Sends `timeout` as the query parameter `name` and makes it this request's server
    /// timeout.
    pub fn server_timeout(&mut self, name: &'static str, timeout: ServerTimeout) {
        self.append_query_display(name, timeout.as_secs());
        self.server_timeout = Some(timeout);
    }

    /// Called when the server-timeout parameter `name` was left out: sends the endpoint's
    /// declared default or, failing that, the transport's default, if any. With neither,
    /// nothing is sent and the gateway uses 60 seconds.
    pub fn server_timeout_absent(&mut self, name: &'static str) {
        if let Some(timeout) = self.endpoint_timeout.or(self.transport_timeout) {
            self.server_timeout(name, timeout);
        }
    }

    /// Declares the endpoint's own default server timeout (the attribute's `default_timeout`).
    /// Call it before the query parameters.
    pub fn endpoint_default_timeout(&mut self, timeout: ServerTimeout) {
        self.endpoint_timeout = Some(timeout);
    }

    /// Adds a header; a value that is not a valid header value fails the request, and so
    /// does a name in [`RESERVED_HEADERS`], which the library sets itself.
    pub fn header<V: HeaderArg + ?Sized>(&mut self, name: &'static str, value: &V) {
        if RESERVED_HEADERS
            .iter()
            .any(|reserved| reserved.eq_ignore_ascii_case(name))
        {
            self.fail(Error::invalid_argument(format!(
                "header `{name}` is set by the library itself and cannot be declared"
            )));
            return;
        }
        if let Some(text) = value.header_value() {
            // `HeaderValue` would take bytes above 127 too, which servers read differently.
            let visible = text.bytes().all(|b| b == b'\t' || (b' '..=b'~').contains(&b));
            let value = HeaderValue::from_str(&text).ok().filter(|_| visible);
            match (HeaderName::from_bytes(name.as_bytes()), value) {
                (Ok(name), Some(value)) => {
                    self.headers.append(name, value);
                }
                _ => self.fail(Error::invalid_argument(format!(
                    "header `{name}` cannot carry {text:?} (a header value holds visible ASCII, spaces and tabs only: no line breaks, control characters or non-ASCII text)"
                ))),
            }
        }
    }

    /// Serializes `body` as the JSON body (`application/json; charset=utf-8`).
    pub fn json_body<B: Serialize + ?Sized>(&mut self, body: &B) {
        match serde_json::to_vec(body) {
            Ok(bytes) => self.raw_body(JSON_UTF8, bytes),
            Err(error) => self.fail(Error::invalid_argument(format!(
                "the body does not serialize to JSON: {error}"
            ))),
        }
    }

    /// Serializes `body` as the JSON body when it is `Some`; `None` sends no body, and the
    /// gateway applies its defaults.
    pub fn json_body_if_some<B: Serialize>(&mut self, body: &Option<B>) {
        if let Some(body) = body {
            self.json_body(body);
        }
    }

    /// Sends `body` as it is, as `application/octet-stream` (the chunks of UploadFileChunk).
    pub fn bytes_body<B: AsRef<[u8]> + ?Sized>(&mut self, body: &B) {
        self.raw_body(OCTET_STREAM, Bytes::copy_from_slice(body.as_ref()));
    }

    /// Sets a body of another content type.
    pub fn raw_body(&mut self, content_type: &'static str, bytes: impl Into<Bytes>) {
        let bytes = bytes.into();
        if bytes.len() > MAX_BODY {
            self.fail(Error::invalid_argument(format!(
                "the body is {} bytes; the gateway accepts at most {MAX_BODY} bytes (4 MiB)",
                bytes.len()
            )));
            return;
        }
        self.headers
            .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
        self.body = Some(bytes);
    }

    /// A body sent with `Content-Range: bytes first-last/total` (a file chunk) must hold
    /// exactly the bytes the range names, or the gateway would store a corrupt file.
    fn check_content_range(&mut self) {
        let (Some(range), Some(body)) = (self.headers.get(CONTENT_RANGE), &self.body) else {
            return;
        };
        let Some(expected) = range.to_str().ok().and_then(range_len) else {
            return;
        };
        if expected != body.len() as u64 {
            let message = format!(
                "the body holds {} bytes but its Content-Range `{}` names {expected}",
                body.len(),
                range.to_str().unwrap_or_default()
            );
            self.fail(Error::invalid_argument(message));
        }
    }

    /// Finishes the request with a fresh request id, or reports the first mistake.
    pub fn build(mut self) -> Result<Request, Error> {
        self.start_query();
        self.check_content_range();
        let request_id = uuid::Uuid::new_v4().to_string();
        let request = Request {
            endpoint: self.endpoint,
            path_len: self.path_len.unwrap_or(self.target.len()),
            target: self.target,
            headers: self.headers,
            body: self.body,
            server_timeout: self.server_timeout.unwrap_or_default(),
            request_id,
        };
        match self.error {
            Some(error) => Err(error.with_request(&request)),
            None => {
                let mut request = request;
                if let Ok(id) = HeaderValue::from_str(&attempt_request_id(&request.request_id, 1)) {
                    request.headers.insert(REQUEST_ID, id);
                }
                Ok(request)
            }
        }
    }
}

/// The `X-ServiceFabricRequestId` of attempt `attempt` (1 for the first) of the call whose
/// id is `request_id`: `{request_id}:{attempt}`. One id per call, and each attempt told
/// apart, in the gateway's logs as in the caller's errors.
pub(crate) fn attempt_request_id(request_id: &str, attempt: u32) -> String {
    let mut id = String::with_capacity(request_id.len() + 3);
    id.push_str(request_id);
    id.push(':');
    let _ = write!(id, "{attempt}");
    id
}

/// How many bytes `bytes first-last/total` names; `None` for any other form.
fn range_len(range: &str) -> Option<u64> {
    let (span, _total) = range.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let (first, last): (u64, u64) = (first.parse().ok()?, last.parse().ok()?);
    last.checked_sub(first)?.checked_add(1)
}

/// Writes one percent-encoded path segment.
#[derive(Debug)]
pub struct PathSegment<'a> {
    out: &'a mut String,
    encoding: ValueEncoding,
    /// A `%XX` escape of `/`, `\`, `?` or `#` that `KeepEscapes` was asked to keep.
    kept_delimiter: Option<String>,
}

impl PathSegment<'_> {
    /// Appends `text`, percent-encoding everything outside RFC 3986's unreserved set (and,
    /// with [`ValueEncoding::KeepEscapes`], keeping `%XX` escapes already in `text`).
    pub fn push_str(&mut self, text: &str) {
        match self.encoding {
            ValueEncoding::KeepEscapes => {
                if self.kept_delimiter.is_none() {
                    self.kept_delimiter = escaped_delimiter(text);
                }
                push_keeping_escapes(self.out, text);
            }
            _ => self.out.extend(utf8_percent_encode(text, UNRESERVED)),
        }
    }
}

/// The first `%XX` escape in `text` that decodes to a character ending a path segment, the
/// path or the query (`%2F`, `%5C`, `%3F`, `%23`, in any case).
fn escaped_delimiter(text: &str) -> Option<String> {
    text.as_bytes().windows(3).find_map(|w| {
        let escape = std::str::from_utf8(w).ok()?;
        let upper = escape.to_ascii_uppercase();
        matches!(upper.as_str(), "%2F" | "%5C" | "%3F" | "%23").then(|| escape.to_owned())
    })
}

/// What makes a written path segment unsafe to send, if anything: empty, or a value the
/// gateway would read as more than this one segment's text.
fn segment_problem(segment: &str, kept_delimiter: Option<String>) -> Option<String> {
    if segment.is_empty() {
        return Some("is empty; the gateway would read another path".to_owned());
    }
    if let Some(escape) = kept_delimiter {
        return Some(format!(
            "holds the escape `{escape}`, which decodes to a path or query delimiter; keep_escapes keeps only escapes of ordinary characters, so pass the character itself (it is then encoded)"
        ));
    }
    // The gateway decodes the segment and may split it on `/` or `\`: no piece of it may be
    // `.` or `..`, which URL handling removes together with the segment before it
    // (`/ImageStore/a%2F..%2F..` would reach `/`).
    let decoded = percent_encoding::percent_decode_str(segment).decode_utf8_lossy();
    decoded
        .split(['/', '\\'])
        .any(|piece| piece == "." || piece == "..")
        .then(|| {
            format!(
                "is `{segment}`, which holds a `.` or `..` step that a URL reads as the same or the parent folder; the gateway would read another path"
            )
        })
}

/// Encodes `text` strictly, except for `%` followed by two hex digits, copied as they are.
fn push_keeping_escapes(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find('%') {
        out.extend(utf8_percent_encode(&rest[..at], UNRESERVED));
        let escape = rest.as_bytes().get(at..at + 3);
        match escape {
            Some([b'%', high, low]) if high.is_ascii_hexdigit() && low.is_ascii_hexdigit() => {
                out.push_str(&rest[at..at + 3]);
                rest = &rest[at + 3..];
            }
            _ => {
                out.push_str("%25");
                rest = &rest[at + 1..];
            }
        }
    }
    out.extend(utf8_percent_encode(rest, UNRESERVED));
}

/// A value that can fill a `{placeholder}` of a path.
pub trait PathValue {
    /// The kind of value, recorded in the endpoint's description.
    const KIND: ParamKind = ParamKind::String;

    /// Writes the value into the segment.
    fn write_path(&self, segment: &mut PathSegment<'_>);
}

impl PathValue for str {
    fn write_path(&self, segment: &mut PathSegment<'_>) {
        segment.push_str(self);
    }
}

impl PathValue for String {
    fn write_path(&self, segment: &mut PathSegment<'_>) {
        segment.push_str(self);
    }
}

impl<T: PathValue + ?Sized> PathValue for &T {
    const KIND: ParamKind = T::KIND;
    fn write_path(&self, segment: &mut PathSegment<'_>) {
        (**self).write_path(segment);
    }
}

/// A value that can be a query parameter.
///
/// Implement it for your own types with [`RequestBuilder::append_query`]; set
/// [`KIND`](Self::KIND) so the endpoint's description says what the parameter is.
pub trait QueryValue {
    /// The kind of value, recorded in the endpoint's description.
    const KIND: ParamKind = ParamKind::Other;
    /// The smallest value the type itself can hold, when the spec bounds the parameter
    /// through its type (the server timeout).
    const MINIMUM: Option<i64> = None;
    /// The largest value the type itself can hold, as [`MINIMUM`](Self::MINIMUM).
    const MAXIMUM: Option<i64> = None;
    /// The gateway's value when the parameter is left out, when the type implies it.
    const DEFAULT: Option<&'static str> = None;

    /// The value as a number, for the range check of integer parameters; `None` for
    /// anything else.
    fn as_integer(&self) -> Option<i128> {
        None
    }

    /// Appends the value as the query parameter `name`.
    fn write_query(&self, name: &'static str, request: &mut RequestBuilder);

    /// Called instead when an `Option<Self>` parameter is `None`. Leaves the parameter out.
    fn write_absent(name: &'static str, request: &mut RequestBuilder)
    where
        Self: Sized,
    {
        let _ = (name, request);
    }
}

impl<T: QueryValue> QueryValue for Option<T> {
    const KIND: ParamKind = T::KIND;
    const MINIMUM: Option<i64> = T::MINIMUM;
    const MAXIMUM: Option<i64> = T::MAXIMUM;
    const DEFAULT: Option<&'static str> = T::DEFAULT;

    fn as_integer(&self) -> Option<i128> {
        self.as_ref().and_then(T::as_integer)
    }

    fn write_query(&self, name: &'static str, request: &mut RequestBuilder) {
        match self {
            Some(value) => value.write_query(name, request),
            None => T::write_absent(name, request),
        }
    }
}

impl<T: QueryValue + ?Sized> QueryValue for &T {
    const KIND: ParamKind = T::KIND;
    const MINIMUM: Option<i64> = T::MINIMUM;
    const MAXIMUM: Option<i64> = T::MAXIMUM;
    const DEFAULT: Option<&'static str> = T::DEFAULT;

    fn as_integer(&self) -> Option<i128> {
        (**self).as_integer()
    }

    fn write_query(&self, name: &'static str, request: &mut RequestBuilder) {
        (**self).write_query(name, request);
    }
}

impl QueryValue for ServerTimeout {
    const KIND: ParamKind = ParamKind::ServerTimeout;
    const MINIMUM: Option<i64> = Some(1);
    const MAXIMUM: Option<i64> = Some(u32::MAX as i64);
    const DEFAULT: Option<&'static str> = Some("60");

    fn write_query(&self, name: &'static str, request: &mut RequestBuilder) {
        request.server_timeout(name, *self);
    }

    fn write_absent(name: &'static str, request: &mut RequestBuilder) {
        request.server_timeout_absent(name);
    }
}

impl QueryValue for str {
    const KIND: ParamKind = ParamKind::String;
    fn write_query(&self, name: &'static str, request: &mut RequestBuilder) {
        request.append_query(name, self);
    }
}

impl QueryValue for String {
    const KIND: ParamKind = ParamKind::String;
    fn write_query(&self, name: &'static str, request: &mut RequestBuilder) {
        request.append_query(name, self);
    }
}

impl QueryValue for bool {
    const KIND: ParamKind = ParamKind::Boolean;
    fn write_query(&self, name: &'static str, request: &mut RequestBuilder) {
        request.append_query_display(name, self);
    }
}

macro_rules! integer_query_value {
    ($($t:ty)*) => {$(
        impl QueryValue for $t {
            const KIND: ParamKind = ParamKind::Integer;
            fn as_integer(&self) -> Option<i128> {
                i128::try_from(*self).ok()
            }
            fn write_query(&self, name: &'static str, request: &mut RequestBuilder) {
                request.append_query_display(name, self);
            }
        }
    )*};
}

integer_query_value!(u8 u16 u32 u64 i8 i16 i32 i64 usize isize);

/// A value that can be a request header.
pub trait HeaderArg {
    /// The header's text, or `None` to leave the header out.
    fn header_value(&self) -> Option<std::borrow::Cow<'_, str>>;
}

impl HeaderArg for str {
    fn header_value(&self) -> Option<std::borrow::Cow<'_, str>> {
        Some(self.into())
    }
}

impl HeaderArg for String {
    fn header_value(&self) -> Option<std::borrow::Cow<'_, str>> {
        Some(self.as_str().into())
    }
}

impl<T: HeaderArg + ?Sized> HeaderArg for &T {
    fn header_value(&self) -> Option<std::borrow::Cow<'_, str>> {
        (**self).header_value()
    }
}

impl<T: HeaderArg> HeaderArg for Option<T> {
    fn header_value(&self) -> Option<std::borrow::Cow<'_, str>> {
        self.as_ref().and_then(T::header_value)
    }
}

/// An integer query value: what `#[query(.., min = N, max = M)]` can bound.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an integer, so `min` and `max` cannot bound it",
    label = "`min`/`max` need an integer type such as `i64` or `Option<i64>`"
)]
pub trait IntegerQueryValue: QueryValue {}

macro_rules! integer_marker {
    ($($t:ty)*) => {$( impl IntegerQueryValue for $t {} )*};
}

integer_marker!(u8 u16 u32 u64 i8 i16 i32 i64 usize isize);

impl<T: IntegerQueryValue> IntegerQueryValue for Option<T> {}
impl<T: IntegerQueryValue + ?Sized> IntegerQueryValue for &T {}

/// A query value that is text, whose `%XX` escapes a `keep_escapes` parameter can keep.
/// Implement it for your own text types whose [`QueryValue`] goes through
/// [`RequestBuilder::append_query`].
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not text, so `keep_escapes` has nothing to keep",
    label = "`keep_escapes` needs a text type such as `&str` or `Option<&str>`"
)]
pub trait TextQueryValue: QueryValue {}

impl TextQueryValue for str {}
impl TextQueryValue for String {}
impl<T: TextQueryValue> TextQueryValue for Option<T> {}
impl<T: TextQueryValue + ?Sized> TextQueryValue for &T {}

/// Compiles only for integer query types; the attribute calls it for bounded parameters.
#[doc(hidden)]
pub const fn require_integer<T: IntegerQueryValue + ?Sized>() {}
