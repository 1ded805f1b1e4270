//! The HTTP side: reads a request the way the gateway does, records it, and answers.
//!
//! Every request goes through one handler instead of an axum route table, because the
//! gateway answers an unknown path or a wrong method with 400 `E_INVALIDARG`, never with
//! the 404 or 405 a router would produce, and because the record must hold the request
//! exactly as it came.

use std::collections::VecDeque;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use axum::Router;
use axum::body::{Body, HttpBody};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::Response;
use hyper::ext::ReasonPhrase;
use serde::Serialize;
use serde_json::Value;

use crate::cluster_config;
use crate::description;
use crate::fault::{self, Fault, FaultQueue};
use crate::listen::Connection;
use crate::query::{self, Query, Version};
use crate::record::RecordedRequest;
use crate::tls::ClientCertificate;
use crate::upgrade::Cluster;

/// The gateway's cap on request bodies.
pub const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// State shared by the server and the [`crate::Emulator`] handle.
pub(crate) struct Gateway {
    pub(crate) runtime: Version,
    pub(crate) cluster: Mutex<Cluster>,
    pub(crate) requests: Mutex<Record>,
    pub(crate) faults: Mutex<FaultQueue>,
    /// Client certificates from the configured CA are required (https only).
    pub(crate) requires_client_certificates: bool,
    /// Every request must carry `Authorization: Bearer <this>`.
    pub(crate) bearer_token: Option<String>,
}

impl Gateway {
    pub(crate) fn cluster(&self) -> MutexGuard<'_, Cluster> {
        // A panic elsewhere must not turn every later request into one.
        self.cluster.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn requests(&self) -> MutexGuard<'_, Record> {
        self.requests.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn faults(&self) -> MutexGuard<'_, FaultQueue> {
        self.faults.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The gateway's refusal of a caller, before any operation: 403 with an empty body
    /// for a missing or untrusted client certificate, 401 with an empty body for a
    /// missing or wrong bearer token.
    fn refusal(&self, connection: Option<&Connection>, request: &RecordedRequest) -> Option<Response> {
        if self.requires_client_certificates {
            match connection.map(|c| c.client_certificate) {
                Some(ClientCertificate::Trusted) => {}
                Some(ClientCertificate::Untrusted) => return Some(bare(StatusCode::FORBIDDEN, None)),
                _ => return Some(bare(StatusCode::FORBIDDEN, Some("Client certificate required"))),
            }
        }
        if let Some(token) = &self.bearer_token {
            let presented = request.header("authorization").and_then(|v| v.strip_prefix("Bearer "));
            if presented != Some(token.as_str()) {
                return Some(bare(StatusCode::UNAUTHORIZED, None));
            }
        }
        None
    }
}

/// The last requests received, at most `limit` of them: a long test or a busy emulator
/// binary keeps a bounded record.
pub(crate) struct Record {
    pub(crate) requests: VecDeque<RecordedRequest>,
    pub(crate) limit: usize,
}

impl Record {
    pub(crate) fn new(limit: usize) -> Record {
        Record {
            requests: VecDeque::new(),
            limit,
        }
    }

    fn push(&mut self, request: RecordedRequest) {
        if self.limit == 0 {
            return;
        }
        if self.requests.len() == self.limit {
            self.requests.pop_front();
        }
        self.requests.push_back(request);
    }
}

pub(crate) fn router(gateway: Arc<Gateway>) -> Router {
    Router::new().fallback(handle).with_state(gateway)
}

/// The operations the emulator serves.
enum Operation {
    StartUpgrade,
    UpgradeStatus,
    GetConfiguration,
    GetServiceState,
    SetServiceState,
}

fn operation(method: &str, path: &str) -> Option<Operation> {
    Some(match (method, path) {
        ("POST", "/$/StartClusterConfigurationUpgrade") => Operation::StartUpgrade,
        ("GET", "/$/GetClusterConfigurationUpgradeStatus") => Operation::UpgradeStatus,
        ("GET", "/$/GetClusterConfiguration") => Operation::GetConfiguration,
        ("GET", "/$/GetUpgradeOrchestrationServiceState") => Operation::GetServiceState,
        ("POST", "/$/SetUpgradeOrchestrationServiceState") => Operation::SetServiceState,
        _ => return None,
    })
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
        gateway.requests().push(recorded);
        return refusal;
    }
    let (body, too_large) = read_capped(body).await;
    recorded.body = body;
    gateway.requests().push(recorded.clone());
    let next_fault = gateway.faults().next();
    match next_fault {
        None => {}
        Some(Fault::Delay(delay)) => tokio::time::sleep(delay).await,
        Some(Fault::ResetConnection) => {
            if let Some(connection) = &connection {
                connection.reset.notify_one();
                // The connection task drops this handler with the connection.
                std::future::pending::<()>().await;
            }
        }
        Some(Fault::Unavailable { code, retry_after }) => {
            let mut response = error(
                StatusCode::SERVICE_UNAVAILABLE,
                &code,
                "The service is temporarily unavailable; retry later.",
            );
            if let Some(seconds) = retry_after {
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
            }
            return response;
        }
        Some(Fault::GatewayTimeout) => {
            return error(StatusCode::GATEWAY_TIMEOUT, "FABRIC_E_TIMEOUT", "Operation timed out.");
        }
        Some(Fault::BadGatewayHtml) => return fault::bad_gateway_html(),
        Some(Fault::TruncatedBody) => return fault::truncated_body(),
        Some(Fault::EndlessBody) => return fault::endless_body(),
    }
    answer(&gateway, &recorded, too_large)
}

