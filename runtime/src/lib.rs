//! placeholder

pub mod error_code;
pub mod iso8601;
pub mod percent;

pub use error_code::FabricErrorCode;
pub use percent::{Percent, PercentError};
