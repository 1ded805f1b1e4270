//! The models of the service operations: `/Applications/{applicationId}/$/GetServices…` (listing and
//! creating services) and `/Services/{serviceId}/$/…` (a service's description, health,
//! update, deletion, resolution), except the partition listings (`partitions`) and the
//! backup operations (`backup_restore`).
//!
//! None are declared yet: a model goes into a file of its topic here (`mod topic;` and
//! `pub use topic::*;` below) when the first operation of this group that sends or returns
//! it is declared; a model another group uses too goes into `common`.