/// A status with an empty body and no content type, as the gateway's authentication
/// sends it; `reason` replaces the standard reason phrase.
fn bare(status: StatusCode, reason: Option<&'static str>) -> Response {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = status;
    if let Some(reason) = reason {
        response
            .extensions_mut()
            .insert(ReasonPhrase::from_static(reason.as_bytes()));
    }
    response
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

fn answer(gateway: &Gateway, request: &RecordedRequest, too_large: bool) -> Response {
    let Some(operation) = operation(&request.method, &request.path) else {
        return invalid_argument();
    };
    let query = Query::parse(request.query.as_deref());
    let api_version_ok = query
        .get("api-version")
        .is_some_and(|v| query::api_version_accepted(v, gateway.runtime));
    if !api_version_ok {
        return invalid_argument();
    }
    if too_large {
        return error(
            StatusCode::PAYLOAD_TOO_LARGE,
            "FABRIC_E_VALUE_TOO_LARGE",
            "The request body exceeds the maximum of 4194304 bytes.",
        );
    }
    if query::server_timeout(query.get("timeout")) == 0 {
        return error(StatusCode::GATEWAY_TIMEOUT, "FABRIC_E_TIMEOUT", "Operation timed out.");
    }
    let now = Instant::now();
    match operation {
        Operation::StartUpgrade => {
            let Ok(config) = description::cluster_config(&request.body) else {
                return invalid_argument();
            };
            match gateway.cluster().start(now, &config) {
                Ok(()) => empty(StatusCode::ACCEPTED),
                Err(message) => error(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "FABRIC_E_CONFIG_UPGRADE_FAILED",
                    &message,
                ),
            }
        }
        Operation::UpgradeStatus => match gateway.cluster().report(now) {
            Some(status) => json(StatusCode::OK, &status),
            None => error(
                StatusCode::SERVICE_UNAVAILABLE,
                "FABRIC_E_RECONFIGURATION_PENDING",
                "Reconfiguration of the upgrade orchestration service is pending.",
            ),
        },
        Operation::GetConfiguration => {
            let wanted = query.get("ConfigurationApiVersion");
            if !wanted.is_some_and(cluster_config::is_supported_api_version) {
                return invalid_argument();
            }
            let text = gateway.cluster().committed(now).text.clone();
            json(
                StatusCode::OK,
                &ClusterConfiguration {
                    cluster_configuration: text,
                },
            )
        }
        Operation::GetServiceState => {
            let service_state = gateway.cluster().service_state.clone();
            json(StatusCode::OK, &ServiceState { service_state })
        }
        Operation::SetServiceState => {
            let state = serde_json::from_slice::<Value>(&request.body)
                .ok()
                .and_then(|v| v.get("ServiceState")?.as_str().map(str::to_owned));
            let Some(state) = state else {
                return invalid_argument();
            };
            let summary = {
                let mut cluster = gateway.cluster();
                cluster.service_state = state;
                let current = cluster.committed(now).version.clone();
                let target = cluster.target_version(now);
                ServiceStateSummary {
                    current_code_version: code_version(gateway.runtime),
                    current_manifest_version: current.clone(),
                    target_code_version: code_version(gateway.runtime),
                    pending_upgrade_type: if target.is_some() { "Config" } else { "None" }.to_owned(),
                    target_manifest_version: target.unwrap_or(current),
                }
            };
            json(StatusCode::OK, &summary)
        }
    }
}

fn code_version(runtime: Version) -> String {
    format!("{}.{}.0.0", runtime.major, runtime.minor)
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct ClusterConfiguration {
    cluster_configuration: String,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct ServiceState {
    service_state: String,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct ServiceStateSummary {
    current_code_version: String,
    current_manifest_version: String,
    target_code_version: String,
    target_manifest_version: String,
    pending_upgrade_type: String,
}

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

const JSON: &str = "application/json; charset=utf-8";

fn with_body(status: StatusCode, body: Vec<u8>) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(JSON));
    response
}

fn empty(status: StatusCode) -> Response {
    with_body(status, Vec::new())
}

fn json<T: Serialize>(status: StatusCode, value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => with_body(status, body),
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, "E_FAIL", "Null"),
    }
}

/// A `FabricError` response whose HTTP reason phrase is the code, as the gateway sends it.
fn error(status: StatusCode, code: &str, message: &str) -> Response {
    let body = FabricError {
        error: FabricErrorBody { code, message },
    };
    let mut response = with_body(status, serde_json::to_vec(&body).unwrap_or_default());
    if let Ok(reason) = ReasonPhrase::try_from(code.as_bytes()) {
        response.extensions_mut().insert(reason);
    }
    response
}

fn invalid_argument() -> Response {
    error(StatusCode::BAD_REQUEST, "E_INVALIDARG", "Invalid argument")
}
