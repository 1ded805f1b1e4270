//! Periodic backup of a service's partitions.

use crate::models::{
    BackupConfigurationInfo, BackupInfo, BackupTimeFilter, DisableBackupDescription, EnableBackupDescription, Paged,
};
use crate::paging::{self, Stream};
use crate::{Accepted, Result, ServerTimeout, Transport, fabric_endpoint};

/// Backups of a stateful service: every partition, unless a partition says otherwise. A
/// service's own policy overrides its application's.
///
/// Implemented for every [`Transport`]. `service_id` is the service's name without
/// `fabric:/`, hierarchy separated by `~` (`MyApp~MyService`); escapes already in it are
/// kept.
pub trait ServiceBackup: Transport {
    /// Backs up the service's partitions with a backup policy
    /// (`POST /Services/{serviceId}/$/EnableBackup`).
    #[fabric_endpoint(POST, "/Services/{serviceId}/$/EnableBackup", api_version = "6.4")]
    async fn enable_service_backup(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[query] timeout: Option<ServerTimeout>,
        #[body] description: &EnableBackupDescription,
    ) -> Result<Accepted>;

    /// Stops backing up the service by its own policy; with `clean_backup`, deletes its
    /// backups too (`POST /Services/{serviceId}/$/DisableBackup`).
    #[fabric_endpoint(POST, "/Services/{serviceId}/$/DisableBackup", api_version = "6.4")]
    async fn disable_service_backup(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[query] timeout: Option<ServerTimeout>,
        #[body] description: Option<&DisableBackupDescription>,
    ) -> Result<Accepted>;

    /// One page of the backup configurations of the service and of its partitions that
    /// have their own (`GET /Services/{serviceId}/$/GetBackupConfigurationInfo`).
    #[fabric_endpoint(GET, "/Services/{serviceId}/$/GetBackupConfigurationInfo", api_version = "6.4")]
    async fn get_service_backup_configuration_info(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[query("ContinuationToken", keep_escapes)] continuation_token: Option<&str>,
        #[query("MaxResults", min = 0, default = 0)] max_results: Option<i64>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Paged<BackupConfigurationInfo>>;

    /// One page of the backups of every partition of the service, between `start` and
    /// `end` or only the latest of each (`GET /Services/{serviceId}/$/GetBackups`).
    #[fabric_endpoint(GET, "/Services/{serviceId}/$/GetBackups", api_version = "6.4")]
    async fn get_service_backup_list(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[query] timeout: Option<ServerTimeout>,
        #[query("Latest", default = false)] latest: Option<bool>,
        #[query("StartDateTimeFilter")] start: Option<&BackupTimeFilter>,
        #[query("EndDateTimeFilter")] end: Option<&BackupTimeFilter>,
        #[query("ContinuationToken", keep_escapes)] continuation_token: Option<&str>,
        #[query("MaxResults", min = 0, default = 0)] max_results: Option<i64>,
    ) -> Result<Paged<BackupInfo>>;

    /// Every backup of the service's partitions, fetching page after page as the stream
    /// is read.
    fn service_backups<'a>(
        &'a self,
        service_id: &'a str,
        latest: Option<bool>,
        start: Option<&'a BackupTimeFilter>,
        end: Option<&'a BackupTimeFilter>,
        timeout: Option<ServerTimeout>,
    ) -> impl Stream<Item = Result<BackupInfo>> + Send + 'a
    where
        Self: Sized,
    {
        paging::items(move |token: Option<String>| async move {
            self.get_service_backup_list(service_id, timeout, latest, start, end, token.as_deref(), None)
                .await
        })
    }

    /// Suspends the service's periodic backups until resumed
    /// (`POST /Services/{serviceId}/$/SuspendBackup`).
    #[fabric_endpoint(POST, "/Services/{serviceId}/$/SuspendBackup", api_version = "6.4")]
    async fn suspend_service_backup(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Accepted>;

    /// Resumes the service's suspended periodic backups
    /// (`POST /Services/{serviceId}/$/ResumeBackup`).
    #[fabric_endpoint(POST, "/Services/{serviceId}/$/ResumeBackup", api_version = "6.4")]
    async fn resume_service_backup(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Accepted>;
}

impl<T: Transport> ServiceBackup for T {}
