//! A Service Fabric HTTP gateway on loopback, for tests and examples.
//!
//! The emulator answers requests the way a real gateway (port 19080) does: the same
//! statuses, `FabricError` bodies and reason phrases, the same reading of paths, queries,
//! `api-version`, `timeout` and JSON bodies, leniencies included. It records the last
//! requests byte for byte (a bounded record, see [`EmulatorBuilder::record_limit`]) so a
//! test can check what a client sent.
//!
//! # Scripting any operation
//!
//! [`EmulatorBuilder::respond`] and [`Emulator::on`] give an operation the answers of a
//! [`Script`]; the operation is named by its description (`Client::GET_NODE_INFO_LIST`, any
//! `&'static Endpoint`, the library's or one a user's crate declares) or by its name. Each
//! request is matched to an operation by its path template and method and checked
//! against the operation's description as the gateway checks it; what does not fit is
//! answered as the gateway answers it and kept for [`Emulator::unmatched`] (see
//! [`Problem`]). An operation takes every api-version from the one it was declared with up
//! to the emulated runtime's (9.1 unless [`EmulatorBuilder::runtime_version`] says
//! otherwise): the declared version is taken as the first the operation exists in.
//!
//! ```
//! use fabric_rest_emulator::{Answer, Emulator, Problem, Script};
//! use fabric_rest_runtime::{Client, Endpoint, Location, Method, Param, RequestBuilder, Transport};
//!
//! // What `#[fabric_endpoint(GET, "/Widgets/{widgetId}", api_version = "7.0")]` writes.
//! static GET_WIDGET: Endpoint = Endpoint::new("GetWidget", Method::Get, "/Widgets/{widgetId}", "7.0")
//!     .with_params(&[Param::new("widgetId", Location::Path, true)]);
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let emulator = Emulator::builder()
//!     .respond(
//!         &GET_WIDGET,
//!         Script::new()
//!             .then(Answer::json(serde_json::json!({"Color": "red"})))
//!             .then(Answer::error("FABRIC_E_NODE_NOT_FOUND", "Not found.")),
//!     )
//!     .start()
//!     .await?;
//! let client = Client::new(&emulator.base_url())?;
//! let mut request = RequestBuilder::new(&GET_WIDGET, &client);
//! request.path_param("widgetId", "w1");
//! let request = request.build()?;
//! assert_eq!(client.send(&request).await?.body().as_ref(), br#"{"Color":"red"}"#);
//! assert_eq!(client.send(&request).await?.status(), 404);
//! assert_eq!(emulator.unmatched(), []);
//!
//! // The same operation asked for with an api-version from before it existed:
//! let early = client.with_api_version("6.0".parse()?);
//! let mut request = RequestBuilder::new(&GET_WIDGET, &early);
//! request.path_param("widgetId", "w1");
//! assert_eq!(early.send(&request.build()?).await?.status(), 400);
//! assert!(matches!(emulator.unmatched()[0].problem, Problem::ApiVersionOutOfRange { .. }));
//! # Ok(())
//! # }
//! ```
//!
//! # What it serves itself
//!
//! | request | answer |
//! |---|---|
//! | `GET /` | 200, an HTML page; no api-version needed |
//! | `GET /Explorer`, `/explorer` | 301 to `/Explorer/index.html` |
//! | `GET /$/GetClusterVersion` | 200 `{"Version": "9.1.0.0"}` (the runtime's version) |
//! | `GET /Nodes` | 200, a page of the ClusterConfig's nodes (`MaxResults`, `ContinuationToken`, `NodeStatusFilter`) |
//! | `GET /$/GetClusterHealth` | 200, the worst of the nodes' health states ([`Emulator::set_node_health`]) |
//! | `GET /Nodes/{n}`, `POST /Nodes/{n}/$/Deactivate`, `…/$/Activate`, `…/$/Restart` | the node as it stands, 204 for an unknown one; deactivations, activations and restarts step by step |
//! | the fault starts, their `Get…Progress` and `POST /Faults/$/Cancel` | 202, then each operation by its `OperationId` ([`Emulator::set_next_fault_outcome`]) |
//! | `POST /$/Provision`, `/$/Upgrade`, `/$/MoveToNextUpgradeDomain`, `GET /$/GetUpgradeProgress` | the code upgrade, domain by domain ([`Emulator::set_next_code_upgrade_outcome`]) |
//! | `POST /$/CreateRepairTask`, `GET /$/GetRepairTaskList` | repair tasks, state by state ([`Emulator::set_next_repair_task_outcome`]) |
//! | `POST /Partitions/{p}/$/Backup`, `…/$/Restore` and their progress | the partition's latest backup and restore ([`Emulator::set_next_backup_restore_outcome`]) |
//! | `POST /Tools/Chaos/$/Start`, `…/$/Stop`, `GET /Tools/Chaos` | Chaos: three steps `Running`, or until stopped when asked to run an hour or more |
//! | `POST /$/StartClusterConfigurationUpgrade` | 202, empty body; or 400 `E_INVALIDARG` / 500 `FABRIC_E_CONFIG_UPGRADE_FAILED` |
//! | `GET /$/GetClusterConfigurationUpgradeStatus` | 200 `ClusterConfigurationUpgradeStatusInfo` |
//! | `GET /$/GetClusterConfiguration?ConfigurationApiVersion=V` | 200 `{"ClusterConfiguration": "..."}` |
//! | `GET /$/GetUpgradeOrchestrationServiceState` | 200 `{"ServiceState": "..."}` |
//! | `POST /$/SetUpgradeOrchestrationServiceState` | 200 `UpgradeOrchestrationServiceStateSummary` |
//! | other GETs of the spec, with [`EmulatorBuilder::with_spec_examples`] | the spec's example response |
//! | anything else | 400 `E_INVALIDARG` (the gateway never answers 404 or 405) |
//!
//! Scripts come first, then these, then the examples. The configuration-upgrade operations
//! take every `api-version` from 1.0 on, as the gateway does. `timeout=0` gets 504
//! `FABRIC_E_TIMEOUT`; bodies over 4 MiB get 413 `FABRIC_E_MESSAGE_TOO_LARGE`.
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
//! Every other workflow of the table follows these rules at the same pace;
//! [`Emulator::lose_fault_start_answers`] loses the answers of fault starts carried out.
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

