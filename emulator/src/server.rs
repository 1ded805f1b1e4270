//! The HTTP side: reads a request the way the gateway does, records it, and hands it to
//! [`crate::dispatch`] for an answer.
//!
//! Every request goes through one handler instead of an axum route table, because the
//! gateway answers an unknown path or a wrong method with 400 `E_INVALIDARG`, never with
//! the 404 or 405 a router would produce, and because the record must hold the request
//! exactly as it came.

use std::collections::BTreeMap;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Instant, SystemTime};

use axum::Router;
use axum::body::{Body, HttpBody};
use axum::extract::{Request, State};
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use fabric_rest_runtime::Endpoint;

use crate::applications::Applications;
use crate::backups::Backups;
use crate::builtin::Builtin;
use crate::chaos::ChaosState;
use crate::check::Route;
use crate::code_upgrade::CodeUpgrades;
use crate::fault::{self, FaultQueue};
use crate::fault_ops::FaultOps;
use crate::image_store::ImageStore;
use crate::listen::Connection;
use crate::mismatch::{Mismatch, Problem};
use crate::node_state::NodeStates;
use crate::nodes::{HealthState, Node};
use crate::query::Version;
use crate::record::{Record, RecordedRequest};
use crate::repair_tasks::RepairTasks;
use crate::reply;
use crate::script::Script;
use crate::tls::ClientCertificate;
use crate::upgrade::Cluster;

/// The gateway's cap on request bodies.
pub const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// A scripted operation.
pub(crate) struct Scripted {
    pub(crate) route: Route,
    pub(crate) script: Script,
}

/// State shared by the server and the [`crate::Emulator`] handle.
pub(crate) struct Gateway {
    /// The emulated runtime's `major.minor`.
    pub(crate) runtime: (u32, u32),
    /// The same, as the highest api-version taken.
    pub(crate) runtime_version: Version,
    pub(crate) cluster: Mutex<Cluster>,
    pub(crate) record: Mutex<Record>,
    pub(crate) faults: Mutex<FaultQueue>,
    /// Scripted operations, oldest first.
    pub(crate) scripts: Mutex<Vec<Scripted>>,
    pub(crate) builtins: Vec<(Route, Builtin)>,
    /// Whether the spec's examples answer the GETs nothing else answers.
    pub(crate) examples: bool,
    pub(crate) node_health: Mutex<BTreeMap<String, HealthState>>,
    /// When the emulator started: its nodes have been up since.
    pub(crate) started: (SystemTime, Instant),
    /// Client certificates from the configured CA are required (https only).
    pub(crate) requires_client_certificates: bool,
    /// Every request must carry `Authorization: Bearer <this>`.
    pub(crate) bearer_token: Option<String>,
    pub(crate) image_store: Mutex<ImageStore>,
    pub(crate) applications: Mutex<Applications>,
    /// The nodes' deactivations, activations and restarts.
    pub(crate) node_states: Mutex<NodeStates>,
    /// The Fault Analysis Service's operations.
    pub(crate) fault_ops: Mutex<FaultOps>,
    /// The cluster's code upgrades.
    pub(crate) code_upgrades: Mutex<CodeUpgrades>,
    /// The Repair Manager's tasks.
    pub(crate) repair_tasks: Mutex<RepairTasks>,
    /// The partitions' backups and restores.
    pub(crate) backups: Mutex<Backups>,
    /// Chaos.
    pub(crate) chaos: Mutex<ChaosState>,
}

/// Locks `mutex`; a panic elsewhere must not turn every later request into one.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

