//! The Chaos operations of the REST reference: `/Tools/Chaos…` (starting and stopping Chaos, its report, events and
//! schedule).
//!
//! None are declared yet. Each topic's operation trait goes into a file here, declared with
//! `#[fabric_endpoint]` and implemented for every `Transport` (see [`crate::nodes`] for the
//! shape), re-exported below and listed in [`prelude`]; its models go into
//! `fabric_rest::models::chaos`.

/// The operation traits of this group, which [`crate::prelude`] brings into scope.
pub mod prelude {}
