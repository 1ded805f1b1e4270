//! [`ClientBuilder`]: gateways, TLS, authentication, retries and deadlines of a [`Client`].

use std::fmt;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use http::HeaderMap;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;

use crate::auth::{DynTokenProvider, StaticToken, TokenProvider};
use crate::certificate::Thumbprint;
use crate::client::{Client, DEFAULT_DEADLINE_MARGIN, DEFAULT_MAX_RESPONSE_BODY, Inner};
use crate::error::Error;
use crate::failover::Gateways;
use crate::identity::{ClientIdentity, read};
use crate::retry::RetryPolicy;
use crate::server_timeout::ServerTimeout;
use crate::tls::{ServerVerification, client_config};

/// Configures a [`Client`].
///
/// Settings that can be wrong (a CA file that is not PEM, a thumbprint that is not hex)
/// are checked by [`build`](Self::build), which reports the first problem.
///
/// ```no_run
/// use fabric_rest_runtime::{Client, ClientIdentity};
///
/// let client = Client::builder("https://node0.mycluster.example.com:19080")
///     .endpoint("https://node1.mycluster.example.com:19080")
///     .client_identity(ClientIdentity::from_combined_pem_file("admin.pem")?)
///     .server_common_name("cluster.contoso.com")
///     .build()?;
/// # Ok::<(), fabric_rest_runtime::Error>(())
/// ```
#[must_use]
pub struct ClientBuilder {
    base_urls: Vec<String>,
    http: Option<reqwest::Client>,
    default_server_timeout: Option<ServerTimeout>,
    deadline_margin: Duration,
    overall_deadline: Option<Duration>,
    user_agent: String,
    connect_timeout: Duration,
    max_response_body: usize,
    retry: RetryPolicy,
    identity: Option<ClientIdentity>,
    verification: ServerVerification,
    token: Option<Arc<dyn DynTokenProvider>>,
    /// The first setting found wrong, reported by `build`.
    problem: Option<Error>,
}

impl ClientBuilder {
    pub(crate) fn new(base_url: &str) -> ClientBuilder {
        ClientBuilder {
            base_urls: vec![base_url.to_owned()],
            http: None,
            default_server_timeout: None,
            deadline_margin: DEFAULT_DEADLINE_MARGIN,
            overall_deadline: None,
            user_agent: concat!("fabric-rest/", env!("CARGO_PKG_VERSION")).to_owned(),
            connect_timeout: Duration::from_secs(10),
            max_response_body: DEFAULT_MAX_RESPONSE_BODY,
            retry: RetryPolicy::default(),
            identity: None,
            verification: ServerVerification::default(),
            token: None,
            problem: None,
        }
    }

    fn fail(&mut self, error: Error) {
        self.problem.get_or_insert(error);
    }

    /// Adds another gateway of the same cluster. Requests go to the gateway that answered
    /// last and fail over to the next on connection failures, 502 and transient 503.
    ///
    /// ```
    /// # use fabric_rest_runtime::Client;
    /// let client = Client::builder("http://127.0.0.1:19080")
    ///     .endpoint("http://127.0.0.1:19081")
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(client.endpoints(), ["http://127.0.0.1:19080", "http://127.0.0.1:19081"]);
    /// ```
    pub fn endpoint(mut self, base_url: &str) -> Self {
        self.base_urls.push(base_url.to_owned());
        self
    }

    /// Adds several gateways, as [`endpoint`](Self::endpoint) does.
    pub fn endpoints<I, S>(mut self, base_urls: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.base_urls
            .extend(base_urls.into_iter().map(|u| u.as_ref().to_owned()));
        self
    }

    /// Uses `http` for every request instead of a client built here. Its own settings (TLS,
    /// proxies, user agent) apply; [`user_agent`](Self::user_agent) and
    /// [`connect_timeout`](Self::connect_timeout) are then ignored, and the TLS settings
    /// of this builder cannot be used.
    ///
    /// Build it with `redirect(reqwest::redirect::Policy::none())`: a client built here
    /// never follows redirects (a Service Fabric gateway sends none, so one comes from
    /// something else and would get the request body and credentials), but the settings of
    /// a client handed in cannot be read or changed. Either way a 3xx that reaches the
    /// client is an error naming its `Location`.
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

