//! A partition's backup on demand and restore over HTTP, over the Backup Restore Service
//! of [`crate::backups`].

use std::time::Instant;

use axum::http::StatusCode;
use axum::response::Response;

use super::Builtin;
use super::node_ops::fabric_error;
use super::path_value;
use crate::backups::Transfer;
use crate::record::RecordedRequest;
use crate::reply;
use crate::server::Gateway;

/// BackupPartition and RestorePartition: 202.
pub(super) fn start(gateway: &Gateway, builtin: Builtin, transfer: Transfer, request: &RecordedRequest) -> Response {
    let partition = path_value(gateway, builtin, request, "partitionId").unwrap_or_default();
    match gateway.backups().start(&partition, transfer, Instant::now()) {
        Ok(()) => reply::empty(StatusCode::ACCEPTED),
        Err(code) => fabric_error(code, "An operation is already in progress on the partition."),
    }
}

/// GetPartitionBackupProgress and GetPartitionRestoreProgress.
pub(super) fn progress(gateway: &Gateway, builtin: Builtin, transfer: Transfer, request: &RecordedRequest) -> Response {
    let partition = path_value(gateway, builtin, request, "partitionId").unwrap_or_default();
    let progress = gateway.backups().report(&partition, transfer, Instant::now());
    reply::json(StatusCode::OK, &progress)
}
