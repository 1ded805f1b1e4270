//! Backups themselves: what a backup is, taking one on demand, restoring one, and following
//! both.

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::{open_enum, wire_struct};

use super::{BackupEntity, BackupStorageDescription, BackupTimeFilter};
use crate::common::{Epoch, PartitionInformation, Timestamp};

open_enum! {
    /// Whether a backup is full or incremental.
    pub enum BackupType {
        Invalid = "Invalid",
        Full = "Full",
        Incremental = "Incremental",
    }
}

wire_struct! {
    /// Why a backup or restore failed: a gateway error code and message.
    pub struct FabricErrorError {
        /// The error code, such as `FABRIC_E_BACKUP_IN_PROGRESS`.
        "Code" code: String,
        /// What went wrong.
        "Message" message: Option<String>,
    }
}

wire_struct! {
    /// One backup of a partition (GetPartitionBackupList, GetBackupsFromBackupLocation, ...).
    pub struct BackupInfo {
        /// The backup's id (a GUID).
        "BackupId" backup_id: Option<String>,
        /// The id of the chain of a full backup and its incremental ones.
        "BackupChainId" backup_chain_id: Option<String>,
        /// The application's name.
        "ApplicationName" application_name: Option<String>,
        /// The service's name.
        "ServiceName" service_name: Option<String>,
        /// The partition it was taken of.
        "PartitionInformation" partition_information: Option<PartitionInformation>,
        /// Where the backup is, relative to the store's root.
        "BackupLocation" backup_location: Option<String>,
        /// Full or incremental.
        "BackupType" backup_type: Option<BackupType>,
        /// The epoch of the last record it holds.
        "EpochOfLastBackupRecord" epoch_of_last_backup_record: Option<Epoch>,
        /// The sequence number of the last record it holds (64-bit, written as a string).
        "LsnOfLastBackupRecord" lsn_of_last_backup_record: Option<Int64>,
        /// When it was taken.
        "CreationTimeUtc" creation_time_utc: Option<Timestamp>,
        /// The service manifest version of the service when it was taken.
        "ServiceManifestVersion" service_manifest_version: Option<String>,
        /// Why listing this backup failed, when it did.
        "FailureError" failure_error: Option<FabricErrorError>,
    }
}

open_enum! {
    /// Where a backup on demand stands.
    pub enum BackupState {
        Invalid = "Invalid",
        Accepted = "Accepted",
        BackupInProgress = "BackupInProgress",
        Success = "Success",
        Failure = "Failure",
        Timeout = "Timeout",
    }
}

wire_struct! {
    /// The progress of a backup on demand (GetPartitionBackupProgress).
    pub struct BackupProgressInfo {
        /// Where it stands; `Success`, `Failure` and `Timeout` are final.
        "BackupState" backup_state: Option<BackupState>,
        /// When it reached that state.
        "TimeStampUtc" time_stamp_utc: Option<Timestamp>,
        /// The backup's id.
        "BackupId" backup_id: Option<String>,
        /// Where the backup is, relative to the store's root.
        "BackupLocation" backup_location: Option<String>,
        /// The epoch of the last record it holds.
        "EpochOfLastBackupRecord" epoch_of_last_backup_record: Option<Epoch>,
        /// The sequence number of the last record it holds.
        "LsnOfLastBackupRecord" lsn_of_last_backup_record: Option<Int64>,
        /// Why it failed, when it did.
        "FailureError" failure_error: Option<FabricErrorError>,
    }
}

open_enum! {
    /// Where a restore stands.
    pub enum RestoreState {
        Invalid = "Invalid",
        Accepted = "Accepted",
        RestoreInProgress = "RestoreInProgress",
        Success = "Success",
        Failure = "Failure",
        Timeout = "Timeout",
    }
}

