//! The Chaos operations of the REST reference: `/Tools/Chaos…` (starting, stopping and
//! scheduling Chaos, and reading its events).

mod operations;

pub use operations::ChaosOperations;

/// The operation traits of this group, which [`crate::prelude`] brings into scope.
pub mod prelude {
    pub use super::ChaosOperations;
}
