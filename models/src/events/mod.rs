//! The models of the EventStore operations: `/EventsStore/…` (the events of the cluster, nodes,
//! applications, services, partitions, replicas and containers).
//!
//! None are declared yet: a model goes into a file of its topic here (`mod topic;` and
//! `pub use topic::*;` below) when the first operation of this group that sends or returns
//! it is declared; a model another group uses too goes into `common`.
