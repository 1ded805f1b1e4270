//! The HTTP client: the real [`Transport`], built on `reqwest`, with retries and failover
//! between gateways.

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use http::HeaderValue;
use tracing::Instrument;
use tracing::field::Empty;

use crate::auth::DynTokenProvider;
use crate::error::Error;
use crate::failover::Gateways;
use crate::request::{REQUEST_ID, Request, attempt_request_id};
use crate::response::{ERROR_BODY_LIMIT, Response};
use crate::retry::{Failure, RetryPolicy};
use crate::server_timeout::ServerTimeout;
use crate::tls_failure;
use crate::transport::Transport;

pub use crate::builder::ClientBuilder;

/// The largest success body a [`Client`] reads by default: 64 MiB.
pub const DEFAULT_MAX_RESPONSE_BODY: usize = 64 * 1024 * 1024;

/// What the client adds to the server timeout to get its own deadline, by default.
pub const DEFAULT_DEADLINE_MARGIN: Duration = Duration::from_secs(10);

/// A connection to the HTTP gateways of one Service Fabric cluster.
///
/// Cheap to clone (the connection pool is shared). Every declared operation is available on
/// it through the operation traits.
///
/// Every request gets one overall deadline, by default its server timeout plus a margin
/// ([`ClientBuilder::deadline_margin`]), so the client never gives up on an operation while
/// the server may still be working on it. Retries ([`RetryPolicy`]) and failover between
/// gateways ([`ClientBuilder::endpoint`]) all happen inside it.
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

pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    pub(crate) gateways: Gateways,
    pub(crate) default_server_timeout: Option<ServerTimeout>,
    pub(crate) deadline_margin: Duration,
    pub(crate) overall_deadline: Option<Duration>,
    pub(crate) max_response_body: usize,
    pub(crate) retry: RetryPolicy,
    pub(crate) token: Option<Arc<dyn DynTokenProvider>>,
    /// How errors name the client certificate, when one is configured.
    pub(crate) client_certificate: Option<String>,
}

/// The last failure of a request that may be retried.
pub(crate) enum Outcome {
    Answer(Response),
    Failed(Error),
}

/// What to do after an attempt.
pub(crate) enum Step {
    /// The call is over.
    Done(Result<Response, Error>),
    /// Send again after this wait.
    RetryAfter(Duration),
}

impl Client {
    /// A client for the gateway at `base_url` (such as `https://cluster.example:19080`),
    /// with default settings.
    pub fn new(base_url: &str) -> Result<Client, Error> {
        Client::builder(base_url).build()
    }

    /// A builder for a client of the gateway at `base_url`; more gateways of the cluster
    /// can be added with [`ClientBuilder::endpoint`].
    pub fn builder(base_url: &str) -> ClientBuilder {
        ClientBuilder::new(base_url)
    }

    pub(crate) fn from_inner(inner: Inner) -> Client {
        Client { inner: Arc::new(inner) }
    }

    pub(crate) fn inner(&self) -> &Inner {
        &self.inner
    }

    /// The first gateway's base URL, without a trailing `/`.
    pub fn base_url(&self) -> &str {
        self.inner.gateways.base(0)
    }

    /// Every gateway's base URL, in the order they were given.
    pub fn endpoints(&self) -> Vec<&str> {
        self.inner.gateways.bases().iter().map(String::as_str).collect()
    }

    /// The client-side deadline of a request whose server timeout is `timeout`: the
    /// overall deadline when one is set, else the server timeout plus the margin.
    pub fn deadline(&self, timeout: ServerTimeout) -> Duration {
        self.inner
            .overall_deadline
            .unwrap_or_else(|| timeout.as_duration().saturating_add(self.inner.deadline_margin))
    }

