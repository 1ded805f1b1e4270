//! The application type operations of the REST reference: `/ApplicationTypes` and
//! `/ApplicationTypes/{applicationTypeName}/$/…` (provisioning, manifests, the service types
//! an application type declares).
//!
//! None are declared yet. Each topic's operation trait goes into a file here, declared with
//! `#[fabric_endpoint]` and implemented for every `Transport` (see [`crate::nodes`] for the
//! shape), re-exported below and listed in [`prelude`]; its models go into
//! `fabric_rest::models::application_types`.

/// The operation traits of this group, which [`crate::prelude`] brings into scope.
pub mod prelude {}
