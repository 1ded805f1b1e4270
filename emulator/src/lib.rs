//! A Service Fabric HTTP gateway on loopback, for tests and examples.
//!
//! The emulator answers the configuration-upgrade operations of a standalone cluster the
//! way a real gateway (port 19080) does: the same statuses, the same `FabricError` bodies
//! and reason phrases, the same parsing of `api-version` and `timeout`, and an upgrade that
//! walks the upgrade domains of the ClusterConfig before it succeeds, fails or rolls back.
//! It records the last requests byte for byte (a bounded record, see
//! [`EmulatorBuilder::record_limit`]) so a test can check what a client sent.
//!
//! | request | answer |
//! |---|---|
//! | `POST /$/StartClusterConfigurationUpgrade` | 202, empty body; or 400 `E_INVALIDARG` / 500 `FABRIC_E_CONFIG_UPGRADE_FAILED` |
//! | `GET /$/GetClusterConfigurationUpgradeStatus` | 200 `ClusterConfigurationUpgradeStatusInfo` |
//! | `GET /$/GetClusterConfiguration?ConfigurationApiVersion=V` | 200 `{"ClusterConfiguration": "..."}` |
//! | `GET /$/GetUpgradeOrchestrationServiceState` | 200 `{"ServiceState": "..."}` |
//! | `POST /$/SetUpgradeOrchestrationServiceState` | 200 `UpgradeOrchestrationServiceStateSummary` |
//! | anything else | 400 `E_INVALIDARG` (the gateway never answers 404 or 405) |
//!
//! Every operation takes `api-version` from 1.0 up to the emulated runtime version (9.1
//! unless [`EmulatorBuilder::runtime_version`] says otherwise), with an optional
//! `-preview`. `timeout=0` gets 504 `FABRIC_E_TIMEOUT`; bodies over 4 MiB get 413
//! `FABRIC_E_VALUE_TOO_LARGE`.
//!
//! # Steering an upgrade from a test
//!
//! How upgrades end is chosen on the Rust side, never through the wire, so a client under
//! test talks to the emulator exactly as to a cluster: [`EmulatorBuilder::outcome`] for
//! every upgrade, [`Emulator::set_next_outcome`] for the next one,
//! [`EmulatorBuilder::unavailable_after_start`] for a window of 503
//! `FABRIC_E_RECONFIGURATION_PENDING`, and [`EmulatorBuilder::step`] for the pace.
//!
//! Right after the 202 the status still reads as it did before the start (for one step at
//! least), which may be the `RollingForwardCompleted` of the old version or the `Failed` of
//! a previous upgrade: a poller must not take that for the end of the new upgrade.
//!
//! Each phase of an upgrade lasts at least one step. A phase also lasts until a status
//! request has reported it (at most ten steps), so a poller sees every phase in order
//! however busy the machine is, and a cluster nobody polls still gets there.
//!
//! # A secure gateway, and one having a bad day
//!
//! [`EmulatorBuilder::tls`] serves https with a certificate the test makes (with `rcgen`,
//! say); [`EmulatorBuilder::require_client_certificate`] and
//! [`EmulatorBuilder::require_bearer_token`] refuse callers the way the gateway does, with
//! 403 or 401 and an empty body after a completed handshake. [`Emulator::inject`] (or
//! [`EmulatorBuilder::fault`]) makes the next requests fail with a [`Fault`]: a reset
//! connection, a delay, 503s with a transient code, a proxy's HTML 502, 504
//! `FABRIC_E_TIMEOUT`, a truncated body or one that never ends. Faulted and refused
//! requests are recorded too, so a test counts a client's attempts.
//!
//! # Example
//!
//! ```
//! use std::time::Duration;
//! use fabric_rest_emulator::{Emulator, UpgradeOutcome};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> std::io::Result<()> {
//! let emulator = Emulator::builder()
//!     .step(Duration::from_millis(5))
//!     .outcome(UpgradeOutcome::RollBack)
//!     .start()
//!     .await?;
//! let base_url = emulator.base_url(); // point the client under test here
//! assert!(base_url.starts_with("http://127.0.0.1:"));
//! // ... run the client, then check what it sent:
//! for request in emulator.requests() {
//!     println!("{} {}", request.method, request.target);
//! }
//! assert_eq!(emulator.upgrade_status().upgrade_state, "RollingForwardCompleted");
//! emulator.shutdown().await;
//! # Ok(())
//! # }
//! ```