    /// How much longer than the server timeout the client works on a request, retries
    /// included (default 10 s).
    pub fn deadline_margin(mut self, margin: Duration) -> Self {
        self.deadline_margin = margin;
        self
    }

    /// One deadline for every request, all attempts and waits included, in place of the
    /// server timeout plus [`deadline_margin`](Self::deadline_margin). Keep it longer than
    /// the server timeouts sent, or the client gives up while the cluster still works.
    ///
    /// ```
    /// # use fabric_rest_runtime::Client;
    /// # use std::time::Duration;
    /// let client = Client::builder("http://127.0.0.1:19080")
    ///     .overall_deadline(Duration::from_secs(90))
    ///     .build()
    ///     .unwrap();
    /// ```
    pub fn overall_deadline(mut self, deadline: Duration) -> Self {
        self.overall_deadline = Some(deadline);
        self
    }

    /// When and how often to send a request again ([`RetryPolicy::default`] unless set;
    /// [`RetryPolicy::none`] turns retries off).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
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

    /// The client certificate to present to a secure cluster.
    ///
    /// ```no_run
    /// # use fabric_rest_runtime::{Client, ClientIdentity};
    /// let client = Client::builder("https://cluster.example:19080")
    ///     .client_identity(ClientIdentity::from_pkcs12_file("admin.pfx", "password")?)
    ///     .build()?;
    /// # Ok::<(), fabric_rest_runtime::Error>(())
    /// ```
    pub fn client_identity(mut self, identity: ClientIdentity) -> Self {
        self.identity = Some(identity);
        self
    }

    /// Trusts the CA certificates in `pem` instead of the system's roots. May be given
    /// several times; the certificates add up.
    ///
    /// ```no_run
    /// # use fabric_rest_runtime::Client;
    /// let ca = std::fs::read("cluster-ca.pem").unwrap();
    /// let client = Client::builder("https://cluster.example:19080")
    ///     .ca_certificates_pem(&ca)
    ///     .build()?;
    /// # Ok::<(), fabric_rest_runtime::Error>(())
    /// ```
    pub fn ca_certificates_pem(mut self, pem: impl AsRef<[u8]>) -> Self {
        let parsed = CertificateDer::pem_slice_iter(pem.as_ref()).collect::<Result<Vec<_>, _>>();
        match parsed {
            Ok(certs) if !certs.is_empty() => self
                .verification
                .ca_certificates
                .get_or_insert_with(Vec::new)
                .extend(certs),
            Ok(_) => self.fail(Error::invalid_argument("the CA bundle holds no certificate")),
            Err(e) => self.fail(Error::invalid_argument(format!("the CA bundle is not valid PEM: {e}"))),
        }
        self
    }

    /// Reads [`ca_certificates_pem`](Self::ca_certificates_pem) from a file.
    pub fn ca_certificates_file(mut self, path: impl AsRef<Path>) -> Self {
        match read(path.as_ref()) {
            Ok(pem) => self.ca_certificates_pem(pem),
            Err(e) => {
                self.fail(e);
                self
            }
        }
    }

    /// Accepts the server whose certificate has this thumbprint, whatever its issuer and
    /// host name, as Service Fabric's `ServerCertThumbprints` do. SHA-1 (40 hex digits, as
    /// the portal and Windows show it) or SHA-256 (64); case, colons and spaces do not
    /// matter. May be given several times (for a certificate rollover).
    ///
    /// ```
    /// # use fabric_rest_runtime::Client;
    /// let client = Client::builder("https://node0.mycluster.example.com:19080")
    ///     .server_thumbprint("A9:4B:7C:0D:1E:2F:30:41:52:63:74:85:96:A7:B8:C9:DA:EB:FC:0D")
    ///     .build()?;
    /// # Ok::<(), fabric_rest_runtime::Error>(())
    /// ```
    pub fn server_thumbprint(mut self, thumbprint: &str) -> Self {
        match Thumbprint::parse(thumbprint) {
            Ok(t) => self.verification.thumbprints.push(t),
            Err(e) => self.fail(Error::invalid_argument(format!("server thumbprint: {e}"))),
        }
        self
    }

