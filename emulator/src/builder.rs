//! [`EmulatorBuilder`]: every setting of an emulator, and starting it.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use fabric_rest_runtime::Endpoint;
use tokio::sync::oneshot;

use crate::applications::{ApplicationUpgradeOutcome, Applications};
use crate::backups::Backups;
use crate::chaos::ChaosState;
use crate::check::Route;
use crate::cluster_config::ClusterConfig;
use crate::code_upgrade::CodeUpgrades;
use crate::fault::{Fault, FaultQueue};
use crate::fault_ops::FaultOps;
use crate::image_store::{DEFAULT_IMAGE_STORE_BYTES, ImageStore};
use crate::listen;
use crate::node_state::{NodeStates, first_instance};
use crate::query::Version;
use crate::record::Record;
use crate::repair_tasks::RepairTasks;
use crate::script::{Operation, Script};
use crate::server::{self, Gateway, Scripted};
use crate::tls::Tls;
use crate::upgrade::{Cluster, UpgradeOutcome};
use crate::{DEFAULT_RECORD_LIMIT, Emulator, SAMPLE_CLUSTER_CONFIG, SHUTDOWN_GRACE};

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
    runtime: (u32, u32),
    cluster_config: String,
    step: Duration,
    outcome: UpgradeOutcome,
    unavailable_after_start: u32,
    tls: Option<(Vec<u8>, Secret)>,
    client_ca: Option<Vec<u8>>,
    bearer_token: Option<Secret>,
    faults: Vec<(Fault, u32)>,
    record_limit: usize,
    scripts: Vec<(&'static Endpoint, Script)>,
    spec_examples: bool,
    image_store_bytes: u64,
    application_upgrade_outcome: ApplicationUpgradeOutcome,
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
            runtime: (9, 1),
            cluster_config: SAMPLE_CLUSTER_CONFIG.to_owned(),
            step: Duration::from_millis(500),
            outcome: UpgradeOutcome::Succeed,
            unavailable_after_start: 0,
            tls: None,
            client_ca: None,
            bearer_token: None,
            faults: Vec::new(),
            record_limit: DEFAULT_RECORD_LIMIT,
            scripts: Vec::new(),
            spec_examples: false,
            image_store_bytes: DEFAULT_IMAGE_STORE_BYTES,
            application_upgrade_outcome: ApplicationUpgradeOutcome::Succeed,
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
        self.runtime = (major, minor);
        self
    }

    /// The ClusterConfig.json the cluster starts with; [`SAMPLE_CLUSTER_CONFIG`] by default.
    /// [`EmulatorBuilder::start`] fails with `InvalidInput` when the upgrade service could
    /// not read it (not JSON, no supported `apiVersion`, no `clusterConfigurationVersion`).
    pub fn cluster_config(mut self, json: impl Into<String>) -> Self {
        self.cluster_config = json.into();
        self
    }

    /// The pace of upgrades and of every other workflow (node deactivations and restarts,
    /// fault operations, repair tasks): the shortest time each phase lasts; 500 ms by default.
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

    /// How many requests to keep for [`Emulator::requests`], and how many mismatches for
    /// [`Emulator::unmatched`]: the last `limit` of each (1,000 by default; 0 keeps none).
    /// Bodies count up to the gateway's 4 MiB each.
    pub fn record_limit(mut self, limit: usize) -> Self {
        self.record_limit = limit;
        self
    }

    /// Scripts `operation`: its requests get the answers of `script` (see [`Script`]),
    /// checked against its description the way the gateway checks them (see
    /// [`Emulator::unmatched`]). `operation` is a declared operation's description
    /// (`Client::GET_NODE_INFO_LIST`, any `&'static Endpoint`) or its name; an
    /// [`Answer`](crate::Answer) is the script that always gives it. Scripting an operation
    /// again replaces its script.
    ///
    /// ```
    /// use fabric_rest_emulator::{Answer, Emulator, Script};
    /// use serde_json::json;
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let emulator = Emulator::builder()
    ///     .respond(
    ///         "GetNodeInfoList",
    ///         Script::new()
    ///             .then(Answer::json(json!({"ContinuationToken": "", "Items": []})))
    ///             .then(Answer::error("FABRIC_E_TIMEOUT", "Operation timed out.")),
    ///     )
    ///     .respond("GetClusterManifest", Answer::json(json!({"Manifest": "<ClusterManifest/>"})))
    ///     .start()
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Panics
    ///
    /// When `operation` is a name that neither this program declares (with
    /// `#[fabric_endpoint]`) nor the REST specification has.
    #[track_caller]
    pub fn respond(mut self, operation: impl Into<Operation>, script: impl Into<Script>) -> Self {
        let endpoint = operation.into().resolve();
        self.scripts.retain(|(e, _)| !std::ptr::eq(*e, endpoint));
        self.scripts.push((endpoint, script.into()));
        self
    }

    /// Every GET of the REST specification that has an example response answers it,
    /// unless the emulator answers the operation itself (its cluster version, nodes and
    /// health, and the configuration upgrade, all from its ClusterConfig) or a script
    /// does: a plausible cluster in one line. The requests are checked against the spec's
    /// description of each operation.
    ///
    /// ```
    /// # use fabric_rest_emulator::Emulator;
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let emulator = Emulator::builder().with_spec_examples().start().await?;
    /// // GET /$/GetClusterManifest?api-version=6.0 now answers the spec's example manifest.
    /// # Ok(())
    /// # }
    /// ```
    pub fn with_spec_examples(mut self) -> Self {
        self.spec_examples = true;
        self
    }

    /// How much the image store holds, files and open upload sessions together (default
    /// [`DEFAULT_IMAGE_STORE_BYTES`], 1 GiB). A write past it is refused with 500
    /// `FABRIC_E_IMAGESTORE_IOERROR`.
    pub fn image_store_bytes(mut self, bytes: u64) -> Self {
        self.image_store_bytes = bytes;
        self
    }

    /// How the first application upgrade ends (later ones succeed unless
    /// [`Emulator::set_next_application_upgrade_outcome`] says otherwise). Each upgrade
    /// domain takes one [`step`](Self::step), as do provisioning (when asynchronous),
    /// creating and deleting an application.
    pub fn application_upgrade_outcome(mut self, outcome: ApplicationUpgradeOutcome) -> Self {
        self.application_upgrade_outcome = outcome;
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
        let requires_client_certificates = tls.as_ref().is_some_and(|t| t.requires_client_certificates());
        let bind = self.bind;
        let gateway = Arc::new(self.gateway(committed, requires_client_certificates));
        let listener = tokio::net::TcpListener::bind(bind).await?;
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

    /// The state the server and the handle share.
    fn gateway(self, committed: ClusterConfig, requires_client_certificates: bool) -> Gateway {
        let mut faults = FaultQueue::default();
        for (fault, times) in self.faults {
            faults.push(fault, times);
        }
        let scripts = self
            .scripts
            .into_iter()
            .map(|(endpoint, script)| Scripted {
                route: Route::new(endpoint),
                script,
            })
            .collect();
        let mut applications = Applications::new(self.step, committed.upgrade_domains.clone());
        applications.next_outcome = self.application_upgrade_outcome;
        let started = (SystemTime::now(), Instant::now());
        let code_version = format!("{}.{}.0.0", self.runtime.0, self.runtime.1);
        let code_upgrades = CodeUpgrades::new(self.step, &code_version, &committed.version, &committed.upgrade_domains);
        Gateway {
            runtime: self.runtime,
            runtime_version: Version::of_runtime(self.runtime.0, self.runtime.1),
            cluster: Mutex::new(Cluster::new(
                committed,
                self.step,
                self.outcome,
                self.unavailable_after_start,
            )),
            record: Mutex::new(Record::new(self.record_limit)),
            faults: Mutex::new(faults),
            scripts: Mutex::new(scripts),
            builtins: crate::builtin::routes(),
            examples: self.spec_examples,
            node_health: Mutex::new(Default::default()),
            started,
            requires_client_certificates,
            bearer_token: self.bearer_token.map(|t| String::from_utf8_lossy(&t.0).into_owned()),
            image_store: Mutex::new(ImageStore::new(self.image_store_bytes)),
            applications: Mutex::new(applications),
            node_states: Mutex::new(NodeStates::new(self.step, first_instance(started.0))),
            fault_ops: Mutex::new(FaultOps::new(self.step)),
            code_upgrades: Mutex::new(code_upgrades),
            repair_tasks: Mutex::new(RepairTasks::new(self.step)),
            backups: Mutex::new(Backups::new(self.step)),
            chaos: Mutex::new(ChaosState::new(self.step)),
        }
    }
}
