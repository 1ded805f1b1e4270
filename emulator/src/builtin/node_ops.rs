//! One node, and what a client asks of it: read it, deactivate it with an intent, activate
//! it, restart it. The node's state machine is [`crate::node_state`].

use std::time::Instant;

use axum::http::StatusCode;
use axum::response::Response;

use super::{Builtin, path_value};
use crate::nodes::Node;
use crate::record::RecordedRequest;
use crate::reply;
use crate::server::Gateway;

/// The intents a deactivation takes.
const INTENTS: [&str; 4] = ["Pause", "Restart", "RemoveData", "RemoveNode"];

/// A `FabricError` of `code`, at the status the gateway gives it.
pub(super) fn fabric_error(code: &str, message: &str) -> Response {
    let status = fabric_rest_runtime::FabricErrorCode::from(code).http_status();
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    reply::error(status, code, message)
}

/// The node the request names, when the cluster has it; else the name it gave.
pub(super) fn node_of(gateway: &Gateway, builtin: Builtin, request: &RecordedRequest) -> Result<Node, String> {
    let name = path_value(gateway, builtin, request, "nodeName").unwrap_or_default();
    gateway.nodes().into_iter().find(|n| n.name == name).ok_or(name)
}

/// 404 `FABRIC_E_NODE_NOT_FOUND` for the node `name`.
pub(super) fn node_not_found(name: &str) -> Response {
    fabric_error("FABRIC_E_NODE_NOT_FOUND", &format!("Node '{name}' was not found."))
}

/// GetNodeInfo: the node as it reads now; 204 with no body when the cluster has no node
/// of that name, as the gateway answers.
pub(super) fn info(gateway: &Gateway, request: &RecordedRequest) -> Response {
    let Ok(node) = node_of(gateway, Builtin::NodeInfo, request) else {
        return reply::empty(StatusCode::NO_CONTENT);
    };
    let view = gateway.node_states().report(&node.name, Instant::now());
    let info = super::cluster::node_info(
        &node,
        &view,
        &gateway.config_version(),
        &gateway.code_version(),
        gateway.up_since(),
    );
    reply::json(StatusCode::OK, &info)
}

/// DisableNode: `{"DeactivationIntent": "Pause" | "Restart" | "RemoveData" | "RemoveNode"}`
/// (no intent: `Pause`).
pub(super) fn deactivate(gateway: &Gateway, request: &RecordedRequest) -> Response {
    let node = match node_of(gateway, Builtin::DisableNode, request) {
        Ok(node) => node,
        Err(name) => return node_not_found(&name),
    };
    let body: Option<serde_json::Value> = serde_json::from_slice(&request.body).ok();
    // No intent is a pause; an intent the service does not know is refused.
    let intent = match body.as_ref().and_then(|b| b.get("DeactivationIntent")) {
        None => Some("Pause"),
        Some(intent) => intent.as_str().filter(|i| INTENTS.contains(i)),
    };
    let Some(intent) = intent else {
        return reply::invalid_argument();
    };
    gateway.node_states().deactivate(&node.name, intent, Instant::now());
    reply::empty(StatusCode::OK)
}

/// EnableNode.
pub(super) fn activate(gateway: &Gateway, request: &RecordedRequest) -> Response {
    match node_of(gateway, Builtin::EnableNode, request) {
        Ok(node) => {
            gateway.node_states().activate(&node.name, Instant::now());
            reply::empty(StatusCode::OK)
        }
        Err(name) => node_not_found(&name),
    }
}

/// RestartNode: `{"NodeInstanceId": "<id>" | "0", "CreateFabricDump": ...}`; an instance id
/// other than `0` must be the node's current one, else 409 `FABRIC_E_INSTANCE_ID_MISMATCH`.
pub(super) fn restart(gateway: &Gateway, request: &RecordedRequest) -> Response {
    let node = match node_of(gateway, Builtin::RestartNode, request) {
        Ok(node) => node,
        Err(name) => return node_not_found(&name),
    };
    let body: Option<serde_json::Value> = serde_json::from_slice(&request.body).ok();
    let Some(asked) = body
        .as_ref()
        .and_then(|b| b.get("NodeInstanceId"))
        .and_then(|i| i.as_str())
    else {
        return reply::invalid_argument();
    };
    let now = Instant::now();
    let mut states = gateway.node_states();
    let current = states.view(&node.name, now).instance;
    if asked != "0" && asked != current.to_string() {
        return fabric_error(
            "FABRIC_E_INSTANCE_ID_MISMATCH",
            &format!("Node '{}' runs as instance {current}, not {asked}.", node.name),
        );
    }
    states.restart(&node.name, now);
    reply::empty(StatusCode::OK)
}