#![deny(missing_docs)]

mod cluster_config;
mod description;
mod duration;
mod fault;
mod listen;
mod query;
mod record;
mod server;
mod tls;
mod upgrade;

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use cluster_config::SUPPORTED_API_VERSIONS;
pub use fault::Fault;
pub use record::RecordedRequest;
pub use server::MAX_BODY_BYTES;
pub use upgrade::{UNOBSERVED_STEPS, UpgradeOutcome, UpgradeStatus};

use cluster_config::ClusterConfig;
use fault::FaultQueue;
use query::Version;
use server::Gateway;
use tls::Tls;
use upgrade::Cluster;

/// A standalone ClusterConfig.json of three nodes (`vm0` to `vm2`, upgrade domains `UD0` to
/// `UD2`), cluster name `fabric-rest-sample`, `clusterConfigurationVersion` `1.0.0`,
/// `apiVersion` `10-2017`. The emulator starts with it unless told otherwise.
pub const SAMPLE_CLUSTER_CONFIG: &str = include_str!("sample/ClusterConfig.json");

/// How many requests an emulator keeps for [`Emulator::requests`] unless told otherwise.
pub const DEFAULT_RECORD_LIMIT: usize = 1_000;

/// How long a graceful shutdown may wait for open requests before the server is stopped.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// A running emulated gateway. Dropping it stops the server.
pub struct Emulator {
    addr: SocketAddr,
    https: bool,
    gateway: Arc<Gateway>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl Emulator {
    /// Starts an emulator with the defaults on `127.0.0.1` and a free port.
    pub async fn start() -> std::io::Result<Emulator> {
        Emulator::builder().start().await
    }

    /// A builder for an emulator with other settings.
    pub fn builder() -> EmulatorBuilder {
        EmulatorBuilder::default()
    }

    /// The address the emulator listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The base URL to give a client, e.g. `http://127.0.0.1:54321` (no trailing slash),
    /// or `https://...` when the emulator serves TLS ([`EmulatorBuilder::tls`]).
    pub fn base_url(&self) -> String {
        let scheme = if self.https { "https" } else { "http" };
        format!("{scheme}://{}", self.addr)
    }

    /// Makes the next `times` requests (after those already faulted) fail with `fault`;
    /// see [`Fault`].
    ///
    /// ```
    /// # use fabric_rest_emulator::{Emulator, Fault};
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let emulator = Emulator::start().await?;
    /// emulator.inject(Fault::unavailable(), 2); // two 503 FABRIC_E_SERVICE_TOO_BUSY
    /// emulator.inject(Fault::ResetConnection, 1); // then a reset connection
    /// # Ok(())
    /// # }
    /// ```
    pub fn inject(&self, fault: Fault, times: u32) {
        self.gateway.faults().push(fault, times);
    }

    /// The requests received so far, oldest first, including refused ones: the last
    /// [`EmulatorBuilder::record_limit`] of them (1,000 by default).
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.gateway.requests().requests.iter().cloned().collect()
    }

    /// As [`requests`](Self::requests); the record starts again empty.
    pub fn take_requests(&self) -> Vec<RecordedRequest> {
        self.gateway.requests().requests.drain(..).collect()
    }

    /// The committed ClusterConfig.json text, as GetClusterConfiguration returns it.
    pub fn cluster_config(&self) -> String {
        self.gateway.cluster().committed(Instant::now()).text.clone()
    }

    /// The committed `clusterConfigurationVersion`.
    pub fn config_version(&self) -> String {
        self.gateway.cluster().committed(Instant::now()).version.clone()
    }

    /// What GetClusterConfigurationUpgradeStatus would answer now. Looking here does not
    /// count as a status request: it neither ends a 503 window nor lets a phase end early.
    pub fn upgrade_status(&self) -> UpgradeStatus {
        self.gateway.cluster().status(Instant::now())
    }

    /// Sets how the next upgrade that starts will end; later upgrades go back to the
    /// builder's [`EmulatorBuilder::outcome`].
    pub fn set_next_outcome(&self, outcome: UpgradeOutcome) {
        self.gateway.cluster().set_next_outcome(outcome);
    }

