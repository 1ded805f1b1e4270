//! The configuration upgrade of a standalone cluster: start, status, configuration and the
//! orchestration service's state.

use std::time::Instant;

use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;

use crate::cluster_config;
use crate::description;
use crate::query::Query;
use crate::reply;
use crate::server::Gateway;

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

pub(super) fn start(gateway: &Gateway, body: &[u8]) -> Response {
    let Ok(config) = description::cluster_config(body) else {
        return reply::invalid_argument();
    };
    match gateway.cluster().start(Instant::now(), &config) {
        Ok(()) => reply::empty(StatusCode::ACCEPTED),
        Err(message) => reply::error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "FABRIC_E_CONFIG_UPGRADE_FAILED",
            &message,
        ),
    }
}

pub(super) fn status(gateway: &Gateway) -> Response {
    match gateway.cluster().report(Instant::now()) {
        Some(status) => reply::json(StatusCode::OK, &status),
        None => reply::error(
            StatusCode::SERVICE_UNAVAILABLE,
            "FABRIC_E_RECONFIGURATION_PENDING",
            "Reconfiguration of the upgrade orchestration service is pending.",
        ),
    }
}

pub(super) fn get(gateway: &Gateway, query: &Query) -> Response {
    // The parameter is there (the description requires it); the service only knows some
    // values.
    let wanted = query.get("ConfigurationApiVersion");
    if !wanted.is_some_and(cluster_config::is_supported_api_version) {
        return reply::invalid_argument();
    }
    let text = gateway.cluster().committed(Instant::now()).text.clone();
    reply::json(
        StatusCode::OK,
        &ClusterConfiguration {
            cluster_configuration: text,
        },
    )
}

pub(super) fn service_state(gateway: &Gateway) -> Response {
    let service_state = gateway.cluster().service_state.clone();
    reply::json(StatusCode::OK, &ServiceState { service_state })
}

pub(super) fn set_service_state(gateway: &Gateway, body: &[u8]) -> Response {
    let Ok(Some(state)) = description::service_state(body) else {
        return reply::invalid_argument();
    };
    let now = Instant::now();
    let summary = {
        let mut cluster = gateway.cluster();
        cluster.service_state = state;
        let current = cluster.committed(now).version.clone();
        let target = cluster.target_version(now);
        ServiceStateSummary {
            current_code_version: gateway.code_version(),
            current_manifest_version: current.clone(),
            target_code_version: gateway.code_version(),
            pending_upgrade_type: if target.is_some() { "Config" } else { "None" }.to_owned(),
            target_manifest_version: target.unwrap_or(current),
        }
    };
    reply::json(StatusCode::OK, &summary)
}
