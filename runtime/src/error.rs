//! The error of every call, and the gateway's own `FabricError`.

use std::error::Error as StdError;
use std::time::Duration;

use bytes::Bytes;
use http::StatusCode;

use crate::endpoint::Method;
use crate::error_code::FabricErrorCode;
pub use crate::fabric_error::FabricError;
use crate::request::Request;
use crate::response::Response;

/// The result of every call.
pub type Result<T, E = Error> = std::result::Result<T, E>;

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

mod display;

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
}

pub(crate) fn seconds(d: Duration) -> String {
    if d.subsec_nanos() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{:.3} s", d.as_secs_f64())
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
