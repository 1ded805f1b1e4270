//! The EventStore operations of the REST reference: `/EventsStore/…` (the events of the
//! cluster, nodes, applications, services, partitions, replicas and containers).

mod store;

pub use store::EventStore;

/// The operation traits of this group, which [`crate::prelude`] brings into scope.
pub mod prelude {
    pub use super::EventStore;
}