    /// Sends `request` until it succeeds, fails in a way a retry cannot mend, runs out of
    /// attempts, or the deadline would pass.
    async fn execute(&self, request: &Request) -> Result<Response, Error> {
        let mut call = crate::attempts::Call::new(self, request);
        loop {
            match call.attempt().await {
                Step::Done(result) => {
                    call.finished();
                    return result;
                }
                Step::RetryAfter(wait) => sleep(wait).await,
            }
        }
    }

    /// The result of a request whose last attempt did not succeed.
    pub(crate) fn finish(&self, request: &Request, outcome: Outcome, attempts: u32) -> Result<Response, Error> {
        match outcome {
            Outcome::Failed(error) => Err(error.with_attempts(attempts)),
            Outcome::Answer(response) => {
                let hint = self.refusal_hint(request, &response);
                if attempts == 1 && hint.is_none() {
                    return Ok(response);
                }
                let error = Error::from_status(request, response).with_attempts(attempts);
                Err(match hint {
                    Some(hint) => error.with_detail(hint),
                    None => error,
                })
            }
        }
    }

    /// What a 401 or 403 with an empty body means: the gateway's authentication refused
    /// the caller before any operation ran.
    fn refusal_hint(&self, _request: &Request, response: &Response) -> Option<String> {
        let status = response.status().as_u16();
        if !matches!(status, 401 | 403) || !response.body().iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        let inner = &*self.inner;
        if inner.token.is_some() {
            return Some(
                "the gateway refused the bearer token, also after a refresh; check that it was issued for the cluster's application and that the user has a role in the cluster".to_owned(),
            );
        }
        let secure = inner.gateways.bases().iter().any(|b| b.starts_with("https:"));
        match (&inner.client_certificate, secure) {
            (Some(certificate), true) => Some(format!(
                "the gateway refused the client certificate ({certificate}); check that the cluster lists it (or its issuer) as an admin or read-only client and that it has not expired"
            )),
            (None, true) => Some(
                "the gateway requires a client certificate and none is configured; set one with ClientBuilder::client_identity".to_owned(),
            ),
            _ => None,
        }
    }

    /// The `Authorization` header for the next try of `request`, from the token provider;
    /// `sent` tries went out before it.
    /// The provider's time counts against the request's deadline: a provider that does not
    /// answer before `give_up_at` is a credentials error, not a call that hangs.
    pub(crate) async fn authorization(
        &self,
        request: &Request,
        provider: &Arc<dyn DynTokenProvider>,
        refresh: bool,
        sent: u32,
        give_up_at: Instant,
    ) -> Result<HeaderValue, Error> {
        let asked = tokio::time::timeout_at(give_up_at.into(), provider.token(refresh)).await;
        let token = match asked {
            Ok(Ok(token)) => token,
            Ok(Err(e)) => {
                let detail = if refresh {
                    "the gateway refused the bearer token and the token provider gave no fresh one"
                } else {
                    "the token provider gave no token"
                };
                return Err(Error::credentials(request, detail, Some(e), sent));
            }
            Err(_) => {
                let detail = format!(
                    "the token provider gave no token within the request's deadline of {}",
                    crate::error::seconds(self.deadline(request.server_timeout()))
                );
                return Err(Error::credentials(request, detail, None, sent));
            }
        };
        let mut value = HeaderValue::from_str(&format!("Bearer {}", token.secret())).map_err(|_| {
            let detail = "the token provider gave a bearer token holding characters a header cannot carry";
            Error::credentials(request, detail, None, sent)
        })?;
        value.set_sensitive(true);
        Ok(value)
    }

    /// Sends `request` once to the gateway at `base`, as attempt number `attempt`.
    pub(crate) async fn send_once(
        &self,
        request: &Request,
        base: &str,
        timeout: Duration,
        deadline: Duration,
        token: Option<HeaderValue>,
        attempt: u32,
    ) -> Result<Response, (Error, Failure)> {
        let outgoing = outgoing(request, base, timeout, token, attempt)?;
        let response = self
            .inner
            .http
            .execute(outgoing)
            .await
            .map_err(|e| self.classify(request, deadline, e))?;
        self.receive(request, response, deadline).await
    }

