//! The Compose deployment operations of the REST reference: `/ComposeDeployments…` (creating, listing, upgrading and
//! removing Docker Compose deployments).
//!
//! None are declared yet. Each topic's operation trait goes into a file here, declared with
//! `#[fabric_endpoint]` and implemented for every `Transport` (see [`crate::nodes`] for the
//! shape), re-exported below and listed in [`prelude`]; its models go into
//! `fabric_rest::models::compose`.

/// The operation traits of this group, which [`crate::prelude`] brings into scope.
pub mod prelude {}
