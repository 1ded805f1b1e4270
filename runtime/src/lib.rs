//! placeholder

pub mod iso8601;
pub mod percent;

pub use percent::{Percent, PercentError};