    /// Accepts a server whose certificate chains to a trusted root and has this common
    /// name (or DNS name), whatever the host name the client connected to, as Service
    /// Fabric's `ServerCommonNames` do. May be given several times.
    ///
    /// ```
    /// # use fabric_rest_runtime::Client;
    /// let client = Client::builder("https://node0.mycluster.example.com:19080")
    ///     .server_common_name("cluster.contoso.com")
    ///     .build()?;
    /// # Ok::<(), fabric_rest_runtime::Error>(())
    /// ```
    pub fn server_common_name(mut self, name: &str) -> Self {
        let name = name.trim();
        if name.is_empty() {
            // An empty name would match a certificate without a common name.
            self.fail(Error::invalid_argument(
                "the server common name is empty; give the common name of the cluster certificate",
            ));
        } else {
            self.verification.common_names.push(name.to_owned());
        }
        self
    }

    /// With [`server_common_name`](Self::server_common_name): the server's certificate
    /// must also be issued by the certificate with this thumbprint. May be given several
    /// times.
    pub fn server_issuer_thumbprint(mut self, thumbprint: &str) -> Self {
        match Thumbprint::parse(thumbprint) {
            Ok(t) => self.verification.issuer_thumbprints.push(t),
            Err(e) => self.fail(Error::invalid_argument(format!("issuer thumbprint: {e}"))),
        }
        self
    }

    /// Accepts any server certificate: expired, self-signed, issued to anyone. Anyone on
    /// the network path can then read and change the traffic, client certificate and
    /// tokens included. For a throw-away test cluster only; building such a client logs a
    /// warning.
    pub fn danger_accept_invalid_server_certificates(mut self) -> Self {
        self.verification.accept_invalid = true;
        self
    }

    /// Authenticates with bearer tokens from `provider` (Azure AD clusters), sent as
    /// `Authorization: Bearer`. On a 401 or 403 the provider is asked for a fresh token
    /// and the request is sent once more.
    ///
    /// ```
    /// # use fabric_rest_runtime::{Client, StaticToken};
    /// let client = Client::builder("https://cluster.example:19080")
    ///     .token_provider(StaticToken::new("eyJ0eXAi..."))
    ///     .build()?;
    /// # Ok::<(), fabric_rest_runtime::Error>(())
    /// ```
    pub fn token_provider(mut self, provider: impl TokenProvider) -> Self {
        self.token = Some(Arc::new(provider));
        self
    }

    /// Authenticates with one fixed bearer token ([`StaticToken`]).
    pub fn bearer_token(self, token: impl Into<String>) -> Self {
        self.token_provider(StaticToken::new(token))
    }

    /// Checks the settings and builds the client.
    pub fn build(self) -> Result<Client, Error> {
        if let Some(problem) = self.problem {
            return Err(problem);
        }
        let bases = self
            .base_urls
            .iter()
            .map(|url| check_base_url(url))
            .collect::<Result<Vec<_>, _>>()?;
        check_secrets_are_encrypted(&bases, &self)?;
        check_verification(&self.verification)?;
        let tls_configured = self.verification.is_configured() || self.identity.is_some();
        let http = match self.http {
            Some(_) if tls_configured => {
                return Err(Error::invalid_argument(
                    "TLS settings (client identity, CA, thumbprints, common names) do not apply to a client given with http_client; configure its TLS there",
                ));
            }
            Some(http) => http,
            None => http_client(&self, &bases)?,
        };
        Ok(Client::from_inner(Inner {
            http,
            gateways: Gateways::new(bases),
            default_server_timeout: self.default_server_timeout,
            deadline_margin: self.deadline_margin,
            overall_deadline: self.overall_deadline,
            max_response_body: self.max_response_body,
            retry: self.retry,
            token: self.token,
            client_certificate: self.identity.as_ref().map(ClientIdentity::describe),
        }))
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("endpoints", &self.base_urls)
            .field("default_server_timeout", &self.default_server_timeout)
            .field("deadline_margin", &self.deadline_margin)
            .field("overall_deadline", &self.overall_deadline)
            .field("retry", &self.retry)
            .field("identity", &self.identity)
            .field("verification", &self.verification)
            .field("token", &self.token.as_ref().map(|_| "<provider>"))
            .finish_non_exhaustive()
    }
}