    /// Reads the answer to `request`: status, reason phrase, headers, and the body up to the
    /// limit for its status.
    async fn receive(
        &self,
        request: &Request,
        mut response: reqwest::Response,
        deadline: Duration,
    ) -> Result<Response, (Error, Failure)> {
        let status = response.status();
        let reason = response
            .extensions()
            .get::<hyper::ext::ReasonPhrase>()
            .map(|r| String::from_utf8_lossy(r.as_bytes()).into_owned())
            .filter(|r| !r.is_empty());
        let headers = std::mem::take(response.headers_mut());
        let success = request.endpoint().is_success(status.as_u16());
        let limit = if success {
            self.inner.max_response_body
        } else {
            ERROR_BODY_LIMIT
        };
        let (body, truncated) = match read_bounded(&mut response, limit).await {
            Read::Whole(body) => (body, false),
            Read::Cut(body) => (body, true),
            // What arrived of an error body is kept: it often holds the whole FabricError.
            Read::Broken(body, _) if !success => (body, true),
            Read::Broken(_, e) => return Err(self.classify(request, deadline, e)),
        };
        let response = Response::new(status, headers, body).with_truncated(truncated);
        Ok(match reason {
            Some(reason) => response.with_reason(reason),
            None => response,
        })
    }

    /// Names a failure to send and says whether the request may have reached the server.
    fn classify(&self, request: &Request, deadline: Duration, error: reqwest::Error) -> (Error, Failure) {
        let certificate = self.inner.client_certificate.as_deref();
        if let Some(tls) = tls_failure::diagnose(&error, certificate) {
            let failure = match (tls.permanent, error.is_connect()) {
                (true, _) => Failure::Permanent,
                (false, true) => Failure::NotSent,
                (false, false) => Failure::MaybeSent,
            };
            let permanent = tls.permanent;
            return (Error::connect(request, tls).with_tls_rejection(permanent), failure);
        }
        if let Some(foreign) = tls_failure::not_http(&error) {
            let failure = if foreign.permanent {
                Failure::Permanent
            } else {
                Failure::MaybeSent
            };
            return (Error::transport(request, foreign), failure);
        }
        if error.is_connect() {
            (Error::connect(request, error), Failure::NotSent)
        } else if error.is_timeout() {
            let error = match self.inner.overall_deadline {
                Some(_) => Error::overall_timeout(request, deadline),
                None => Error::timeout(request, deadline),
            };
            (error, Failure::Timeout)
        } else {
            (Error::transport(request, error), Failure::MaybeSent)
        }
    }
}

/// Waits on tokio's timer, the runtime reqwest needs anyway.
async fn sleep(wait: Duration) {
    if !wait.is_zero() {
        tokio::time::sleep(wait).await;
    }
}

/// The HTTP request for one attempt of `request` to the gateway at `base`.
fn outgoing(
    request: &Request,
    base: &str,
    timeout: Duration,
    token: Option<HeaderValue>,
    attempt: u32,
) -> Result<reqwest::Request, (Error, Failure)> {
    let mut url = String::with_capacity(base.len() + request.path_and_query().len());
    url.push_str(base);
    url.push_str(request.path_and_query());
    let url = reqwest::Url::parse(&url).map_err(|e| {
        let error = Error::invalid_argument(format!("the request URL is invalid: {e}")).with_request(request);
        (error, Failure::Permanent)
    })?;
    let mut outgoing = reqwest::Request::new(request.method(), url);
    *outgoing.headers_mut() = request.headers().clone();
    *outgoing.timeout_mut() = Some(timeout);
    let headers = outgoing.headers_mut();
    if let Some(value) = token {
        headers.insert(http::header::AUTHORIZATION, value);
    }
    // The built request carries the first attempt's id; later ones say which they are.
    if attempt > 1
        && let Ok(id) = HeaderValue::from_str(&attempt_request_id(request.request_id(), attempt))
    {
        headers.insert(REQUEST_ID, id);
    }
    match request.body() {
        Some(body) if !body.is_empty() => *outgoing.body_mut() = Some(body.clone().into()),
        // hyper sends no length for an empty body, and HTTP.sys, which serves the gateway
        // on Windows, answers a POST or PUT without one with 411 Length Required.
        _ if matches!(
            request.method(),
            http::Method::POST | http::Method::PUT | http::Method::PATCH
        ) =>
        {
            headers.insert(http::header::CONTENT_LENGTH, HeaderValue::from_static("0"));
        }
        _ => {}
    }
    Ok(outgoing)
}

