//! Repair tasks over HTTP: CreateRepairTask and GetRepairTaskList, over the Repair Manager
//! of [`crate::repair_tasks`].

use std::time::Instant;

use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use super::node_ops::fabric_error;
use crate::query::Query;
use crate::reply;
use crate::server::Gateway;

/// CreateRepairTask: 200 `{"Version": "1"}`.
pub(super) fn create(gateway: &Gateway, body: &[u8]) -> Response {
    let Ok(body) = serde_json::from_slice::<Value>(body) else {
        return reply::invalid_argument();
    };
    match gateway.repair_tasks().create(body, Instant::now()) {
        Ok(()) => reply::json(StatusCode::OK, &json!({"Version": "1"})),
        Err(code) => fabric_error(code, "The repair task cannot be created."),
    }
}

/// GetRepairTaskList: the tasks whose id starts with `TaskIdFilter` (all without one).
pub(super) fn list(gateway: &Gateway, query: &Query) -> Response {
    let prefix = query.get("TaskIdFilter").unwrap_or("");
    let tasks = gateway.repair_tasks().list(prefix, Instant::now());
    reply::json(StatusCode::OK, &tasks)
}
