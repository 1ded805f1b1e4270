//! The HTTP client: the real [`Transport`], built on `reqwest`.

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use http::HeaderMap;

use crate::error::Error;
use crate::request::Request;
use crate::response::{ERROR_BODY_LIMIT, Response};
use crate::server_timeout::ServerTimeout;
use crate::transport::Transport;

/// The largest success body a [`Client`] reads by default: 64 MiB.
pub const DEFAULT_MAX_RESPONSE_BODY: usize = 64 * 1024 * 1024;

/// What the client adds to the server timeout to get its own deadline, by default.
pub const DEFAULT_DEADLINE_MARGIN: Duration = Duration::from_secs(10);

/// A connection to one Service Fabric HTTP gateway.
///
/// Cheap to clone (the connection pool is shared). Every declared operation is available on
/// it through the operation traits.
///
/// Every request gets a client-side deadline of its server timeout plus a margin
/// ([`ClientBuilder::deadline_margin`]), so the client never gives up on an operation while
/// the server may still be working on it.
///
/// ```
/// use fabric_rest_runtime::{Client, ServerTimeout};
/// use std::time::Duration;
///
/// let client = Client::builder("http://127.0.0.1:19080")
///     .default_server_timeout(ServerTimeout::seconds::<120>())
///     .deadline_margin(Duration::from_secs(5))
///     .build()
///     .unwrap();
/// assert_eq!(client.base_url(), "http://127.0.0.1:19080");
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    base: String,
    default_server_timeout: Option<ServerTimeout>,
    deadline_margin: Duration,
    max_response_body: usize,
}

impl Client {
    /// A client for the gateway at `base_url` (such as `https://cluster.example:19080`),
    /// with default settings.
    pub fn new(base_url: &str) -> Result<Client, Error> {
        Client::builder(base_url).build()
    }

    /// A builder for a client of the gateway at `base_url`.
    pub fn builder(base_url: &str) -> ClientBuilder {
        ClientBuilder {
            base_url: base_url.to_owned(),
            http: None,
            default_server_timeout: None,
            deadline_margin: DEFAULT_DEADLINE_MARGIN,
            user_agent: concat!("fabric-rest/", env!("CARGO_PKG_VERSION")).to_owned(),
            connect_timeout: Duration::from_secs(10),
            max_response_body: DEFAULT_MAX_RESPONSE_BODY,
        }
    }

    /// The gateway's base URL, without a trailing `/`.
    pub fn base_url(&self) -> &str {
        &self.inner.base
    }

    /// The client-side deadline of a request whose server timeout is `timeout`.
    pub fn deadline(&self, timeout: ServerTimeout) -> Duration {
        timeout.as_duration().saturating_add(self.inner.deadline_margin)
    }

    async fn execute(&self, request: &Request) -> Result<Response, Error> {
        let inner = &*self.inner;
        let mut url = String::with_capacity(inner.base.len() + request.path_and_query().len());
        url.push_str(&inner.base);
        url.push_str(request.path_and_query());
        let url = reqwest::Url::parse(&url)
            .map_err(|e| Error::invalid_argument(format!("the request URL is invalid: {e}")).with_request(request))?;

        let deadline = self.deadline(request.server_timeout());
        let mut outgoing = reqwest::Request::new(request.method(), url);
        *outgoing.headers_mut() = request.headers().clone();
        *outgoing.timeout_mut() = Some(deadline);
        if let Some(body) = request.body() {
            *outgoing.body_mut() = Some(body.clone().into());
        }

        let mut response = inner
            .http
            .execute(outgoing)
            .await
            .map_err(|e| classify(request, deadline, e))?;

        let status = response.status();
        let reason = response
            .extensions()
            .get::<hyper::ext::ReasonPhrase>()
            .map(|r| String::from_utf8_lossy(r.as_bytes()).into_owned());
        let headers = std::mem::take(response.headers_mut());
        let success = request.endpoint().is_success(status.as_u16());
        let limit = if success {
            inner.max_response_body
        } else {
            ERROR_BODY_LIMIT
        };
        let (body, truncated) = match read_bounded(&mut response, limit).await {
            Ok(read) => read,
            Err(_) if !success => (Bytes::new(), true),
            Err(e) => return Err(classify(request, deadline, e)),
        };
        let response = Response::new(status, headers, body).with_truncated(truncated);
        Ok(match reason {
            Some(reason) => response.with_reason(reason),
            None => response,
        })
    }
}

/// Reads at most `limit` bytes of the body; the rest is never read (the connection is then
/// dropped rather than reused).
async fn read_bounded(response: &mut reqwest::Response, limit: usize) -> Result<(Bytes, bool), reqwest::Error> {
    let Some(first) = response.chunk().await? else {
        return Ok((Bytes::new(), false));
    };
    if first.len() > limit {
        return Ok((first.slice(..limit), true));
    }
    let Some(second) = response.chunk().await? else {
        return Ok((first, false));
    };
    let mut body = BytesMut::with_capacity(first.len() + second.len());
    body.extend_from_slice(&first);
    let mut next = Some(second);
    while let Some(chunk) = next {
        let room = limit - body.len();
        if chunk.len() > room {
            body.extend_from_slice(&chunk[..room]);
            return Ok((body.freeze(), true));
        }
        body.extend_from_slice(&chunk);
        next = response.chunk().await?;
    }
    Ok((body.freeze(), false))
}

