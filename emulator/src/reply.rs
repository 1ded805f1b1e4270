//! The answers the emulator sends, in the gateway's forms.

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use fabric_rest_runtime::Endpoint;
use hyper::ext::ReasonPhrase;
use serde::Serialize;

use crate::script::{Answer, JSON};

#[derive(Serialize)]
struct FabricError<'a> {
    #[serde(rename = "Error")]
    error: FabricErrorBody<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct FabricErrorBody<'a> {
    code: &'a str,
    message: &'a str,
}

pub(crate) fn with_body(status: StatusCode, body: Vec<u8>) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(JSON));
    response
}

pub(crate) fn empty(status: StatusCode) -> Response {
    with_body(status, Vec::new())
}

pub(crate) fn json<T: Serialize>(status: StatusCode, value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => with_body(status, body),
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, "E_FAIL", "Null"),
    }
}

/// A `FabricError` response whose HTTP reason phrase is the code, as the gateway sends it.
pub(crate) fn error(status: StatusCode, code: &str, message: &str) -> Response {
    let body = FabricError {
        error: FabricErrorBody { code, message },
    };
    let mut response = with_body(status, serde_json::to_vec(&body).unwrap_or_default());
    set_reason(&mut response, code);
    response
}

pub(crate) fn invalid_argument() -> Response {
    error(StatusCode::BAD_REQUEST, "E_INVALIDARG", "Invalid argument")
}

pub(crate) fn message_too_large() -> Response {
    error(
        StatusCode::PAYLOAD_TOO_LARGE,
        "FABRIC_E_MESSAGE_TOO_LARGE",
        "The request body exceeds the maximum of 4194304 bytes.",
    )
}

pub(crate) fn timed_out() -> Response {
    error(StatusCode::GATEWAY_TIMEOUT, "FABRIC_E_TIMEOUT", "Operation timed out.")
}

/// A status with an empty body and no content type, as the gateway's authentication
/// sends it; `reason` replaces the standard reason phrase.
pub(crate) fn bare(status: StatusCode, reason: Option<&'static str>) -> Response {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = status;
    if let Some(reason) = reason {
        response
            .extensions_mut()
            .insert(ReasonPhrase::from_static(reason.as_bytes()));
    }
    response
}

fn set_reason(response: &mut Response, reason: &str) {
    if let Ok(reason) = ReasonPhrase::try_from(reason.as_bytes()) {
        response.extensions_mut().insert(reason);
    }
}

/// A scripted answer of `endpoint` (not a fault): its status, or the operation's first
/// success status.
pub(crate) fn scripted(answer: Answer, endpoint: &Endpoint) -> Response {
    let status = answer.status.unwrap_or_else(|| {
        let first = endpoint.success().first().copied().unwrap_or(200);
        StatusCode::from_u16(first).unwrap_or(StatusCode::OK)
    });
    let mut response = Response::new(Body::from(answer.body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    if let Some(content_type) = answer.content_type {
        headers.insert(header::CONTENT_TYPE, content_type);
    }
    for (name, value) in answer.headers {
        headers.append(name, value);
    }
    if let Some(reason) = &answer.reason {
        set_reason(&mut response, reason);
    }
    response
}

/// An HTML page, as the gateway serves Service Fabric Explorer.
pub(crate) fn html(body: &'static str) -> Response {
    let mut response = Response::new(Body::from(body));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}

/// A redirect to `location`.
pub(crate) fn redirect(location: &'static str) -> Response {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::MOVED_PERMANENTLY;
    response
        .headers_mut()
        .insert(header::LOCATION, HeaderValue::from_static(location));
    response
}