    /// Stops accepting connections, lets requests in flight finish (for up to five
    /// seconds), and returns when the server has stopped.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(mut task) = self.task.take()
            && tokio::time::timeout(SHUTDOWN_GRACE, &mut task).await.is_err()
        {
            task.abort();
        }
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

impl std::fmt::Debug for Emulator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Emulator")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

/// Settings for an [`Emulator`]; every setting has a default.
///
/// Besides the cluster's own settings, a builder sets up what a secure gateway does:
/// https with a certificate the test supplies ([`tls`](Self::tls)), client certificates
/// from a CA ([`require_client_certificate`](Self::require_client_certificate)), bearer
/// tokens ([`require_bearer_token`](Self::require_bearer_token)), and faults for the first
/// requests ([`fault`](Self::fault)).
#[derive(Clone, Debug)]
pub struct EmulatorBuilder {
    bind: SocketAddr,
    runtime: Version,
    cluster_config: String,
    step: Duration,
    outcome: UpgradeOutcome,
    unavailable_after_start: u32,
    tls: Option<(Vec<u8>, Secret)>,
    client_ca: Option<Vec<u8>>,
    bearer_token: Option<Secret>,
    faults: Vec<(Fault, u32)>,
    record_limit: usize,
}

/// A key or token whose `Debug` does not show it.
#[derive(Clone)]
struct Secret(Vec<u8>);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

impl Default for EmulatorBuilder {
    fn default() -> Self {
        EmulatorBuilder {
            bind: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            runtime: Version { major: 9, minor: 1 },
            cluster_config: SAMPLE_CLUSTER_CONFIG.to_owned(),
            step: Duration::from_millis(500),
            outcome: UpgradeOutcome::Succeed,
            unavailable_after_start: 0,
            tls: None,
            client_ca: None,
            bearer_token: None,
            faults: Vec::new(),
            record_limit: DEFAULT_RECORD_LIMIT,
        }
    }
}

impl EmulatorBuilder {
    /// The address to listen on; `127.0.0.1:0` (a free loopback port) by default. It must
    /// be a loopback address (`127.0.0.0/8` or `::1`): the emulator accepts any caller the
    /// test configures, and is no service for a network. [`start`](Self::start) fails with
    /// `InvalidInput` otherwise.
    pub fn bind(mut self, addr: SocketAddr) -> Self {
        self.bind = addr;
        self
    }

    /// The emulated Service Fabric runtime version, 9.1 by default. It is the highest
    /// `api-version` accepted.
    pub fn runtime_version(mut self, major: u32, minor: u32) -> Self {
        self.runtime = Version { major, minor };
        self
    }

    /// The ClusterConfig.json the cluster starts with; [`SAMPLE_CLUSTER_CONFIG`] by default.
    /// [`EmulatorBuilder::start`] fails with `InvalidInput` when the upgrade service could
    /// not read it (not JSON, no supported `apiVersion`, no `clusterConfigurationVersion`).
    pub fn cluster_config(mut self, json: impl Into<String>) -> Self {
        self.cluster_config = json.into();
        self
    }

    /// The pace of upgrades: the shortest time each phase lasts; 500 ms by default.
    pub fn step(mut self, step: Duration) -> Self {
        self.step = step;
        self
    }

    /// How upgrades end unless [`Emulator::set_next_outcome`] says otherwise;
    /// [`UpgradeOutcome::Succeed`] by default.
    pub fn outcome(mut self, outcome: UpgradeOutcome) -> Self {
        self.outcome = outcome;
        self
    }

    /// After each accepted start, the next `n` status requests get 503
    /// `FABRIC_E_RECONFIGURATION_PENDING`; 0 by default.
    pub fn unavailable_after_start(mut self, n: u32) -> Self {
        self.unavailable_after_start = n;
        self
    }

