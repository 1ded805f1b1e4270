//! The error of every call, and the gateway's own `FabricError`.

use std::error::Error as StdError;
use std::fmt::{self, Write as _};
use std::time::Duration;

use bytes::Bytes;
use http::StatusCode;
use serde::{Deserialize, Serialize};

use crate::endpoint::Method;
use crate::error_code::FabricErrorCode;
use crate::request::Request;
use crate::response::Response;

/// The result of every call.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The error the gateway reports in the body of a failed call:
/// `{"Error": {"Code": "FABRIC_E_TIMEOUT", "Message": "Operation timed out."}}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FabricError {
    /// The error code; codes this library does not know are kept as they came.
    pub code: FabricErrorCode,
    /// The message. `None` when the gateway sent none, `null`, or its placeholder `"Null"`.
    pub message: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct Envelope<T> {
    #[serde(rename = "Error")]
    error: T,
}

#[derive(Serialize, Deserialize)]
struct WireFabricError {
    #[serde(rename = "Code")]
    code: String,
    #[serde(rename = "Message", default, skip_serializing_if = "Option::is_none")]
    message: Option<String>,
}

impl FabricError {
    /// Reads a `FabricError` from a response body; `None` when the body is not one.
    pub fn from_body(body: &[u8]) -> Option<FabricError> {
        let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
        let wire: Envelope<WireFabricError> = serde_json::from_slice(body).ok()?;
        let message = wire.error.message.filter(|m| m != "Null");
        Some(FabricError {
            code: FabricErrorCode::from(wire.error.code),
            message,
        })
    }

    /// The body the gateway would send for this error.
    pub fn to_body(&self) -> String {
        let wire = Envelope {
            error: WireFabricError {
                code: self.code.as_str().to_owned(),
                message: self.message.clone(),
            },
        };
        serde_json::to_string(&wire).unwrap_or_default()
    }
}

/// `CODE: message`, with control characters of the server's text escaped.
impl fmt::Display for FabricError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write as _;
        let out = &mut Escaped(f);
        match &self.message {
            Some(message) => write!(out, "{}: {}", self.code, message),
            None => write!(out, "{}", self.code),
        }
    }
}

/// What went wrong, in the categories a caller acts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An argument could not be put on the wire (a body that does not serialize, a header
    /// value with a line break, a body over the gateway's 4 MiB limit). Nothing was sent.
    InvalidArgument,
    /// No connection to the gateway could be made (refused, DNS, TLS handshake).
    Connect,
    /// The client's deadline passed before a complete response arrived.
    Timeout,
    /// The gateway answered with a status the operation does not declare as success.
    Status,
    /// The gateway answered with success, but the body is not what the operation returns.
    Decode,
    /// The connection broke while sending or receiving.
    Transport,
    /// The client's token provider gave no usable bearer token. Nothing was sent.
    Credentials,
    /// A paged list did not end: the gateway handed back a continuation token it had given
    /// before, or the list went past the bound of the [`paging`](crate::paging) helpers.
    Paging,
}

/// The error of a call: what kind of failure, on which request, and everything the
/// gateway said about it.
///
/// Its `Display` is one line that names the request and the cause, ready for a log:
/// `POST /$/StartClusterConfigurationUpgrade: 500 FABRIC_E_CONFIG_UPGRADE_FAILED:
/// ValidationException: ... [request id 1b4e...]`.
pub struct Error(Box<Inner>);

struct Inner {
    kind: ErrorKind,
    request: Option<RequestSummary>,
    status: Option<StatusCode>,
    reason: Option<String>,
    body: Option<Bytes>,
    body_truncated: bool,
    fabric: Option<FabricError>,
    detail: Option<String>,
    source: Option<Box<dyn StdError + Send + Sync>>,
    attempts: u32,
    /// A certificate was refused, by the client or by the gateway.
    tls_rejection: bool,
    /// The `Location` of a redirection answer.
    location: Option<String>,
}

struct RequestSummary {
    operation: &'static str,
    method: Method,
    path: String,
    request_id: String,
}

impl RequestSummary {
    /// The `X-ServiceFabricRequestId` attempt `attempt` was sent with (the first when none
    /// went out).
    fn attempt_id(&self, attempt: u32) -> String {
        crate::request::attempt_request_id(&self.request_id, attempt.max(1))
    }
}

