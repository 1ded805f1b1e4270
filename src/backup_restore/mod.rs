//! The Backup Restore group of the REST reference: backup policies and the backups in a
//! store (`/BackupRestore/…`), and the backup operations of applications, services and
//! partitions (`…/$/EnableBackup`, `…/$/GetBackups`, `…/$/Backup`, `…/$/Restore`, …).
//!
//! Periodic backup follows a [`BackupPolicyDescription`](crate::models::BackupPolicyDescription)
//! enabled on an application, a service or a partition; the most specific one applies.
//!
//! ```no_run
//! use std::time::Duration;
//!
//! use fabric_rest::Client;
//! use fabric_rest::backup_restore::{ApplicationBackup, BackupPolicies};
//! use fabric_rest::models::{
//!     AzureBlobBackupStorageDescription, BackupPolicyDescription, EnableBackupDescription,
//!     FrequencyBasedBackupScheduleDescription,
//! };
//!
//! # async fn run(connection_string: String) -> fabric_rest::Result<()> {
//! let client = Client::new("https://127.0.0.1:19080")?;
//! let policy = BackupPolicyDescription::new(
//!     "Hourly",
//!     FrequencyBasedBackupScheduleDescription::every(Duration::from_secs(3_600)),
//!     AzureBlobBackupStorageDescription::new(connection_string, "backups"),
//!     24,
//! );
//! client.create_backup_policy(&policy, None, Some(true)).await?;
//! client
//!     .enable_application_backup("MyApp", None, &EnableBackupDescription::new("Hourly"))
//!     .await?;
//! # Ok(()) }
//! ```

mod application;
mod partition;
mod policies;
mod service;

pub use application::ApplicationBackup;
pub use partition::PartitionBackup;
pub use policies::BackupPolicies;
pub use service::ServiceBackup;

/// The operation traits of this group, which [`crate::prelude`] brings into scope.
pub mod prelude {
    pub use super::{ApplicationBackup, BackupPolicies, PartitionBackup, ServiceBackup};
}
