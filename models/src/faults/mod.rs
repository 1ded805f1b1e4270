//! The models of the Fault Analysis Service operations: `/Faults/…` (data loss, quorum loss
//! and restarts of partitions, node transitions, and the list of fault operations).
//!
//! Every fault operation is started with an [`OperationId`] the caller chooses
//! ([`OperationId::new`] makes a fresh one) and followed with it until its
//! [`OperationState`] is final.

mod operation;
mod operation_id;
mod progress;

pub use operation::*;
pub use operation_id::*;
pub use progress::*;
