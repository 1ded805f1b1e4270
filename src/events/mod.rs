//! The EventStore operations of the REST reference: `/EventsStore/…` (the events of the cluster, nodes, applications,
//! services, partitions, replicas and containers).
//!
//! None are declared yet. Each topic's operation trait goes into a file here, declared with
//! `#[fabric_endpoint]` and implemented for every `Transport` (see [`crate::nodes`] for the
//! shape), re-exported below and listed in [`prelude`]; its models go into
//! `fabric_rest::models::events`.

/// The operation traits of this group, which [`crate::prelude`] brings into scope.
pub mod prelude {}
