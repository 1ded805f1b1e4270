//! The models of the backup and restore operations: `/BackupRestore/…` (backup policies,
//! backups in a storage location) and the backup operations of applications, services and
//! partitions (`…/$/EnableBackup`, `…/$/GetBackups`, `…/$/Restore`, …).
//!
//! A [`BackupPolicyDescription`] says when backups are taken ([`BackupScheduleDescription`]),
//! where they go ([`BackupStorageDescription`]) and how long they are kept
//! ([`RetentionPolicyDescription`]); its connection strings and passwords are
//! [`SecretString`](crate::SecretString)s, which `Debug` never shows.
//!
//! ```
//! use std::time::Duration;
//! use fabric_rest_models::{
//!     BackupPolicyDescription, BasicRetentionPolicyDescription, FileShareBackupStorageDescription,
//!     FrequencyBasedBackupScheduleDescription,
//! };
//!
//! let policy = BackupPolicyDescription::new(
//!     "FileShare10MinBackupPolicy",
//!     FrequencyBasedBackupScheduleDescription::every(Duration::from_secs(600)),
//!     FileShareBackupStorageDescription::new(r"\\myshare\backupshare")
//!         .with_primary_account("backupaccount", "abcd1234"),
//!     3,
//! )
//! .with_retention_policy(
//!     BasicRetentionPolicyDescription::new(Duration::from_secs(20 * 86_400)).with_minimum_number_of_backups(20),
//! );
//! let json = serde_json::to_value(&policy)?;
//! assert_eq!(json["Schedule"]["Interval"], "PT0H10M0S");
//! assert_eq!(json["Storage"]["PrimaryPassword"], "abcd1234");
//! assert!(!format!("{policy:?}").contains("abcd1234"));
//! # Ok::<(), serde_json::Error>(())
//! ```

mod backup;
mod entity;
mod policy;
mod storage;
mod time_filter;

pub use backup::*;
pub use entity::*;
pub use policy::*;
pub use storage::*;
pub use time_filter::*;