/// Refuses server verification settings that contradict each other.
fn check_verification(verification: &ServerVerification) -> Result<(), Error> {
    let pinned = !verification.thumbprints.is_empty() || !verification.common_names.is_empty();
    if verification.accept_invalid && pinned {
        return Err(Error::invalid_argument(
            "danger_accept_invalid_server_certificates cannot be combined with server thumbprints or common names",
        ));
    }
    if !verification.issuer_thumbprints.is_empty() && verification.common_names.is_empty() {
        return Err(Error::invalid_argument(
            "an issuer thumbprint needs a server common name to go with it",
        ));
    }
    Ok(())
}

/// The reqwest client the builder's settings describe: its TLS, user agent, connect
/// timeout, and no redirects.
fn http_client(builder: &ClientBuilder, bases: &[String]) -> Result<reqwest::Client, Error> {
    let verification = &builder.verification;
    if verification.accept_invalid {
        tracing::warn!(
            endpoints = ?bases,
            "server certificates are not verified (danger_accept_invalid_server_certificates): anyone on the network path can impersonate the cluster"
        );
    }
    let tls = client_config(verification, builder.identity.as_ref())
        .map_err(|e| Error::invalid_argument(format!("cannot set up TLS: {e}")))?;
    reqwest::Client::builder()
        .use_preconfigured_tls(tls)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(builder.user_agent.clone())
        .connect_timeout(builder.connect_timeout)
        .default_headers(HeaderMap::new())
        .build()
        .map_err(|e| Error::invalid_argument(format!("cannot build the HTTP client: {e}")))
}

/// Refuses settings that only mean something over TLS with a plain `http://` gateway: a
/// client certificate or server verification would be silently ignored, and a bearer token
/// sent in clear text.
fn check_secrets_are_encrypted(bases: &[String], builder: &ClientBuilder) -> Result<(), Error> {
    let Some(plain) = bases.iter().find(|base| base.starts_with("http:")) else {
        return Ok(());
    };
    let verification = &builder.verification;
    let setting = if builder.token.is_some() {
        "a bearer token would be sent in clear text"
    } else if builder.identity.is_some() {
        "a client certificate is set"
    } else if verification.ca_certificates.is_some() {
        "CA certificates are set"
    } else if !verification.thumbprints.is_empty() {
        "a server thumbprint is set"
    } else if !verification.common_names.is_empty() || !verification.issuer_thumbprints.is_empty() {
        "a server common name is set"
    } else if verification.accept_invalid {
        "danger_accept_invalid_server_certificates is set"
    } else {
        return Ok(());
    };
    Err(Error::invalid_argument(format!(
        "the gateway URL {plain} is not encrypted but {setting}; use https:// for a secure cluster"
    )))
}

pub(crate) fn check_base_url(text: &str) -> Result<String, Error> {
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

    #[test]
    fn settings_are_checked_at_build() {
        let error = Client::builder("https://127.0.0.1:1")
            .server_thumbprint("abc")
            .build()
            .unwrap_err();
        assert!(
            error.to_string().contains("server thumbprint: the thumbprint \"abc\""),
            "{error}"
        );
        let error = Client::builder("https://127.0.0.1:1")
            .ca_certificates_pem("not pem")
            .build()
            .unwrap_err();
        assert!(
            error.to_string().contains("the CA bundle holds no certificate"),
            "{error}"
        );
        let error = Client::builder("https://127.0.0.1:1")
            .server_thumbprint(&"ab".repeat(20))
            .danger_accept_invalid_server_certificates()
            .build()
            .unwrap_err();
        assert!(error.to_string().contains("cannot be combined"), "{error}");
        let error = Client::builder("https://127.0.0.1:1")
            .endpoint("127.0.0.1:2")
            .build()
            .unwrap_err();
        assert!(error.to_string().contains("it needs a scheme"), "{error}");
    }
}