mod app_upgrade;
mod applications;
mod backups;
mod builder;
mod builtin;
mod chaos;
mod check;
mod cluster_config;
mod code_upgrade;
mod description;
mod dispatch;
mod duration;
mod examples;
mod fault;
mod fault_ops;
mod image_store;
mod lenient;
mod listen;
mod mismatch;
mod node_state;
mod nodes;
mod operation_script;
mod phases;
mod query;
mod record;
mod repair_tasks;
mod reply;
mod route;
mod script;
mod server;
mod spec;
mod tls;
mod upgrade;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use applications::{ApplicationState, ApplicationUpgradeOutcome};
pub use backups::BackupRestoreOutcome;
pub use builder::EmulatorBuilder;
pub use cluster_config::SUPPORTED_API_VERSIONS;
pub use fault::Fault;
pub use fault_ops::{FAULTED_ERROR_CODE, FaultOperationOutcome};
pub use image_store::DEFAULT_IMAGE_STORE_BYTES;
pub use mismatch::{Mismatch, Problem};
pub use nodes::{HealthState, Node};
pub use operation_script::OperationScript;
pub use record::RecordedRequest;
pub use repair_tasks::RepairTaskOutcome;
pub use script::{Answer, Operation, Script};
pub use server::MAX_BODY_BYTES;
pub use upgrade::{UNOBSERVED_STEPS, UpgradeOutcome, UpgradeStatus};

use server::{Gateway, Scripted};

/// A standalone ClusterConfig.json of three nodes (`vm0` to `vm2`, upgrade domains `UD0` to
/// `UD2`), cluster name `fabric-rest-sample`, `clusterConfigurationVersion` `1.0.0`,
/// `apiVersion` `10-2017`. The emulator starts with it unless told otherwise.
pub const SAMPLE_CLUSTER_CONFIG: &str = include_str!("sample/ClusterConfig.json");

/// How many requests an emulator keeps for [`Emulator::requests`] unless told otherwise.
pub const DEFAULT_RECORD_LIMIT: usize = 1_000;

