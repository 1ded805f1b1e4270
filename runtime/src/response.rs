//! Decoding a response: the one place that turns a status and a body into the declared
//! result or an [`Error`].

use bytes::Bytes;
use http::{HeaderMap, StatusCode};
use serde::de::DeserializeOwned;

use crate::error::Error;
use crate::request::Request;

/// The largest part of an error body a transport needs to keep: 64 KiB. Gateway errors are
/// a few hundred bytes; anything longer (an HTML page from a proxy, an endless stream) is
/// cut here rather than read into memory.
pub const ERROR_BODY_LIMIT: usize = 64 * 1024;

/// A response as a transport received it.
#[derive(Clone, Debug)]
pub struct Response {
    status: StatusCode,
    reason: Option<String>,
    headers: HeaderMap,
    body: Bytes,
    truncated: bool,
}

impl Response {
    /// A response with `status` and `body`.
    pub fn new(status: StatusCode, headers: HeaderMap, body: Bytes) -> Response {
        Response {
            status,
            reason: None,
            headers,
            body,
            truncated: false,
        }
    }

    /// Records the reason phrase of the status line, when it is not the standard one.
    pub fn with_reason(mut self, reason: impl Into<String>) -> Response {
        self.reason = Some(reason.into());
        self
    }

    /// Records that `body` is only the start of a longer body.
    pub fn with_truncated(mut self, truncated: bool) -> Response {
        self.truncated = truncated;
        self
    }

    /// The status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The reason phrase, if it was not the standard one.
    pub fn reason(&self) -> Option<&str> {
        self.reason.as_deref()
    }

    /// The headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The body (or its start, see [`truncated`](Self::truncated)).
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// Whether the body was cut at the transport's limit.
    pub fn truncated(&self) -> bool {
        self.truncated
    }

    pub(crate) fn into_error_parts(self) -> (StatusCode, Option<String>, Bytes, bool) {
        let mut body = self.body;
        let mut truncated = self.truncated;
        if body.len() > ERROR_BODY_LIMIT {
            body.truncate(ERROR_BODY_LIMIT);
            truncated = true;
        }
        (self.status, self.reason, body, truncated)
    }
}

/// The success of an operation answered `202 Accepted`: the gateway took the request and
/// works on it in the background. The body is empty.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Accepted;

/// A result type an operation's response decodes into.
///
/// `#[fabric_endpoint]` picks the implementation from the declared return type: [`Accepted`]
/// and `()` ignore the body, any other type `T` is read as JSON through [`Json<T>`].
pub trait FromResponse {
    /// What the call returns.
    type Output;
    /// The body is read only when [`WANTS_BODY`](Self::WANTS_BODY) is true.
    const WANTS_BODY: bool;
    /// Decodes a success response.
    fn from_response(request: &Request, response: Response) -> Result<Self::Output, Error>;
}

impl FromResponse for Accepted {
    type Output = Accepted;
    const WANTS_BODY: bool = false;
    fn from_response(_: &Request, _: Response) -> Result<Accepted, Error> {
        Ok(Accepted)
    }
}

impl FromResponse for () {
    type Output = ();
    const WANTS_BODY: bool = false;
    fn from_response(_: &Request, _: Response) -> Result<(), Error> {
        Ok(())
    }
}

/// Decodes a success body as JSON into `T`.
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T: DeserializeOwned> FromResponse for Json<T> {
    type Output = T;
    const WANTS_BODY: bool = true;
    fn from_response(request: &Request, response: Response) -> Result<T, Error> {
        let body = response.body();
        let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
        // The fast path decodes without tracking where it is; only a failure pays for
        // decoding again to find the JSON path of the field at fault.
        serde_json::from_slice(body).map_err(|error| {
            let detail = locate::<T>(body, &error);
            Error::decode(request, response.clone(), short_type_name::<T>(), detail, error)
        })
    }
}

/// Where in `body` decoding a `T` fails and why: `at Items[3].InstanceId: invalid type: ...`.
fn locate<T: DeserializeOwned>(body: &[u8], error: &serde_json::Error) -> String {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        Err(located) => match located.path().to_string().as_str() {
            "." => format!("at the top level: {}", located.inner()),
            path => format!("at {path}: {}", located.inner()),
        },
        // Trailing bytes fail only after the value: the first error is the whole story.
        Ok(_) => error.to_string(),
    }
}

/// Decodes a success body as JSON into `Some(T)`, and `204 No Content` (or any success
/// without a body) into `None`: the answer of the "get by name" operations (GetNodeInfo,
/// GetDeployedApplicationInfo, ...) when nothing has that name.
#[derive(Debug)]
pub struct JsonOrNoContent<T>(pub Option<T>);

impl<T: DeserializeOwned> FromResponse for JsonOrNoContent<T> {
    type Output = Option<T>;
    const WANTS_BODY: bool = true;
    fn from_response(request: &Request, response: Response) -> Result<Option<T>, Error> {
        if response.status() == StatusCode::NO_CONTENT || response.body().is_empty() {
            return Ok(None);
        }
        Json::<T>::from_response(request, response).map(Some)
    }
}

/// For operations that answer several success statuses without a body (`success = [200,
/// 202]`): the status that came back, such as `202` when the gateway took the request but
/// finishes it in the background.
impl FromResponse for StatusCode {
    type Output = StatusCode;
    const WANTS_BODY: bool = false;
    fn from_response(_: &Request, response: Response) -> Result<StatusCode, Error> {
        Ok(response.status())
    }
}

/// Turns a response into the declared result: a declared success status decodes through
/// `R`; any other status becomes an [`Error`] that keeps the status, reason, body and the
/// gateway's `FabricError`.
pub fn decode<R: FromResponse>(request: &Request, response: Response) -> Result<R::Output, Error> {
    if !request.endpoint().is_success(response.status().as_u16()) {
        return Err(Error::from_status(request, response));
    }
    if R::WANTS_BODY && response.truncated() {
        let limit = response.body().len();
        return Err(Error::body_too_large(request, response, limit));
    }
    R::from_response(request, response)
}

/// `T`'s name without module paths: `Vec<ClusterHealth>` rather than
/// `alloc::vec::Vec<fabric_rest::models::ClusterHealth>`.
fn short_type_name<T: ?Sized>() -> String {
    let full = std::any::type_name::<T>();
    let mut short = String::with_capacity(full.len());
    let mut segment_start = 0;
    let mut rest = full;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("::") {
            short.truncate(segment_start);
            rest = after;
            continue;
        }
        short.push(c);
        if !(c.is_alphanumeric() || c == '_' || c == '{' || c == '}') {
            segment_start = short.len();
        }
        rest = &rest[c.len_utf8()..];
    }
    short
}

#[cfg(test)]
mod tests {
    use super::short_type_name;

    #[test]
    fn short_type_names() {
        assert_eq!(short_type_name::<Vec<std::string::String>>(), "Vec<String>");
        assert_eq!(short_type_name::<u32>(), "u32");
        assert_eq!(
            short_type_name::<std::collections::HashMap<String, Option<bool>>>(),
            "HashMap<String, Option<bool>>"
        );
    }
}
