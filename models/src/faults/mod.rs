//! The models of the fault operations of the Fault Analysis Service: `/Faults/…` (node transitions,
//! data loss, quorum loss and partition restarts, their progress and cancellation).
//!
//! None are declared yet: a model goes into a file of its topic here (`mod topic;` and
//! `pub use topic::*;` below) when the first operation of this group that sends or returns
//! it is declared; a model another group uses too goes into `common`.
