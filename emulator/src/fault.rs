//! Faults a test injects to see how a client copes with a cluster having a bad day.

use std::collections::VecDeque;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use http_body::Frame;

use crate::listen::Connection;
use crate::reply;

/// Something going wrong with the answer to one request.
///
/// Queue faults with [`EmulatorBuilder::fault`](crate::EmulatorBuilder::fault) or, while
/// running, [`Emulator::inject`](crate::Emulator::inject): each request that passes the
/// authentication checks takes the next fault, in order; requests after the queue is
/// empty are answered normally. The request is recorded either way, so a test counts the
/// attempts a client made with [`Emulator::requests`](crate::Emulator::requests).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// Reads the request, then resets the connection (TCP RST) without answering.
    ResetConnection,
    /// Waits this long, then answers as usual.
    Delay(Duration),
    /// 503 with the `FabricError` of `code` (such as `FABRIC_E_SERVICE_TOO_BUSY`), whose
    /// HTTP reason phrase is the code, and a `Retry-After: <seconds>` header when given.
    Unavailable {
        /// The error code of the body.
        code: String,
        /// The `Retry-After` header's seconds.
        retry_after: Option<u32>,
    },
    /// 504 `FABRIC_E_TIMEOUT` "Operation timed out.", as when the server timeout ran out.
    GatewayTimeout,
    /// A 502 with an HTML page, as a load balancer in front of the cluster sends.
    BadGatewayHtml,
    /// A 200 announcing a body of 64 bytes, then half of it and a closed connection.
    TruncatedBody,
    /// A 200 whose chunked body never ends: 1 KiB every 20 ms until the client leaves.
    EndlessBody,
}

impl Fault {
    /// 503 `FABRIC_E_SERVICE_TOO_BUSY` without `Retry-After`, the most common transient
    /// answer.
    pub fn unavailable() -> Fault {
        Fault::Unavailable {
            code: "FABRIC_E_SERVICE_TOO_BUSY".to_owned(),
            retry_after: None,
        }
    }
}

/// Faults waiting for requests: each entry serves its count of requests.
#[derive(Debug, Default)]
pub(crate) struct FaultQueue {
    queue: VecDeque<(Fault, u32)>,
}

impl FaultQueue {
    pub(crate) fn push(&mut self, fault: Fault, times: u32) {
        if times > 0 {
            self.queue.push_back((fault, times));
        }
    }

    pub(crate) fn next(&mut self) -> Option<Fault> {
        let (fault, left) = self.queue.front_mut()?;
        let fault = fault.clone();
        *left -= 1;
        if *left == 0 {
            self.queue.pop_front();
        }
        Some(fault)
    }
}

/// Carries out `fault` on the request of `connection`: the response to send instead of
/// the answer, or `None` to answer as usual (after a delay).
pub(crate) async fn apply(fault: Fault, connection: Option<&Connection>) -> Option<Response> {
    match fault {
        Fault::Delay(delay) => {
            tokio::time::sleep(delay).await;
            None
        }
        Fault::ResetConnection => {
            let connection = connection?;
            connection.reset.notify_one();
            // The connection task drops this handler with the connection.
            std::future::pending::<()>().await;
            None
        }
        Fault::Unavailable { code, retry_after } => {
            let mut response = reply::error(
                StatusCode::SERVICE_UNAVAILABLE,
                &code,
                "The service is temporarily unavailable; retry later.",
            );
            if let Some(seconds) = retry_after {
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
            }
            Some(response)
        }
        Fault::GatewayTimeout => Some(reply::timed_out()),
        Fault::BadGatewayHtml => Some(bad_gateway_html()),
        Fault::TruncatedBody => Some(truncated_body()),
        Fault::EndlessBody => Some(endless_body()),
    }
}

const HTML_502: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n";

fn bad_gateway_html() -> Response {
    let mut response = Response::new(Body::from(HTML_502));
    *response.status_mut() = StatusCode::BAD_GATEWAY;
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
    response
}

fn truncated_body() -> Response {
    let mut response = Response::new(Body::new(Truncated { sent: false }));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response
        .headers_mut()
        .insert(header::CONTENT_LENGTH, HeaderValue::from_static("64"));
    response
}

fn endless_body() -> Response {
    let mut response = Response::new(Body::new(Endless { pause: None }));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response
}

/// Half of the announced 64 bytes, then an error that makes the server drop the connection.
struct Truncated {
    sent: bool,
}

impl http_body::Body for Truncated {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        if self.sent {
            return Poll::Ready(Some(Err(std::io::Error::other("truncated on purpose"))));
        }
        self.sent = true;
        Poll::Ready(Some(Ok(Frame::data(Bytes::from_static(&[b' '; 32])))))
    }
}

/// One 1 KiB chunk every 20 ms, forever: slow enough that a client's deadline, not its
/// body limit, ends it.
struct Endless {
    pause: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl http_body::Body for Endless {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        if let Some(pause) = self.pause.as_mut()
            && pause.as_mut().poll(cx).is_pending()
        {
            return Poll::Pending;
        }
        self.pause = Some(Box::pin(tokio::time::sleep(Duration::from_millis(20))));
        Poll::Ready(Some(Ok(Frame::data(Bytes::from_static(&[b' '; 1024])))))
    }

    fn is_end_stream(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_serve_their_count_in_order() {
        let mut queue = FaultQueue::default();
        queue.push(Fault::unavailable(), 2);
        queue.push(Fault::GatewayTimeout, 0);
        queue.push(Fault::BadGatewayHtml, 1);
        assert_eq!(queue.next(), Some(Fault::unavailable()));
        assert_eq!(queue.next(), Some(Fault::unavailable()));
        assert_eq!(queue.next(), Some(Fault::BadGatewayHtml));
        assert_eq!(queue.next(), None);
    }
}
