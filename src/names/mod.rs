//! The property management operations of the REST reference: `/Names/…` (Service Fabric names, their sub-names and
//! properties, property batches).
//!
//! None are declared yet. Each topic's operation trait goes into a file here, declared with
//! `#[fabric_endpoint]` and implemented for every `Transport` (see [`crate::nodes`] for the
//! shape), re-exported below and listed in [`prelude`]; its models go into
//! `fabric_rest::models::names`.

/// The operation traits of this group, which [`crate::prelude`] brings into scope.
pub mod prelude {}
