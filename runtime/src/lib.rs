//! placeholder

pub mod iso8601;
