//! The partition operations of the REST reference: `/Partitions/{partitionId}…` (a
//! partition's description, health, load, recovery and the moving of its replicas), the
//! partition listing of a service (`/Services/{serviceId}/$/GetPartitions`) and its
//! recovery, except the replica operations (`replicas`) and the backup operations
//! (`backup_restore`).
//!
//! Partition ids (GUIDs) and service ids are sent with
//! [`ValueEncoding::KeepEscapes`](crate::ValueEncoding::KeepEscapes), as the spec marks them
//! `x-ms-skip-url-encoding`.

mod health;
mod partition;

pub use health::PartitionHealthOperations;
pub use partition::Partitions;

/// The operation traits of this group, which [`crate::prelude`] brings into scope.
pub mod prelude {
    pub use super::{PartitionHealthOperations, Partitions};
}
