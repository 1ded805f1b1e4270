//! The models of the partition operations: `/Partitions/{partitionId}` and its `/$/…` operations
//! (health, load, recovery, replica moves), `/Services/{serviceId}/$/GetPartitions` and the
//! service-wide recovery, except the replica operations (`replicas`) and the backup and
//! restore operations (`backup_restore`).
//!
//! None are declared yet: a model goes into a file of its topic here (`mod topic;` and
//! `pub use topic::*;` below) when the first operation of this group that sends or returns
//! it is declared; a model another group uses too goes into `common`.
