//! Backup policies, and the backups a store holds.

use crate::models::{BackupEntity, BackupInfo, BackupPolicyDescription, GetBackupByStorageQueryDescription, Paged};
use crate::paging::{self, Stream};
use crate::{Result, ServerTimeout, Transport, fabric_endpoint};

/// Creating, listing, changing and deleting backup policies, and listing the backups a
/// store holds.
///
/// Implemented for every [`Transport`]. Lists come a page at a time or, for the policies, as
/// one stream ([`backup_policies`](Self::backup_policies)).
pub trait BackupPolicies: Transport {
    /// Creates a backup policy (`POST /BackupRestore/BackupPolicies/$/Create`). With
    /// `validate_connection`, the gateway first checks that it can reach the policy's store.
    #[fabric_endpoint(POST, "/BackupRestore/BackupPolicies/$/Create", api_version = "6.4", success = 201)]
    async fn create_backup_policy(
        &self,
        #[body] policy: &BackupPolicyDescription,
        #[query] timeout: Option<ServerTimeout>,
        #[query("ValidateConnection", default = false)] validate_connection: Option<bool>,
    ) -> Result<()>;

    /// Deletes a backup policy no entity uses any more
    /// (`POST /BackupRestore/BackupPolicies/{backupPolicyName}/$/Delete`).
    #[fabric_endpoint(
        POST,
        "/BackupRestore/BackupPolicies/{backupPolicyName}/$/Delete",
        api_version = "6.4"
    )]
    async fn delete_backup_policy(
        &self,
        #[path] backup_policy_name: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// One page of the backup policies (`GET /BackupRestore/BackupPolicies`).
    #[fabric_endpoint(GET, "/BackupRestore/BackupPolicies", api_version = "6.4")]
    async fn get_backup_policy_list(
        &self,
        #[query("ContinuationToken", keep_escapes)] continuation_token: Option<&str>,
        #[query("MaxResults", min = 0, default = 0)] max_results: Option<i64>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Paged<BackupPolicyDescription>>;

    /// Every backup policy, fetching page after page as the stream is read.
    fn backup_policies(
        &self,
        max_results: Option<i64>,
        timeout: Option<ServerTimeout>,
    ) -> impl Stream<Item = Result<BackupPolicyDescription>> + Send + '_
    where
        Self: Sized,
    {
        paging::items(move |token: Option<String>| async move {
            self.get_backup_policy_list(token.as_deref(), max_results, timeout)
                .await
        })
    }

    /// The backup policy `backup_policy_name`
    /// (`GET /BackupRestore/BackupPolicies/{backupPolicyName}`).
    #[fabric_endpoint(GET, "/BackupRestore/BackupPolicies/{backupPolicyName}", api_version = "6.4")]
    async fn get_backup_policy_by_name(
        &self,
        #[path] backup_policy_name: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<BackupPolicyDescription>;

    /// One page of the applications, services and partitions the policy backs up
    /// (`GET /BackupRestore/BackupPolicies/{backupPolicyName}/$/GetBackupEnabledEntities`).
    #[fabric_endpoint(
        GET,
        "/BackupRestore/BackupPolicies/{backupPolicyName}/$/GetBackupEnabledEntities",
        api_version = "6.4"
    )]
    async fn get_all_entities_backed_up_by_policy(
        &self,
        #[path] backup_policy_name: &str,
        #[query("ContinuationToken", keep_escapes)] continuation_token: Option<&str>,
        #[query("MaxResults", min = 0, default = 0)] max_results: Option<i64>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Paged<BackupEntity>>;

    /// Replaces the backup policy `backup_policy_name` with `policy`
    /// (`POST /BackupRestore/BackupPolicies/{backupPolicyName}/$/Update`).
    #[fabric_endpoint(
        POST,
        "/BackupRestore/BackupPolicies/{backupPolicyName}/$/Update",
        api_version = "6.4"
    )]
    async fn update_backup_policy(
        &self,
        #[body] policy: &BackupPolicyDescription,
        #[path] backup_policy_name: &str,
        #[query] timeout: Option<ServerTimeout>,
        #[query("ValidateConnection", default = false)] validate_connection: Option<bool>,
    ) -> Result<()>;

    /// One page of the backups of an entity found in a store, whether or not the cluster
    /// took them (`POST /BackupRestore/$/GetBackups`). A query: safe to send again.
    #[fabric_endpoint(POST, "/BackupRestore/$/GetBackups", api_version = "6.4", idempotent)]
    async fn get_backups_from_backup_location(
        &self,
        #[query] timeout: Option<ServerTimeout>,
        #[query("ContinuationToken", keep_escapes)] continuation_token: Option<&str>,
        #[query("MaxResults", min = 0, default = 0)] max_results: Option<i64>,
        #[body] query: &GetBackupByStorageQueryDescription,
    ) -> Result<Paged<BackupInfo>>;
}

impl<T: Transport> BackupPolicies for T {}
