//! The models of the partition operations (`/Partitions…` and the partition listing of a
//! service): partitions as listed, their health and load.

mod health;
mod info;

pub use health::*;
pub use info::*;
