//! The Fault Analysis Service operations of the REST reference: `/Faults/…` (data loss,
//! quorum loss and restarts of partitions, node transitions, and the list of fault
//! operations).

mod node;
mod operations;
mod partition;

pub use node::NodeTransitions;
pub use operations::FaultOperations;
pub use partition::PartitionFaults;

/// The operation traits of this group, which [`crate::prelude`] brings into scope.
pub mod prelude {
    pub use super::{FaultOperations, NodeTransitions, PartitionFaults};
}
