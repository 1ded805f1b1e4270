//! The models of the replica operations: `/Partitions/{partitionId}/$/GetReplicas…` (listing replicas,
//! their health and health reports).
//!
//! None are declared yet: a model goes into a file of its topic here (`mod topic;` and
//! `pub use topic::*;` below) when the first operation of this group that sends or returns
//! it is declared; a model another group uses too goes into `common`.
