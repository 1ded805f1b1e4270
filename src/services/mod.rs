//! The service operations of the REST reference: `/Applications/{applicationId}/$/GetServices…` (listing and
//! creating services) and `/Services/{serviceId}/$/…` (a service's description, health,
//! update, deletion, resolution), except the partition listings (`partitions`) and the
//! backup operations (`backup_restore`).
//!
//! None are declared yet. Each topic's operation trait goes into a file here, declared with
//! `#[fabric_endpoint]` and implemented for every `Transport` (see [`crate::nodes`] for the
//! shape), re-exported below and listed in [`prelude`]; its models go into
//! `fabric_rest::models::services`.

/// The operation traits of this group, which [`crate::prelude`] brings into scope.
pub mod prelude {}