/// How many bytes of a body an error message quotes.
const SNIPPET: usize = 200;

impl Error {
    fn new(kind: ErrorKind) -> Error {
        Error(Box::new(Inner {
            kind,
            request: None,
            status: None,
            reason: None,
            body: None,
            body_truncated: false,
            fabric: None,
            detail: None,
            source: None,
            attempts: 1,
            tls_rejection: false,
            location: None,
        }))
    }

    /// An argument that cannot be sent; nothing was sent.
    pub fn invalid_argument(detail: impl Into<String>) -> Error {
        let mut error = Error::new(ErrorKind::InvalidArgument);
        error.0.detail = Some(detail.into());
        error
    }

    /// A paged list that does not end (see [`ErrorKind::Paging`]).
    pub(crate) fn paging(detail: impl Into<String>) -> Error {
        let mut error = Error::new(ErrorKind::Paging);
        error.0.detail = Some(detail.into());
        error
    }

    /// The token provider gave no usable token for the next try of `request`, after `sent`
    /// tries went out.
    pub(crate) fn credentials(
        request: &Request,
        detail: impl Into<String>,
        source: Option<Box<dyn StdError + Send + Sync>>,
        sent: u32,
    ) -> Error {
        let mut error = Error::new(ErrorKind::Credentials).with_request(request);
        error.0.detail = Some(detail.into());
        error.0.source = source;
        error.0.attempts = sent;
        error
    }

    /// No connection could be made for `request`.
    pub fn connect(request: &Request, source: impl Into<Box<dyn StdError + Send + Sync>>) -> Error {
        Error::new(ErrorKind::Connect)
            .with_request(request)
            .with_source(source.into())
    }

    /// No complete response to `request` arrived within `deadline`.
    pub fn timeout(request: &Request, deadline: Duration) -> Error {
        let mut error = Error::new(ErrorKind::Timeout).with_request(request);
        error.0.detail = Some(format!(
            "no complete response within {} (server timeout {} plus the client's margin)",
            seconds(deadline),
            request.server_timeout()
        ));
        error
    }

    /// No complete response to `request` arrived within the client's overall `deadline`
    /// (set with [`ClientBuilder::overall_deadline`](crate::ClientBuilder::overall_deadline)).
    pub(crate) fn overall_timeout(request: &Request, deadline: Duration) -> Error {
        let mut error = Error::new(ErrorKind::Timeout).with_request(request);
        error.0.detail = Some(format!(
            "no complete response within the client's overall deadline of {}",
            seconds(deadline)
        ));
        error
    }

    /// The connection broke while `request` was sent or its response received.
    pub fn transport(request: &Request, source: impl Into<Box<dyn StdError + Send + Sync>>) -> Error {
        Error::new(ErrorKind::Transport)
            .with_request(request)
            .with_source(source.into())
    }

