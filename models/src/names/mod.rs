//! The models of the property management operations: `/Names/…` (Service Fabric names,
//! their sub-names and properties, property batches).

mod batch;
mod info;
mod value;

pub use batch::*;
pub use info::*;
pub use value::*;
