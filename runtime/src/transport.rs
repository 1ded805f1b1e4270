//! The transport trait every declared operation is called through.

use std::future::Future;

use crate::api_version::ApiVersion;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::request::Request;
use crate::response::{FromResponse, Response, decode};
use crate::server_timeout::ServerTimeout;

/// Sends built requests and hands back raw responses.
///
/// [`Client`](crate::Client) is the real one (HTTP through `reqwest`). Traits of operations
/// declared with `#[fabric_endpoint]` have `Transport` as their supertrait, so any transport
/// can call them: a recording transport in a test, a wrapper that adds headers, or
/// [`WithApiVersion`].
///
/// A transport reads the whole body of a success response (up to its own limit) and at most
/// [`ERROR_BODY_LIMIT`](crate::ERROR_BODY_LIMIT) bytes of any other, marking the response
/// truncated when it stopped early.
pub trait Transport: Send + Sync {
    /// Sends `request` and returns the response, whatever its status.
    ///
    /// A transport may try the request more than once (retries, failover). When it gave up
    /// after several tries it may return the last error status as an `Err` already decoded
    /// (see [`Error::attempts`]), rather than the response.
    fn send<'a>(&'a self, request: &'a Request) -> impl Future<Output = Result<Response, Error>> + Send + 'a;

    /// The api-version to send for `endpoint`: by default the one it was declared with.
    fn api_version<'a>(&'a self, endpoint: &'static Endpoint) -> &'a str {
        endpoint.api_version()
    }

    /// The server timeout to send when a call leaves its `timeout` out and the endpoint
    /// declares no default. `None` sends nothing, and the gateway uses 60 seconds.
    fn default_server_timeout(&self) -> Option<ServerTimeout> {
        None
    }

    /// This transport, sending `version` as the api-version of every operation called
    /// through it.
    ///
    /// ```
    /// # use fabric_rest_runtime::{Client, Transport};
    /// let client = Client::new("http://127.0.0.1:19080").unwrap();
    /// let v6 = client.with_api_version("6.0".parse().unwrap());
    /// ```
    fn with_api_version(&self, version: ApiVersion) -> WithApiVersion<'_, Self>
    where
        Self: Sized,
    {
        WithApiVersion {
            transport: self,
            version,
        }
    }
}

impl<T: Transport + ?Sized> Transport for &T {
    fn send<'a>(&'a self, request: &'a Request) -> impl Future<Output = Result<Response, Error>> + Send + 'a {
        (**self).send(request)
    }

    fn api_version<'a>(&'a self, endpoint: &'static Endpoint) -> &'a str {
        (**self).api_version(endpoint)
    }

    fn default_server_timeout(&self) -> Option<ServerTimeout> {
        (**self).default_server_timeout()
    }
}

/// A transport that sends another api-version than the declared one. Made by
/// [`Transport::with_api_version`].
#[derive(Debug)]
pub struct WithApiVersion<'t, T: ?Sized> {
    transport: &'t T,
    version: ApiVersion,
}

impl<T: Transport + ?Sized> Transport for WithApiVersion<'_, T> {
    fn send<'a>(&'a self, request: &'a Request) -> impl Future<Output = Result<Response, Error>> + Send + 'a {
        self.transport.send(request)
    }

    fn api_version<'a>(&'a self, _: &'static Endpoint) -> &'a str {
        self.version.as_str()
    }

    fn default_server_timeout(&self) -> Option<ServerTimeout> {
        self.transport.default_server_timeout()
    }
}

/// Sends a built request through `transport` and decodes the response as `R`. This is the
/// last step of every expanded operation.
pub async fn call<T, R>(transport: &T, request: Result<Request, Error>) -> Result<R::Output, Error>
where
    T: Transport + ?Sized,
    R: FromResponse,
{
    let request = request?;
    let response = transport.send(&request).await?;
    decode::<R>(&request, response)
}
