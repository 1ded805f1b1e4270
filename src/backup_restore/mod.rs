//! The backup and restore operations of the REST reference: `/BackupRestore/…` (backup policies, backups in a
//! storage location) and the backup operations of applications, services and partitions
//! (`…/$/EnableBackup`, `…/$/GetBackups`, `…/$/Restore`, …).
//!
//! None are declared yet. Each topic's operation trait goes into a file here, declared with
//! `#[fabric_endpoint]` and implemented for every `Transport` (see [`crate::nodes`] for the
//! shape), re-exported below and listed in [`prelude`]; its models go into
//! `fabric_rest::models::backup_restore`.

/// The operation traits of this group, which [`crate::prelude`] brings into scope.
pub mod prelude {}
