//! Periodic backup of an application's stateful partitions.

use crate::models::{
    BackupConfigurationInfo, BackupInfo, BackupTimeFilter, DisableBackupDescription, EnableBackupDescription, Paged,
};
use crate::paging::{self, Stream};
use crate::{Accepted, Result, ServerTimeout, Transport, fabric_endpoint};

/// Backups of an application: every stateful partition of its services, unless a service
/// or partition says otherwise.
///
/// Implemented for every [`Transport`]. `application_id` is the application's name without
/// `fabric:/`, hierarchy separated by `~` (`MyApp~Sub` for `fabric:/MyApp/Sub`); escapes
/// already in it are kept.
pub trait ApplicationBackup: Transport {
    /// Backs up the application's stateful partitions with a backup policy
    /// (`POST /Applications/{applicationId}/$/EnableBackup`).
    #[fabric_endpoint(POST, "/Applications/{applicationId}/$/EnableBackup", api_version = "6.4")]
    async fn enable_application_backup(
        &self,
        #[path(keep_escapes)] application_id: &str,
        #[query] timeout: Option<ServerTimeout>,
        #[body] description: &EnableBackupDescription,
    ) -> Result<Accepted>;

    /// Stops backing up the application; with `clean_backup`, deletes its backups too
    /// (`POST /Applications/{applicationId}/$/DisableBackup`).
    #[fabric_endpoint(POST, "/Applications/{applicationId}/$/DisableBackup", api_version = "6.4")]
    async fn disable_application_backup(
        &self,
        #[path(keep_escapes)] application_id: &str,
        #[query] timeout: Option<ServerTimeout>,
        #[body] description: Option<&DisableBackupDescription>,
    ) -> Result<Accepted>;

    /// One page of the backup configurations of the application and of its services and
    /// partitions that have their own
    /// (`GET /Applications/{applicationId}/$/GetBackupConfigurationInfo`).
    #[fabric_endpoint(
        GET,
        "/Applications/{applicationId}/$/GetBackupConfigurationInfo",
        api_version = "6.4"
    )]
    async fn get_application_backup_configuration_info(
        &self,
        #[path(keep_escapes)] application_id: &str,
        #[query("ContinuationToken", keep_escapes)] continuation_token: Option<&str>,
        #[query("MaxResults", min = 0, default = 0)] max_results: Option<i64>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Paged<BackupConfigurationInfo>>;

    /// One page of the backups of every partition of the application, between `start` and
    /// `end` or only the latest of each (`GET /Applications/{applicationId}/$/GetBackups`).
    #[fabric_endpoint(GET, "/Applications/{applicationId}/$/GetBackups", api_version = "6.4")]
    async fn get_application_backup_list(
        &self,
        #[path(keep_escapes)] application_id: &str,
        #[query] timeout: Option<ServerTimeout>,
        #[query("Latest", default = false)] latest: Option<bool>,
        #[query("StartDateTimeFilter")] start: Option<&BackupTimeFilter>,
        #[query("EndDateTimeFilter")] end: Option<&BackupTimeFilter>,
        #[query("ContinuationToken", keep_escapes)] continuation_token: Option<&str>,
        #[query("MaxResults", min = 0, default = 0)] max_results: Option<i64>,
    ) -> Result<Paged<BackupInfo>>;

    /// Every backup of the application's partitions, fetching page after page as the
    /// stream is read.
    fn application_backups<'a>(
        &'a self,
        application_id: &'a str,
        latest: Option<bool>,
        start: Option<&'a BackupTimeFilter>,
        end: Option<&'a BackupTimeFilter>,
        timeout: Option<ServerTimeout>,
    ) -> impl Stream<Item = Result<BackupInfo>> + Send + 'a
    where
        Self: Sized,
    {
        paging::items(move |token: Option<String>| async move {
            self.get_application_backup_list(application_id, timeout, latest, start, end, token.as_deref(), None)
                .await
        })
    }

    /// Suspends the application's periodic backups until resumed
    /// (`POST /Applications/{applicationId}/$/SuspendBackup`).
    #[fabric_endpoint(POST, "/Applications/{applicationId}/$/SuspendBackup", api_version = "6.4")]
    async fn suspend_application_backup(
        &self,
        #[path(keep_escapes)] application_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Accepted>;

    /// Resumes the application's suspended periodic backups
    /// (`POST /Applications/{applicationId}/$/ResumeBackup`).
    #[fabric_endpoint(POST, "/Applications/{applicationId}/$/ResumeBackup", api_version = "6.4")]
    async fn resume_application_backup(
        &self,
        #[path(keep_escapes)] application_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Accepted>;
}

impl<T: Transport> ApplicationBackup for T {}