    /// Serves https with this certificate (PEM, the server's certificate first, then any
    /// intermediates) and private key (PEM: PKCS#8, PKCS#1 or SEC1).
    /// [`start`](Self::start) fails with `InvalidInput` when they cannot be used.
    ///
    /// ```
    /// # use fabric_rest_emulator::Emulator;
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let key = rcgen::KeyPair::generate().unwrap();
    /// let cert = rcgen::CertificateParams::new(vec!["localhost".into()]).unwrap().self_signed(&key).unwrap();
    /// let emulator = Emulator::builder().tls(cert.pem(), key.serialize_pem()).start().await?;
    /// assert!(emulator.base_url().starts_with("https://127.0.0.1:"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn tls(mut self, cert_pem: impl Into<Vec<u8>>, key_pem: impl Into<Vec<u8>>) -> Self {
        self.tls = Some((cert_pem.into(), Secret(key_pem.into())));
        self
    }

    /// With [`tls`](Self::tls): every request needs a client certificate issued by a CA in
    /// `ca_pem`. Like the gateway, the emulator completes the TLS handshake with any
    /// certificate or none and then answers 403 with an empty body: reason phrase
    /// `Client certificate required` when none was sent, `Forbidden` when it is not
    /// trusted.
    pub fn require_client_certificate(mut self, ca_pem: impl Into<Vec<u8>>) -> Self {
        self.client_ca = Some(ca_pem.into());
        self
    }

    /// Every request needs `Authorization: Bearer <token>`; any other gets 401 with an
    /// empty body.
    pub fn require_bearer_token(mut self, token: impl Into<String>) -> Self {
        self.bearer_token = Some(Secret(token.into().into_bytes()));
        self
    }

    /// The first `times` requests (after faults added before) fail with `fault`; see
    /// [`Fault`] and [`Emulator::inject`].
    pub fn fault(mut self, fault: Fault, times: u32) -> Self {
        self.faults.push((fault, times));
        self
    }

    /// How many requests to keep for [`Emulator::requests`]: the last `limit` (1,000 by
    /// default; 0 keeps none). Bodies count up to the gateway's 4 MiB each.
    pub fn record_limit(mut self, limit: usize) -> Self {
        self.record_limit = limit;
        self
    }

    /// Binds the address and starts serving on the current tokio runtime.
    pub async fn start(self) -> std::io::Result<Emulator> {
        if !self.bind.ip().is_loopback() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!(
                    "the emulator listens on loopback addresses only (127.0.0.1, ::1), not {}",
                    self.bind.ip()
                ),
            ));
        }
        let committed = ClusterConfig::parse(&self.cluster_config).ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "the initial ClusterConfig is not JSON with a supported apiVersion and a clusterConfigurationVersion",
            )
        })?;
        let tls = match &self.tls {
            Some((cert, key)) => Some(Arc::new(Tls::new(cert, &key.0, self.client_ca.as_deref())?)),
            None if self.client_ca.is_some() => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    "client certificates need https: set EmulatorBuilder::tls as well",
                ));
            }
            None => None,
        };
        let mut faults = FaultQueue::default();
        for (fault, times) in self.faults {
            faults.push(fault, times);
        }
        let gateway = Arc::new(Gateway {
            runtime: self.runtime,
            cluster: Mutex::new(Cluster::new(
                committed,
                self.step,
                self.outcome,
                self.unavailable_after_start,
            )),
            requests: Mutex::new(server::Record::new(self.record_limit)),
            faults: Mutex::new(faults),
            requires_client_certificates: tls.as_ref().is_some_and(|t| t.requires_client_certificates()),
            bearer_token: self.bearer_token.map(|t| String::from_utf8_lossy(&t.0).into_owned()),
        });
        let listener = tokio::net::TcpListener::bind(self.bind).await?;
        let addr = listener.local_addr()?;
        let (stop, stopped) = oneshot::channel::<()>();
        let app = server::router(Arc::clone(&gateway));
        let https = tls.is_some();
        // A dropped sender means the handle is gone: the server stops as well.
        let task = tokio::spawn(listen::serve(listener, tls, app, stopped, SHUTDOWN_GRACE));
        Ok(Emulator {
            addr,
            https,
            gateway,
            stop: Some(stop),
            task: Some(task),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_can_move_between_tasks() {
        fn send_sync<T: Send + Sync>() {}
        send_sync::<Emulator>();
        send_sync::<EmulatorBuilder>();
        send_sync::<RecordedRequest>();
        send_sync::<UpgradeStatus>();
    }
}
