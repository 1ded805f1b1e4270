//! The replica operations of the REST reference:
//! `/Partitions/{partitionId}/$/GetReplicas…` (a partition's replicas and instances, and
//! their health).
//!
//! Partition and replica ids are sent with
//! [`ValueEncoding::KeepEscapes`](crate::ValueEncoding::KeepEscapes), as the spec marks them
//! `x-ms-skip-url-encoding`; a replica id is a 64-bit number, passed as its decimal text.

mod health;
mod replica;

pub use health::ReplicaHealthOperations;
pub use replica::Replicas;

/// The operation traits of this group, which [`crate::prelude`] brings into scope.
pub mod prelude {
    pub use super::{ReplicaHealthOperations, Replicas};
}
