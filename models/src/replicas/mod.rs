//! The models of the replica operations (`/Partitions/{partitionId}/$/GetReplicas…`):
//! replicas and instances as listed, and their health.

mod health;
mod info;

pub use health::*;
pub use info::*;
