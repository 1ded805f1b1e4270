//! Chaos over HTTP: StartChaos, GetChaos, StopChaos, over [`crate::chaos`].

use std::time::Instant;

use axum::http::StatusCode;
use axum::response::Response;

use super::node_ops::fabric_error;
use crate::reply;
use crate::server::Gateway;

/// StartChaos: 200, or `FABRIC_E_CHAOS_ALREADY_RUNNING` while a run is under way.
pub(super) fn start(gateway: &Gateway, body: &[u8]) -> Response {
    let Ok(parameters) = serde_json::from_slice::<serde_json::Value>(body) else {
        return reply::invalid_argument();
    };
    if gateway.chaos().start(parameters, Instant::now()) {
        reply::empty(StatusCode::OK)
    } else {
        fabric_error("FABRIC_E_CHAOS_ALREADY_RUNNING", "Chaos is already running.")
    }
}

/// GetChaos.
pub(super) fn get(gateway: &Gateway) -> Response {
    let chaos = gateway.chaos().report(Instant::now());
    reply::json(StatusCode::OK, &chaos)
}

/// StopChaos: 200, whether or not Chaos ran.
pub(super) fn stop(gateway: &Gateway) -> Response {
    gateway.chaos().stop(Instant::now());
    reply::empty(StatusCode::OK)
}