fn classify(request: &Request, deadline: Duration, error: reqwest::Error) -> Error {
    if error.is_timeout() {
        Error::timeout(request, deadline)
    } else if error.is_connect() {
        Error::connect(request, error)
    } else {
        Error::transport(request, error)
    }
}

impl Transport for Client {
    fn send<'a>(&'a self, request: &'a Request) -> impl Future<Output = Result<Response, Error>> + Send + 'a {
        self.execute(request)
    }

    fn default_server_timeout(&self) -> Option<ServerTimeout> {
        self.inner.default_server_timeout
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base)
            .field("default_server_timeout", &self.inner.default_server_timeout)
            .field("deadline_margin", &self.inner.deadline_margin)
            .finish_non_exhaustive()
    }
}

/// Configures a [`Client`].
#[derive(Debug)]
#[must_use]
pub struct ClientBuilder {
    base_url: String,
    http: Option<reqwest::Client>,
    default_server_timeout: Option<ServerTimeout>,
    deadline_margin: Duration,
    user_agent: String,
    connect_timeout: Duration,
    max_response_body: usize,
}

impl ClientBuilder {
    /// Uses `http` for every request instead of a client built here. Its own settings (TLS,
    /// proxies, user agent) apply; [`user_agent`](Self::user_agent) and
    /// [`connect_timeout`](Self::connect_timeout) are then ignored.
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// The server timeout sent when a call leaves its `timeout` out. Without one, nothing is
    /// sent and the gateway uses 60 seconds.
    pub fn default_server_timeout(mut self, timeout: ServerTimeout) -> Self {
        self.default_server_timeout = Some(timeout);
        self
    }

    /// How much longer than the server timeout the client waits for a complete response
    /// (default 10 s).
    pub fn deadline_margin(mut self, margin: Duration) -> Self {
        self.deadline_margin = margin;
        self
    }

    /// The `User-Agent` header (default `fabric-rest/<version>`).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// How long to wait for a TCP and TLS connection (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The largest success body to read (default 64 MiB); a longer one is an error.
    pub fn max_response_body(mut self, bytes: usize) -> Self {
        self.max_response_body = bytes;
        self
    }

    /// Checks the settings and builds the client.
    pub fn build(self) -> Result<Client, Error> {
        let base = check_base_url(&self.base_url)?;
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .use_preconfigured_tls(
                    crate::tls::default_config()
                        .map_err(|e| Error::invalid_argument(format!("cannot set up TLS: {e}")))?,
                )
                .user_agent(self.user_agent)
                .connect_timeout(self.connect_timeout)
                .default_headers(HeaderMap::new())
                .build()
                .map_err(|e| Error::invalid_argument(format!("cannot build the HTTP client: {e}")))?,
        };
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base,
                default_server_timeout: self.default_server_timeout,
                deadline_margin: self.deadline_margin,
                max_response_body: self.max_response_body,
            }),
        })
    }
}

fn check_base_url(text: &str) -> Result<String, Error> {
    let invalid = |why: &str| Error::invalid_argument(format!("invalid gateway URL {text:?}: {why}"));
    if !text.contains("://") {
        return Err(invalid(&format!("it needs a scheme, as in \"http://{text}\"")));
    }
    let url = reqwest::Url::parse(text).map_err(|e| invalid(&e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(invalid("the scheme must be http or https"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(invalid("it has no host"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(invalid("it must not have a query or fragment"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(invalid("credentials do not belong in the URL"));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls() {
        assert_eq!(
            check_base_url("http://127.0.0.1:19080").unwrap(),
            "http://127.0.0.1:19080"
        );
        assert_eq!(
            check_base_url("http://127.0.0.1:19080/").unwrap(),
            "http://127.0.0.1:19080"
        );
        assert_eq!(
            check_base_url("https://gw.example:19080/proxy/").unwrap(),
            "https://gw.example:19080/proxy"
        );
        assert_eq!(
            check_base_url("ftp://127.0.0.1").unwrap_err().to_string(),
            "invalid argument: invalid gateway URL \"ftp://127.0.0.1\": the scheme must be http or https; nothing was sent"
        );
        assert_eq!(
            check_base_url("127.0.0.1:19080").unwrap_err().to_string(),
            "invalid argument: invalid gateway URL \"127.0.0.1:19080\": it needs a scheme, as in \"http://127.0.0.1:19080\"; nothing was sent"
        );
        assert!(check_base_url("http://127.0.0.1:19080/?a=b").is_err());
        assert!(check_base_url("http://u:p@127.0.0.1:19080").is_err());
        assert!(check_base_url("not a url").is_err());
    }
}