    /// The gateway answered `request` with a status that is not success.
    pub(crate) fn from_status(request: &Request, response: Response) -> Error {
        let mut error = Error::new(ErrorKind::Status).with_request(request);
        error.0.fabric = FabricError::from_body(response.body());
        if response.status().is_redirection() {
            // A gateway never redirects an API call: whatever sent this is not one, and
            // following it would hand the body and credentials to a host nobody configured.
            let location = response
                .headers()
                .get(http::header::LOCATION)
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned());
            error.0.detail = Some(match &location {
                Some(location) => format!(
                    "redirected to {location}; a Service Fabric gateway never redirects an API call, so the client did not follow it"
                ),
                None => {
                    "a redirection without a Location; a Service Fabric gateway never redirects an API call".to_owned()
                }
            });
            error.0.location = location;
        }
        error.fill_response(response);
        error
    }

    /// The gateway answered with success but the body is not a `target`: `detail` says
    /// where in the body and what was expected there.
    pub(crate) fn decode(
        request: &Request,
        response: Response,
        target: String,
        detail: String,
        source: serde_json::Error,
    ) -> Error {
        let mut error = Error::new(ErrorKind::Decode)
            .with_request(request)
            .with_source(Box::new(source));
        error.0.detail = Some(format!("the body is not a valid {target}: {detail}"));
        error.fill_response(response);
        error
    }

    /// A success status whose body was larger than the client accepts.
    pub(crate) fn body_too_large(request: &Request, response: Response, limit: usize) -> Error {
        let mut error = Error::new(ErrorKind::Decode).with_request(request);
        error.0.detail = Some(format!("the body is larger than the client's limit of {limit} bytes"));
        error.fill_response(response);
        error
    }

    fn fill_response(&mut self, response: Response) {
        let (status, reason, body, truncated) = response.into_error_parts();
        self.0.status = Some(status);
        self.0.reason = reason;
        self.0.body_truncated = truncated;
        self.0.body = Some(body);
    }

    fn with_source(mut self, source: Box<dyn StdError + Send + Sync>) -> Error {
        self.0.source = Some(source);
        self
    }

    /// Records that the request was sent `attempts` times, this error being the last
    /// one's.
    pub fn with_attempts(mut self, attempts: u32) -> Error {
        self.0.attempts = attempts.max(1);
        self
    }

    /// Marks a connection error whose certificate was refused (by either side).
    pub(crate) fn with_tls_rejection(mut self, rejected: bool) -> Error {
        self.0.tls_rejection = rejected;
        self
    }

    /// Adds what a status means and what to check, e.g. for a 403 with an empty body.
    pub(crate) fn with_detail(mut self, detail: impl Into<String>) -> Error {
        self.0.detail = Some(detail.into());
        self
    }

    /// How many times the request was sent (1 unless the client retried); the error is
    /// the last attempt's.
    pub fn attempts(&self) -> u32 {
        self.0.attempts
    }

    /// Attaches the request this error belongs to (its method, path, operation, request id).
    pub fn with_request(mut self, request: &Request) -> Error {
        self.0.request = Some(RequestSummary {
            operation: request.endpoint().operation(),
            method: request.endpoint().method(),
            path: request.path().to_owned(),
            request_id: request.request_id().to_owned(),
        });
        self
    }

    /// The category of the failure.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// Whether an argument could not be sent (nothing was sent).
    pub fn is_invalid_argument(&self) -> bool {
        self.0.kind == ErrorKind::InvalidArgument
    }

    /// Whether no connection could be made.
    pub fn is_connect(&self) -> bool {
        self.0.kind == ErrorKind::Connect
    }

    /// Whether the client's deadline passed.
    pub fn is_timeout(&self) -> bool {
        self.0.kind == ErrorKind::Timeout
    }

    /// Whether the gateway answered with an error status.
    pub fn is_status(&self) -> bool {
        self.0.kind == ErrorKind::Status
    }

    /// Whether a success body could not be decoded.
    pub fn is_decode(&self) -> bool {
        self.0.kind == ErrorKind::Decode
    }

    /// Whether the client's token provider gave no usable token.
    pub fn is_credentials(&self) -> bool {
        self.0.kind == ErrorKind::Credentials
    }

    /// Whether the connection broke while sending or receiving.
    pub fn is_transport(&self) -> bool {
        self.0.kind == ErrorKind::Transport
    }

    /// Whether the TLS handshake failed in a way trying again will not change: the server's
    /// certificate was refused, or the gateway refused the client's (or asked for one that
    /// was not configured). A [`Connect`](ErrorKind::Connect) error.
    pub fn is_tls_rejection(&self) -> bool {
        self.0.tls_rejection
    }

    /// Where a redirection answer (3xx) pointed, when the gateway sent one. The client never
    /// follows redirects: a Service Fabric gateway does not send them.
    pub fn redirect_location(&self) -> Option<&str> {
        self.0.location.as_deref()
    }

    /// Whether the request never reached the wire, so its request id means nothing.
    fn never_sent(&self) -> bool {
        match self.0.kind {
            ErrorKind::InvalidArgument => true,
            ErrorKind::Credentials => self.0.attempts == 0,
            _ => false,
        }
    }

    /// The HTTP status of the response, when one arrived.
    pub fn status(&self) -> Option<StatusCode> {
        self.0.status
    }

    /// The reason phrase of the response's status line. The gateway usually puts the error
    /// code there (`409 FABRIC_E_FABRIC_UPGRADE_IN_PROGRESS`); when it sent the standard
    /// phrase or none, this is the standard phrase of the status.
    pub fn reason(&self) -> Option<&str> {
        match (&self.0.reason, self.0.status) {
            (Some(reason), _) => Some(reason),
            (None, Some(status)) => status.canonical_reason(),
            (None, None) => None,
        }
    }

    /// The gateway's error, when the body held one.
    pub fn fabric_error(&self) -> Option<&FabricError> {
        self.0.fabric.as_ref()
    }

    /// The gateway's error code, when the body held one.
    pub fn code(&self) -> Option<&FabricErrorCode> {
        self.0.fabric.as_ref().map(|f| &f.code)
    }

    /// The start of the response body (at most 64 KiB of an error body), when a response
    /// arrived.
    pub fn body(&self) -> Option<&[u8]> {
        self.0.body.as_deref()
    }

    /// Whether [`body`](Error::body) is only the start of a longer body.
    pub fn body_truncated(&self) -> bool {
        self.0.body_truncated
    }

    /// The `X-ServiceFabricRequestId` the request was sent with: the id the gateway logs.
    pub fn request_id(&self) -> Option<&str> {
        self.0.request.as_ref().map(|r| r.request_id.as_str())
    }

    /// The operation's name, such as `StartClusterConfigurationUpgrade`.
    pub fn operation(&self) -> Option<&'static str> {
        self.0.request.as_ref().map(|r| r.operation)
    }

    /// Whether the gateway said it did not process the request and a later try may
    /// succeed: 503 with a transient code, or 502.
    pub fn is_transient(&self) -> bool {
        match self.0.status.map(|s| s.as_u16()) {
            Some(502) => true,
            Some(503) => self.code().is_none_or(FabricErrorCode::is_transient),
            _ => false,
        }
    }

    fn write_body(&self, out: &mut Escaped<'_, '_>) -> fmt::Result {
        let body = self.0.body.as_deref().unwrap_or_default();
        if body.iter().all(u8::is_ascii_whitespace) {
            return out.write_str("empty body");
        }
        let end = floor_char_boundary(body, SNIPPET);
        let text = String::from_utf8_lossy(&body[..end]);
        let more = if body.len() > end || self.0.body_truncated {
            "..."
        } else {
            ""
        };
        write!(out, "body {:?}{more}", text.trim())
    }
}