wire_struct! {
    /// The progress of a restore (GetPartitionRestoreProgress).
    pub struct RestoreProgressInfo {
        /// Where it stands; `Success`, `Failure` and `Timeout` are final.
        "RestoreState" restore_state: Option<RestoreState>,
        /// When it reached that state.
        "TimeStampUtc" time_stamp_utc: Option<Timestamp>,
        /// The epoch the partition was restored to.
        "RestoredEpoch" restored_epoch: Option<Epoch>,
        /// The sequence number the partition was restored to.
        "RestoredLsn" restored_lsn: Option<Int64>,
        /// Why it failed, when it did.
        "FailureError" failure_error: Option<FabricErrorError>,
    }
}

wire_struct! {
    /// Where a backup on demand goes (BackupPartition); the partition's policy's store when
    /// left out.
    pub struct BackupPartitionDescription {
        /// The store to back up to.
        "BackupStorage" backup_storage: Option<BackupStorageDescription>,
    }
}

impl BackupPartitionDescription {
    /// Back up to `storage` instead of the store of the partition's policy.
    pub fn to_storage(storage: impl Into<BackupStorageDescription>) -> BackupPartitionDescription {
        BackupPartitionDescription {
            backup_storage: Some(storage.into()),
            unknown_fields: Default::default(),
        }
    }
}

wire_struct! {
    /// Which backup to restore a partition from (RestorePartition).
    pub struct RestorePartitionDescription {
        /// The backup's id.
        "BackupId" backup_id: String,
        /// Where the backup is, relative to the store's root.
        "BackupLocation" backup_location: String,
        /// The store holding it; the partition's policy's store when left out.
        "BackupStorage" backup_storage: Option<BackupStorageDescription>,
    }
}

impl RestorePartitionDescription {
    /// Restore the backup `backup_id` found at `backup_location` (both as a backup list
    /// gives them).
    pub fn new(backup_id: impl Into<String>, backup_location: impl Into<String>) -> RestorePartitionDescription {
        RestorePartitionDescription {
            backup_id: backup_id.into(),
            backup_location: backup_location.into(),
            backup_storage: None,
            unknown_fields: Default::default(),
        }
    }

    /// Sets the store holding the backup.
    pub fn with_backup_storage(mut self, storage: impl Into<BackupStorageDescription>) -> Self {
        self.backup_storage = Some(storage.into());
        self
    }
}

wire_struct! {
    /// Which backups of an entity to list from a store (GetBackupsFromBackupLocation).
    pub struct GetBackupByStorageQueryDescription {
        /// Only backups taken at or after this moment.
        "StartDateTimeFilter" start_date_time_filter: Option<BackupTimeFilter>,
        /// Only backups taken at or before this moment.
        "EndDateTimeFilter" end_date_time_filter: Option<BackupTimeFilter>,
        /// Only the latest backup of each partition.
        "Latest" latest: Option<bool>,
        /// The store to list.
        "Storage" storage: BackupStorageDescription,
        /// The application, service or partition whose backups to list.
        "BackupEntity" backup_entity: BackupEntity,
    }
}

impl GetBackupByStorageQueryDescription {
    /// Every backup of `entity` in `storage`.
    pub fn new(
        storage: impl Into<BackupStorageDescription>,
        entity: BackupEntity,
    ) -> GetBackupByStorageQueryDescription {
        GetBackupByStorageQueryDescription {
            start_date_time_filter: None,
            end_date_time_filter: None,
            latest: None,
            storage: storage.into(),
            backup_entity: entity,
            unknown_fields: Default::default(),
        }
    }

    /// Only backups taken between `start` and `end` (either may be open).
    pub fn between(mut self, start: Option<BackupTimeFilter>, end: Option<BackupTimeFilter>) -> Self {
        self.start_date_time_filter = start;
        self.end_date_time_filter = end;
        self
    }

    /// Only the latest backup of each partition.
    pub fn latest_only(mut self) -> Self {
        self.latest = Some(true);
        self
    }
}
