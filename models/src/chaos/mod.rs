//! The models of the Chaos operations: `/Tools/Chaos…` (Chaos's parameters, status,
//! schedule and events).

mod file_time;
mod parameters;
mod schedule;
mod status;

pub use file_time::*;
pub use parameters::*;
pub use schedule::*;
pub use status::*;