/// The largest index at most `limit` that does not split a UTF-8 sequence of `body`, so a
/// quoted snippet never ends in a replacement character it did not have.
fn floor_char_boundary(body: &[u8], limit: usize) -> usize {
    let mut end = body.len().min(limit);
    // A UTF-8 sequence is at most four bytes: at most three continuation bytes to skip.
    for _ in 0..3 {
        if end == 0 || end == body.len() || body[end] & 0xc0 != 0x80 {
            break;
        }
        end -= 1;
    }
    end
}

/// Writes text with every control character escaped (`\n`, `\u{1b}`, ...), and the
/// bidirectional overrides that reorder how a terminal shows a line, so a message from the
/// server cannot forge log lines or drive a terminal.
pub(crate) struct Escaped<'a, 'b>(pub(crate) &'a mut fmt::Formatter<'b>);

/// Whether `c` must not reach a log line or a terminal as it is.
fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

impl fmt::Write for Escaped<'_, '_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let mut rest = text;
        while let Some(at) = rest.find(needs_escape) {
            self.0.write_str(&rest[..at])?;
            let c = rest[at..].chars().next().unwrap_or_default();
            write!(self.0, "{}", c.escape_debug())?;
            rest = &rest[at + c.len_utf8()..];
        }
        self.0.write_str(rest)
    }
}

pub(crate) fn seconds(d: Duration) -> String {
    if d.subsec_nanos() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{:.3} s", d.as_secs_f64())
    }
}

