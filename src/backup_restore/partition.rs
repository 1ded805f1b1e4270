//! Backing up and restoring one partition: periodic backup, backups on demand, restores.

use crate::models::{
    BackupInfo, BackupPartitionDescription, BackupProgressInfo, BackupTimeFilter, DisableBackupDescription,
    EnableBackupDescription, Paged, PartitionBackupConfigurationInfo, RestorePartitionDescription, RestoreProgressInfo,
};
use crate::{Accepted, Result, ServerTimeout, Transport, fabric_endpoint};

/// Backups of one stateful partition, and restoring it from one.
///
/// Implemented for every [`Transport`]. `partition_id` is the partition's id (a GUID).
///
/// A backup on demand ([`backup_partition`](Self::backup_partition)) and a restore
/// ([`restore_partition`](Self::restore_partition)) answer `202 Accepted` at once and run in
/// the cluster; follow them with [`get_partition_backup_progress`](Self::get_partition_backup_progress)
/// and [`get_partition_restore_progress`](Self::get_partition_restore_progress) until the
/// state is `Success`, `Failure` or `Timeout`. Right after the start the progress can still
/// be the previous run's.
pub trait PartitionBackup: Transport {
    /// Backs up the partition with a backup policy
    /// (`POST /Partitions/{partitionId}/$/EnableBackup`).
    #[fabric_endpoint(POST, "/Partitions/{partitionId}/$/EnableBackup", api_version = "6.4")]
    async fn enable_partition_backup(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[query] timeout: Option<ServerTimeout>,
        #[body] description: &EnableBackupDescription,
    ) -> Result<Accepted>;

    /// Stops backing up the partition by its own policy; with `clean_backup`, deletes its
    /// backups too (`POST /Partitions/{partitionId}/$/DisableBackup`).
    #[fabric_endpoint(POST, "/Partitions/{partitionId}/$/DisableBackup", api_version = "6.4")]
    async fn disable_partition_backup(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[query] timeout: Option<ServerTimeout>,
        #[body] description: Option<&DisableBackupDescription>,
    ) -> Result<Accepted>;

    /// The partition's backup configuration
    /// (`GET /Partitions/{partitionId}/$/GetBackupConfigurationInfo`).
    #[fabric_endpoint(GET, "/Partitions/{partitionId}/$/GetBackupConfigurationInfo", api_version = "6.4")]
    async fn get_partition_backup_configuration_info(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<PartitionBackupConfigurationInfo>;

    /// The partition's backups, between `start` and `end` or only the latest
    /// (`GET /Partitions/{partitionId}/$/GetBackups`). The gateway answers one page.
    #[fabric_endpoint(GET, "/Partitions/{partitionId}/$/GetBackups", api_version = "6.4")]
    async fn get_partition_backup_list(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[query] timeout: Option<ServerTimeout>,
        #[query("Latest", default = false)] latest: Option<bool>,
        #[query("StartDateTimeFilter")] start: Option<&BackupTimeFilter>,
        #[query("EndDateTimeFilter")] end: Option<&BackupTimeFilter>,
    ) -> Result<Paged<BackupInfo>>;

    /// Suspends the partition's periodic backups until resumed
    /// (`POST /Partitions/{partitionId}/$/SuspendBackup`).
    #[fabric_endpoint(POST, "/Partitions/{partitionId}/$/SuspendBackup", api_version = "6.4")]
    async fn suspend_partition_backup(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Accepted>;

    /// Resumes the partition's suspended periodic backups
    /// (`POST /Partitions/{partitionId}/$/ResumeBackup`).
    #[fabric_endpoint(POST, "/Partitions/{partitionId}/$/ResumeBackup", api_version = "6.4")]
    async fn resume_partition_backup(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Accepted>;

    /// Takes a backup of the partition now, into `description`'s store or its policy's
    /// (`POST /Partitions/{partitionId}/$/Backup`). `backup_timeout` is how many minutes
    /// the backup may take (10 when `None`).
    #[fabric_endpoint(POST, "/Partitions/{partitionId}/$/Backup", api_version = "6.4")]
    async fn backup_partition(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[body] description: Option<&BackupPartitionDescription>,
        #[query("BackupTimeout", default = 10)] backup_timeout: Option<u32>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Accepted>;

    /// The progress of the partition's latest backup on demand
    /// (`GET /Partitions/{partitionId}/$/GetBackupProgress`).
    #[fabric_endpoint(GET, "/Partitions/{partitionId}/$/GetBackupProgress", api_version = "6.4")]
    async fn get_partition_backup_progress(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<BackupProgressInfo>;

    /// Restores the partition from a backup, or with `latest` from its latest backup
    /// (`POST /Partitions/{partitionId}/$/Restore`). `restore_timeout` is how many minutes
    /// the restore may take (10 when `None`).
    #[fabric_endpoint(POST, "/Partitions/{partitionId}/$/Restore", api_version = "6.4")]
    async fn restore_partition(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[body] description: Option<&RestorePartitionDescription>,
        #[query("Latest", default = false)] latest: Option<bool>,
        #[query("RestoreTimeout", default = 10)] restore_timeout: Option<u32>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Accepted>;

    /// Tells a partition that lost data not to restore its latest backup by itself this
    /// time (`POST /Partitions/{partitionId}/$/SkipAutoRestore`).
    #[fabric_endpoint(
        POST,
        "/Partitions/{partitionId}/$/SkipAutoRestore",
        api_version = "9.1",
        operation = "SkipRestorePartition"
    )]
    async fn skip_restore_partition(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[query("RestoreTimeout", default = 10)] restore_timeout: Option<u32>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Accepted>;

    /// The progress of the partition's latest restore
    /// (`GET /Partitions/{partitionId}/$/GetRestoreProgress`).
    #[fabric_endpoint(GET, "/Partitions/{partitionId}/$/GetRestoreProgress", api_version = "6.4")]
    async fn get_partition_restore_progress(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<RestoreProgressInfo>;
}

impl<T: Transport> PartitionBackup for T {}
