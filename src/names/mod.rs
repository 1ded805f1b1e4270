//! The property management operations of the REST reference: `/Names/…` (Service Fabric
//! names, their sub-names and properties, property batches).

mod name;
mod property;

pub use name::Names;
pub use property::Properties;

/// The operation traits of this group, which [`crate::prelude`] brings into scope.
pub mod prelude {
    pub use super::{Names, Properties};
}
