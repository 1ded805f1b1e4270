//! The fault operations' starts, progress reads and cancellation, over the Fault Analysis
//! Service of [`crate::fault_ops`].

use std::time::Instant;

use axum::http::StatusCode;
use axum::response::Response;

use super::Builtin;
use super::node_ops::{fabric_error, node_not_found, node_of};
use super::path_value;
use crate::fault_ops::{FaultKind, FaultRead, Refusal};
use crate::query::Query;
use crate::record::RecordedRequest;
use crate::reply;
use crate::server::Gateway;

/// The answer of a refused call about operation `id`.
fn refusal(refusal: Refusal, id: &str) -> Response {
    match refusal {
        Refusal::AlreadyExists => fabric_error(
            "FABRIC_E_TEST_COMMAND_OPERATION_ID_ALREADY_EXISTS",
            &format!("An operation with id {id} already exists."),
        ),
        Refusal::NotFound => fabric_error("FABRIC_E_KEY_NOT_FOUND", &format!("No operation has id {id}.")),
        Refusal::ForceFirst => reply::error(
            StatusCode::BAD_REQUEST,
            "E_INVALIDARG",
            "A forced cancellation needs a cancellation without force first.",
        ),
        Refusal::AnswerLost => fabric_error("FABRIC_E_SERVICE_TOO_BUSY", "The service is busy."),
    }
}

/// Whether `id` is a GUID, as the service reads one.
fn is_guid(id: &str) -> bool {
    let hex = id.trim_start_matches('{').trim_end_matches('}').replace('-', "");
    hex.len() == 32 && hex.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The operation id of the query, when it is a GUID.
fn operation_id(query: &Query) -> Option<&str> {
    query.get("OperationId").filter(|id| is_guid(id))
}

/// StartDataLoss, StartQuorumLoss, StartPartitionRestart, StartNodeTransition: 202.
pub(super) fn start(gateway: &Gateway, kind: FaultKind, request: &RecordedRequest, query: &Query) -> Response {
    let builtin = Builtin::FaultStart(kind);
    let Some(id) = operation_id(query) else {
        return reply::invalid_argument();
    };
    let (target, detail) = if kind == FaultKind::NodeTransition {
        let node = match node_of(gateway, builtin, request) {
            Ok(node) => node,
            Err(name) => return node_not_found(&name),
        };
        let instance = gateway.node_states().view(&node.name, Instant::now()).instance;
        if query.get("NodeInstanceId") != Some(instance.to_string().as_str()) {
            return fabric_error(
                "FABRIC_E_INSTANCE_ID_MISMATCH",
                &format!("Node '{}' runs as instance {instance}.", node.name),
            );
        }
        (node.name, instance.to_string())
    } else {
        let service = path_value(gateway, builtin, request, "serviceId").unwrap_or_default();
        let partition = path_value(gateway, builtin, request, "partitionId").unwrap_or_default();
        (service, partition)
    };
    match gateway.fault_ops().start(kind, id, &target, &detail) {
        Ok(()) => reply::empty(StatusCode::ACCEPTED),
        Err(refused) => refusal(refused, id),
    }
}

/// GetDataLossProgress, GetQuorumLossProgress, GetPartitionRestartProgress,
/// GetNodeTransitionProgress.
pub(super) fn progress(gateway: &Gateway, kind: FaultKind, query: &Query) -> Response {
    let Some(id) = operation_id(query) else {
        return reply::invalid_argument();
    };
    match gateway.fault_ops().progress(kind, id) {
        Ok(read) => reply::json(StatusCode::OK, &progress_body(&read)),
        Err(refused) => refusal(refused, id),
    }
}

/// `{"State": ..., "<Kind>Result": {...}}`, the result once there is one.
fn progress_body(read: &FaultRead) -> serde_json::Value {
    let mut body = serde_json::json!({"State": read.state});
    let Some(error_code) = read.error_code else {
        return body;
    };
    let (name, result) = match read.kind {
        FaultKind::NodeTransition => (
            "NodeTransitionResult",
            serde_json::json!({"ErrorCode": error_code, "NodeResult": {"NodeName": read.target, "NodeInstanceId": read.detail}}),
        ),
        kind => {
            let name = match kind {
                FaultKind::DataLoss => "InvokeDataLossResult",
                FaultKind::QuorumLoss => "InvokeQuorumLossResult",
                _ => "RestartPartitionResult",
            };
            let service = format!("fabric:/{}", read.target.replace('~', "/"));
            let partition = serde_json::json!({"ServiceName": service, "PartitionId": read.detail});
            (
                name,
                serde_json::json!({"ErrorCode": error_code, "SelectedPartition": partition}),
            )
        }
    };
    body[name] = result;
    body
}

/// CancelOperation: 200, empty.
pub(super) fn cancel(gateway: &Gateway, query: &Query) -> Response {
    let Some(id) = operation_id(query) else {
        return reply::invalid_argument();
    };
    let force = query.get("Force").is_some_and(|f| f.eq_ignore_ascii_case("true"));
    match gateway.fault_ops().cancel(id, force) {
        Ok(()) => reply::empty(StatusCode::OK),
        Err(refused) => refusal(refused, id),
    }
}
