//! The models of the backup and restore operations: `/BackupRestore/…` (backup policies,
//! backups in a storage location) and the backup operations of applications, services and
//! partitions (`…/$/EnableBackup`, `…/$/GetBackups`, `…/$/Restore`, …).
//!
//! None are declared yet: a model goes into a file of its topic here (`mod topic;` and
//! `pub use topic::*;` below) when the first operation of this group that sends or returns
//! it is declared; a model another group uses too goes into `common`.