fn root_cause<'e>(error: &'e (dyn StdError + 'static)) -> &'e (dyn StdError + 'static) {
    let mut cause = error;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause
}

impl Error {
    /// The error on one line with its causes, ready for a log that shows no error chains:
    /// `GET /Nodes: cannot connect to the gateway: Connection refused (os error 111) [request id …]`.
    ///
    /// [`Display`](fmt::Display) shows only this error's own context and leaves the cause
    /// to [`source`](StdError::source), as error reporters (`anyhow`, `eyre`, `tracing`)
    /// expect; this form adds the innermost cause, which names what actually failed.
    pub fn display_chain(&self) -> impl fmt::Display + '_ {
        Chain(self)
    }

    /// Writes the error; `with_cause` adds the innermost cause of `source`.
    fn write(&self, f: &mut fmt::Formatter<'_>, with_cause: bool) -> fmt::Result {
        // Everything goes through the escaper: server text (messages, reason phrases,
        // headers) must not be able to break the line or send terminal control sequences.
        let out = &mut Escaped(f);
        let inner = &*self.0;
        if let Some(request) = &inner.request {
            write!(out, "{} {}: ", request.method, request.path)?;
        }
        self.write_kind(out)?;
        // A decode error's detail already says what its serde error says.
        if with_cause
            && inner.kind != ErrorKind::Decode
            && let Some(source) = &inner.source
        {
            let source: &(dyn StdError + 'static) = &**source;
            write!(out, ": {}", root_cause(source))?;
        }
        if inner.attempts > 1 {
            write!(out, " (after {} attempts)", inner.attempts)?;
        }
        if inner.kind == ErrorKind::InvalidArgument || (inner.kind == ErrorKind::Credentials && inner.attempts == 0) {
            out.write_str("; nothing was sent")?;
        }
        match &inner.request {
            Some(request) if !self.never_sent() => write!(out, " [request id {}]", request.attempt_id(inner.attempts)),
            _ => Ok(()),
        }
    }

    /// What went wrong, without the request line, the cause or the request id.
    fn write_kind(&self, out: &mut Escaped<'_, '_>) -> fmt::Result {
        let inner = &*self.0;
        let detail = inner.detail.as_deref();
        match inner.kind {
            ErrorKind::InvalidArgument => write!(out, "invalid argument: {}", detail.unwrap_or("unknown")),
            ErrorKind::Credentials => write!(out, "no credentials: {}", detail.unwrap_or("unknown")),
            ErrorKind::Timeout => write!(out, "timed out: {}", detail.unwrap_or("no response")),
            ErrorKind::Paging => write!(out, "paged list: {}", detail.unwrap_or("it does not end")),
            ErrorKind::Connect | ErrorKind::Transport => {
                out.write_str(match inner.kind {
                    ErrorKind::Connect => "cannot connect to the gateway",
                    _ => "connection failed",
                })?;
                match detail {
                    Some(detail) => write!(out, ": {detail}"),
                    None => Ok(()),
                }
            }
            ErrorKind::Status | ErrorKind::Decode => {
                let status = inner.status.map(|s| s.as_u16()).unwrap_or_default();
                write!(out, "{status}")?;
                match (&inner.fabric, inner.kind) {
                    (Some(fabric), ErrorKind::Status) => write!(out, " {fabric}"),
                    _ => {
                        if let Some(reason) = self.reason() {
                            write!(out, " {reason}")?;
                        }
                        if let Some(detail) = detail {
                            write!(out, ": {detail}")?;
                        }
                        out.write_str(": ")?;
                        self.write_body(out)
                    }
                }
            }
        }
    }
}

/// [`Error::display_chain`].
struct Chain<'e>(&'e Error);

impl fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write(f, true)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, false)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &*self.0;
        let mut d = f.debug_struct("Error");
        d.field("kind", &inner.kind);
        if let Some(request) = &inner.request {
            d.field("operation", &request.operation)
                .field("method", &request.method)
                .field("path", &request.path)
                .field("request_id", &request.request_id);
        }
        if let Some(status) = inner.status {
            d.field("status", &status.as_u16()).field("reason", &self.reason());
        }
        if let Some(fabric) = &inner.fabric {
            d.field("fabric_error", fabric);
        }
        if let Some(detail) = &inner.detail {
            d.field("detail", detail);
        }
        if let Some(body) = &inner.body {
            let end = body.len().min(SNIPPET);
            d.field("body", &String::from_utf8_lossy(&body[..end]));
        }
        if let Some(source) = &inner.source {
            d.field("source", source);
        }
        if inner.attempts > 1 {
            d.field("attempts", &inner.attempts);
        }
        d.finish()
    }
}

impl StdError for Error {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.0.source.as_deref().map(|s| s as &(dyn StdError + 'static))
    }
}

impl From<crate::ServerTimeoutError> for Error {
    fn from(error: crate::ServerTimeoutError) -> Error {
        Error::invalid_argument(error.to_string())
    }
}

impl From<crate::ApiVersionError> for Error {
    fn from(error: crate::ApiVersionError) -> Error {
        Error::invalid_argument(error.to_string())
    }
}
