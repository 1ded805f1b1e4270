//! The error of every call, and the gateway's own `FabricError`.

use std::error::Error as StdError;
use std::fmt;
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

impl fmt::Display for FabricError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.message {
            Some(message) => write!(f, "{}: {}", self.code, message),
            None => write!(f, "{}", self.code),
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
}

struct RequestSummary {
    operation: &'static str,
    method: Method,
    path: String,
    request_id: String,
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
        }))
    }

    /// An argument that cannot be sent; nothing was sent.
    pub fn invalid_argument(detail: impl Into<String>) -> Error {
        let mut error = Error::new(ErrorKind::InvalidArgument);
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
        error.fill_response(response);
        error
    }

    /// The gateway answered with success but the body is not a `target`.
    pub(crate) fn decode(request: &Request, response: Response, target: String, source: serde_json::Error) -> Error {
        let mut error = Error::new(ErrorKind::Decode)
            .with_request(request)
            .with_source(Box::new(source));
        error.0.detail = Some(format!("the body is not a valid {target}"));
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

    fn write_body(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let body = self.0.body.as_deref().unwrap_or_default();
        if body.iter().all(u8::is_ascii_whitespace) {
            return f.write_str("empty body");
        }
        let end = body.len().min(SNIPPET);
        let text = String::from_utf8_lossy(&body[..end]);
        let more = if body.len() > end || self.0.body_truncated {
            "..."
        } else {
            ""
        };
        write!(f, "body {:?}{more}", text.trim())
    }
}

fn seconds(d: Duration) -> String {
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

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &*self.0;
        if let Some(request) = &inner.request {
            write!(f, "{} {}: ", request.method, request.path)?;
        }
        match inner.kind {
            ErrorKind::InvalidArgument => {
                f.write_str("invalid argument: ")?;
                f.write_str(inner.detail.as_deref().unwrap_or("unknown"))?;
                f.write_str("; nothing was sent")?;
            }
            ErrorKind::Credentials => {
                f.write_str("no credentials: ")?;
                f.write_str(inner.detail.as_deref().unwrap_or("unknown"))?;
                if let Some(source) = &inner.source {
                    write!(f, ": {source}")?;
                }
                if inner.attempts == 0 {
                    f.write_str("; nothing was sent")?;
                }
            }
            ErrorKind::Timeout => {
                f.write_str("timed out: ")?;
                f.write_str(inner.detail.as_deref().unwrap_or("no response"))?;
            }
            ErrorKind::Connect | ErrorKind::Transport => {
                f.write_str(if inner.kind == ErrorKind::Connect {
                    "cannot connect to the gateway"
                } else {
                    "connection failed"
                })?;
                if let Some(source) = &inner.source {
                    let source: &(dyn StdError + 'static) = &**source;
                    write!(f, ": {}", root_cause(source))?;
                }
            }
            ErrorKind::Status | ErrorKind::Decode => {
                let status = inner.status.map(|s| s.as_u16()).unwrap_or_default();
                write!(f, "{status}")?;
                match (&inner.fabric, inner.kind) {
                    (Some(fabric), ErrorKind::Status) => write!(f, " {fabric}")?,
                    _ => {
                        if let Some(reason) = self.reason() {
                            write!(f, " {reason}")?;
                        }
                        if let Some(detail) = &inner.detail {
                            write!(f, ": {detail}")?;
                        }
                        if let Some(source) = &inner.source {
                            write!(f, " ({source})")?;
                        }
                        f.write_str(": ")?;
                        self.write_body(f)?;
                    }
                }
            }
        }
        if inner.attempts > 1 {
            write!(f, " (after {} attempts)", inner.attempts)?;
        }
        match &inner.request {
            Some(request) if !self.never_sent() => {
                write!(f, " [request id {}]", request.request_id)
            }
            _ => Ok(()),
        }
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