impl Gateway {
    pub(crate) fn cluster(&self) -> MutexGuard<'_, Cluster> {
        lock(&self.cluster)
    }

    pub(crate) fn image_store(&self) -> MutexGuard<'_, ImageStore> {
        lock(&self.image_store)
    }

    pub(crate) fn applications(&self) -> MutexGuard<'_, Applications> {
        lock(&self.applications)
    }

    pub(crate) fn record(&self) -> MutexGuard<'_, Record> {
        lock(&self.record)
    }

    pub(crate) fn faults(&self) -> MutexGuard<'_, FaultQueue> {
        lock(&self.faults)
    }

    pub(crate) fn scripts(&self) -> MutexGuard<'_, Vec<Scripted>> {
        lock(&self.scripts)
    }

    pub(crate) fn node_health(&self) -> MutexGuard<'_, BTreeMap<String, HealthState>> {
        lock(&self.node_health)
    }

    pub(crate) fn node_states(&self) -> MutexGuard<'_, NodeStates> {
        lock(&self.node_states)
    }

    pub(crate) fn fault_ops(&self) -> MutexGuard<'_, FaultOps> {
        lock(&self.fault_ops)
    }

    pub(crate) fn code_upgrades(&self) -> MutexGuard<'_, CodeUpgrades> {
        lock(&self.code_upgrades)
    }

    pub(crate) fn repair_tasks(&self) -> MutexGuard<'_, RepairTasks> {
        lock(&self.repair_tasks)
    }

    pub(crate) fn backups(&self) -> MutexGuard<'_, Backups> {
        lock(&self.backups)
    }

    pub(crate) fn chaos(&self) -> MutexGuard<'_, ChaosState> {
        lock(&self.chaos)
    }

    /// Records that `request` did not fit `operation`.
    pub(crate) fn mismatch(&self, request: &RecordedRequest, operation: Option<&'static Endpoint>, problem: Problem) {
        self.record().push_mismatch(Mismatch {
            request: request.clone(),
            operation,
            problem,
        });
    }

    /// The runtime's code version, as GetClusterVersion answers it.
    pub(crate) fn code_version(&self) -> String {
        format!("{}.{}.0.0", self.runtime.0, self.runtime.1)
    }

    /// The committed `clusterConfigurationVersion`.
    pub(crate) fn config_version(&self) -> String {
        self.cluster().committed(Instant::now()).version.clone()
    }

    /// The nodes of the committed ClusterConfig.
    pub(crate) fn nodes(&self) -> Vec<Node> {
        let configs = self.cluster().committed(Instant::now()).nodes.clone();
        let health = self.node_health();
        configs
            .iter()
            .enumerate()
            .map(|(i, config)| Node::new(i, config, health.get(&config.name).copied().unwrap_or_default()))
            .collect()
    }

    /// When the nodes came up (seconds since 1970) and how many seconds ago.
    pub(crate) fn up_since(&self) -> (u64, u64) {
        let at = self
            .started
            .0
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        (at, self.started.1.elapsed().as_secs())
    }

    /// The gateway's refusal of a caller, before any operation: 403 with an empty body
    /// for a missing or untrusted client certificate, 401 with an empty body for a
    /// missing or wrong bearer token.
    fn refusal(&self, connection: Option<&Connection>, request: &RecordedRequest) -> Option<Response> {
        if self.requires_client_certificates {
            match connection.map(|c| c.client_certificate) {
                Some(ClientCertificate::Trusted) => {}
                Some(ClientCertificate::Untrusted) => return Some(reply::bare(StatusCode::FORBIDDEN, None)),
                _ => return Some(reply::bare(StatusCode::FORBIDDEN, Some("Client certificate required"))),
            }
        }
        if let Some(token) = &self.bearer_token {
            let presented = request.header("authorization").and_then(|v| v.strip_prefix("Bearer "));
            if presented != Some(token.as_str()) {
                return Some(reply::bare(StatusCode::UNAUTHORIZED, None));
            }
        }
        None
    }
}

pub(crate) fn router(gateway: Arc<Gateway>) -> Router {
    Router::new().fallback(handle).with_state(gateway)
}

async fn handle(State(gateway): State<Arc<Gateway>>, request: Request) -> Response {
    let connection = request.extensions().get::<Arc<Connection>>().cloned();
    let (parts, body) = request.into_parts();
    let mut recorded = RecordedRequest {
        method: parts.method.as_str().to_owned(),
        target: target(&parts.uri),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().map(str::to_owned),
        headers: parts
            .headers
            .iter()
            .map(|(name, value)| {
                let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                (name.as_str().to_owned(), value)
            })
            .collect(),
        body: Vec::new(),
    };
    // A caller the gateway refuses does not get its body read, as the gateway's
    // authentication answers before the operation reads anything.
    if let Some(refusal) = gateway.refusal(connection.as_deref(), &recorded) {
        gateway.record().push(recorded);
        return refusal;
    }
    let (body, too_large) = read_capped(body).await;
    recorded.body = body;
    gateway.record().push(recorded.clone());
    let next_fault = gateway.faults().next();
    if let Some(fault) = next_fault
        && let Some(response) = fault::apply(fault, connection.as_deref()).await
    {
        return response;
    }
    crate::dispatch::answer(&gateway, &recorded, too_large, connection.as_deref()).await
}

/// The request target as it was on the request line.
fn target(uri: &Uri) -> String {
    match (uri.scheme(), uri.path_and_query()) {
        (None, Some(path_and_query)) => path_and_query.as_str().to_owned(),
        _ => uri.to_string(),
    }
}

/// Reads at most the gateway's cap, and says whether the body went past it.
async fn read_capped(mut body: Body) -> (Vec<u8>, bool) {
    let mut bytes = Vec::new();
    loop {
        let frame = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await;
        let Some(Ok(frame)) = frame else {
            // The end, or a client that went away mid-body: answer what arrived.
            return (bytes, false);
        };
        if let Ok(data) = frame.into_data() {
            let room = MAX_BODY_BYTES - bytes.len();
            if data.len() > room {
                bytes.extend_from_slice(&data[..room]);
                return (bytes, true);
            }
            bytes.extend_from_slice(&data);
        }
    }
}
