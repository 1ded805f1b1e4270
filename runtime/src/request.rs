//! Building a request: the one place that turns an endpoint and its arguments into a path,
//! a query, headers and a body.

use std::borrow::Cow;
use std::fmt::Write as _;

use bytes::Bytes;
use http::header::{CONTENT_RANGE, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue};
use serde::Serialize;

use crate::encoding::{PathSegment, push_keeping_escapes, push_strict, segment_problem};
use crate::endpoint::{Endpoint, Location, ValueEncoding};
use crate::error::Error;
use crate::server_timeout::ServerTimeout;
use crate::transport::Transport;
use crate::values::{HeaderArg, PathValue, QueryValue, TextQueryValue};

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
/// request.path_param("nodeName", "node 1");
/// request.query("timeout", &Some(ServerTimeout::seconds::<30>()));
/// let request = request.build().unwrap();
/// assert_eq!(request.path_and_query(), "/Nodes/node%201/$/GetHealth?api-version=6.0&timeout=30");
/// ```
#[derive(Debug)]
pub struct RequestBuilder {
    endpoint: &'static Endpoint,
    target: String,
    /// How much of the endpoint's path template has been written.
    template_at: usize,
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
            template_at: 0,
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

    /// Fills the next `{name}` placeholder of the endpoint's path template with `value`,
    /// after the template's literal text before it. The value is percent-encoded as the
    /// endpoint declares for `name` (see [`ValueEncoding`]; strict when undeclared), so it
    /// fills exactly one segment. The template's text after the last placeholder is written
    /// when the query starts. Placeholders are filled in the template's order.
    pub fn path_param<V: PathValue + ?Sized>(&mut self, name: &'static str, value: &V) {
        let template = self.endpoint.path();
        let placeholder = next_placeholder(template, self.template_at);
        match placeholder {
            Some((start, found, end)) if found == name && self.path_len.is_none() => {
                self.target.push_str(&template[self.template_at..start]);
                self.template_at = end;
            }
            _ => {
                let message = format!(
                    "path parameter `{name}` is not the next placeholder to fill of `{template}`; fill them in order, before the query"
                );
                self.fail(Error::invalid_argument(message));
                return;
            }
        }
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
            let rest = &self.endpoint.path()[self.template_at..];
            if let Some((_, name, _)) = next_placeholder(rest, 0) {
                let message = format!("path placeholder `{{{name}}}` has no value");
                self.fail(Error::invalid_argument(message));
            }
            self.target.push_str(rest);
            self.template_at = self.endpoint.path().len();
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
        push_strict(&mut self.target, name);
        self.target.push('=');
        if self.query_keeps_escapes {
            push_keeping_escapes(&mut self.target, value);
        } else {
            push_strict(&mut self.target, value);
        }
    }

    pub(crate) fn append_query_display(&mut self, name: &str, value: impl std::fmt::Display) {
        self.start_query();
        self.target.push('&');
        push_strict(&mut self.target, name);
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
        // The id and the first attempt's header come from one buffer, without formatting.
        let mut id = [0u8; 38];
        uuid::Uuid::new_v4().hyphenated().encode_lower(&mut id[..36]);
        id[36..].copy_from_slice(b":1");
        let request_id = std::str::from_utf8(&id[..36]).unwrap_or_default().to_owned();
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
                if let Ok(id) = HeaderValue::from_bytes(&id) {
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

/// The next `{name}` of `template` at or after `from`: where it starts, its name, and where
/// it ends.
fn next_placeholder(template: &str, from: usize) -> Option<(usize, &str, usize)> {
    let start = from + template.get(from..)?.find('{')?;
    let length = template[start..].find('}')?;
    Some((start, &template[start + 1..start + length], start + length + 1))
}
