//! The application operations of the REST reference: `/Applications`, `/Applications/$/Create` and `/Applications/{applicationId}/$/…`
//! (an application's description, health, load, update and upgrade), except the service
//! operations under `/$/GetServices` (`services`) and the backup operations
//! (`backup_restore`).
//!
//! None are declared yet. Each topic's operation trait goes into a file here, declared with
//! `#[fabric_endpoint]` and implemented for every `Transport` (see [`crate::nodes`] for the
//! shape), re-exported below and listed in [`prelude`]; its models go into
//! `fabric_rest::models::applications`.

/// The operation traits of this group, which [`crate::prelude`] brings into scope.
pub mod prelude {}
