//! The partition operations of the REST reference: `/Partitions/{partitionId}` and its `/$/…` operations (health,
//! load, recovery, replica moves), `/Services/{serviceId}/$/GetPartitions` and the
//! service-wide recovery, except the replica operations (`replicas`) and the backup and
//! restore operations (`backup_restore`).
//!
//! None are declared yet. Each topic's operation trait goes into a file here, declared with
//! `#[fabric_endpoint]` and implemented for every `Transport` (see [`crate::nodes`] for the
//! shape), re-exported below and listed in [`prelude`]; its models go into
//! `fabric_rest::models::partitions`.

/// The operation traits of this group, which [`crate::prelude`] brings into scope.
pub mod prelude {}
