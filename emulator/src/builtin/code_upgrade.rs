//! The cluster's code upgrade over HTTP: provision, start, progress and
//! MoveToNextUpgradeDomain, over the state machine of [`crate::code_upgrade`].

use std::time::Instant;

use axum::http::StatusCode;
use axum::response::Response;
use serde_json::Value;

use super::node_ops::fabric_error;
use crate::code_upgrade::Refusal;
use crate::reply;
use crate::server::Gateway;

/// The string field `key` of a JSON body.
fn field<'a>(body: &'a Option<Value>, key: &str) -> Option<&'a str> {
    body.as_ref()?.get(key)?.as_str()
}

fn refused((code, message): Refusal) -> Response {
    fabric_error(code, &message)
}

/// The upgrade domains of the cluster's nodes, in order.
fn domains(gateway: &Gateway) -> Vec<String> {
    let mut domains: Vec<String> = gateway.nodes().into_iter().map(|n| n.upgrade_domain).collect();
    domains.sort();
    domains.dedup();
    domains
}

/// ProvisionCluster: `{"CodeFilePath": ..., "ClusterManifestFilePath": ...}`; 200.
pub(super) fn provision(gateway: &Gateway, body: &[u8]) -> Response {
    let body: Option<Value> = serde_json::from_slice(body).ok();
    let code = field(&body, "CodeFilePath");
    let manifest = field(&body, "ClusterManifestFilePath");
    match gateway.code_upgrades().provision(code, manifest) {
        Ok(()) => reply::empty(StatusCode::OK),
        Err(refusal) => refused(refusal),
    }
}

/// StartClusterUpgrade: `{"CodeVersion", "ConfigVersion", "RollingUpgradeMode", ...}`; 202.
pub(super) fn start(gateway: &Gateway, body: &[u8]) -> Response {
    let body: Option<Value> = serde_json::from_slice(body).ok();
    let mode = field(&body, "RollingUpgradeMode").unwrap_or("UnmonitoredAuto");
    if !["UnmonitoredAuto", "UnmonitoredManual", "Monitored"].contains(&mode) {
        return reply::invalid_argument();
    }
    let domains = domains(gateway);
    let started = gateway.code_upgrades().start(
        Instant::now(),
        field(&body, "CodeVersion"),
        field(&body, "ConfigVersion"),
        mode,
        &domains,
    );
    match started {
        Ok(()) => reply::empty(StatusCode::ACCEPTED),
        Err(refusal) => refused(refusal),
    }
}

/// GetClusterUpgradeProgress.
pub(super) fn progress(gateway: &Gateway) -> Response {
    let progress = gateway.code_upgrades().report(Instant::now());
    reply::json(StatusCode::OK, &progress)
}

/// ResumeClusterUpgrade (MoveToNextUpgradeDomain): `{"UpgradeDomain": "UD1"}`; 200.
pub(super) fn move_to_next(gateway: &Gateway, body: &[u8]) -> Response {
    let body: Option<Value> = serde_json::from_slice(body).ok();
    let Some(domain) = field(&body, "UpgradeDomain") else {
        return reply::invalid_argument();
    };
    match gateway.code_upgrades().move_to(Instant::now(), domain) {
        Ok(()) => reply::empty(StatusCode::OK),
        Err(refusal) => refused(refusal),
    }
}