/// How long a graceful shutdown may wait for open requests before the server is stopped.
pub(crate) const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

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
        self.gateway.record().requests.iter().cloned().collect()
    }

    /// As [`requests`](Self::requests); the record starts again empty.
    pub fn take_requests(&self) -> Vec<RecordedRequest> {
        self.gateway.record().requests.drain(..).collect()
    }

    /// The requests that did not fit the operation they were meant for, oldest first:
    /// an unknown path, a wrong method, an api-version the operation or the emulated
    /// runtime does not take, a missing required query parameter or body, a body that is
    /// not JSON, and query names the operation does not declare (see [`Problem`]). The
    /// last [`EmulatorBuilder::record_limit`] of them are kept.
    ///
    /// Each is answered as the gateway answers it (400 `E_INVALIDARG` for most, and
    /// normally for an unknown query name, which the gateway ignores), so a test that
    /// asserts `unmatched()` is empty catches a wrongly declared operation that a cluster
    /// would silently misread.
    ///
    /// ```
    /// use fabric_rest_emulator::{Emulator, Problem};
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let emulator = Emulator::start().await?;
    /// // ... run the client under test, then:
    /// for mismatch in emulator.unmatched() {
    ///     panic!("{mismatch}");
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn unmatched(&self) -> Vec<Mismatch> {
        self.gateway.record().mismatches.iter().cloned().collect()
    }

    /// As [`unmatched`](Self::unmatched); the record of mismatches starts again empty.
    pub fn take_unmatched(&self) -> Vec<Mismatch> {
        self.gateway.record().mismatches.drain(..).collect()
    }

    /// The script of `operation`, to add answers to while the emulator runs; an operation
    /// not scripted before starts with an empty script. See [`EmulatorBuilder::respond`].
    ///
    /// ```
    /// use fabric_rest_emulator::{Answer, Emulator};
    /// use serde_json::json;
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let emulator = Emulator::start().await?;
    /// emulator
    ///     .on("GetNodeInfoList")
    ///     .then(Answer::json(json!({"ContinuationToken": "", "Items": []})))
    ///     .then(Answer::error("FABRIC_E_SERVICE_TOO_BUSY", "Busy."));
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Panics
    ///
    /// When `operation` is a name that neither this program nor the REST specification
    /// declares.
    #[track_caller]
    pub fn on(&self, operation: impl Into<Operation>) -> OperationScript<'_> {
        let endpoint = operation.into().resolve();
        let mut scripts = self.gateway.scripts();
        if !scripts.iter().any(|s| std::ptr::eq(s.route.endpoint, endpoint)) {
            scripts.push(Scripted {
                route: check::Route::new(endpoint),
                script: Script::new(),
            });
        }
        OperationScript::new(&self.gateway, endpoint)
    }

    /// The committed ClusterConfig.json text, as GetClusterConfiguration returns it.
    pub fn cluster_config(&self) -> String {
        self.gateway.cluster().committed(Instant::now()).text.clone()
    }

    /// The committed `clusterConfigurationVersion`.
    pub fn config_version(&self) -> String {
        self.gateway.config_version()
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

    /// Sets how the next application upgrade that starts will end; later ones succeed.
    pub fn set_next_application_upgrade_outcome(&self, outcome: ApplicationUpgradeOutcome) {
        self.gateway.applications().next_outcome = outcome;
    }

    /// The bytes of the image store file at `path` (relative to the store's root, joined
    /// with `/`: `MyAppPkg/ApplicationManifest.xml`), if there is one.
    pub fn image_store_file(&self, path: &str) -> Option<Vec<u8>> {
        self.gateway.image_store().files.get(path).map(|f| f.bytes.clone())
    }

    /// Every file path in the image store, sorted.
    pub fn image_store_paths(&self) -> Vec<String> {
        self.gateway.image_store().files.keys().cloned().collect()
    }

    /// The application named `name` (`fabric:/MyApp`) as the cluster holds it now.
    pub fn application(&self, name: &str) -> Option<ApplicationState> {
        let now = Instant::now();
        let mut apps = self.gateway.applications();
        apps.settle(now);
        apps.apps.get(name).map(|app| ApplicationState::of(app, now))
    }

    /// The provisioned application types as `(name, version)`, sorted, with those still
    /// provisioning.
    pub fn application_types(&self) -> Vec<(String, String)> {
        self.gateway.applications().types.keys().cloned().collect()
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
