//! Following long-running operations to their end.
//!
//! Every workflow of the cluster that starts with a quick answer and then runs (an
//! upgrade, a provision, a deactivation, a fault) is followed by the same loop
//! ([`wait`](fn@wait)): a total deadline, polls with jitter, transient failures ridden out,
//! permanent ones ending the wait, no status of an earlier run taken for this run's end,
//! progress after every poll, cancellation by dropping the future. Each workflow is a small
//! [`Workflow`] implementation with an outcome enum of its own.

pub use fabric_rest_runtime::wait::*;

#[cfg(all(feature = "applications", feature = "application_types"))]
pub mod application;
#[cfg(feature = "backup_restore")]
pub mod backup;
#[cfg(feature = "chaos")]
pub mod chaos;
#[cfg(feature = "cluster")]
pub mod cluster;
#[cfg(feature = "faults")]
pub mod faults;
#[cfg(any(feature = "cluster", all(feature = "applications", feature = "application_types")))]
pub mod manual;
#[cfg(feature = "nodes")]
pub mod node;
#[cfg(any(feature = "cluster", all(feature = "applications", feature = "application_types")))]
pub(crate) mod rolling;
#[cfg(feature = "services")]
pub mod service;