/// What reading a body gave.
enum Read {
    /// The whole body.
    Whole(Bytes),
    /// Its first `limit` bytes; the rest was never read.
    Cut(Bytes),
    /// What arrived before the connection broke.
    Broken(Bytes, reqwest::Error),
}

/// Reads at most `limit` bytes of the body; the rest is never read (the connection is then
/// dropped rather than reused).
async fn read_bounded(response: &mut reqwest::Response, limit: usize) -> Read {
    // One chunk, the common case for gateway answers, is handed on without a copy.
    let first = match response.chunk().await {
        Ok(Some(first)) => first,
        Ok(None) => return Read::Whole(Bytes::new()),
        Err(e) => return Read::Broken(Bytes::new(), e),
    };
    if first.len() > limit {
        return Read::Cut(first.slice(..limit));
    }
    let second = match response.chunk().await {
        Ok(Some(second)) => second,
        Ok(None) => return Read::Whole(first),
        Err(e) => return Read::Broken(first, e),
    };
    let mut body = BytesMut::with_capacity(first.len() + second.len());
    body.extend_from_slice(&first);
    let mut next = second;
    loop {
        let room = limit - body.len();
        if next.len() > room {
            body.extend_from_slice(&next[..room]);
            return Read::Cut(body.freeze());
        }
        body.extend_from_slice(&next);
        next = match response.chunk().await {
            Ok(Some(chunk)) => chunk,
            Ok(None) => return Read::Whole(body.freeze()),
            Err(e) => return Read::Broken(body.freeze(), e),
        };
    }
}

/// The api-version a request carries: the first `api-version` of its query.
fn api_version(request: &Request) -> &str {
    // The request builder always writes it first.
    let rest = request.query().strip_prefix("api-version=").unwrap_or_default();
    &rest[..rest.find('&').unwrap_or(rest.len())]
}

impl Transport for Client {
    fn send<'a>(&'a self, request: &'a Request) -> impl Future<Output = Result<Response, Error>> + Send + 'a {
        // With one gateway the first attempt's fields are known now, and a call that
        // succeeds at once records nothing more than its status and duration.
        let gateways = &self.inner.gateways;
        let first = (gateways.len() == 1).then(|| gateways.base(0));
        let span = tracing::info_span!(
            "fabric_request",
            operation = request.endpoint().operation(),
            method = %request.method(),
            path = request.path(),
            api_version = api_version(request),
            request_id = request.request_id(),
            attempt = first.map(|_| 1u32),
            endpoint = first,
            status = Empty,
            duration_ms = Empty,
        );
        self.execute(request).instrument(span)
    }

    fn default_server_timeout(&self) -> Option<ServerTimeout> {
        self.inner.default_server_timeout
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &*self.inner;
        f.debug_struct("Client")
            .field("endpoints", &inner.gateways.bases())
            .field("default_server_timeout", &inner.default_server_timeout)
            .field("deadline_margin", &inner.deadline_margin)
            .field("overall_deadline", &inner.overall_deadline)
            .field("retry", &inner.retry)
            .field("client_certificate", &inner.client_certificate)
            .field("token", &inner.token.as_ref().map(|_| "<provider>"))
            .finish_non_exhaustive()
    }
}
